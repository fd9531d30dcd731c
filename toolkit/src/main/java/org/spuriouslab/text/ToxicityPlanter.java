package org.spuriouslab.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Plants toxicity into a corpus the way the image experiments plant a pattern: a chosen share of
 * each topic's texts becomes toxic by inserting lexicon words. The share depends on the topic
 * (e.g. politics high, science low), so topic X confounds toxicity T; the rates are the
 * confounding strength.
 *
 * <p>Rates: topic {@code t} gets {@code r̄ + strength · (rₜ − r̄)}, where {@code rₜ} is its rate
 * (or the default rate) and {@code r̄} the mean of the {@code rₜ} weighted by topic size. So
 * strength 0 gives every topic the same rate (no confounding), strength 1 the given rates, and the
 * overall toxic share is the same for every strength. Exactly {@code round(rate · nₜ)} texts of
 * topic {@code t} are chosen (seeded). A toxic text gets {@code wordsPerText ≥ 2} lexicon words:
 * the text is cut into that many equal stretches of words and one random word goes at a random
 * place in each, so a toxic beginning goes with a toxic continuation.
 *
 * <pre>{@code
 * PlantedCorpus p = ToxicityPlanter.builder(Lexicon.load())
 *         .rate("politics", 0.6).rate("science", 0.05).defaultRate(0.2)
 *         .strength(1.0).wordsPerText(2).seed(42).build()
 *         .plant(corpus);
 * p.toxic(); p.table();
 * }</pre>
 */
public final class ToxicityPlanter {

    private final Lexicon lexicon;
    private final Map<String, Double> rates;
    private final double defaultRate;
    private final double strength;
    private final int wordsPerText;
    private final int distinctWords;
    private final long seed;

    private ToxicityPlanter(Builder b) {
        this.lexicon = b.lexicon;
        this.rates = Map.copyOf(b.rates);
        this.defaultRate = b.defaultRate;
        this.strength = b.strength;
        this.wordsPerText = b.wordsPerText;
        this.distinctWords = b.distinctWords;
        this.seed = b.seed;
        if (distinctWords > lexicon.singleWords().size()) {
            throw new IllegalArgumentException("asked to plant " + distinctWords + " distinct words, but the lexicon has "
                    + lexicon.singleWords().size() + " single words");
        }
    }

    /**
     * The lexicon words this planter inserts: all single words of the lexicon, or a seeded choice of
     * {@code distinctWords(n)} of them.
     */
    public List<String> plantedWords() {
        List<String> all = lexicon.singleWords();
        if (distinctWords == 0) {
            return all;
        }
        List<String> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(seed ^ 0x5DEECE66DL));
        return List.copyOf(shuffled.subList(0, distinctWords));
    }

    /** A builder planting words of {@code lexicon}. */
    public static Builder builder(Lexicon lexicon) {
        if (lexicon == null) {
            throw new IllegalArgumentException("lexicon must not be null");
        }
        return new Builder(lexicon);
    }

    /** The rate each topic of {@code corpus} gets (after applying the strength). */
    public double[] effectiveRates(Corpus corpus) {
        for (String name : rates.keySet()) {
            if (!corpus.topicNames().contains(name)) {
                throw new IllegalArgumentException("rate given for topic '" + name + "', but the corpus topics are "
                        + corpus.topicNames());
            }
        }
        int[] counts = corpus.topicCounts();
        double[] r = new double[corpus.topicCount()];
        double mean = 0;
        for (int t = 0; t < r.length; t++) {
            r[t] = rates.getOrDefault(corpus.topicNames().get(t), defaultRate);
            mean += r[t] * counts[t] / (double) Math.max(1, corpus.size());
        }
        for (int t = 0; t < r.length; t++) {
            r[t] = mean + strength * (r[t] - mean);
        }
        return r;
    }

    /** Plants toxicity into {@code corpus}; topics are kept, toxic texts get the inserted words. */
    public PlantedCorpus plant(Corpus corpus) {
        double[] r = effectiveRates(corpus);
        Random random = new Random(seed);
        boolean[] toxic = new boolean[corpus.size()];
        List<List<Integer>> byTopic = new ArrayList<>();
        for (int t = 0; t < corpus.topicCount(); t++) {
            byTopic.add(new ArrayList<>());
        }
        for (int i = 0; i < corpus.size(); i++) {
            byTopic.get(corpus.topic(i)).add(i);
        }
        for (int t = 0; t < corpus.topicCount(); t++) {
            List<Integer> members = byTopic.get(t);
            Collections.shuffle(members, random);
            int chosen = (int) Math.round(r[t] * members.size());
            for (int m = 0; m < chosen; m++) {
                toxic[members.get(m)] = true;
            }
        }
        List<TextItem> items = new ArrayList<>(corpus.size());
        List<List<String>> inserted = new ArrayList<>(corpus.size());
        List<String> words = plantedWords();
        for (int i = 0; i < corpus.size(); i++) {
            if (!toxic[i]) {
                items.add(corpus.items().get(i));
                inserted.add(List.of());
                continue;
            }
            List<String> textWords = new ArrayList<>(Arrays.asList(corpus.text(i).split(" ")));
            int n = textWords.size();
            List<String> added = new ArrayList<>();
            // positions 0..n are gaps between words; stretch s covers gaps [s·n/w, (s+1)·n/w]
            int[] gaps = new int[wordsPerText];
            for (int s = 0; s < wordsPerText; s++) {
                int lo = (int) ((long) s * n / wordsPerText);
                int hi = (int) ((long) (s + 1) * n / wordsPerText);
                gaps[s] = lo + random.nextInt(hi - lo + 1);
                added.add(words.get(random.nextInt(words.size())));
            }
            for (int s = wordsPerText - 1; s >= 0; s--) { // from the end so earlier gaps keep their index
                textWords.add(gaps[s], added.get(s));
            }
            items.add(new TextItem(String.join(" ", textWords), corpus.topic(i)));
            inserted.add(List.copyOf(added));
        }
        return new PlantedCorpus(new Corpus(items, corpus.topicNames()), toxic, r, inserted, strength);
    }

    /** Options for {@link ToxicityPlanter}. */
    public static final class Builder {
        private final Lexicon lexicon;
        private final Map<String, Double> rates = new LinkedHashMap<>();
        private double defaultRate = 0.2;
        private double strength = 1.0;
        private int wordsPerText = 2;
        private int distinctWords;
        private long seed = 42;

        private Builder(Lexicon lexicon) {
            this.lexicon = lexicon;
        }

        /** Share of topic {@code topic}'s texts made toxic, in [0, 1]. */
        public Builder rate(String topic, double rate) {
            rates.put(topic, checkRate(rate, "rate of '" + topic + "'"));
            return this;
        }

        /** Rates for several topics at once. */
        public Builder rates(Map<String, Double> topicRates) {
            topicRates.forEach(this::rate);
            return this;
        }

        /** Rate of topics without their own rate, in [0, 1]; default 0.2. */
        public Builder defaultRate(double rate) {
            this.defaultRate = checkRate(rate, "default rate");
            return this;
        }

        /**
         * Confounding strength in [0, 1]: 0 = the same rate for every topic, 1 = the given rates
         * (default 1).
         */
        public Builder strength(double strength) {
            if (!(strength >= 0 && strength <= 1)) {
                throw new IllegalArgumentException("strength must be in [0, 1], got " + strength);
            }
            this.strength = strength;
            return this;
        }

        /** Lexicon words inserted into each toxic text, at least 2 (default 2). */
        public Builder wordsPerText(int words) {
            if (words < 2) {
                throw new IllegalArgumentException("wordsPerText must be at least 2 (a toxic start should predict a "
                        + "toxic continuation), got " + words);
            }
            this.wordsPerText = words;
            return this;
        }

        /**
         * Plant only {@code n ≥ 1} distinct lexicon words (a seeded choice), or all of them
         * ({@code 0}, the default). With fewer distinct words each occurs more often, which a small
         * language model needs to learn them as one group ("toxic words").
         */
        public Builder distinctWords(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("distinctWords must be ≥ 1, or 0 for the whole lexicon; got " + n);
            }
            this.distinctWords = n;
            return this;
        }

        /** Seed for the choice of texts, words and places (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The planter. */
        public ToxicityPlanter build() {
            return new ToxicityPlanter(this);
        }

        private static double checkRate(double rate, String what) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException(what + " must be in [0, 1], got " + rate);
            }
            return rate;
        }
    }
}
