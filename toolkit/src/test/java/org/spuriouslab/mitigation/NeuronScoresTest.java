package org.spuriouslab.mitigation;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scoring and selection on constructed activations with a known biased neuron. */
class NeuronScoresTest {

    /**
     * Two classes, three neurons. Neuron 0 is the "pattern" neuron: high (≈5) on misclassified
     * samples of class 0, low on correct ones; in class 1 it is high on correct samples. Neuron 1 is
     * noise around 1, neuron 2 is a constant 2.
     */
    static float[][] features;
    static int[] labels;
    static int[] predictions;

    static {
        Random rnd = new Random(1);
        int n = 400;
        features = new float[n][3];
        labels = new int[n];
        predictions = new int[n];
        for (int s = 0; s < n; s++) {
            int y = s % 2;
            boolean wrong = (s / 2) % 4 == 0; // a quarter of each class is misclassified
            labels[s] = y;
            predictions[s] = wrong ? 1 - y : y;
            boolean pattern = y == 0 ? wrong : !wrong;
            features[s][0] = (pattern ? 5f : 0f) + 0.1f * rnd.nextFloat();
            features[s][1] = 1f + 0.01f * (float) rnd.nextGaussian();
            features[s][2] = 2f;
        }
    }

    @Test
    void deltaIsMedianMisclassifiedMinusMedianCorrect() {
        NeuronScores s = NeuronScores.compute(features, predictions, labels, 2);
        assertEquals(5.0, s.delta(0, 0), 0.1);
        assertEquals(-5.0, s.delta(1, 0), 0.1);
        assertEquals(0.0, s.delta(0, 1), 0.01);
        assertEquals(0.0, s.delta(0, 2));
        assertEquals(0.0, s.delta(1, 2));
        assertArrayEquals(new int[]{50, 50}, s.misclassified());
        assertArrayEquals(new int[]{150, 150}, s.correct());
        assertEquals(0, s.ranking()[0]);
        assertTrue(s.fitness() > 9.9 && s.fitness() < 10.3, "fitness " + s.fitness());
    }

    @Test
    void exactMediansOnATinyExample() {
        float[][] f = {{1}, {3}, {10}, {0}, {2}, {4}, {6}};
        int[] y = {0, 0, 0, 0, 0, 0, 0};
        int[] p = {1, 1, 1, 0, 0, 0, 0}; // misclassified: 1, 3, 10 (median 3); correct: 0, 2, 4, 6 (median 3)
        NeuronScores s = NeuronScores.compute(f, p, y, 2);
        assertEquals(0.0, s.delta(0, 0));
        float[][] g = {{1}, {3}, {10}, {0}, {2}};
        NeuronScores t = NeuronScores.compute(g, new int[]{1, 1, 1, 0, 0}, new int[]{0, 0, 0, 0, 0}, 2);
        assertEquals(3.0 - 1.0, t.delta(0, 0));
        assertTrue(Double.isNaN(t.delta(1, 0)), "class 1 has no samples");
        assertArrayEquals(new int[]{1}, t.classesWithoutScores());
    }

    @Test
    void anyRuleFindsTheBiasedNeuronAllRuleDoesNot() {
        NeuronScores s = NeuronScores.compute(features, predictions, labels, 2);
        NeuronSelection any = NeuronSelection.select(s, SelectionRule.ANY, 0);
        assertArrayEquals(new int[]{0}, any.selected());
        assertEquals(NeuronSelection.Outcome.SOME, any.outcome());
        assertArrayEquals(new boolean[]{true, false, false}, any.mask());
        NeuronSelection all = NeuronSelection.select(s, SelectionRule.ALL, 0);
        assertEquals(0, all.count());
        assertEquals(NeuronSelection.Outcome.NONE, all.outcome());
        // a higher threshold drops it, a very low one takes every neuron
        assertEquals(NeuronSelection.Outcome.NONE, NeuronSelection.select(s, SelectionRule.ANY, 6).outcome());
        NeuronSelection everything = NeuronSelection.select(s, SelectionRule.ANY, -10);
        assertEquals(NeuronSelection.Outcome.ALL, everything.outcome());
        assertEquals(3, everything.count());
    }

    @Test
    void classWithoutMisclassifiedSamplesHasNoScoresAndIsIgnored() {
        int[] p = labels.clone();
        for (int s = 0; s < p.length; s++) {
            if (labels[s] == 0) {
                p[s] = predictions[s]; // class 0 keeps its errors, class 1 is all correct
            }
        }
        NeuronScores s = NeuronScores.compute(features, p, labels, 2);
        assertArrayEquals(new int[]{1}, s.classesWithoutScores());
        assertTrue(Double.isNaN(s.delta(1, 0)));
        // ALL over the one class with scores = ANY
        assertArrayEquals(new int[]{0}, NeuronSelection.select(s, SelectionRule.ALL, 0).selected());
        // no errors at all: nothing to select
        NeuronScores none = NeuronScores.compute(features, labels, labels, 2);
        assertEquals(2, none.classesWithoutScores().length);
        assertEquals(0, none.fitness());
        assertEquals(NeuronSelection.Outcome.NONE, NeuronSelection.select(none, SelectionRule.ANY, 0).outcome());
    }

    @Test
    void badInputsAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> NeuronScores.compute(features, new int[3], labels, 2));
        assertThrows(IllegalArgumentException.class, () -> NeuronScores.compute(new float[0][], new int[0], new int[0], 2));
        assertThrows(IllegalArgumentException.class, () -> NeuronScores.compute(features, predictions, labels, 1));
        NeuronScores s = NeuronScores.compute(features, predictions, labels, 2);
        assertThrows(IllegalArgumentException.class, () -> NeuronSelection.select(s, SelectionRule.ANY, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> s.heatMap("δ", java.util.List.of("a")));
        assertEquals(720, s.heatMap("δ", java.util.List.of("a", "b")).getWidth());
    }
}
