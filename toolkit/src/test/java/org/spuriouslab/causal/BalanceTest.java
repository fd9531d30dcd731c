package org.spuriouslab.causal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BalanceTest {

    @Test
    void weightedMomentsAndSampleVariance() {
        double[] x = {1, 2, 4};
        double[] w = {1, 1, 2};
        assertEquals(11.0 / 4, Balance.weightedMean(x, w), 1e-15);
        double m = 11.0 / 4;
        double expected = ((1 - m) * (1 - m) + (2 - m) * (2 - m) + 2 * (4 - m) * (4 - m)) / 4;
        assertEquals(expected, Balance.weightedVariance(x, w), 1e-15);
        assertEquals(7.0 / 3, Balance.variance(x), 1e-15); // mean 7/3, squares 16/9 + 1/9 + 25/9 over 2
        assertEquals(0.0, Balance.variance(new double[]{5}));
    }

    @Test
    void standardisedMeanDifferenceUsesPooledUnweightedSd() {
        assertEquals((3.0 - 1.0) / Math.sqrt((4.0 + 2.0) / 2), Balance.standardisedMeanDifference(3, 1, 4, 2), 1e-15);
        assertEquals(0.0, Balance.standardisedMeanDifference(2, 2, 0, 0));
        assertTrue(Double.isNaN(Balance.standardisedMeanDifference(2, 1, 0, 0)));
        assertThrows(IllegalArgumentException.class, () -> Balance.standardisedMeanDifference(1, 0, -1, 1));

        Covariates t = Covariates.of(new double[][]{{1}, {3}}, List.of("x"));
        Covariates c = Covariates.of(new double[][]{{0}, {1}, {2}}, List.of("x"));
        double pooled = Math.sqrt((2.0 + 1.0) / 2); // var_t = 2, var_c = 1
        assertArrayEquals(new double[]{(2 - 1) / pooled}, Balance.standardisedMeanDifferences(t, c, null), 1e-15);
        assertArrayEquals(new double[]{(2 - 1.5) / pooled},
                Balance.standardisedMeanDifferences(t, c, new double[]{0, 1, 1}), 1e-15);
    }

    @Test
    void effectiveSampleSizeIsKish() {
        assertEquals(4.0, Balance.effectiveSampleSize(new double[]{2, 2, 2, 2}), 1e-15);
        assertEquals(1.0, Balance.effectiveSampleSize(new double[]{0, 0, 3}), 1e-15);
        assertEquals(16.0 / 10, Balance.effectiveSampleSize(new double[]{1, 3}), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Balance.effectiveSampleSize(new double[]{0, 0}));
        assertThrows(IllegalArgumentException.class, () -> Balance.effectiveSampleSize(new double[]{1, -1}));
    }
}
