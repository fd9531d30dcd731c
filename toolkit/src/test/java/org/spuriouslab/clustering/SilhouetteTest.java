package org.spuriouslab.clustering;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SilhouetteTest {

    @Test
    void handCase() {
        // points 0, 1 | 10, 11 on a line
        // x=0:  a = 1, b = (10+11)/2 = 10.5 → 9.5/10.5;   x=1:  a = 1, b = (9+10)/2 = 9.5 → 8.5/9.5
        // x=10: a = 1, b = (10+9)/2 = 9.5 → 8.5/9.5;       x=11: a = 1, b = (11+10)/2 = 10.5 → 9.5/10.5
        double[][] x = {{0}, {1}, {10}, {11}};
        double expected = (9.5 / 10.5 + 8.5 / 9.5) / 2;
        assertEquals(expected, Silhouette.score(x, new int[]{0, 0, 1, 1}), 1e-12);
        assertEquals(expected, Silhouette.score(x, new int[]{4, 4, -2, -2}), 1e-12, "labels are just names");
    }

    @Test
    void singletonScoresZero() {
        // x=0: a = 1, b = 5 → 0.8; x=1: a = 1, b = 4 → 0.75; x=5 alone → 0; mean = 1.55/3
        assertEquals(1.55 / 3, Silhouette.score(new double[][]{{0}, {1}, {5}}, new int[]{0, 0, 1}), 1e-12);
    }

    @Test
    void wrongClusteringScoresNegative() {
        double[][] x = {{0}, {1}, {10}, {11}};
        assertTrue(Silhouette.score(x, new int[]{0, 1, 0, 1}) < 0);
    }

    @Test
    void sampledScoreIsCloseToExact() {
        Blobs b = Blobs.of(300, 5, 3, 4, 2);
        double exact = Silhouette.score(b.x(), b.truth());
        double sampled = Silhouette.score(b.x(), b.truth(), 300, 7);
        assertEquals(exact, sampled, 0.02);
        assertEquals(sampled, Silhouette.score(b.x(), b.truth(), 300, 7), 0.0, "same seed, same sample");
        assertEquals(exact, Silhouette.score(b.x(), b.truth(), 5000, 7), 1e-12, "sample ≥ n is exact");
    }

    @Test
    void rejectsBadInput() {
        double[][] x = {{0}, {1}, {2}};
        assertThrows(IllegalArgumentException.class, () -> Silhouette.score(x, new int[]{0, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> Silhouette.score(x, new int[]{0, 1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Silhouette.score(x, new int[]{0, 1}));
        assertThrows(IllegalArgumentException.class, () -> Silhouette.score(x, new int[]{0, 0, 1}, 0, 1));
    }
}
