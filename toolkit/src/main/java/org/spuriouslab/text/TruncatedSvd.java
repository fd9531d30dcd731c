package org.spuriouslab.text;

import org.spuriouslab.clustering.Projection;

import java.util.Random;

/**
 * Randomised truncated SVD (Halko, Martinsson and Tropp 2011) in plain Java: the top {@code k}
 * singular values and right singular vectors of an {@code n × V} matrix {@code A}, without forming
 * a dense {@code A}. On TF-IDF rows this is latent semantic analysis: words that occur together
 * share components, so documents about the same subject land close together.
 *
 * <p>Steps: a Gaussian test matrix {@code Ω} ({@code V × (k + oversampling)}, seeded); the range
 * {@code Q} of {@code A Ω} sharpened by {@code powerIterations} rounds of {@code A Aᵀ}; the small
 * matrix {@code B = Qᵀ A}, whose SVD (via the eigen-decomposition of {@code B Bᵀ}) gives
 * {@code A ≈ U Σ Vᵀ}. Same seed, same numbers; component signs are fixed so each component's
 * largest-magnitude word loading is positive.
 *
 * @param components      k, the number of components kept, at least 1
 * @param oversampling    extra random directions, at least 0 (10 is usual)
 * @param powerIterations rounds of power iteration, at least 0 (more = more accurate for slowly decaying spectra)
 */
public record TruncatedSvd(int components, int oversampling, int powerIterations) {

    /** Checks the parameters. */
    public TruncatedSvd {
        if (components < 1) {
            throw new IllegalArgumentException("components must be at least 1, got " + components);
        }
        if (oversampling < 0) {
            throw new IllegalArgumentException("oversampling must be at least 0, got " + oversampling);
        }
        if (powerIterations < 0) {
            throw new IllegalArgumentException("powerIterations must be at least 0, got " + powerIterations);
        }
    }

    /** {@code k} components, oversampling 10, 4 power iterations. */
    public TruncatedSvd(int components) {
        this(components, 10, 4);
    }

    /**
     * The decomposition of {@code a}.
     *
     * @throws IllegalArgumentException when {@code components > min(rows, columns)}
     */
    public Svd fit(SparseMatrix a, long seed) {
        int n = a.rows();
        int v = a.columns();
        int k = components;
        if (k > Math.min(n, v)) {
            throw new IllegalArgumentException("components must be at most min(rows, columns) = " + Math.min(n, v)
                    + ", got " + k);
        }
        int l = Math.min(k + oversampling, Math.min(n, v));
        Random random = new Random(seed);
        double[][] omega = new double[v][l];
        for (double[] row : omega) {
            for (int j = 0; j < l; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double[][] q = orthonormalColumns(a.times(omega), random);
        for (int it = 0; it < powerIterations; it++) {
            double[][] z = orthonormalColumns(a.transposeTimes(q), random);
            q = orthonormalColumns(a.times(z), random);
        }
        double[][] c = a.transposeTimes(q); // V × l, c = Bᵀ
        double[][] bbt = new double[l][l];  // B Bᵀ = cᵀ c
        for (double[] row : c) {
            for (int i = 0; i < l; i++) {
                double ri = row[i];
                if (ri == 0) {
                    continue;
                }
                for (int j = i; j < l; j++) {
                    bbt[i][j] += ri * row[j];
                }
            }
        }
        for (int i = 0; i < l; i++) {
            for (int j = 0; j < i; j++) {
                bbt[i][j] = bbt[j][i];
            }
        }
        double[][] w = new double[l][l];
        double[] lambda = Projection.jacobiEigen(bbt, w);
        Integer[] order = new Integer[l];
        for (int i = 0; i < l; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(lambda[y], lambda[x]));
        double[] sigma = new double[k];
        double[][] comps = new double[k][v];
        for (int r = 0; r < k; r++) {
            int e = order[r];
            sigma[r] = Math.sqrt(Math.max(0, lambda[e]));
            if (sigma[r] == 0) {
                continue;
            }
            double[] comp = comps[r];
            for (int j = 0; j < v; j++) {
                double s = 0;
                for (int i = 0; i < l; i++) {
                    s += c[j][i] * w[i][e];
                }
                comp[j] = s / sigma[r];
            }
            int big = 0;
            for (int j = 1; j < v; j++) {
                if (Math.abs(comp[j]) > Math.abs(comp[big])) {
                    big = j;
                }
            }
            if (comp[big] < 0) {
                for (int j = 0; j < v; j++) {
                    comp[j] = -comp[j];
                }
            }
        }
        return new Svd(sigma, comps, a.times(transpose(comps)));
    }

    static double[][] transpose(double[][] m) {
        int r = m.length;
        int c = m[0].length;
        double[][] t = new double[c][r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    /** Orthonormal columns spanning those of {@code y} (rows × m), by twice-repeated modified Gram–Schmidt. */
    private static double[][] orthonormalColumns(double[][] y, Random random) {
        double[][] cols = transpose(y);
        int m = cols.length;
        int len = cols[0].length;
        for (int j = 0; j < m; j++) {
            double[] cj = cols[j];
            double before = norm(cj);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < j; i++) {
                    double dot = dot(cols[i], cj);
                    for (int t = 0; t < len; t++) {
                        cj[t] -= dot * cols[i][t];
                    }
                }
            }
            double after = norm(cj);
            if (after <= 1e-10 * Math.max(before, 1e-300)) { // dependent column: replace by a fresh direction
                for (int t = 0; t < len; t++) {
                    cj[t] = random.nextGaussian();
                }
                for (int pass = 0; pass < 2; pass++) {
                    for (int i = 0; i < j; i++) {
                        double dot = dot(cols[i], cj);
                        for (int t = 0; t < len; t++) {
                            cj[t] -= dot * cols[i][t];
                        }
                    }
                }
                after = norm(cj);
            }
            for (int t = 0; t < len; t++) {
                cj[t] /= after;
            }
        }
        return transpose(cols);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
