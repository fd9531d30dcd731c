package org.spuriouslab.clustering;

/**
 * Chooses the number of clusters: by mean silhouette (any {@link Clusterer}, higher is better) or
 * by the BIC of a diagonal Gaussian mixture (lower is better). Every k in {@code kMin … kMax} is
 * fitted with the same seed; the result keeps the clustering at the chosen k.
 *
 * <pre>{@code
 * KChoice c = KSelection.bySilhouette(latents, new KMeansClusterer(), 2, 8, 42);
 * c.k(); c.table(); c.chart(); c.best();
 * }</pre>
 *
 * <p>Degenerate input is rejected with {@link IllegalArgumentException}: fewer than
 * {@code kMax + 1} points, or fewer than {@code kMax} distinct points (e.g. all points identical).
 */
public final class KSelection {

    /** Points whose silhouette is averaged (each against all points) when there are more. */
    public static final int DEFAULT_SILHOUETTE_SAMPLE = 1000;

    private KSelection() {
    }

    /**
     * Picks the k with the highest mean silhouette, sampled over
     * {@value #DEFAULT_SILHOUETTE_SAMPLE} points when there are more.
     *
     * @param kMin smallest k, at least 2
     * @param kMax largest k, at least kMin and at most n − 1
     */
    public static KChoice bySilhouette(double[][] x, Clusterer clusterer, int kMin, int kMax, long seed) {
        return bySilhouette(x, clusterer, kMin, kMax, seed, DEFAULT_SILHOUETTE_SAMPLE);
    }

    /**
     * As {@link #bySilhouette(double[][], Clusterer, int, int, long)} with an explicit silhouette
     * sample size ({@code ≥ n} means exact). The same sample is used for every k. A k whose
     * clustering leaves fewer than 2 clusters non-empty gets {@code NaN} and cannot be chosen;
     * ties go to the smaller k.
     */
    public static KChoice bySilhouette(double[][] x, Clusterer clusterer, int kMin, int kMax, long seed,
                                       int sampleSize) {
        if (clusterer == null) {
            throw new IllegalArgumentException("clusterer must not be null");
        }
        checkRange(x, kMin, kMax, 2);
        int count = kMax - kMin + 1;
        int[] ks = new int[count];
        double[] values = new double[count];
        Clustering[] fits = new Clustering[count];
        int bestIndex = -1;
        for (int i = 0; i < count; i++) {
            ks[i] = kMin + i;
            fits[i] = clusterer.fit(x, ks[i], seed);
            values[i] = nonEmpty(fits[i]) >= 2
                    ? Silhouette.score(x, fits[i].assignments(), sampleSize, seed)
                    : Double.NaN;
            if (!Double.isNaN(values[i]) && (bestIndex < 0 || values[i] > values[bestIndex])) {
                bestIndex = i;
            }
        }
        if (bestIndex < 0) {
            throw new IllegalArgumentException("no k in " + kMin + ".." + kMax + " gave 2 or more non-empty clusters");
        }
        return new KChoice(ks[bestIndex], "silhouette", ks, values, fits[bestIndex]);
    }

    /**
     * Picks the k whose diagonal Gaussian mixture ({@link GaussianMixtureClusterer} defaults) has
     * the lowest BIC = −2 logL + p ln n.
     *
     * @param kMin smallest k, at least 1 (k = 1 lets BIC say "no cluster structure")
     * @param kMax largest k, at least kMin and at most n − 1
     */
    public static KChoice byBic(double[][] x, int kMin, int kMax, long seed) {
        return byBic(x, new GaussianMixtureClusterer(), kMin, kMax, seed);
    }

    /** As {@link #byBic(double[][], int, int, long)} with a configured mixture; ties go to the smaller k. */
    public static KChoice byBic(double[][] x, GaussianMixtureClusterer gmm, int kMin, int kMax, long seed) {
        if (gmm == null) {
            throw new IllegalArgumentException("mixture clusterer must not be null");
        }
        checkRange(x, kMin, kMax, 1);
        int count = kMax - kMin + 1;
        int[] ks = new int[count];
        double[] values = new double[count];
        DiagonalGaussianMixture[] models = new DiagonalGaussianMixture[count];
        int bestIndex = 0;
        for (int i = 0; i < count; i++) {
            ks[i] = kMin + i;
            models[i] = gmm.fitModel(x, ks[i], seed);
            values[i] = models[i].bic();
            if (values[i] < values[bestIndex]) {
                bestIndex = i;
            }
        }
        return new KChoice(ks[bestIndex], "BIC", ks, values, gmm.toClustering(x, models[bestIndex]));
    }

    private static void checkRange(double[][] x, int kMin, int kMax, int lowest) {
        Points.check(x, 2);
        int n = x.length;
        if (kMin < lowest) {
            throw new IllegalArgumentException("kMin must be at least " + lowest + ", got " + kMin);
        }
        if (kMax < kMin) {
            throw new IllegalArgumentException("kMax (" + kMax + ") must be at least kMin (" + kMin + ")");
        }
        if (kMax > n - 1) {
            throw new IllegalArgumentException("kMax = " + kMax + " is too large for " + n
                    + " points; allowed at most n − 1 = " + (n - 1));
        }
        int distinct = Points.distinctUpTo(x, kMax);
        if (distinct < kMax) {
            throw new IllegalArgumentException("only " + distinct + " distinct points, cannot try up to k = " + kMax
                    + "; lower kMax to at most " + distinct);
        }
    }

    private static int nonEmpty(Clustering c) {
        int m = 0;
        for (int s : c.sizes()) {
            if (s > 0) {
                m++;
            }
        }
        return m;
    }
}
