package org.spuriouslab.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToxicityPlanterTest {

    private static final Lexicon LEX = Lexicon.of(List.of("darn", "heck", "dang", "blast"));

    private static Corpus corpus() {
        List<TextItem> items = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            items.add(new TextItem("word" + i + " alpha beta gamma delta epsilon zeta eta", i % 2 == 0 ? 0 : 1));
        }
        for (int i = 0; i < 100; i++) {
            items.add(new TextItem("other" + i + " one two three", 2));
        }
        return new Corpus(items, List.of("politics", "science", "food"));
    }

    @Test
    void ratesPerTopicAreExactAndSeeded() {
        Corpus c = corpus();
        ToxicityPlanter planter = ToxicityPlanter.builder(LEX).rate("politics", 0.8).rate("science", 0.1)
                .defaultRate(0.3).wordsPerText(3).seed(5).build();
        PlantedCorpus p = planter.plant(c);
        assertArrayEquals(new double[]{0.8, 0.1, 0.3}, p.toxicShareByTopic(), 1e-12);
        assertEquals(80 + 10 + 30, p.toxicCount());
        for (int i = 0; i < c.size(); i++) {
            assertEquals(c.topic(i), p.corpus().topic(i));
            int found = LEX.count(p.corpus().text(i));
            assertEquals(p.toxic()[i] ? 3 : 0, found, "lexicon words in text " + i);
            assertEquals(p.toxic()[i] ? 3 : 0, p.inserted().get(i).size());
            if (p.toxic()[i]) {
                // one word in each third of the text: the first third of the words holds a lexicon word
                String[] words = p.corpus().text(i).split(" ");
                int firstToxic = -1;
                for (int w = 0; w < words.length && firstToxic < 0; w++) {
                    firstToxic = LEX.contains(words[w]) ? w : -1;
                }
                assertTrue(firstToxic <= words.length / 3 + 1, "first lexicon word at " + firstToxic);
            } else {
                assertEquals(c.text(i), p.corpus().text(i));
            }
        }
        PlantedCorpus again = planter.plant(c);
        assertArrayEquals(p.toxic(), again.toxic());
        assertEquals(p.corpus().texts(), again.corpus().texts());
        PlantedCorpus other = ToxicityPlanter.builder(LEX).rate("politics", 0.8).rate("science", 0.1)
                .defaultRate(0.3).wordsPerText(3).seed(6).build().plant(c);
        assertFalse(java.util.Arrays.equals(p.toxic(), other.toxic()));
    }

    @Test
    void strengthZeroRemovesTheConfoundingButKeepsTheOverallShare() {
        Corpus c = corpus();
        ToxicityPlanter.Builder b = ToxicityPlanter.builder(LEX).rate("politics", 0.8).rate("science", 0.1)
                .defaultRate(0.3);
        double[] none = b.strength(0).build().effectiveRates(c);
        double[] half = b.strength(0.5).build().effectiveRates(c);
        double mean = (0.8 * 100 + 0.1 * 100 + 0.3 * 100) / 300;
        assertArrayEquals(new double[]{mean, mean, mean}, none, 1e-12);
        assertArrayEquals(new double[]{(mean + 0.8) / 2, (mean + 0.1) / 2, (mean + 0.3) / 2}, half, 1e-12);
        assertNotEquals(none[0], half[0]);
    }

    @Test
    void sweepSpreadsTheSharesAndRaisesTheDependence() {
        ConfoundingSweep sweep = ConfoundingSweep.run(corpus(), ToxicityPlanter.builder(LEX).rate("politics", 0.8)
                .rate("science", 0.1).defaultRate(0.3).seed(3), 0, 0.5, 1);
        assertEquals(sweep.shares()[0][0], sweep.shares()[0][1], 1e-12);
        assertEquals(0.8, sweep.shares()[2][0], 1e-12);
        assertEquals(0.1, sweep.shares()[2][1], 1e-12);
        assertTrue(sweep.dependence()[0] < 1e-3, "NMI at strength 0: " + sweep.dependence()[0]);
        assertTrue(sweep.dependence()[1] < sweep.dependence()[2] && sweep.dependence()[1] > sweep.dependence()[0]);
        assertEquals(3, sweep.table().rowCount());
        assertEquals(720, sweep.sharesChart().getWidth());
    }

    @Test
    void badParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ToxicityPlanter.builder(LEX).wordsPerText(1));
        assertThrows(IllegalArgumentException.class, () -> ToxicityPlanter.builder(LEX).rate("politics", 1.5));
        assertThrows(IllegalArgumentException.class, () -> ToxicityPlanter.builder(LEX).strength(-0.1));
        var e = assertThrows(IllegalArgumentException.class,
                () -> ToxicityPlanter.builder(LEX).rate("sport", 0.5).build().plant(corpus()));
        assertTrue(e.getMessage().contains("sport"));
    }
}
