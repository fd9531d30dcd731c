package org.spuriouslab.clustering;

import org.junit.jupiter.api.Test;
import org.spuriouslab.metrics.ClusterAgreement;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterersTest {

    private static final Blobs THREE = Blobs.of(150, 5, 3, 8.0, 1);

    @Test
    void kMeansRecoversThreeBlobs() {
        Clustering c = new KMeansClusterer().fit(THREE.x(), 3, 42);
        assertEquals("k-means", c.method());
        assertTrue(ClusterAgreement.ari(c.assignments(), THREE.truth()) > 0.95);
        assertEquals(450, Arrays.stream(c.sizes()).sum());
        // scores are minus the distance to each centroid; the own centroid is the closest
        for (int i = 0; i < c.n(); i++) {
            int own = c.assignments()[i];
            double d = Math.sqrt(Points.squaredDistance(THREE.x()[i], c.centroids()[own]));
            assertEquals(-d, c.scores()[i][own], 1e-9);
            for (int other = 0; other < 3; other++) {
                assertTrue(c.scores()[i][own] >= c.scores()[i][other]);
            }
        }
    }

    @Test
    void gaussianMixtureRecoversThreeBlobs() {
        Clustering c = new GaussianMixtureClusterer().fit(THREE.x(), 3, 42);
        assertEquals("gaussian-mixture", c.method());
        assertTrue(ClusterAgreement.ari(c.assignments(), THREE.truth()) > 0.95);
        for (double[] row : c.scores()) {
            assertEquals(1.0, Arrays.stream(row).map(Math::exp).sum(), 1e-9, "scores are log posteriors");
        }
        // means close to the true centres (8 on axis c)
        for (int k = 0; k < 3; k++) {
            double[] m = c.centroids()[k];
            int axis = 0;
            for (int j = 1; j < m.length; j++) {
                if (m[j] > m[axis]) {
                    axis = j;
                }
            }
            assertEquals(8.0, m[axis], 0.3);
        }
    }

    @Test
    void sameSeedSameResult() {
        Blobs b = Blobs.of(100, 4, 4, 2.5, 9); // overlapping, so the start matters
        for (Clusterer clusterer : new Clusterer[]{new KMeansClusterer(), new GaussianMixtureClusterer()}) {
            Clustering one = clusterer.fit(b.x(), 4, 5);
            Clustering two = clusterer.fit(b.x(), 4, 5);
            assertArrayEquals(one.assignments(), two.assignments(), clusterer.name());
            for (int i = 0; i < one.n(); i++) {
                assertArrayEquals(one.scores()[i], two.scores()[i], 0.0);
            }
        }
    }

    @Test
    void mixtureModelReportsBicAndStableLogPosteriors() {
        GaussianMixtureClusterer gmm = new GaussianMixtureClusterer();
        DiagonalGaussianMixture m = gmm.fitModel(THREE.x(), 3, 1);
        assertTrue(m.converged());
        assertEquals(3 * 5 * 2 + 2, m.parameterCount());
        assertEquals(-2 * m.logLikelihood() + 32 * Math.log(450), m.bic(), 1e-9);
        assertEquals(m.logLikelihood(), m.logLikelihood(THREE.x()), 1e-6 * Math.abs(m.logLikelihood()));
        assertEquals(1.0, Arrays.stream(m.weights()).sum(), 1e-12);
        double[][] post = m.posteriors(THREE.x());
        double[][] logPost = m.logPosteriors(THREE.x());
        int saturated = 0;
        for (int i = 0; i < post.length; i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(post[i][c], Math.exp(logPost[i][c]), 1e-12);
                if (post[i][c] == 1.0 && logPost[i][c] < 0) {
                    saturated++;
                }
            }
        }
        assertTrue(saturated > 0, "well-separated blobs saturate posteriors; log posteriors still differ");
    }

    @Test
    void varianceFloorKeepsDegenerateDataFinite() {
        // 60 identical points, a blob, and a constant third coordinate: without a floor a component
        // would collapse onto the duplicates (infinite likelihood)
        double[][] x = new double[160][3];
        Blobs b = Blobs.of(100, 2, 1, 0, 4);
        for (int i = 0; i < 100; i++) {
            x[i][0] = b.x()[i][0];
            x[i][1] = b.x()[i][1];
        }
        for (int i = 100; i < 160; i++) {
            x[i][0] = 5;
            x[i][1] = 5;
        }
        DiagonalGaussianMixture m = new GaussianMixtureClusterer().fitModel(x, 3, 2);
        assertTrue(Double.isFinite(m.logLikelihood()));
        for (double[] v : m.variances()) {
            for (double s : v) {
                assertTrue(s > 0);
            }
        }
        Clustering c = new GaussianMixtureClusterer().fit(x, 3, 2);
        for (double[] row : c.scores()) {
            for (double s : row) {
                assertFalse(Double.isNaN(s));
            }
        }
    }

    @Test
    void clusteringAccessors() {
        Clustering c = new Clustering("test", 2, new int[]{1, 0, 1},
                new double[][]{{0}, {1}}, new double[][]{{0.1, 0.9}, {0.8, 0.2}, {0.3, 0.7}});
        assertEquals(2, c.size(1));
        assertArrayEquals(new int[]{0, 2}, c.members(1));
        assertArrayEquals(new double[]{0.9, 0.2, 0.7}, c.scoresFor(1), 0.0);
        assertArrayEquals(new int[]{1, 2}, c.sizes());
        assertThrows(IllegalArgumentException.class, () -> c.members(2));
        assertThrows(IllegalArgumentException.class, () -> new Clustering("bad", 2, new int[]{2},
                new double[][]{{0}, {1}}, new double[][]{{0, 1}}));
    }

    @Test
    void rejectsDegenerateInput() {
        double[][] same = new double[10][2];
        KMeansClusterer km = new KMeansClusterer();
        assertThrows(IllegalArgumentException.class, () -> km.fit(same, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixtureClusterer().fit(same, 2, 1));
        assertEquals(1, km.fit(same, 1, 1).k());
        assertThrows(IllegalArgumentException.class, () -> km.fit(THREE.x(), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> km.fit(new double[][]{{1, 2}, {3}}, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> km.fit(new double[][]{{1, Double.NaN}, {3, 4}}, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> km.fit(new double[][]{{1}, {2}}, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> new KMeansClusterer(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixtureClusterer(10, 1e-6, 0, new KMeansClusterer()));
    }
}
