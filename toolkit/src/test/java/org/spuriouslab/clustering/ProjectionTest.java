package org.spuriouslab.clustering;

import org.junit.jupiter.api.Test;
import org.spuriouslab.metrics.ClusterAgreement;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectionTest {

    @Test
    void pcaOfPointsOnALine() {
        // x_i = t_i · (1, 2, 3) + (5, 5, 5): all variance along (1,2,3)/√14, so the first coordinate
        // is (t_i − mean t) · √14 (positive sign: the largest loading, on axis 3, is made positive)
        // and the second is 0
        double[] t = {-2, -1, 0, 0.5, 3, 4};
        double mean = 4.5 / 6;
        double[][] x = new double[t.length][];
        for (int i = 0; i < t.length; i++) {
            x[i] = new double[]{5 + t[i], 5 + 2 * t[i], 5 + 3 * t[i]};
        }
        double[][] p = Projection.pca2(x);
        for (int i = 0; i < t.length; i++) {
            assertEquals((t[i] - mean) * Math.sqrt(14), p[i][0], 1e-9);
            assertEquals(0, p[i][1], 1e-9);
        }
    }

    @Test
    void pcaOrdersComponentsByVariance() {
        Random r = new Random(1);
        double[][] x = new double[500][3];
        for (double[] row : x) {
            row[0] = r.nextGaussian();       // variance 1
            row[1] = 5 * r.nextGaussian();   // variance 25
            row[2] = 2 * r.nextGaussian();   // variance 4
        }
        double[][] p = Projection.pca2(x);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Math.abs(x[i][1] - mean(x, 1)), Math.abs(p[i][0]), 0.2);
            assertEquals(Math.abs(x[i][2] - mean(x, 2)), Math.abs(p[i][1]), 0.3);
        }
    }

    @Test
    void jacobiEigenOfAKnownMatrix() {
        // [[2,1],[1,2]] has eigenvalues 3 (vector (1,1)/√2) and 1 (vector (1,−1)/√2)
        double[][] v = new double[2][2];
        double[] e = Projection.jacobiEigen(new double[][]{{2, 1}, {1, 2}}, v);
        int big = e[0] > e[1] ? 0 : 1;
        assertEquals(3, e[big], 1e-12);
        assertEquals(1, e[1 - big], 1e-12);
        assertEquals(Math.abs(v[0][big]), Math.abs(v[1][big]), 1e-12);
        assertEquals(Math.sqrt(0.5), Math.abs(v[0][big]), 1e-12);
    }

    @Test
    void subspaceIterationAgreesWithJacobi() {
        // a random 80 × 80 covariance matrix: the top eigenpairs from both methods agree
        Random r = new Random(4);
        int d = 80;
        double[][] g = new double[120][d];
        for (double[] row : g) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextGaussian() * (1 + j % 7);
            }
        }
        double[][] cov = new double[d][d];
        for (double[] row : g) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    cov[a][b] += row[a] * row[b] / g.length;
                }
            }
        }
        double[][] all = new double[d][d];
        double[] exact = Projection.jacobiEigen(copy(cov), all);
        double[][] some = new double[d][12];
        double[] top = Projection.topEigen(copy(cov), some, 2);
        for (int t = 0; t < 2; t++) {
            int e = argMax(exact, t);
            int s = argMax(top, t);
            assertEquals(exact[e], top[s], 1e-9 * exact[argMax(exact, 0)]);
            double dot = 0;
            for (int j = 0; j < d; j++) {
                dot += all[j][e] * some[j][s];
            }
            assertEquals(1.0, Math.abs(dot), 1e-8, "same eigenvector up to sign");
        }
    }

    @Test
    void pcaOfHighDimensionalDataFindsThePlantedDirections() {
        // 100-D noise (variance 0.01) plus two planted directions with variances 9 and 4
        Random r = new Random(6);
        int d = 100;
        double[][] x = new double[400][d];
        double[] s1 = new double[x.length];
        double[] s2 = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            s1[i] = 3 * r.nextGaussian();
            s2[i] = 2 * r.nextGaussian();
            for (int j = 0; j < d; j++) {
                x[i][j] = 0.1 * r.nextGaussian();
            }
            x[i][10] += s1[i];
            x[i][70] += s2[i];
        }
        double[][] p = Projection.pca2(x);
        assertTrue(Math.abs(correlation(p, 0, s1)) > 0.99);
        assertTrue(Math.abs(correlation(p, 1, s2)) > 0.99);
    }

    @Test
    void tsneSeparatesTwoBlobsDeterministically() {
        Blobs b = Blobs.of(60, 10, 2, 6, 8);
        double[][] y = Projection.tsne2(b.x(), 10, 1000, 5);
        assertEquals(120, y.length);
        assertEquals(2, y[0].length);
        int[] split = new KMeansClusterer().fit(y, 2, 1).assignments();
        assertEquals(1.0, ClusterAgreement.ari(split, b.truth()), 1e-12);
        assertTrue(Silhouette.score(y, b.truth()) > 0.7);
        double[][] again = Projection.tsne2(b.x(), 10, 1000, 5);
        for (int i = 0; i < y.length; i++) {
            assertArrayEquals(y[i], again[i], 0.0);
        }
    }

    @Test
    void rejectsBadParameters() {
        double[][] x = Blobs.of(10, 3, 2, 4, 1).x();
        assertThrows(IllegalArgumentException.class, () -> Projection.tsne2(x, 30, 1000, 1)); // perplexity > (n−1)/3
        assertThrows(IllegalArgumentException.class, () -> Projection.tsne2(x, 1, 1000, 1));
        assertThrows(IllegalArgumentException.class, () -> Projection.tsne2(x, 5, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> Projection.pca2(new double[][]{{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> Projection.pca(x, 4));
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** Index of the (rank+1)-th largest value. */
    private static int argMax(double[] v, int rank) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(v[b], v[a]));
        return order[rank];
    }

    private static double correlation(double[][] p, int col, double[] s) {
        int n = s.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += p[i][col] / n;
            mb += s[i] / n;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (p[i][col] - ma) * (s[i] - mb);
            saa += (p[i][col] - ma) * (p[i][col] - ma);
            sbb += (s[i] - mb) * (s[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    private static double mean(double[][] x, int j) {
        double s = 0;
        for (double[] row : x) {
            s += row[j];
        }
        return s / x.length;
    }
}
