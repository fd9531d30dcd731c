/**
 * Clustering of embeddings (e.g. VAE latent codes of one predicted class) and 2-D projections for
 * looking at them.
 * <ul>
 *   <li>{@link org.spuriouslab.clustering.Clusterer}: {@link org.spuriouslab.clustering.KMeansClusterer}
 *   (Smile k-means, k-means++ start, seeded restarts) and
 *   {@link org.spuriouslab.clustering.GaussianMixtureClusterer} (diagonal-covariance EM in plain
 *   Java with a variance floor). Both return a {@link org.spuriouslab.clustering.Clustering}:
 *   assignments, centroids and per-cluster membership scores that rank points.</li>
 *   <li>{@link org.spuriouslab.clustering.KSelection}: choose k by
 *   {@link org.spuriouslab.clustering.Silhouette} or by BIC; the
 *   {@link org.spuriouslab.clustering.KChoice} has a table and a chart.</li>
 *   <li>{@link org.spuriouslab.clustering.Projection}: PCA and t-SNE to two dimensions for
 *   {@link org.spuriouslab.charts.ScatterChart}.</li>
 * </ul>
 * Every random step takes a seed; the same seed gives the same numbers. Smile's generators are
 * per thread, so the calling thread's Smile generator is reseeded as a side effect.
 *
 * <pre>{@code
 * KChoice choice = KSelection.bySilhouette(z, new KMeansClusterer(), 2, 8, 42);
 * Clustering c = choice.best();
 * double[] rank = c.scoresFor(0);                 // how much each point belongs to cluster 0
 * BufferedImage plot = ScatterChart.of("PCA", Projection.pca2(z), c.assignments(), null);
 * }</pre>
 */
package org.spuriouslab.clustering;
