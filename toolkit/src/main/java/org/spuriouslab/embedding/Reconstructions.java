package org.spuriouslab.embedding;

import org.spuriouslab.charts.ImageGrid;
import org.spuriouslab.data.ImageSet;
import org.spuriouslab.models.Vae;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Originals (top row) above their VAE reconstructions (bottom row). */
public final class Reconstructions {

    private Reconstructions() {
    }

    /** The first {@code count} images of a set and their reconstructions, captioned with class names. */
    public static BufferedImage grid(Vae vae, ImageSet images, int count, List<String> classNames) {
        if (count < 1) {
            throw new IllegalArgumentException("show at least one image, got " + count);
        }
        ImageSet shown = images.head(count);
        ImageSet rec = vae.reconstruct(shown);
        List<float[]> pix = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            pix.add(shown.image(i));
            captions.add(classNames.get(shown.label(i)));
        }
        for (int i = 0; i < shown.size(); i++) {
            pix.add(rec.image(i));
            captions.add("decoded");
        }
        return ImageGrid.of(pix, shown.rows(), shown.cols(), captions, shown.size(), 3);
    }

    /** Mean squared pixel error of the reconstructions of a set. */
    public static double meanSquaredError(Vae vae, ImageSet images) {
        ImageSet rec = vae.reconstruct(images);
        float[] a = images.toFloatArray();
        float[] b = rec.toFloatArray();
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s / a.length;
    }
}
