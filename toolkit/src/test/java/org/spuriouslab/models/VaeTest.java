package org.spuriouslab.models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spuriouslab.data.ImageDataset;
import org.spuriouslab.data.ImageSet;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VaeTest {

    @TempDir
    Path tmp;

    @Test
    void learnsToReconstructRealImages() throws IOException {
        ImageDataset ds = TestData.real();
        ImageSet train = ds.train().head(4000);
        ImageSet test = ds.test().head(500);
        VaeSpec spec = VaeSpec.builder().epochs(3).build();
        try (Vae vae = Vae.train(spec, train)) {
            VaeHistory h = vae.history();
            assertEquals(3, h.epochs().size());
            assertTrue(h.epochs().get(2).elbo() > h.epochs().get(0).elbo(), "ELBO improves: " + h);
            VaeEpoch last = h.last();
            assertEquals(-(last.reconstruction() + last.kl()), last.elbo(), 1e-6 * Math.abs(last.elbo()));
            assertTrue(last.kl() > 0);
            assertEquals(3, h.table().rowCount());
            assertTrue(h.chart().getHeight() >= 500);

            float[][] z = vae.encode(test);
            assertEquals(500, z.length);
            assertEquals(20, z[0].length);
            assertEquals(20, vae.latentDim());
            float[][] x = vae.decode(z);
            assertEquals(784, x[0].length);
            for (float[] row : x) {
                for (float v : row) {
                    assertTrue(v >= 0 && v <= 1, "decoded pixel " + v);
                }
            }
            ImageSet recon = vae.reconstruct(test);
            assertArrayEquals(test.labels(), recon.labels());
            // mean squared error against the baseline "every image is the training mean image"
            float[] mean = new float[784];
            for (int c = 0; c < 10; c++) {
                float[] cm = train.classMean(c);
                int count = train.classCounts(10)[c];
                for (int j = 0; j < 784; j++) {
                    mean[j] += cm[j] * count / (float) train.size();
                }
            }
            double vaeError = 0;
            double meanError = 0;
            for (int i = 0; i < test.size(); i++) {
                float[] orig = test.image(i);
                float[] rec = recon.image(i);
                for (int j = 0; j < 784; j++) {
                    vaeError += (orig[j] - rec[j]) * (orig[j] - rec[j]);
                    meanError += (orig[j] - mean[j]) * (orig[j] - mean[j]);
                }
            }
            assertTrue(vaeError < 0.6 * meanError, "VAE error " + vaeError + " vs mean-image error " + meanError);

            Path dir = tmp.resolve("vae");
            vae.save(dir);
            try (Vae loaded = Vae.load(dir)) {
                assertEquals(spec, loaded.spec());
                float[][] z2 = loaded.encode(test.head(20));
                for (int i = 0; i < 20; i++) {
                    assertArrayEquals(z[i], z2[i]);
                }
                assertEquals(h, loaded.history());
            }
        }
    }

    @Test
    void sameSeedSameVae() {
        ImageSet data = TestData.blocks(300, 10, 1);
        VaeSpec spec = VaeSpec.builder().hidden(32).latent(4).epochs(2).batchSize(32).build();
        try (Vae a = Vae.train(spec, data); Vae b = Vae.train(spec, data);
             Vae c = Vae.train(spec.toBuilder().seed(1).build(), data)) {
            float[][] za = a.encode(data.head(20));
            float[][] zb = b.encode(data.head(20));
            // Same seed, same model — up to floating-point noise: once in a full-suite run on a busy
            // machine two trainings differed by 0.013 in a code (passing alone and in reruns), so
            // PyTorch's multi-threaded reductions are not always bit-identical. The tolerance is far
            // below the difference another seed makes (checked below).
            for (int i = 0; i < za.length; i++) {
                assertArrayEquals(za[i], zb[i], 0.05f);
            }
            assertEquals(a.history().last().elbo(), b.history().last().elbo(),
                    0.01 * Math.abs(a.history().last().elbo()));
            assertTrue(a.history().last().elbo() != c.history().last().elbo());
            float[][] zc = c.encode(data.head(20));
            double largest = 0;
            for (int i = 0; i < za.length; i++) {
                for (int j = 0; j < za[i].length; j++) {
                    largest = Math.max(largest, Math.abs(za[i][j] - zc[i][j]));
                }
            }
            assertTrue(largest > 0.2, "another seed gives other codes (largest difference " + largest + ")");
            assertThrows(IllegalArgumentException.class, () -> a.decode(new float[][]{new float[3]}));
        }
    }

    @Test
    void truncatedVaeFileIsAClearError() throws IOException {
        ImageSet data = TestData.blocks(100, 10, 2);
        Path dir = tmp.resolve("vae");
        try (Vae v = Vae.train(VaeSpec.builder().hidden(16).latent(2).epochs(1).build(), data)) {
            v.save(dir);
        }
        Path params = dir.resolve(ModelFiles.PARAMETERS);
        try (RandomAccessFile f = new RandomAccessFile(params.toFile(), "rw")) {
            f.setLength(Files.size(params) - 10);
        }
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Vae.load(dir));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }
}
