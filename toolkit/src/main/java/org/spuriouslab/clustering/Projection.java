package org.spuriouslab.clustering;

import smile.manifold.TSNE;
import smile.math.MathEx;

/**
 * 2-D projections of points for scatter plots. {@link #pca2} is exact and fast (plain Java, since
 * Smile 6's PCA needs native LAPACK: the covariance matrix's eigenvectors by Jacobi rotations up to
 * 64 dimensions, the leading ones by subspace iteration above; e.g. 3000 × 20 in milliseconds,
 * 3000 × 784 pixels in about a second). {@link #tsne2} is Smile's exact t-SNE, {@code O(n²)} per iteration: about 4 s for 1000
 * points and 1000 iterations on 2 cores, roughly 9× that for 3000 — subsample larger sets (e.g.
 * with a seeded random sample) before calling it. Both are deterministic.
 */
public final class Projection {

    /** Up to this dimension PCA diagonalises the whole covariance matrix; above, subspace iteration. */
    static final int JACOBI_MAX_DIMENSION = 64;

    /** Smallest iteration count Smile's t-SNE accepts. */
    public static final int MIN_TSNE_ITERATIONS = 250;

    private Projection() {
    }

    /**
     * Projects onto the first two principal components ({@code n × 2}, centred). Component signs
     * are fixed so that each component's largest-magnitude loading is positive. One-dimensional
     * data gets a zero second column.
     *
     * @throws IllegalArgumentException for fewer than 2 points, ragged rows or non-finite values
     */
    public static double[][] pca2(double[][] x) {
        int d = Points.check(x, 2);
        if (d == 1) {
            double[][] one = pca(x, 1);
            double[][] out = new double[x.length][2];
            for (int i = 0; i < x.length; i++) {
                out[i][0] = one[i][0];
            }
            return out;
        }
        return pca(x, 2);
    }

    /**
     * Projects onto the first {@code m} principal components ({@code n × m}), signs fixed as in
     * {@link #pca2}.
     *
     * @param m number of components, 1 ≤ m ≤ d
     */
    public static double[][] pca(double[][] x, int m) {
        int d = Points.check(x, 2);
        if (m < 1 || m > d) {
            throw new IllegalArgumentException("number of components must be in 1.." + d + ", got " + m);
        }
        int n = x.length;
        double[] mean = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        double[][] cov = new double[d][d];
        for (double[] row : x) {
            for (int a = 0; a < d; a++) {
                double ta = row[a] - mean[a];
                for (int b = a; b < d; b++) {
                    cov[a][b] += ta * (row[b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= n - 1;
                cov[b][a] = cov[a][b];
            }
        }
        double[][] vectors = d <= JACOBI_MAX_DIMENSION ? new double[d][d] : null; // columns are eigenvectors
        double[] values;
        if (vectors != null) {
            values = jacobiEigen(cov, vectors);
        } else {
            int p = Math.min(d, m + 10);
            vectors = new double[d][p];
            values = topEigen(cov, vectors, m);
        }
        int found = values.length;
        Integer[] order = new Integer[found];
        for (int j = 0; j < found; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(values[q], values[p]));
        double[][] out = new double[n][m];
        for (int c = 0; c < m; c++) {
            int col = order[c];
            int big = 0;
            for (int j = 1; j < d; j++) {
                if (Math.abs(vectors[j][col]) > Math.abs(vectors[big][col])) {
                    big = j;
                }
            }
            double sign = vectors[big][col] < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += (x[i][j] - mean[j]) * vectors[j][col];
                }
                out[i][c] = sign * s;
            }
        }
        return out;
    }

    /**
     * t-SNE to two dimensions (Smile; learning rate 200, early exaggeration 12). Smile's random
     * start is seeded through the calling thread's generator ({@code MathEx.setSeed(seed)}).
     * Optimisation may stop before {@code iterations} when the cost stops improving.
     *
     * @param perplexity effective number of neighbours, 2 ≤ perplexity ≤ (n − 1) / 3 (typical 30)
     * @param iterations at least {@value #MIN_TSNE_ITERATIONS} (typical 1000)
     * @throws IllegalArgumentException for bad parameters or input
     */
    public static double[][] tsne2(double[][] x, double perplexity, int iterations, long seed) {
        Points.check(x, 7);
        int n = x.length;
        if (!(perplexity >= 2 && perplexity <= (n - 1) / 3.0)) {
            throw new IllegalArgumentException("perplexity must be in [2, (n-1)/3] = [2, "
                    + String.format(java.util.Locale.ROOT, "%.1f", (n - 1) / 3.0) + "] for " + n + " points, got " + perplexity);
        }
        if (iterations < MIN_TSNE_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be at least " + MIN_TSNE_ITERATIONS + ", got " + iterations);
        }
        MathEx.setSeed(seed);
        TSNE tsne = TSNE.fit(x, new TSNE.Options(2, perplexity, 200, 12, iterations));
        double[][] y = tsne.coordinates();
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = y[i].clone();
        }
        return out;
    }

    /**
     * Leading eigenpairs of a symmetric positive semi-definite matrix by subspace iteration with a
     * fixed-seed start and Rayleigh–Ritz (Jacobi on the small projected matrix). Fills the
     * {@code d × p} {@code vectors} with {@code p} orthonormal Ritz vectors as columns and returns
     * their Ritz values; iterates until the {@code wanted} largest pairs have residual
     * {@code ‖A u − λ u‖ ≤ 1e-10 · λ_max} (at most 2000 iterations).
     */
    static double[] topEigen(double[][] a, double[][] vectors, int wanted) {
        int d = a.length;
        int p = vectors[0].length;
        java.util.Random r = new java.util.Random(0);
        double[][] q = new double[d][p];
        for (double[] row : q) {
            for (int c = 0; c < p; c++) {
                row[c] = r.nextGaussian();
            }
        }
        orthonormalise(q);
        double[] values = new double[p];
        double[][] small = new double[p][p];
        double[][] rot = new double[p][p];
        for (int iter = 0; iter < 2000; iter++) {
            double[][] aq = multiply(a, q);
            for (int i = 0; i < p; i++) { // small = qᵀ A q, symmetrised
                for (int j = i; j < p; j++) {
                    double s1 = 0;
                    double s2 = 0;
                    for (int k = 0; k < d; k++) {
                        s1 += q[k][i] * aq[k][j];
                        s2 += q[k][j] * aq[k][i];
                    }
                    small[i][j] = (s1 + s2) / 2;
                    small[j][i] = small[i][j];
                }
            }
            values = jacobiEigen(small, rot);
            q = multiply(q, rot);             // Ritz vectors
            double[][] au = multiply(aq, rot); // A times the Ritz vectors
            Integer[] order = new Integer[p];
            for (int c = 0; c < p; c++) {
                order[c] = c;
            }
            double[] vals = values;
            java.util.Arrays.sort(order, (x, y) -> Double.compare(vals[y], vals[x]));
            double tol = 1e-10 * Math.max(Math.abs(values[order[0]]), Double.MIN_NORMAL);
            boolean done = true;
            for (int t = 0; t < Math.min(wanted, p) && done; t++) {
                int c = order[t];
                double res = 0;
                for (int k = 0; k < d; k++) {
                    double e = au[k][c] - values[c] * q[k][c];
                    res += e * e;
                }
                done = Math.sqrt(res) <= tol;
            }
            if (done) {
                break;
            }
            q = au;
            orthonormalise(q);
        }
        for (int i = 0; i < d; i++) {
            System.arraycopy(q[i], 0, vectors[i], 0, p);
        }
        return values;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int inner = b.length;
        int m = b[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] oi = out[i];
            double[] ai = a[i];
            for (int k = 0; k < inner; k++) {
                double v = ai[k];
                if (v == 0) {
                    continue;
                }
                double[] bk = b[k];
                for (int j = 0; j < m; j++) {
                    oi[j] += v * bk[j];
                }
            }
        }
        return out;
    }

    /** Modified Gram–Schmidt on the columns; a column that vanishes is replaced by a unit vector. */
    private static void orthonormalise(double[][] q) {
        int d = q.length;
        int p = q[0].length;
        int replaced = 0;
        for (int c = 0; c < p; c++) {
            double before = 0;
            for (int i = 0; i < d; i++) {
                before += q[i][c] * q[i][c];
            }
            before = Math.sqrt(before);
            for (int prev = 0; prev < c; prev++) {
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += q[i][c] * q[i][prev];
                }
                for (int i = 0; i < d; i++) {
                    q[i][c] -= dot * q[i][prev];
                }
            }
            double norm = 0;
            for (int i = 0; i < d; i++) {
                norm += q[i][c] * q[i][c];
            }
            norm = Math.sqrt(norm);
            if (norm == 0 || norm < 1e-10 * before) { // dependent column: replace by a unit vector and orthogonalise that
                int axis = (c + replaced++) % d;
                if (replaced > d + p) {
                    throw new IllegalStateException("cannot complete an orthonormal basis");
                }
                for (int i = 0; i < d; i++) {
                    q[i][c] = i == axis ? 1 : 0;
                }
                c--;
                continue;
            }
            for (int i = 0; i < d; i++) {
                q[i][c] /= norm;
            }
        }
    }

    /**
     * Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations. Returns eigenvalues and
     * fills {@code vectors} with the eigenvectors as columns. {@code a} is destroyed. Shared by
     * PCA here and by the truncated SVD of {@code org.spuriouslab.text}.
     */
    public static double[] jacobiEigen(double[][] a, double[][] vectors) {
        int d = a.length;
        for (int i = 0; i < d; i++) {
            java.util.Arrays.fill(vectors[i], 0);
            vectors[i][i] = 1;
        }
        double scale = 0;
        for (double[] row : a) {
            for (double v : row) {
                scale += v * v;
            }
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off <= 1e-30 * scale || off == 0) {
                break;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int r = 0; r < d; r++) { // columns p, q
                        double arp = a[r][p];
                        double arq = a[r][q];
                        a[r][p] = c * arp - s * arq;
                        a[r][q] = s * arp + c * arq;
                    }
                    for (int r = 0; r < d; r++) { // rows p, q
                        double apr = a[p][r];
                        double aqr = a[q][r];
                        a[p][r] = c * apr - s * aqr;
                        a[q][r] = s * apr + c * aqr;
                    }
                    for (int r = 0; r < d; r++) {
                        double vrp = vectors[r][p];
                        double vrq = vectors[r][q];
                        vectors[r][p] = c * vrp - s * vrq;
                        vectors[r][q] = s * vrp + c * vrq;
                    }
                }
            }
        }
        double[] values = new double[d];
        for (int i = 0; i < d; i++) {
            values[i] = a[i][i];
        }
        return values;
    }
}
