package org.spuriouslab.text;

import org.junit.jupiter.api.Test;
import org.spuriouslab.causal.Covariates;
import org.spuriouslab.causal.EntropyBalancing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BalancingSweepTest {

    private static final Lexicon LEX = Lexicon.of(List.of("darn", "heck", "dang", "blast"));
    private static final List<String> CATEGORIES = List.of("politics", "science", "food");

    /** Three categories with disjoint vocabularies, so the found topics recover them. */
    private static Corpus corpus() {
        SplittableRandom rnd = new SplittableRandom(11);
        List<TextItem> items = new ArrayList<>();
        for (int c = 0; c < CATEGORIES.size(); c++) {
            for (int i = 0; i < 150; i++) {
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < 10; w++) {
                    text.append(w == 0 ? "" : " ").append(CATEGORIES.get(c)).append("word").append(rnd.nextInt(30));
                }
                items.add(new TextItem(text.toString(), c));
            }
        }
        return new Corpus(items, CATEGORIES);
    }

    private static ToxicityPlanter.Builder planter() {
        return ToxicityPlanter.builder(LEX).rate("politics", 0.7).rate("science", 0.1).rate("food", 0.3).seed(3);
    }

    private static TopicModel model() {
        return TopicModel.builder().components(8).k(3).seed(1).build();
    }

    @Test
    void clearTopicsCarryTheConfoundingAndBalancingOnThemRemovesIt() {
        BalancingSweep sweep = BalancingSweep.run(corpus(), planter(), model(), EntropyBalancing.defaults(), 0, 0.5, 1);
        assertArrayEquals(new int[]{3, 3, 3}, sweep.topics());
        assertTrue(sweep.dependence()[0] < 1e-3 && sweep.dependence()[1] < sweep.dependence()[2],
                "NMI(category, toxic) grows with the strength");
        assertTrue(sweep.categorySmdBefore()[0] < 0.05, "no confounding at s = 0");
        assertTrue(sweep.categorySmdBefore()[2] > 0.5, "strong confounding at s = 1");
        for (int i = 0; i < 3; i++) {
            assertTrue(sweep.topicSmdAfter()[i] < 1e-6, "balanced on the found topics");
            // the topics recover the categories, so the categories end up balanced as well
            assertTrue(sweep.categorySmdAfter()[i] < 0.05, "categories after, s index " + i + ": "
                    + sweep.categorySmdAfter()[i]);
            assertTrue(sweep.effectiveSampleSize()[i] <= sweep.controls()[i] + 1e-9);
            assertEquals(450, sweep.treated()[i] + sweep.controls()[i]);
            assertTrue(sweep.iterations()[i] >= 0 && sweep.iterations()[i] < 50);
        }
        assertTrue(sweep.effectiveSampleSize()[2] < sweep.effectiveSampleSize()[0], "stronger confounding costs ESS");
        assertEquals(3, sweep.table().rowCount());
        assertEquals(720, sweep.chart().getWidth());
        assertThrows(IllegalArgumentException.class,
                () -> BalancingSweep.run(corpus(), planter(), model(), EntropyBalancing.defaults()));
    }

    @Test
    void oneHotCovariatesFollowTopicsAndCategories() {
        Corpus corpus = corpus();
        Topics topics = model().fit(corpus);
        Covariates found = topics.oneHot();
        assertEquals(3, found.dimension());
        assertTrue(found.names().get(0).startsWith("0: "), found.names().toString());
        int[] a = topics.assignments();
        for (int i = 0; i < corpus.size(); i++) {
            assertEquals(1.0, found.get(i, a[i]));
        }
        Covariates truth = corpus.categoryOneHot();
        assertEquals(CATEGORIES, truth.names());
        assertArrayEquals(new double[]{1.0 / 3, 1.0 / 3, 1.0 / 3}, truth.means(), 1e-12);
        assertEquals(1.0, truth.get(200, 1));
    }
}
