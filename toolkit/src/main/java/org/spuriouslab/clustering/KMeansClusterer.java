package org.spuriouslab.clustering;

import smile.clustering.CentroidClustering;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * k-means with k-means++ initialisation (Smile's {@code KMeans}), restarted a few times with
 * different seeds; the run with the lowest distortion wins. Scores are minus the Euclidean distance
 * to each centroid (see {@link Clustering}).
 *
 * <p>Smile draws its random numbers from a per-thread generator; {@link #fit} reseeds the calling
 * thread's generator ({@code MathEx.setSeed}) before each restart, which is what makes results
 * repeatable.
 *
 * <pre>{@code
 * Clustering c = new KMeansClusterer().fit(latents, 4, 42);
 * }</pre>
 *
 * @param restarts runs with different seeds, at least 1 (default 4)
 * @param maxIter  Lloyd iterations per run, at least 1 (default 100)
 */
public record KMeansClusterer(int restarts, int maxIter) implements Clusterer {

    /** Default number of restarts. */
    public static final int DEFAULT_RESTARTS = 4;
    /** Default iterations per restart. */
    public static final int DEFAULT_MAX_ITER = 100;

    /** Checks the options. */
    public KMeansClusterer {
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("maxIter must be at least 1, got " + maxIter);
        }
    }

    /** k-means with {@value #DEFAULT_RESTARTS} restarts of up to {@value #DEFAULT_MAX_ITER} iterations. */
    public KMeansClusterer() {
        this(DEFAULT_RESTARTS, DEFAULT_MAX_ITER);
    }

    @Override
    public String name() {
        return "k-means";
    }

    @Override
    public Clustering fit(double[][] x, int k, long seed) {
        Points.check(x, 1);
        Points.checkK(x, k);
        int n = x.length;
        int[] best;
        double[][] fallback = new double[k][x[0].length]; // centre of a cluster left empty
        if (k == 1) {
            best = new int[n];
        } else {
            best = null;
            double bestDistortion = Double.POSITIVE_INFINITY;
            for (int r = 0; r < restarts; r++) {
                MathEx.setSeed(Seeds.mix(seed, r));
                CentroidClustering<double[], double[]> run =
                        KMeans.fit(x, new smile.clustering.Clustering.Options(k, maxIter));
                if (run.distortion() < bestDistortion) {
                    bestDistortion = run.distortion();
                    best = run.group().clone();
                    fallback = run.centers().clone();
                }
            }
        }
        double[][] centroids = Points.means(x, best, k, fallback);
        double[][] scores = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                scores[i][c] = -Math.sqrt(Points.squaredDistance(x[i], centroids[c]));
            }
        }
        return new Clustering(name(), k, best, centroids, scores);
    }
}
