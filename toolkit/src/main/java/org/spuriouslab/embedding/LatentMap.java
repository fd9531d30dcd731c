package org.spuriouslab.embedding;

import org.spuriouslab.charts.ScatterChart;
import org.spuriouslab.clustering.Projection;
import org.spuriouslab.data.ImageSet;
import org.spuriouslab.models.Classifier;
import org.spuriouslab.models.Vae;
import org.spuriouslab.patterns.PlantedImages;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A 2-D map of images' latent means: PCA (linear, keeps global distances) or t-SNE (non-linear,
 * keeps neighbourhoods; distances between far clusters mean little). Colour it by label, by a
 * classifier's prediction or by planted pattern.
 *
 * @param method "PCA" or "t-SNE"
 * @param images the images mapped (a subsample for t-SNE)
 * @param xy     one 2-D point per image
 */
public record LatentMap(String method, ImageSet images, double[][] xy) {

    /** Maps every image with PCA of the latent means. */
    public static LatentMap pca(Vae vae, ImageSet images) {
        return new LatentMap("PCA", images, Projection.pca2(latents(vae, images)));
    }

    /**
     * Maps a seeded random subsample of at most {@code maxPoints} images with t-SNE
     * (perplexity 30, 1000 iterations); t-SNE costs O(n²) per iteration, so keep it to a few thousand.
     */
    public static LatentMap tsne(Vae vae, ImageSet images, int maxPoints, long seed) {
        ImageSet sample = images.size() > maxPoints ? images.sample(maxPoints, seed) : images;
        return new LatentMap("t-SNE", sample, Projection.tsne2(latents(vae, sample), 30, 1000, seed));
    }

    /** Coloured by true label. */
    public BufferedImage byLabel(List<String> classNames) {
        return ScatterChart.of(method + " of VAE latent means, by label", xy, images.labels(), classNames);
    }

    /** Coloured by a classifier's prediction. */
    public BufferedImage byPrediction(Classifier classifier, List<String> classNames) {
        return ScatterChart.of(method + " of VAE latent means, by prediction", xy, classifier.predict(images),
                classNames);
    }

    /**
     * Coloured by the first planted pattern each image carries ("no pattern" otherwise).
     *
     * @param planted the planted set these images were taken from; {@code positions[i]} is image i's
     *                position in it (use {@code null} when the map holds exactly the planted images)
     */
    public BufferedImage byPattern(PlantedImages planted, int[] positions) {
        int[] at = positions != null ? positions : java.util.stream.IntStream.range(0, images.size()).toArray();
        if (at.length != images.size()) {
            throw new IllegalArgumentException(at.length + " positions for " + images.size() + " mapped images");
        }
        return ScatterChart.of(method + " of VAE latent means, by planted pattern", xy, planted.firstPatternOf(at),
                planted.patternGroupNames());
    }

    private static double[][] latents(Vae vae, ImageSet images) {
        float[][] z = vae.encode(images);
        double[][] d = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            d[i] = new double[z[i].length];
            for (int j = 0; j < z[i].length; j++) {
                d[i][j] = z[i][j];
            }
        }
        return d;
    }
}
