package org.spuriouslab.clustering;

/**
 * A fitted Gaussian mixture with diagonal covariances: component {@code c} has weight
 * {@code weights[c]}, mean {@code means[c]} and per-dimension variances {@code variances[c]}.
 * Produced by {@link GaussianMixtureClusterer#fitModel}.
 *
 * @param weights       mixing weights, summing to 1
 * @param means         {@code k × d} component means
 * @param variances     {@code k × d} component variances (already floored, all positive)
 * @param logLikelihood total log-likelihood (natural log) of the training points
 * @param n             number of training points
 * @param iterations    EM iterations run
 * @param converged     whether the log-likelihood stopped improving before the iteration limit
 */
public record DiagonalGaussianMixture(double[] weights, double[][] means, double[][] variances,
                                      double logLikelihood, int n, int iterations, boolean converged) {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /** Number of components. */
    public int k() {
        return weights.length;
    }

    /** Dimension of the points. */
    public int dimension() {
        return means[0].length;
    }

    /** Free parameters: {@code k·d} means + {@code k·d} variances + {@code k−1} weights. */
    public int parameterCount() {
        return 2 * k() * dimension() + k() - 1;
    }

    /** Bayesian information criterion on the training data, {@code −2 logL + p ln n}; lower is better. */
    public double bic() {
        return -2 * logLikelihood + parameterCount() * Math.log(n);
    }

    /** {@code log(weight_c · N(x_i | c))} for every point and component ({@code n × k}). */
    public double[][] logJoint(double[][] x) {
        Points.check(x, 1);
        if (x[0].length != dimension()) {
            throw new IllegalArgumentException("points have " + x[0].length + " dimensions, the mixture " + dimension());
        }
        int k = k();
        int d = dimension();
        double[] constant = new double[k];
        double[][] inverse = new double[k][d];
        for (int c = 0; c < k; c++) {
            double s = Math.log(weights[c]);
            for (int j = 0; j < d; j++) {
                s -= 0.5 * (LOG_2PI + Math.log(variances[c][j]));
                inverse[c][j] = 1 / variances[c][j];
            }
            constant[c] = s;
        }
        double[][] out = new double[x.length][k];
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < k; c++) {
                double q = 0;
                double[] m = means[c];
                double[] inv = inverse[c];
                for (int j = 0; j < d; j++) {
                    double t = x[i][j] - m[j];
                    q += t * t * inv[j];
                }
                out[i][c] = constant[c] - 0.5 * q;
            }
        }
        return out;
    }

    /**
     * {@code log P(c | x_i)} for every point and component, computed stably (log-sum-exp), so points
     * whose posterior rounds to 1.0 still get distinct values close to 0.
     */
    public double[][] logPosteriors(double[][] x) {
        double[][] lj = logJoint(x);
        for (double[] row : lj) {
            int top = argMax(row);
            double max = row[top];
            double rest = 0; // Σ over the other components of exp(a_c − max), often far below 1e-16
            for (int c = 0; c < row.length; c++) {
                if (c != top) {
                    rest += Math.exp(row[c] - max);
                }
            }
            double log1p = Math.log1p(rest);
            for (int c = 0; c < row.length; c++) {
                row[c] = (row[c] - max) - log1p;
            }
        }
        return lj;
    }

    /** Posterior probabilities {@code P(c | x_i)} ({@code n × k}, rows sum to 1). */
    public double[][] posteriors(double[][] x) {
        double[][] lp = logPosteriors(x);
        for (double[] row : lp) {
            for (int c = 0; c < row.length; c++) {
                row[c] = Math.exp(row[c]);
            }
        }
        return lp;
    }

    /** Most probable component of each point. */
    public int[] predict(double[][] x) {
        double[][] lj = logJoint(x);
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = argMax(lj[i]);
        }
        return out;
    }

    /** Total log-likelihood of the given points under the mixture. */
    public double logLikelihood(double[][] x) {
        double s = 0;
        for (double[] row : logJoint(x)) {
            s += logSumExp(row);
        }
        return s;
    }

    static double logSumExp(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double a : v) {
            max = Math.max(max, a);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double rest = -1; // the maximum itself contributes exp(0) = 1
        for (double a : v) {
            rest += Math.exp(a - max);
        }
        return max + Math.log1p(Math.max(rest, 0));
    }

    static int argMax(double[] v) {
        int best = 0;
        for (int c = 1; c < v.length; c++) {
            if (v[c] > v[best]) {
                best = c;
            }
        }
        return best;
    }
}
