package org.spuriouslab.text;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Topics on the real fortunes corpus (skipped without the data unless SPURIOUS_REQUIRE_DATA=1). */
class TopicsRealDataTest {

    static Corpus requireCorpus() {
        try {
            return Fortunes.load();
        } catch (IOException e) {
            if ("1".equals(System.getenv("SPURIOUS_REQUIRE_DATA"))) {
                Assertions.fail("the fortunes data is required (SPURIOUS_REQUIRE_DATA=1): " + e.getMessage(), e);
            }
            Assumptions.abort("no fortunes data on disk (" + e.getMessage() + ")");
            throw new AssertionError(e);
        }
    }

    @Test
    void topicNmiOnTheCorpusIsClearlyAboveChance() {
        Corpus corpus = requireCorpus().capPerTopic(400, 1);
        assertEquals(Fortunes.CATEGORIES.size(), corpus.topicCount());
        Topics topics = TopicModel.builder().components(50).kRange(4, 8).seed(42).build().fit(corpus);
        double nmi = topics.nmi();
        double chance = topics.chanceNmi(3);
        System.out.printf("fortunes: %d texts, k = %d, NMI %.3f, ARI %.3f, purity %.3f, shuffled NMI %.4f%n",
                corpus.size(), topics.k(), nmi, topics.ari(), topics.purity(), chance);
        System.out.println(topics.table(6));
        assertTrue(chance < 0.02, "shuffled NMI " + chance);
        assertTrue(nmi > 0.06 && nmi > 5 * chance, "NMI " + nmi + " vs shuffled " + chance);
        assertTrue(topics.ari() > 0.02, "ARI " + topics.ari());
        boolean[] isLove = new boolean[corpus.size()];
        for (int i = 0; i < isLove.length; i++) {
            isLove[i] = corpus.topic(i) == corpus.topicNames().indexOf("love");
        }
        double[] loveShare = topics.shareByTopic(isLove);
        double weighted = 0;
        for (int t = 0; t < topics.k(); t++) {
            weighted += loveShare[t] * topics.clustering().size(t);
        }
        assertEquals(corpus.topicCounts()[corpus.topicNames().indexOf("love")], weighted, 1e-6);
        assertEquals(topics.nmi(), TopicModel.builder().components(50).kRange(4, 8).seed(42).build().fit(corpus).nmi(), 0);
    }

    @Test
    void realLexiconPlantsIntoRealTexts() throws IOException {
        Corpus corpus = requireCorpus();
        Lexicon lexicon;
        try {
            lexicon = Lexicon.load();
        } catch (IOException e) {
            if ("1".equals(System.getenv("SPURIOUS_REQUIRE_DATA"))) {
                throw e;
            }
            Assumptions.abort("no naughty-words data on disk (" + e.getMessage() + ")");
            return;
        }
        assertTrue(lexicon.singleWords().size() > 100, lexicon.toString());
        PlantedCorpus p = ToxicityPlanter.builder(lexicon).rate("politics", 0.6).rate("science", 0.05)
                .defaultRate(0.2).seed(1).build().plant(corpus);
        double[] share = p.toxicShareByTopic();
        assertEquals(0.6, share[0], 0.5 / corpus.topicCounts()[0]);
        assertEquals(0.05, share[1], 0.5 / corpus.topicCounts()[1]);
        for (int i = 0; i < corpus.size(); i++) {
            if (p.toxic()[i]) {
                assertTrue(lexicon.count(p.corpus().text(i)) >= 2);
            }
        }
    }
}
