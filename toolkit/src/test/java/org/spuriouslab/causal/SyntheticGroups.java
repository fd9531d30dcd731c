package org.spuriouslab.causal;

import java.util.List;
import java.util.SplittableRandom;

/** Seeded synthetic control and treated groups for the balancing tests. */
final class SyntheticGroups {

    private SyntheticGroups() {
    }

    /**
     * Correlated Gaussian covariates: xⱼ = zⱼ + 0.5 z₀ (z standard normal) plus {@code shift} in
     * every column, scaled by {@code scale}.
     */
    static double[][] gaussian(int n, int p, double shift, double scale, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            double common = rnd.nextGaussian();
            for (int j = 0; j < p; j++) {
                x[i][j] = scale * (rnd.nextGaussian() + 0.5 * common) + shift * (1 + 0.1 * j);
            }
        }
        return x;
    }

    /** Categories in 0..k−1 with probabilities proportional to {@code odds}. */
    static int[] categories(int n, double[] odds, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double total = 0;
        for (double o : odds) {
            total += o;
        }
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            double u = rnd.nextDouble() * total;
            int k = 0;
            while (k < odds.length - 1 && u >= odds[k]) {
                u -= odds[k];
                k++;
            }
            c[i] = k;
        }
        return c;
    }

    static Covariates controls(int n, int p, long seed) {
        return Covariates.of(gaussian(n, p, 0.0, 1.0, seed), Covariates.defaultNames(p));
    }

    static Covariates treated(int n, int p, long seed) {
        return Covariates.of(gaussian(n, p, 0.4, 0.8, seed), Covariates.defaultNames(p));
    }

    static List<String> names(String... n) {
        return List.of(n);
    }
}
