package org.spuriouslab.clustering;

/**
 * Gaussian mixture with diagonal covariances, fitted by expectation–maximisation in plain Java
 * (Smile 6's full-covariance mixture needs native LAPACK, which this build leaves out, and full
 * 20-D covariances are easily singular). Initialised from a seeded k-means; every variance is kept
 * at or above {@code varianceFloor} × that dimension's overall variance so that no component can
 * collapse onto a point. A component that loses all its points is moved to the worst-explained
 * point. Scores are log posterior probabilities, computed without rounding to 0 so that even very
 * confident points keep a strict ranking (see {@link Clustering}).
 *
 * <pre>{@code
 * Clustering c = new GaussianMixtureClusterer().fit(latents, 4, 42);
 * DiagonalGaussianMixture m = new GaussianMixtureClusterer().fitModel(latents, 4, 42); // m.bic()
 * }</pre>
 *
 * @param maxIter       EM iterations at most, at least 1 (default 200)
 * @param tolerance     stop when the mean log-likelihood per point improves by less than this (default 1e-6)
 * @param varianceFloor relative variance floor in (0, 1) (default 1e-3)
 * @param init          k-means used for the starting point
 */
public record GaussianMixtureClusterer(int maxIter, double tolerance, double varianceFloor, KMeansClusterer init)
        implements Clusterer {

    /** Default EM iteration limit. */
    public static final int DEFAULT_MAX_ITER = 200;
    /** Default convergence tolerance (mean log-likelihood per point). */
    public static final double DEFAULT_TOLERANCE = 1e-6;
    /** Default relative variance floor. */
    public static final double DEFAULT_VARIANCE_FLOOR = 1e-3;

    /** Checks the options. */
    public GaussianMixtureClusterer {
        if (maxIter < 1) {
            throw new IllegalArgumentException("maxIter must be at least 1, got " + maxIter);
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be ≥ 0, got " + tolerance);
        }
        if (!(varianceFloor > 0 && varianceFloor < 1)) {
            throw new IllegalArgumentException("varianceFloor must be in (0, 1), got " + varianceFloor);
        }
        if (init == null) {
            throw new IllegalArgumentException("init k-means must not be null");
        }
    }

    /** Defaults: 200 iterations, tolerance 1e-6, variance floor 1e-3, default k-means start. */
    public GaussianMixtureClusterer() {
        this(DEFAULT_MAX_ITER, DEFAULT_TOLERANCE, DEFAULT_VARIANCE_FLOOR, new KMeansClusterer());
    }

    @Override
    public String name() {
        return "gaussian-mixture";
    }

    @Override
    public Clustering fit(double[][] x, int k, long seed) {
        return toClustering(x, fitModel(x, k, seed));
    }

    /** The clustering a fitted model induces on {@code x}: most probable component and log posteriors. */
    Clustering toClustering(double[][] x, DiagonalGaussianMixture model) {
        double[][] post = model.logPosteriors(x);
        int[] assign = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            assign[i] = DiagonalGaussianMixture.argMax(post[i]);
        }
        double[][] centroids = new double[model.k()][];
        for (int c = 0; c < model.k(); c++) {
            centroids[c] = model.means()[c].clone();
        }
        return new Clustering(name(), model.k(), assign, centroids, post);
    }

    /**
     * Fits the mixture itself (weights, means, variances, log-likelihood, BIC).
     *
     * @throws IllegalArgumentException as {@link Clusterer#fit}
     */
    public DiagonalGaussianMixture fitModel(double[][] x, int k, long seed) {
        int d = Points.check(x, 1);
        Points.checkK(x, k);
        int n = x.length;

        double[] floor = floors(x, d);
        double[] globalVar = new double[d];
        double[] globalMean = columnMeans(x);
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                double t = row[j] - globalMean[j];
                globalVar[j] += t * t / n;
            }
        }
        for (int j = 0; j < d; j++) {
            globalVar[j] = Math.max(globalVar[j], floor[j]);
        }

        // start: hard k-means responsibilities
        Clustering start = init.fit(x, k, seed);
        double[][] resp = new double[n][k];
        for (int i = 0; i < n; i++) {
            resp[i][start.assignments()[i]] = 1;
        }
        double[] weights = new double[k];
        double[][] means = new double[k][d];
        double[][] vars = new double[k][d];
        mStep(x, resp, weights, means, vars, floor, globalVar, null);

        double previous = Double.NEGATIVE_INFINITY;
        double logL = Double.NEGATIVE_INFINITY;
        int iter = 0;
        boolean converged = false;
        double[] pointLogL = new double[n];
        while (true) {
            DiagonalGaussianMixture current = new DiagonalGaussianMixture(weights, means, vars, Double.NaN, n, iter, false);
            double[][] lj = current.logJoint(x);
            logL = 0;
            for (int i = 0; i < n; i++) {
                double lse = DiagonalGaussianMixture.logSumExp(lj[i]);
                pointLogL[i] = lse;
                logL += lse;
                for (int c = 0; c < k; c++) {
                    resp[i][c] = Math.exp(lj[i][c] - lse);
                }
            }
            if (iter > 0 && (logL - previous) / n < tolerance) {
                converged = true;
                break;
            }
            if (iter == maxIter) {
                break;
            }
            previous = logL;
            weights = new double[k];
            means = new double[k][d];
            vars = new double[k][d];
            mStep(x, resp, weights, means, vars, floor, globalVar, pointLogL);
            iter++;
        }
        return new DiagonalGaussianMixture(weights, means, vars, logL, n, iter, converged);
    }

    /**
     * Maximisation: weights, means and floored variances from responsibilities. A component with
     * (almost) no responsibility is restarted at the point with the lowest log-likelihood
     * ({@code pointLogL}; at the start, the first point not yet used as a mean).
     */
    private static void mStep(double[][] x, double[][] resp, double[] weights, double[][] means, double[][] vars,
                              double[] floor, double[] globalVar, double[] pointLogL) {
        int n = x.length;
        int k = weights.length;
        int d = floor.length;
        double[] mass = new double[k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                double r = resp[i][c];
                if (r == 0) {
                    continue;
                }
                mass[c] += r;
                double[] m = means[c];
                for (int j = 0; j < d; j++) {
                    m[j] += r * x[i][j];
                }
            }
        }
        boolean[] taken = new boolean[n];
        for (int c = 0; c < k; c++) {
            if (mass[c] > 1e-8) {
                for (int j = 0; j < d; j++) {
                    means[c][j] /= mass[c];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                double r = resp[i][c];
                if (r == 0 || mass[c] <= 1e-8) {
                    continue;
                }
                double[] m = means[c];
                double[] v = vars[c];
                for (int j = 0; j < d; j++) {
                    double t = x[i][j] - m[j];
                    v[j] += r * t * t;
                }
            }
        }
        double total = 0;
        for (int c = 0; c < k; c++) {
            if (mass[c] > 1e-8) {
                for (int j = 0; j < d; j++) {
                    vars[c][j] = Math.max(vars[c][j] / mass[c], floor[j]);
                }
                weights[c] = mass[c] / n;
            } else {
                int worst = worstPoint(pointLogL, taken);
                taken[worst] = true;
                means[c] = x[worst].clone();
                vars[c] = globalVar.clone();
                weights[c] = 1.0 / n;
            }
            total += weights[c];
        }
        for (int c = 0; c < k; c++) {
            weights[c] /= total;
        }
    }

    private static int worstPoint(double[] pointLogL, boolean[] taken) {
        int worst = -1;
        for (int i = 0; i < taken.length; i++) {
            if (taken[i]) {
                continue;
            }
            if (worst < 0 || (pointLogL != null && pointLogL[i] < pointLogL[worst])) {
                worst = i;
            }
        }
        return worst;
    }

    private double[] floors(double[][] x, int d) {
        double[] mean = columnMeans(x);
        double[] floor = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                double t = row[j] - mean[j];
                floor[j] += t * t;
            }
        }
        for (int j = 0; j < d; j++) {
            floor[j] = Math.max(varianceFloor * floor[j] / x.length, 1e-12);
        }
        return floor;
    }

    private static double[] columnMeans(double[][] x) {
        double[] m = new double[x[0].length];
        for (double[] row : x) {
            for (int j = 0; j < m.length; j++) {
                m[j] += row[j];
            }
        }
        for (int j = 0; j < m.length; j++) {
            m[j] /= x.length;
        }
        return m;
    }
}
