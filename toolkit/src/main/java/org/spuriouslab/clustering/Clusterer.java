package org.spuriouslab.clustering;

/**
 * Partitions points into a given number of clusters. Implementations are deterministic: the same
 * data, {@code k} and seed give the same {@link Clustering}.
 */
public interface Clusterer {

    /**
     * Clusters the rows of {@code x}.
     *
     * @param x    {@code n × d} points, {@code n ≥ 2}, all rows the same length, no NaN
     * @param k    number of clusters, {@code 1 ≤ k ≤} number of distinct points
     * @param seed seed for every random choice
     * @throws IllegalArgumentException for bad shapes, NaN, or fewer distinct points than {@code k}
     */
    Clustering fit(double[][] x, int k, long seed);

    /** Short name used in tables and {@link Clustering#method()}, e.g. {@code "k-means"}. */
    String name();
}
