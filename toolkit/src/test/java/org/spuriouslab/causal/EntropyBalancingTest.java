package org.spuriouslab.causal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntropyBalancingTest {

    private static void assertValidWeights(double[] w) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            assertTrue(w[i] > 0, "weight " + i + " is " + w[i]);
            sum += w[i];
        }
        assertEquals(1.0, sum, 1e-12);
    }

    /** Weighted control means minus treated means, computed here from scratch. */
    private static double maxImbalance(Covariates controls, double[] w, double[] target) {
        double[] m = controls.means(w);
        double worst = 0;
        for (int j = 0; j < m.length; j++) {
            worst = Math.max(worst, Math.abs(m[j] - target[j]));
        }
        return worst;
    }

    @Test
    void balancesShiftedGaussiansExactly() {
        Covariates controls = SyntheticGroups.controls(3000, 6, 1);
        Covariates treated = SyntheticGroups.treated(800, 6, 2);
        BalancingResult r = EntropyBalancing.defaults().balance(controls, treated);

        assertTrue(r.converged());
        assertValidWeights(r.weights());
        assertTrue(maxImbalance(controls, r.weights(), treated.means()) < 1e-8,
                "imbalance " + maxImbalance(controls, r.weights(), treated.means()));
        assertTrue(r.maxImbalance() < 1e-8);
        assertTrue(r.iterations() >= 2 && r.iterations() <= 20, "iterations " + r.iterations());
        assertTrue(r.maxAbsSmdBefore() > 0.3, "the groups differ before: " + r.maxAbsSmdBefore());
        assertTrue(r.maxAbsSmdAfter() < 1e-7);
        double ess = r.effectiveSampleSize();
        assertTrue(ess > 100 && ess < 3000, "ESS " + ess);
    }

    @Test
    void oneBinaryCovariateHasClosedFormWeights() {
        int n = 100;
        int n1 = 30;
        double[][] x = new double[n][1];
        for (int i = 0; i < n1; i++) {
            x[(i * 7) % n][0] = 1; // 30 distinct rows, spread out
        }
        Covariates controls = Covariates.of(x, List.of("x"));
        double p1 = 0.6;
        BalancingResult r = EntropyBalancing.defaults().balance(controls, new double[]{p1});

        for (int i = 0; i < n; i++) {
            double expected = x[i][0] == 1 ? p1 / n1 : (1 - p1) / (n - n1);
            // imbalance ≤ tolerance 1e-10 bounds the relative error of each weight by ~1e-10 / share
            assertEquals(expected, r.weights()[i], 1e-9 * expected, "weight of row " + i);
        }
        // w1 / w0 = exp(λ) when w ∝ exp(λ (x − m̄))
        assertEquals(Math.log((p1 / n1) / ((1 - p1) / (n - n1))), r.lambda()[0], 1e-8);
        assertEquals(1 / (n1 * Math.pow(p1 / n1, 2) + (n - n1) * Math.pow((1 - p1) / (n - n1), 2)),
                r.effectiveSampleSize(), 1e-9);
    }

    @Test
    void closedFormHoldsWithBaseWeights() {
        int n = 60;
        SplittableRandom rnd = new SplittableRandom(5);
        double[][] x = new double[n][1];
        double[] q = new double[n];
        double q1 = 0;
        double qTotal = 0;
        for (int i = 0; i < n; i++) {
            x[i][0] = i % 3 == 0 ? 1 : 0;
            q[i] = 0.2 + 3 * rnd.nextDouble();
            qTotal += q[i];
            if (x[i][0] == 1) {
                q1 += q[i];
            }
        }
        double q0 = qTotal - q1;
        double p1 = 0.25;
        BalancingResult r = EntropyBalancing.options().baseWeights(q).build()
                .balance(Covariates.of(x, List.of("x")), new double[]{p1});
        for (int i = 0; i < n; i++) {
            double expected = x[i][0] == 1 ? q[i] * p1 / q1 : q[i] * (1 - p1) / q0;
            assertEquals(expected, r.weights()[i], 1e-9 * expected, "weight of row " + i);
        }
    }

    @Test
    void targetOutsideRangeNamesTheMoment() {
        Covariates controls = SyntheticGroups.controls(500, 3, 3);
        double[] target = controls.means();
        target[1] = 100; // far beyond every control's x2
        InfeasibleBalanceException e = assertThrows(InfeasibleBalanceException.class,
                () -> EntropyBalancing.defaults().balance(controls, target));
        assertEquals(List.of("x2"), e.moments());
        assertTrue(e.getMessage().contains("'x2'") && e.getMessage().contains("target 100"), e.getMessage());
        assertTrue(e.getMessage().contains("range"), e.getMessage());
    }

    @Test
    void targetOutsideConvexHullButInsideRangesIsInfeasible() {
        // a and b are indicators of two of three categories: a + b ≤ 1 for every control
        int[] cat = SyntheticGroups.categories(400, new double[]{1, 1, 1}, 4);
        Covariates threeLevels = Covariates.oneHot(cat, List.of("a", "b", "c"));
        Covariates controls = Covariates.of(twoColumns(threeLevels), List.of("a", "b"));
        InfeasibleBalanceException e = assertThrows(InfeasibleBalanceException.class,
                () -> EntropyBalancing.defaults().balance(controls, new double[]{0.6, 0.6}));
        assertTrue(e.moments().containsAll(List.of("a", "b")), e.moments().toString());
        assertTrue(e.getMessage().contains("convex hull"), e.getMessage());
    }

    @Test
    void targetAtTheEdgeOfAContinuousRangeIsInfeasible() {
        double[][] x = new double[100][1];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = i; // 0..99: only zero weights below 99 could give a mean of 99
        }
        Covariates controls = Covariates.of(x, List.of("dose"));
        InfeasibleBalanceException e = assertThrows(InfeasibleBalanceException.class,
                () -> EntropyBalancing.defaults().balance(controls, new double[]{99}));
        assertEquals(List.of("dose"), e.moments());
        assertTrue(e.getMessage().contains("underflow") && e.getMessage().contains("target 99,"), e.getMessage());
        // a little inside the edge is fine: positive weights, balanced
        BalancingResult r = EntropyBalancing.defaults().balance(controls, new double[]{98.5});
        assertTrue(r.converged());
        assertValidWeights(r.weights());
        assertEquals(98.5, controls.means(r.weights())[0], 1e-8);
    }

    private static double[][] twoColumns(Covariates oneHot) {
        double[][] x = new double[oneHot.size()][2];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = oneHot.get(i, 0);
            x[i][1] = oneHot.get(i, 1);
        }
        return x;
    }

    @Test
    void fullOneHotIsCollinearButBalances() {
        List<String> topics = List.of("politics", "science", "sports", "food");
        Covariates controls = Covariates.oneHot(SyntheticGroups.categories(2000, new double[]{4, 3, 2, 1}, 6), topics);
        Covariates treated = Covariates.oneHot(SyntheticGroups.categories(300, new double[]{1, 2, 3, 4}, 7), topics);
        BalancingResult r = EntropyBalancing.defaults().balance(controls, treated);
        assertTrue(r.converged());
        assertValidWeights(r.weights());
        assertTrue(maxImbalance(controls, r.weights(), treated.means()) < 1e-8);
    }

    @Test
    void categoryAbsentAmongTreatedGetsNearZeroWeight() {
        List<String> topics = List.of("a", "b", "c");
        int[] cc = SyntheticGroups.categories(900, new double[]{1, 1, 1}, 8);
        int[] tc = SyntheticGroups.categories(200, new double[]{1, 2, 0}, 9); // no "c" among the treated
        Covariates controls = Covariates.oneHot(cc, topics);
        BalancingResult r = EntropyBalancing.defaults().balance(controls, Covariates.oneHot(tc, topics));
        assertTrue(r.converged());
        assertValidWeights(r.weights());
        double onC = 0;
        for (int i = 0; i < cc.length; i++) {
            if (cc[i] == 2) {
                onC += r.weights()[i];
            }
        }
        assertTrue(onC > 0 && onC < 1e-9, "weight left on category c: " + onC);
    }

    @Test
    void permutingControlsPermutesWeights() {
        Covariates controls = SyntheticGroups.controls(1500, 4, 10);
        Covariates treated = SyntheticGroups.treated(400, 4, 11);
        SplittableRandom rnd = new SplittableRandom(12);
        double[] q = new double[1500];
        for (int i = 0; i < q.length; i++) {
            q[i] = 0.5 + rnd.nextDouble();
        }
        int[] perm = new int[1500];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        for (int i = perm.length - 1; i > 0; i--) {
            int k = rnd.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[k];
            perm[k] = tmp;
        }
        double[] qPerm = new double[q.length];
        for (int i = 0; i < perm.length; i++) {
            qPerm[i] = q[perm[i]];
        }
        BalancingResult a = EntropyBalancing.options().baseWeights(q).build().balance(controls, treated);
        BalancingResult b = EntropyBalancing.options().baseWeights(qPerm).build()
                .balance(controls.rows(perm), treated);
        for (int i = 0; i < perm.length; i++) {
            assertEquals(a.weights()[perm[i]], b.weights()[i], 1e-12 * a.weights()[perm[i]], "row " + i);
        }
        assertArrayEquals(a.lambda(), b.lambda(), 1e-8);
    }

    @Test
    void resultsDoNotDependOnThreadCount() {
        Covariates controls = SyntheticGroups.controls(6000, 5, 13);
        Covariates treated = SyntheticGroups.treated(500, 5, 14);
        BalancingResult one = EntropyBalancing.options().threads(1).build().balance(controls, treated);
        BalancingResult two = EntropyBalancing.options().threads(2).build().balance(controls, treated);
        assertArrayEquals(one.weights(), two.weights(), 0.0);
        assertEquals(one.iterations(), two.iterations());
    }

    @Test
    void meansAndVariancesBalancesTheVarianceToo() {
        Covariates controls = SyntheticGroups.controls(3000, 3, 15);
        Covariates treated = SyntheticGroups.treated(600, 3, 16); // SD 0.8 × that of the controls
        BalancingResult meansOnly = EntropyBalancing.defaults().balance(controls, treated);
        BalancingResult both = EntropyBalancing.options().moments(Moments.MEANS_AND_VARIANCES).build()
                .balance(controls, treated);
        assertEquals(List.of("x1", "x2", "x3", "x1²", "x2²", "x3²"),
                both.moments().stream().map(MomentBalance::name).toList());
        assertTrue(both.converged());
        assertValidWeights(both.weights());
        for (int j = 0; j < 3; j++) {
            double[] c = controls.column(j);
            double[] t = treated.column(j);
            double[] ones = new double[t.length];
            java.util.Arrays.fill(ones, 1);
            double treatedVar = Balance.weightedVariance(t, ones);
            assertEquals(treatedVar, Balance.weightedVariance(c, both.weights()), 1e-8, "variance of x" + (j + 1));
            assertEquals(Balance.weightedMean(t, ones), Balance.weightedMean(c, both.weights()), 1e-8);
            assertTrue(Math.abs(treatedVar - Balance.weightedVariance(c, meansOnly.weights())) > 0.05,
                    "matching means alone leaves the variance of x" + (j + 1) + " unmatched");
        }
    }

    @Test
    void binaryColumnsGetNoSquare() {
        List<String> names = List.of("a", "b", "z");
        double[][] c = SyntheticGroups.gaussian(800, 3, 0, 1, 17);
        double[][] t = SyntheticGroups.gaussian(200, 3, 0.3, 1, 18);
        for (double[][] x : new double[][][]{c, t}) {
            for (double[] row : x) {
                row[0] = row[0] > 0 ? 1 : 0;
                row[1] = row[1] > 0.5 ? 1 : 0;
            }
        }
        BalancingResult r = EntropyBalancing.options().moments(Moments.MEANS_AND_VARIANCES).build()
                .balance(Covariates.of(c, names), Covariates.of(t, names));
        assertEquals(List.of("a", "b", "z", "z²"), r.moments().stream().map(MomentBalance::name).toList());
        assertTrue(r.maxImbalance() < 1e-8);
    }

    @Test
    void alreadyBalancedNeedsNoIterationsAndKeepsFullSampleSize() {
        Covariates controls = SyntheticGroups.controls(1000, 4, 19);
        BalancingResult r = EntropyBalancing.defaults().balance(controls, controls);
        assertTrue(r.converged());
        assertEquals(0, r.iterations());
        assertEquals(1000, r.effectiveSampleSize(), 1e-9);
        assertArrayEquals(new double[4], r.lambda(), 0.0);
        for (double w : r.weights()) {
            assertEquals(1e-3, w, 1e-18);
        }
    }

    @Test
    void effectiveSampleSizeNeverExceedsN() {
        Covariates controls = SyntheticGroups.controls(700, 3, 20);
        for (double shift : new double[]{0.1, 0.5, 1.0}) {
            double[] target = controls.means();
            for (int j = 0; j < target.length; j++) {
                target[j] += shift;
            }
            BalancingResult r = EntropyBalancing.defaults().balance(controls, target);
            assertTrue(r.effectiveSampleSize() <= 700 && r.effectiveSampleSize() >= 1, "ESS " + r.effectiveSampleSize());
        }
    }

    @Test
    void constantColumnEqualToTargetIsDropped() {
        double[][] x = SyntheticGroups.gaussian(500, 3, 0, 1, 21);
        for (double[] row : x) {
            row[1] = 2.5;
        }
        Covariates controls = Covariates.of(x);
        double[] target = controls.means();
        target[0] += 0.3;
        target[2] -= 0.2;
        BalancingResult r = EntropyBalancing.defaults().balance(controls, target);
        assertTrue(r.converged());
        assertTrue(r.moments().get(1).constant());
        assertFalse(r.moments().get(0).constant());
        assertEquals(0.0, r.lambda()[1]);
        assertTrue(maxImbalance(controls, r.weights(), target) < 1e-8);
        assertEquals(0.0, r.moments().get(1).smdAfter());
    }

    @Test
    void constantColumnWithAnotherTargetIsInfeasible() {
        double[][] x = SyntheticGroups.gaussian(300, 2, 0, 1, 22);
        for (double[] row : x) {
            row[1] = 1.0;
        }
        Covariates controls = Covariates.of(x, List.of("age", "urban"));
        InfeasibleBalanceException e = assertThrows(InfeasibleBalanceException.class,
                () -> EntropyBalancing.defaults().balance(controls, new double[]{0.0, 0.7}));
        assertEquals(List.of("urban"), e.moments());
        assertTrue(e.getMessage().contains("every control has 1"), e.getMessage());
    }

    @Test
    void convergesQuicklyOnTenThousandByTwenty() {
        Covariates controls = SyntheticGroups.controls(10_000, 20, 23);
        Covariates treated = SyntheticGroups.treated(2_000, 20, 24);
        long start = System.nanoTime();
        BalancingResult r = EntropyBalancing.defaults().balance(controls, treated);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(r.converged());
        assertTrue(r.iterations() <= 25, "iterations " + r.iterations());
        assertTrue(maxImbalance(controls, r.weights(), treated.means()) < 1e-8);
        assertTrue(seconds < 5, "took " + seconds + " s");
    }

    @Test
    void stoppingEarlyReportsNotConverged() {
        Covariates controls = SyntheticGroups.controls(2000, 4, 25);
        Covariates treated = SyntheticGroups.treated(500, 4, 26);
        BalancingResult r = EntropyBalancing.options().maxIterations(1).build().balance(controls, treated);
        assertFalse(r.converged());
        assertEquals(1, r.iterations());
        assertTrue(r.maxImbalance() > 1e-8);
        assertValidWeights(r.weights());
    }

    @Test
    void badOptionsAndInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> EntropyBalancing.options().tolerance(0));
        assertThrows(IllegalArgumentException.class, () -> EntropyBalancing.options().tolerance(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> EntropyBalancing.options().maxIterations(0));
        assertThrows(IllegalArgumentException.class, () -> EntropyBalancing.options().threads(0));
        assertThrows(IllegalArgumentException.class, () -> EntropyBalancing.options().baseWeights(new double[]{1, 0}));
        Covariates controls = SyntheticGroups.controls(50, 2, 27);
        IllegalArgumentException wrongLength = assertThrows(IllegalArgumentException.class,
                () -> EntropyBalancing.options().baseWeights(new double[49]).build());
        assertTrue(wrongLength.getMessage().contains("base weight"));
        IllegalArgumentException shortQ = assertThrows(IllegalArgumentException.class,
                () -> EntropyBalancing.options().baseWeights(new double[]{1, 2}).build().balance(controls, controls));
        assertTrue(shortQ.getMessage().contains("2 base weights for 50 controls"), shortQ.getMessage());
        IllegalArgumentException names = assertThrows(IllegalArgumentException.class,
                () -> EntropyBalancing.defaults().balance(controls, Covariates.of(new double[][]{{1, 2}}, List.of("a", "b"))));
        assertTrue(names.getMessage().contains("same columns"));
        assertThrows(IllegalArgumentException.class, () -> EntropyBalancing.defaults().balance(controls, new double[]{0}));
        assertThrows(IllegalArgumentException.class,
                () -> EntropyBalancing.options().moments(Moments.MEANS_AND_VARIANCES).build()
                        .balance(controls, new double[]{0, 0}));
    }
}
