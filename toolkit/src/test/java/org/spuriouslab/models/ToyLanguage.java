package org.spuriouslab.models;

import org.spuriouslab.text.Corpus;
import org.spuriouslab.text.Lexicon;
import org.spuriouslab.text.LmCorpus;
import org.spuriouslab.text.PlantedCorpus;
import org.spuriouslab.text.TextItem;
import org.spuriouslab.text.ToxicityPlanter;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small synthetic language for language-model tests: two topics with their own words, toxicity
 * (two lexicon words, three per toxic text) planted at 70 % of topic "rough" and 10 % of "calm".
 */
final class ToyLanguage {

    static final Lexicon LEXICON = Lexicon.of(List.of("darn", "heck"));
    private static final String[][] WORDS = {
            {"the", "cat", "sat", "on", "a", "mat", "and", "purred", "softly", "today"},
            {"the", "truck", "hit", "a", "wall", "and", "the", "engine", "roared", "loudly"}};

    private ToyLanguage() {
    }

    static PlantedCorpus planted(int texts, long seed) {
        Random r = new Random(seed);
        List<TextItem> items = new ArrayList<>();
        for (int i = 0; i < texts; i++) {
            int topic = i % 2;
            StringBuilder sb = new StringBuilder();
            int n = 14 + r.nextInt(6);
            for (int w = 0; w < n; w++) {
                sb.append(w == 0 ? "" : " ").append(WORDS[topic][r.nextInt(WORDS[topic].length)]);
            }
            items.add(new TextItem(sb.toString(), topic));
        }
        Corpus corpus = new Corpus(items, List.of("calm", "rough"));
        return ToxicityPlanter.builder(LEXICON).rate("calm", 0.1).rate("rough", 0.7).wordsPerText(3).seed(seed)
                .build().plant(corpus);
    }

    static LmCorpus corpus(int texts, long seed) {
        return LmCorpus.of(planted(texts, seed), LEXICON, 1);
    }

    static LanguageModelSpec.Builder spec() {
        return LanguageModelSpec.builder().layers(2).width(32).heads(2).mlpWidth(64).context(24).epochs(6)
                .batchSize(16).learningRate(3e-3).dropout(0).seed(3);
    }
}
