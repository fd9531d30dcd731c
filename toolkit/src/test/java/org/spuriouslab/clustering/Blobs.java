package org.spuriouslab.clustering;

import java.util.Random;

/** Seeded Gaussian blobs for tests: {@code k} unit-variance blobs with centres {@code separation} apart per axis. */
record Blobs(double[][] x, int[] truth) {

    static Blobs of(int perBlob, int dims, int k, double separation, long seed) {
        Random r = new Random(seed);
        double[][] centres = new double[k][dims];
        for (int c = 0; c < k; c++) {
            centres[c][c % dims] = separation * (1 + c / dims);
        }
        int n = perBlob * k;
        double[][] x = new double[n][dims];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % k;
            truth[i] = c;
            for (int j = 0; j < dims; j++) {
                x[i][j] = centres[c][j] + r.nextGaussian();
            }
        }
        return new Blobs(x, truth);
    }
}
