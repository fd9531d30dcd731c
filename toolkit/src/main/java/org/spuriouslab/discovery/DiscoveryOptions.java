package org.spuriouslab.discovery;

import org.spuriouslab.clustering.Clusterer;
import org.spuriouslab.clustering.GaussianMixtureClusterer;
import org.spuriouslab.clustering.KMeansClusterer;

/**
 * How discovery clusters each predicted class's latent codes.
 *
 * @param clusterer    k-means (default) or a Gaussian mixture
 * @param selection    how k is chosen when {@code fixedK} is 0
 * @param fixedK       a fixed number of clusters, or 0 to choose it
 * @param kMin         smallest k tried (≥ 2)
 * @param kMax         largest k tried
 * @param minGroupSize predicted classes with fewer pool images are not clustered
 * @param seed         seed for clustering
 */
public record DiscoveryOptions(Clusterer clusterer, KCriterion selection, int fixedK, int kMin, int kMax,
                               int minGroupSize, long seed) {

    /** How k is chosen. */
    public enum KCriterion {
        /** Highest mean silhouette (any clusterer). */
        SILHOUETTE,
        /** Lowest BIC of a diagonal Gaussian mixture. */
        BIC
    }

    /** Validates. */
    public DiscoveryOptions {
        if (clusterer == null || selection == null) {
            throw new IllegalArgumentException("clusterer and selection are required");
        }
        if (fixedK < 0 || fixedK == 1) {
            throw new IllegalArgumentException("fixed k must be 0 (choose) or at least 2, got " + fixedK);
        }
        if (kMin < 2 || kMax < kMin) {
            throw new IllegalArgumentException("need 2 ≤ kMin ≤ kMax, got kMin=" + kMin + ", kMax=" + kMax);
        }
        if (minGroupSize < 2) {
            throw new IllegalArgumentException("minimum group size must be at least 2, got " + minGroupSize);
        }
    }

    /** k-means, k from 2 to 6 by silhouette, groups of at least 20 images, seed 11. */
    public static DiscoveryOptions defaults() {
        return new DiscoveryOptions(new KMeansClusterer(), KCriterion.SILHOUETTE, 0, 2, 6, 20, 11);
    }

    /** Gaussian mixture with k by BIC. */
    public static DiscoveryOptions gaussianMixture() {
        return new DiscoveryOptions(new GaussianMixtureClusterer(), KCriterion.BIC, 0, 2, 6, 20, 11);
    }

    /** The same options with a fixed k. */
    public DiscoveryOptions withK(int k) {
        return new DiscoveryOptions(clusterer, selection, k, kMin, kMax, minGroupSize, seed);
    }

    /** The same options with another range of k. */
    public DiscoveryOptions withKRange(int min, int max) {
        return new DiscoveryOptions(clusterer, selection, fixedK, min, max, minGroupSize, seed);
    }

    /** The same options with another seed. */
    public DiscoveryOptions withSeed(long newSeed) {
        return new DiscoveryOptions(clusterer, selection, fixedK, kMin, kMax, minGroupSize, newSeed);
    }
}
