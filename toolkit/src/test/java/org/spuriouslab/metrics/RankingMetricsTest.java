package org.spuriouslab.metrics;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankingMetricsTest {

    // five items ranked by score, relevant at ranks 1 and 3
    private static final double[] SCORES = {0.9, 0.8, 0.7, 0.6, 0.5};
    private static final boolean[] RELEVANT = {true, false, true, false, false};

    @Test
    void averagePrecisionWithoutTies() {
        // precision at the relevant ranks: rank 1 → 1/1, rank 3 → 2/3; AP = (1 + 2/3) / 2 = 5/6
        assertEquals(5.0 / 6, RankingMetrics.averagePrecision(SCORES, RELEVANT), 1e-12);
        assertEquals(5.0 / 6, RankingMetrics.averagePrecision(new int[]{0, 1, 2, 3, 4}, RELEVANT), 1e-12);
        // relevant last: ranks 4 and 5 → (1/4 + 2/5) / 2 = 0.325
        assertEquals(0.325, RankingMetrics.averagePrecision(SCORES, new boolean[]{false, false, false, true, true}), 1e-12);
    }

    @Test
    void averagePrecisionTreatsATiedBlockAtOnce() {
        // scores {1, 1, 0}, relevant {T, F, T}
        // threshold 1: 2 items, 1 relevant → recall 1/2 at precision 1/2 → 0.25
        // threshold 0: 3 items, 2 relevant → recall +1/2 at precision 2/3 → 1/3; AP = 7/12
        double ap = RankingMetrics.averagePrecision(new double[]{1, 1, 0}, new boolean[]{true, false, true});
        assertEquals(7.0 / 12, ap, 1e-12);
        // the order of the tied items in the input does not matter
        assertEquals(ap, RankingMetrics.averagePrecision(new double[]{1, 1, 0}, new boolean[]{false, true, true}), 1e-12);
    }

    @Test
    void aurocIsTheFractionOfCorrectlyOrderedPairs() {
        // relevant 0.9 beats all 3 irrelevant, relevant 0.7 beats 0.6 and 0.5 but not 0.8: 5 of 6 pairs
        assertEquals(5.0 / 6, RankingMetrics.auroc(SCORES, RELEVANT), 1e-12);
        assertEquals(5.0 / 6, RankingMetrics.auroc(new int[]{0, 1, 2, 3, 4}, RELEVANT), 1e-12);
        assertEquals(1.0, RankingMetrics.auroc(new double[]{3, 2, 1}, new boolean[]{true, true, false}), 1e-12);
        assertEquals(0.0, RankingMetrics.auroc(new double[]{1, 2, 3}, new boolean[]{true, true, false}), 1e-12);
    }

    @Test
    void aurocCountsTiesAsHalf() {
        // scores {1, 1, 0, 0}, relevant {T, F, T, F}; pairs (relevant, irrelevant):
        // (1 vs 1) tie ½, (1 vs 0) 1, (0 vs 1) 0, (0 vs 0) tie ½ → 2 / 4
        assertEquals(0.5, RankingMetrics.auroc(new double[]{1, 1, 0, 0}, new boolean[]{true, false, true, false}), 1e-12);
        assertEquals(0.5, RankingMetrics.auroc(new double[]{7, 7, 7}, new boolean[]{true, false, false}), 1e-12);
    }

    @Test
    void aurocMatchesBruteForcePairCounting() {
        Random r = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = 5 + r.nextInt(60);
            double[] s = new double[n];
            boolean[] rel = new boolean[n];
            for (int i = 0; i < n; i++) {
                s[i] = r.nextInt(8); // many ties
                rel[i] = r.nextDouble() < 0.3;
            }
            rel[0] = true;
            rel[1] = false;
            double wins = 0;
            int pairs = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (rel[i] && !rel[j]) {
                        pairs++;
                        wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    }
                }
            }
            assertEquals(wins / pairs, RankingMetrics.auroc(s, rel), 1e-12);
        }
    }

    @Test
    void precisionAtK() {
        assertEquals(1.0, RankingMetrics.precisionAt(1, SCORES, RELEVANT), 1e-12);
        assertEquals(0.5, RankingMetrics.precisionAt(2, SCORES, RELEVANT), 1e-12);
        assertEquals(2.0 / 3, RankingMetrics.precisionAt(3, SCORES, RELEVANT), 1e-12);
        // k beyond n uses all 5 items: 2 relevant of 5
        assertEquals(0.4, RankingMetrics.precisionAt(10, SCORES, RELEVANT), 1e-12);
        assertEquals(0.5, RankingMetrics.precisionAt(2, new int[]{4, 2, 0, 1, 3}, RELEVANT), 1e-12);
    }

    @Test
    void precisionAtKCountsAStraddlingTieFractionally() {
        // scores {1, 1, 1, 0}, relevant {T, F, F, T}: the top 2 come from a tied block of 3 holding
        // 1 relevant item, so 2 × 1/3 relevant items are expected → P@2 = (2/3) / 2 = 1/3
        double[] s = {1, 1, 1, 0};
        boolean[] rel = {true, false, false, true};
        assertEquals(1.0 / 3, RankingMetrics.precisionAt(2, s, rel), 1e-12);
        // P@4: everything, 2 of 4
        assertEquals(0.5, RankingMetrics.precisionAt(4, s, rel), 1e-12);
    }

    @Test
    void scoresBundle() {
        RankingScores s = RankingScores.of(SCORES, RELEVANT);
        assertEquals(0.4, s.precisionAt10(), 1e-12);
        assertEquals(0.4, s.precisionAt25(), 1e-12);
        assertEquals(5.0 / 6, s.averagePrecision(), 1e-12);
        assertEquals(5.0 / 6, s.auroc(), 1e-12);
        assertTrue(s.toString().contains("AP 0.833"));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.auroc(new double[]{1, 2}, new boolean[]{true}));
        assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.averagePrecision(new double[]{1, Double.NaN}, new boolean[]{true, false}));
        assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.averagePrecision(new double[]{1, 2}, new boolean[]{false, false}));
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.auroc(new double[]{1, 2}, new boolean[]{true, true}));
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.precisionAt(0, SCORES, RELEVANT));
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.precisionAt(1, new double[0], new boolean[0]));
        assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.averagePrecision(new int[]{0, 0, 1, 2, 3}, RELEVANT));
        assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.averagePrecision(new int[]{0, 1, 2, 3, 5}, RELEVANT));
    }
}
