package org.spuriouslab.clustering;

import java.util.Arrays;

/**
 * The result of clustering {@code n} points into {@code k} clusters.
 *
 * <p>{@code scores[i][c]} says how strongly point {@code i} belongs to cluster {@code c}, higher
 * meaning more, so that one cluster can rank all points ({@link #scoresFor(int)}):
 * <ul>
 *   <li>k-means ({@link KMeansClusterer}): minus the Euclidean distance from the point to the
 *   centroid of {@code c} (≤ 0; never saturates).</li>
 *   <li>Gaussian mixture ({@link GaussianMixtureClusterer}): the log posterior probability
 *   {@code log P(c | x_i)} (each row's exponentials sum to 1). Posteriors themselves round to
 *   exactly 1.0 deep inside a well-separated component and would tie; their logs keep a strict
 *   ranking.</li>
 * </ul>
 *
 * @param method      clusterer name, e.g. {@code "k-means"}
 * @param k           number of clusters
 * @param assignments cluster of each point, in {@code 0 … k−1}
 * @param centroids   {@code k} centre points (cluster means)
 * @param scores      {@code n × k} membership scores as above
 */
public record Clustering(String method, int k, int[] assignments, double[][] centroids, double[][] scores) {

    /** Checks that the shapes agree. */
    public Clustering {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (assignments.length != scores.length) {
            throw new IllegalArgumentException(assignments.length + " assignments but " + scores.length + " score rows");
        }
        if (centroids.length != k) {
            throw new IllegalArgumentException(centroids.length + " centroids for k = " + k);
        }
        for (int i = 0; i < assignments.length; i++) {
            if (assignments[i] < 0 || assignments[i] >= k) {
                throw new IllegalArgumentException("assignment " + i + " is " + assignments[i] + ", outside 0.." + (k - 1));
            }
            if (scores[i].length != k) {
                throw new IllegalArgumentException("score row " + i + " has " + scores[i].length + " entries for k = " + k);
            }
        }
    }

    /** Number of points clustered. */
    public int n() {
        return assignments.length;
    }

    /** Number of points assigned to cluster {@code c}. */
    public int size(int c) {
        checkCluster(c);
        int s = 0;
        for (int a : assignments) {
            if (a == c) {
                s++;
            }
        }
        return s;
    }

    /** Sizes of all clusters, indexed by cluster. */
    public int[] sizes() {
        int[] s = new int[k];
        for (int a : assignments) {
            s[a]++;
        }
        return s;
    }

    /** Indices of the points assigned to cluster {@code c}, ascending. */
    public int[] members(int c) {
        checkCluster(c);
        int[] out = new int[size(c)];
        int j = 0;
        for (int i = 0; i < assignments.length; i++) {
            if (assignments[i] == c) {
                out[j++] = i;
            }
        }
        return out;
    }

    /** Membership score of every point in cluster {@code c} (column {@code c} of {@link #scores}). */
    public double[] scoresFor(int c) {
        checkCluster(c);
        double[] out = new double[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = scores[i][c];
        }
        return out;
    }

    /** Whether each point is in cluster {@code c}. */
    public boolean[] isMember(int c) {
        checkCluster(c);
        boolean[] out = new boolean[assignments.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = assignments[i] == c;
        }
        return out;
    }

    private void checkCluster(int c) {
        if (c < 0 || c >= k) {
            throw new IllegalArgumentException("cluster " + c + " is outside 0.." + (k - 1));
        }
    }

    @Override
    public String toString() {
        return "Clustering[" + method + ", k=" + k + ", n=" + n() + ", sizes=" + Arrays.toString(sizes()) + "]";
    }
}
