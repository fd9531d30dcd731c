package org.spuriouslab.text;

import org.spuriouslab.charts.Charts;
import org.spuriouslab.charts.ScatterChart;
import org.spuriouslab.clustering.Clustering;
import org.spuriouslab.clustering.KChoice;
import org.spuriouslab.clustering.Projection;
import org.spuriouslab.metrics.ClusterAgreement;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The topics {@link TopicModel} found: a cluster per topic, the embeddings behind it, its top
 * words, and its agreement with the corpus's true categories (NMI, ARI, purity).
 */
public final class Topics {

    private final Corpus corpus;
    private final Vocabulary vocabulary;
    private final SparseMatrix tfidf;
    private final Svd svd;
    private final double[][] embedding;
    private final KChoice kChoice;
    private final Clustering clustering;
    private double[][] map;

    Topics(Corpus corpus, Vocabulary vocabulary, SparseMatrix tfidf, Svd svd, double[][] embedding, KChoice kChoice,
           Clustering clustering) {
        this.corpus = corpus;
        this.vocabulary = vocabulary;
        this.tfidf = tfidf;
        this.svd = svd;
        this.embedding = embedding;
        this.kChoice = kChoice;
        this.clustering = clustering;
    }

    /** The corpus. */
    public Corpus corpus() {
        return corpus;
    }

    /** The vocabulary (TF-IDF columns). */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The TF-IDF matrix, texts × words. */
    public SparseMatrix tfidf() {
        return tfidf;
    }

    /** The truncated SVD behind the embedding, or {@code null} when the topics were fitted on a given embedding. */
    public Svd svd() {
        return svd;
    }

    /** The text embeddings clustered: SVD coordinates (scaled to unit length if asked), texts × components. */
    public double[][] embedding() {
        return embedding;
    }

    /** The silhouette search over k, when k was chosen (empty when k was fixed). */
    public Optional<KChoice> kChoice() {
        return Optional.ofNullable(kChoice);
    }

    /** The k-means clustering. */
    public Clustering clustering() {
        return clustering;
    }

    /** Number of topics. */
    public int k() {
        return clustering.k();
    }

    /** The topic of every text. */
    public int[] assignments() {
        return clustering.assignments().clone();
    }

    /**
     * The topic of every text as one-hot covariates for {@link org.spuriouslab.causal.EntropyBalancing}:
     * one 0/1 column per topic, named by its number and top 2 words (e.g. {@code "3: love life"}).
     */
    public org.spuriouslab.causal.Covariates oneHot() {
        List<String> names = new ArrayList<>();
        for (int t = 0; t < k(); t++) {
            names.add(t + ": " + String.join(" ", topWords(t, 2)));
        }
        return org.spuriouslab.causal.Covariates.oneHot(clustering.assignments(), names);
    }

    /** NMI between the topics and the corpus's true categories (1 = the same partition, ≈ 0 = unrelated). */
    public double nmi() {
        return nmi(corpus.topics());
    }

    /** NMI between the topics and {@code truth}. */
    public double nmi(int[] truth) {
        return ClusterAgreement.nmi(clustering.assignments(), truth);
    }

    /** Adjusted Rand index against the true categories (0 = chance, 1 = identical). */
    public double ari() {
        return ari(corpus.topics());
    }

    /** Adjusted Rand index against {@code truth}. */
    public double ari(int[] truth) {
        return ClusterAgreement.ari(clustering.assignments(), truth);
    }

    /** Purity against the true categories: share of texts in their topic's majority category. */
    public double purity() {
        return ClusterAgreement.purity(clustering.assignments(), corpus.topics());
    }

    /** NMI of the topics against the true categories shuffled (seeded): what chance looks like. */
    public double chanceNmi(long seed) {
        int[] shuffled = corpus.topics();
        Random random = new Random(seed);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        return nmi(shuffled);
    }

    /** The {@code count} words with the highest mean TF-IDF over the texts of topic {@code topic}. */
    public List<String> topWords(int topic, int count) {
        if (topic < 0 || topic >= k()) {
            throw new IllegalArgumentException("topic must be in 0.." + (k() - 1) + ", got " + topic);
        }
        double[] mean = tfidf.meanOfRows(clustering.members(topic));
        Integer[] order = new Integer[mean.length];
        for (int j = 0; j < mean.length; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(mean[b], mean[a]));
        List<String> words = new ArrayList<>();
        for (int r = 0; r < Math.min(count, order.length) && mean[order[r]] > 0; r++) {
            words.add(vocabulary.word(order[r]));
        }
        return words;
    }

    /** The true category most texts of topic {@code topic} belong to, or −1 for an empty topic. */
    public int majorityCategory(int topic) {
        int[] counts = crossCounts()[topic];
        int best = -1;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0 && (best < 0 || counts[c] > counts[best])) {
                best = c;
            }
        }
        return best;
    }

    /**
     * For each found topic, the share of its texts where {@code mask} is true — e.g. the toxic
     * share per topic, which shows whether the found topics carry the confounding.
     */
    public double[] shareByTopic(boolean[] mask) {
        if (mask == null || mask.length != corpus.size()) {
            throw new IllegalArgumentException("mask needs one entry per text (" + corpus.size() + "), got "
                    + (mask == null ? 0 : mask.length));
        }
        double[] share = new double[k()];
        int[] a = clustering.assignments();
        for (int i = 0; i < a.length; i++) {
            share[a[i]] += mask[i] ? 1 : 0;
        }
        for (int t = 0; t < share.length; t++) {
            int size = clustering.size(t);
            share[t] = size == 0 ? 0 : share[t] / size;
        }
        return share;
    }

    /** Per found topic: texts, top words and the share where {@code mask} is true, named {@code maskName}. */
    public Table shareTable(boolean[] mask, String maskName, int words) {
        double[] share = shareByTopic(mask);
        IntColumn topic = IntColumn.create("topic");
        IntColumn texts = IntColumn.create("texts");
        StringColumn top = StringColumn.create("top words");
        DoubleColumn col = DoubleColumn.create(maskName + " share");
        for (int t = 0; t < k(); t++) {
            topic.append(t);
            texts.append(clustering.size(t));
            top.append(String.join(" ", topWords(t, words)));
            col.append(round(share[t]));
        }
        return Table.create(maskName + " share by found topic", topic, texts, top, col);
    }

    /** Texts per (topic, true category): {@code [k][categories]}. */
    public int[][] crossCounts() {
        int[][] counts = new int[k()][corpus.topicCount()];
        int[] a = clustering.assignments();
        for (int i = 0; i < a.length; i++) {
            counts[a[i]][corpus.topic(i)]++;
        }
        return counts;
    }

    /** One row per topic: texts, main true category and its share, top {@code words} words. */
    public Table table(int words) {
        IntColumn topic = IntColumn.create("topic");
        IntColumn texts = IntColumn.create("texts");
        StringColumn main = StringColumn.create("main category");
        DoubleColumn share = DoubleColumn.create("share");
        StringColumn top = StringColumn.create("top words");
        int[][] cross = crossCounts();
        for (int t = 0; t < k(); t++) {
            int size = clustering.size(t);
            int m = majorityCategory(t);
            topic.append(t);
            texts.append(size);
            main.append(m < 0 ? "-" : corpus.topicNames().get(m));
            share.append(m < 0 ? 0 : Math.round(1000.0 * cross[t][m] / size) / 1000.0);
            top.append(String.join(" ", topWords(t, words)));
        }
        return Table.create("topics (k = " + k() + ")", topic, texts, main, share, top);
    }

    /** Texts per (topic, true category), one column per category. */
    public Table crossTable() {
        int[][] cross = crossCounts();
        Table table = Table.create("texts per topic and true category");
        IntColumn topic = IntColumn.create("topic");
        for (int t = 0; t < k(); t++) {
            topic.append(t);
        }
        table.addColumns(topic);
        for (int c = 0; c < corpus.topicCount(); c++) {
            IntColumn col = IntColumn.create(corpus.topicNames().get(c));
            for (int t = 0; t < k(); t++) {
                col.append(cross[t][c]);
            }
            table.addColumns(col);
        }
        return table;
    }

    /** NMI, ARI and purity against the true categories, and NMI against shuffled categories (chance). */
    public Table agreementTable(long seed) {
        return Table.create("topics vs true categories",
                StringColumn.create("measure", "NMI", "ARI", "purity", "NMI vs shuffled categories"),
                DoubleColumn.create("value", round(nmi()), round(ari()), round(purity()), round(chanceNmi(seed))));
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    /** A short name per topic: its number and top {@code words} words, e.g. {@code "2: tax vote law"}. */
    public List<String> names(int words) {
        List<String> names = new ArrayList<>();
        for (int t = 0; t < k(); t++) {
            names.add(t + ": " + String.join(" ", topWords(t, words)));
        }
        return names;
    }

    /** Bars: texts per topic, each bar named by its top 3 words. */
    public BufferedImage sizesChart() {
        List<String> names = names(3);
        return Charts.bars("Texts per topic (k = " + k() + ")", "topic: top words", "texts", names,
                clustering.sizes());
    }

    /** First two principal components of the embeddings (computed once). */
    public double[][] map() {
        if (map == null) {
            map = Projection.pca2(embedding);
        }
        return map;
    }

    /** The 2-D map coloured by true category. */
    public BufferedImage mapByCategory() {
        return ScatterChart.of("By true category (first two principal components)", map(),
                corpus.topics(), corpus.topicNames());
    }

    /** The 2-D map coloured by found topic. */
    public BufferedImage mapByTopic() {
        List<String> names = names(2);
        return ScatterChart.of("By found topic, k = " + k() + " (first two principal components)",
                map(), clustering.assignments(), names);
    }

    @Override
    public String toString() {
        return String.format("Topics[k = %d, %d texts, NMI %.3f, ARI %.3f]", k(), corpus.size(), nmi(), ari());
    }
}
