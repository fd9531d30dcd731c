package org.spuriouslab.models;

import org.junit.jupiter.api.Assumptions;
import org.spuriouslab.data.DatasetMissingException;
import org.spuriouslab.data.Datasets;
import org.spuriouslab.data.ImageDataset;
import org.spuriouslab.data.ImageSet;

import java.io.IOException;
import java.util.Random;

/** Data for the model tests: a real dataset when fetched (loaded once), else the tests skip; plus synthetic sets. */
final class TestData {

    private static ImageDataset dataset;
    private static boolean tried;

    private TestData() {
    }

    /** The real dataset (MNIST or Fashion-MNIST); skips the calling test when none is fetched. */
    static synchronized ImageDataset real() {
        if (!tried) {
            tried = true;
            try {
                dataset = Datasets.load();
            } catch (DatasetMissingException e) {
                dataset = null;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        Assumptions.assumeTrue(dataset != null, "no dataset fetched (run data-fetch/fetch fashion-mnist)");
        return dataset;
    }

    /**
     * An easy synthetic set of 8×8 images: uniform noise in [0, 0.3] plus one bright 2×2 block whose
     * position encodes the class (up to 16 classes).
     */
    static ImageSet blocks(int n, int classes, long seed) {
        Random rnd = new Random(seed);
        int rows = 8;
        int cols = 8;
        float[] px = new float[n * rows * cols];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(classes);
            labels[i] = c;
            for (int j = 0; j < rows * cols; j++) {
                px[i * rows * cols + j] = rnd.nextFloat() * 0.3f;
            }
            int r0 = (c / 4) * 2;
            int c0 = (c % 4) * 2;
            for (int dr = 0; dr < 2; dr++) {
                for (int dc = 0; dc < 2; dc++) {
                    px[i * rows * cols + (r0 + dr) * cols + c0 + dc] = 1f;
                }
            }
        }
        return new ImageSet(px, labels, rows, cols);
    }
}
