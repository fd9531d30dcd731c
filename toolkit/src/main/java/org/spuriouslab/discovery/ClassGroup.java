package org.spuriouslab.discovery;

import org.spuriouslab.clustering.Clustering;
import org.spuriouslab.clustering.KChoice;

/**
 * The pool images the classifier put into one class, their latent codes and their clusters.
 *
 * @param label             the predicted class (classifier label)
 * @param className         its name
 * @param poolIndices       positions of the group's images in the pool
 * @param latents           their VAE latent means (one row per image)
 * @param clustering        the clusters, or {@code null} when the group was too small
 * @param choice            how k was chosen, or {@code null} when k was fixed or the group too small
 * @param decodedCentroids  each cluster centroid decoded by the VAE (pixels), or empty
 */
public record ClassGroup(int label, String className, int[] poolIndices, double[][] latents, Clustering clustering,
                         KChoice choice, float[][] decodedCentroids) {

    /** Number of pool images predicted as this class. */
    public int size() {
        return poolIndices.length;
    }

    /** Whether the group was clustered. */
    public boolean clustered() {
        return clustering != null;
    }
}
