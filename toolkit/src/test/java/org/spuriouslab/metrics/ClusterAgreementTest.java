package org.spuriouslab.metrics;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterAgreementTest {

    @Test
    void purityByHand() {
        // cluster 0 = truths {0,0,1}: majority 2; cluster 1 = truths {1,1,2}: majority 2 → 4/6
        assertEquals(4.0 / 6, ClusterAgreement.purity(new int[]{0, 0, 0, 1, 1, 1}, new int[]{0, 0, 1, 1, 1, 2}), 1e-12);
        // singletons are always pure
        assertEquals(1.0, ClusterAgreement.purity(new int[]{0, 1, 2, 3}, new int[]{0, 0, 1, 1}), 1e-12);
    }

    @Test
    void identicalAndRelabelledPartitionsScoreOne() {
        int[] a = {0, 0, 1, 1, 2, 2, 2};
        int[] renamed = {5, 5, -1, -1, 9, 9, 9};
        assertEquals(1.0, ClusterAgreement.nmi(a, a), 1e-12);
        assertEquals(1.0, ClusterAgreement.nmi(a, renamed), 1e-12);
        assertEquals(1.0, ClusterAgreement.ari(a, renamed), 1e-12);
        assertEquals(1.0, ClusterAgreement.purity(renamed, a), 1e-12);
    }

    @Test
    void nmiByHand() {
        // a = {0,0,1,1}, b = {0,0,0,1}
        // H(a) = ln 2 = 0.693147; H(b) = −(¾ ln ¾ + ¼ ln ¼) = 0.562335
        // MI = ½ ln(½ / (½·¾)) + ¼ ln(¼ / (½·¾)) + ¼ ln(¼ / (½·¼)) = 0.143841 − 0.101366 + 0.173287 = 0.215762
        // NMI = 0.215762 / ((0.693147 + 0.562335) / 2) = 0.343712
        double mi = 0.5 * Math.log(4.0 / 3) + 0.25 * Math.log(2.0 / 3) + 0.25 * Math.log(2);
        double ha = Math.log(2);
        double hb = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
        double nmi = ClusterAgreement.nmi(new int[]{0, 0, 1, 1}, new int[]{0, 0, 0, 1});
        assertEquals(mi / ((ha + hb) / 2), nmi, 1e-12);
        assertEquals(0.343712, nmi, 1e-6);
    }

    @Test
    void ariByHand() {
        // a = {0,0,1,1}, b = {0,0,0,1}: contingency [[2,0],[1,1]]
        // Σ C(n_ij,2) = 1, Σ C(a_i,2) = 2, Σ C(b_j,2) = 3, C(4,2) = 6
        // expected = 2·3/6 = 1, max = (2+3)/2 = 2.5 → ARI = (1 − 1) / (2.5 − 1) = 0
        assertEquals(0.0, ClusterAgreement.ari(new int[]{0, 0, 1, 1}, new int[]{0, 0, 0, 1}), 1e-12);
        // a = {0,0,0,1,1,1}, b = {0,0,1,1,2,2}: contingency [[2,1,0],[0,1,2]]
        // Σ C(n_ij,2) = 2, Σ C(a_i,2) = 6, Σ C(b_j,2) = 3, C(6,2) = 15
        // expected = 18/15 = 1.2, max = 4.5 → ARI = 0.8 / 3.3
        assertEquals(0.8 / 3.3, ClusterAgreement.ari(new int[]{0, 0, 0, 1, 1, 1}, new int[]{0, 0, 1, 1, 2, 2}), 1e-12);
    }

    @Test
    void independentPartitionsScoreNearZero() {
        Random r = new Random(3);
        int n = 20000;
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(3);
            b[i] = r.nextInt(4);
        }
        assertEquals(0.0, ClusterAgreement.ari(a, b), 0.005);
        assertEquals(0.0, ClusterAgreement.nmi(a, b), 0.005);
        double purity = ClusterAgreement.purity(a, b);
        assertTrue(purity > 0.25 && purity < 0.27, "purity of independent labels ≈ largest class share, got " + purity);
    }

    @Test
    void trivialPartitions() {
        int[] one = {0, 0, 0, 0};
        int[] two = {0, 0, 1, 1};
        assertEquals(1.0, ClusterAgreement.nmi(one, one), 1e-12);
        assertEquals(1.0, ClusterAgreement.ari(one, one), 1e-12);
        assertEquals(0.0, ClusterAgreement.nmi(one, two), 1e-12);
        assertEquals(0.0, ClusterAgreement.ari(one, two), 1e-12);
        int[] singletons = {0, 1, 2, 3};
        assertEquals(1.0, ClusterAgreement.ari(singletons, new int[]{7, 6, 5, 4}), 1e-12);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> ClusterAgreement.nmi(new int[]{0, 1}, new int[]{0}));
        assertThrows(IllegalArgumentException.class, () -> ClusterAgreement.ari(new int[0], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> ClusterAgreement.purity(null, new int[]{1}));
    }
}
