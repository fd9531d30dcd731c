package org.spuriouslab.embedding;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spuriouslab.data.ImageSet;
import org.spuriouslab.models.Vae;
import org.spuriouslab.models.VaeSpec;
import org.spuriouslab.patterns.InjectionSpec;
import org.spuriouslab.patterns.Injector;
import org.spuriouslab.patterns.Patterns;
import org.spuriouslab.patterns.PlantSpec;
import org.spuriouslab.patterns.PlantedImages;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingViewsTest {

    private static PlantedImages planted;
    private static Vae vae;

    @BeforeAll
    static void trainTinyVae() {
        Random r = new Random(1);
        int n = 300;
        float[] px = new float[n * 784];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            // class 0: bright left half, class 1: bright right half
            for (int p = 0; p < 784; p++) {
                boolean left = p % 28 < 14;
                px[i * 784 + p] = (left == (labels[i] == 0) ? 0.7f : 0.05f) + 0.1f * r.nextFloat();
            }
        }
        planted = Injector.inject(new ImageSet(px, labels, 28, 28),
                InjectionSpec.of(PlantSpec.of(Patterns.s3()).inClass(1, 40)), 3);
        vae = Vae.train(VaeSpec.builder().hidden(64).latent(4).epochs(20).batchSize(30).seed(2).build(), planted.images());
    }

    @AfterAll
    static void close() {
        vae.close();
    }

    @Test
    void reconstructionsShowOriginalsAboveDecodedImages() {
        BufferedImage g = Reconstructions.grid(vae, planted.images(), 6, List.of("left", "right"));
        assertTrue(g.getWidth() > g.getHeight(), "two rows of six images");
        double mse = Reconstructions.meanSquaredError(vae, planted.images());
        // baseline: predict every pixel by the mean image of the whole set (≈ 0.105 here)
        ImageSet set = planted.images();
        float[] mean = new float[784];
        for (int i = 0; i < set.size(); i++) {
            float[] img = set.image(i);
            for (int p = 0; p < 784; p++) {
                mean[p] += img[p] / set.size();
            }
        }
        double base = 0;
        for (int i = 0; i < set.size(); i++) {
            float[] img = set.image(i);
            for (int p = 0; p < 784; p++) {
                base += (img[p] - mean[p]) * (img[p] - mean[p]);
            }
        }
        base /= set.size() * 784.0;
        assertTrue(mse < 0.5 * base, "decoded images resemble the inputs: mse " + mse + " vs mean-image " + base);
        assertThrows(IllegalArgumentException.class, () -> Reconstructions.grid(vae, planted.images(), 0, List.of()));
    }

    @Test
    void pcaMapHasOnePointPerImageAndSeparatesTheClasses() {
        LatentMap map = LatentMap.pca(vae, planted.images());
        assertEquals(planted.images().size(), map.xy().length);
        double m0 = 0;
        double m1 = 0;
        for (int i = 0; i < map.xy().length; i++) {
            if (planted.images().label(i) == 0) {
                m0 += map.xy()[i][0];
            } else {
                m1 += map.xy()[i][0];
            }
        }
        assertTrue(Math.abs(m0 - m1) / map.xy().length > 0.1, "the first component separates the two halves");
        assertTrue(map.byLabel(List.of("left", "right")).getWidth() > 100);
        assertTrue(map.byPattern(planted, null).getWidth() > 100);
    }

    @Test
    void tsneMapsASubsample() {
        LatentMap map = LatentMap.tsne(vae, planted.images(), 120, 5);
        assertEquals(120, map.xy().length);
        assertEquals("t-SNE", map.method());
    }
}
