package org.spuriouslab.patterns;

import org.spuriouslab.data.ImageSet;

import java.util.Random;

/** Small synthetic image sets for the tests: pixels in [0, 0.5), so white pixels stand out. */
final class Synthetic {

    private Synthetic() {
    }

    /** {@code perClass[c]} images of class c, classes interleaved, {@code rows × cols} pixels in [0, 0.5). */
    static ImageSet images(int rows, int cols, int... perClass) {
        int total = 0;
        for (int n : perClass) {
            total += n;
        }
        int[] labels = new int[total];
        int[] left = perClass.clone();
        int i = 0;
        while (i < total) {
            for (int c = 0; c < left.length && i < total; c++) {
                if (left[c] > 0) {
                    labels[i++] = c;
                    left[c]--;
                }
            }
        }
        Random rnd = new Random(7);
        float[] px = new float[total * rows * cols];
        for (int j = 0; j < px.length; j++) {
            px[j] = rnd.nextFloat() * 0.5f;
        }
        return new ImageSet(px, labels, rows, cols);
    }

    static float[] constant(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
