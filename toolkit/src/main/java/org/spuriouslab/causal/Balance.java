package org.spuriouslab.causal;

/**
 * Balance diagnostics: weighted means and variances, standardised mean differences (SMD) and the
 * effective sample size.
 *
 * <p>SMD of a covariate = (treated mean − control mean) / √((var_t + var_c) / 2), where var_t and
 * var_c are the <em>unweighted</em> sample variances (divisor n − 1) of the treated and control
 * groups. The denominator stays the same before and after weighting, so the two SMDs are directly
 * comparable (the convention of Austin 2009 and R's cobalt). When only target means are known (no
 * treated sample), var_t is taken to be var_c. When the denominator is 0 the SMD is 0 for equal
 * means and NaN otherwise. |SMD| &lt; 0.1 is the usual threshold for "balanced".
 */
public final class Balance {

    private Balance() {
    }

    /** Σ wᵢxᵢ / Σ wᵢ; weights non-negative with a positive sum. */
    public static double weightedMean(double[] x, double[] w) {
        checkPair(x, w);
        double total = checkedSum(w);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += w[i] * x[i];
        }
        return s / total;
    }

    /** Σ wᵢ(xᵢ − x̄_w)² / Σ wᵢ (population form: weights as probabilities). */
    public static double weightedVariance(double[] x, double[] w) {
        double m = weightedMean(x, w);
        double total = checkedSum(w);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - m;
            s += w[i] * d * d;
        }
        return s / total;
    }

    /** Unweighted sample variance (divisor n − 1; 0 for a single value). */
    public static double variance(double[] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("need at least one value for a variance, got none");
        }
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return x.length > 1 ? s / (x.length - 1) : 0.0;
    }

    /**
     * (treatedMean − controlMean) / √((treatedVariance + controlVariance) / 2); 0 when both the
     * difference and the denominator are 0, NaN when only the denominator is.
     */
    public static double standardisedMeanDifference(double treatedMean, double controlMean, double treatedVariance,
                                                    double controlVariance) {
        if (!(treatedVariance >= 0) || !(controlVariance >= 0)) {
            throw new IllegalArgumentException("variances must be non-negative, got " + treatedVariance + " and "
                    + controlVariance);
        }
        double diff = treatedMean - controlMean;
        double sd = Math.sqrt((treatedVariance + controlVariance) / 2);
        if (sd == 0) {
            return diff == 0 ? 0.0 : Double.NaN;
        }
        return diff / sd;
    }

    /**
     * SMD of every column between {@code treated} and {@code controls} weighted by {@code
     * controlWeights} ({@code null} = unweighted); the denominator uses unweighted variances.
     *
     * @throws IllegalArgumentException when the column names differ or the weights do not fit
     */
    public static double[] standardisedMeanDifferences(Covariates treated, Covariates controls,
                                                       double[] controlWeights) {
        if (!treated.names().equals(controls.names())) {
            throw new IllegalArgumentException("treated and controls need the same columns in the same order; treated "
                    + treated.names() + ", controls " + controls.names());
        }
        double[] mt = treated.means();
        double[] mc = controlWeights == null ? controls.means() : controls.means(controlWeights);
        double[] smd = new double[mt.length];
        for (int j = 0; j < smd.length; j++) {
            smd[j] = standardisedMeanDifference(mt[j], mc[j], variance(treated.column(j)),
                    variance(controls.column(j)));
        }
        return smd;
    }

    /**
     * Kish's effective sample size (Σ wᵢ)² / Σ wᵢ²: n for equal weights, 1 when one unit has all
     * the weight.
     */
    public static double effectiveSampleSize(double[] w) {
        double total = checkedSum(w);
        double sq = 0;
        for (double v : w) {
            sq += v * v;
        }
        return total * total / sq;
    }

    /** Sum of weights that must be finite, non-negative and not all zero. */
    static double checkedSum(double[] w) {
        if (w == null || w.length == 0) {
            throw new IllegalArgumentException("need at least one weight, got none");
        }
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0) || w[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("weight " + i + " is " + w[i] + "; weights must be finite and >= 0");
            }
            total += w[i];
        }
        if (total <= 0) {
            throw new IllegalArgumentException("weights sum to 0; at least one must be positive");
        }
        return total;
    }

    private static void checkPair(double[] x, double[] w) {
        if (x == null || w == null || x.length != w.length) {
            throw new IllegalArgumentException((w == null ? 0 : w.length) + " weights for " + (x == null ? 0 : x.length)
                    + " values; need one per value");
        }
    }
}
