package org.spuriouslab.causal;

import org.spuriouslab.tables.Tables;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Control weights from {@link EntropyBalancing} and how well they balance.
 *
 * @param weights      one weight per control, all &gt; 0, summing to 1
 * @param lambda       dual coefficients, one per moment, on the raw scale: wᵢ ∝ qᵢ exp(λᵀ(cᵢ − m̄)); 0
 *                     for constant moments
 * @param iterations   Newton steps taken (0 when the base weights already balance); steps may reuse
 *                     an earlier point's Hessian
 * @param converged    every moment's imbalance is within the tolerance
 * @param maxImbalance max over moments of |Σ wᵢcᵢⱼ − m̄ⱼ|, recomputed from the returned weights
 * @param moments      per-moment balance, in moment order
 */
public record BalancingResult(double[] weights, double[] lambda, int iterations, boolean converged,
                              double maxImbalance, List<MomentBalance> moments) {

    /** Copies the list; arrays are kept as given (treat them as read-only). */
    public BalancingResult {
        moments = List.copyOf(moments);
    }

    /** Kish's effective sample size 1 / Σ wᵢ² (≤ number of controls; equal for uniform weights). */
    public double effectiveSampleSize() {
        return Balance.effectiveSampleSize(weights);
    }

    /** Largest |SMD| over the moments before weighting (NaN entries ignored). */
    public double maxAbsSmdBefore() {
        return moments.stream().mapToDouble(m -> Math.abs(m.smdBefore())).filter(v -> !Double.isNaN(v)).max().orElse(0);
    }

    /** Largest |SMD| over the moments after weighting (NaN entries ignored). */
    public double maxAbsSmdAfter() {
        return moments.stream().mapToDouble(m -> Math.abs(m.smdAfter())).filter(v -> !Double.isNaN(v)).max().orElse(0);
    }

    /**
     * One row per moment: {@code moment}, {@code treated mean} (the target), {@code control mean}
     * (unweighted), {@code weighted mean}, {@code SMD before}, {@code SMD after}, {@code lambda},
     * {@code constant}. SMDs as defined in {@link Balance}.
     */
    public Table balanceTable() {
        int p = moments.size();
        double[] t = new double[p];
        double[] c = new double[p];
        double[] w = new double[p];
        double[] before = new double[p];
        double[] after = new double[p];
        double[] l = new double[p];
        boolean[] constant = new boolean[p];
        for (int j = 0; j < p; j++) {
            MomentBalance m = moments.get(j);
            t[j] = m.target();
            c[j] = m.controlMean();
            w[j] = m.weightedMean();
            before[j] = m.smdBefore();
            after[j] = m.smdAfter();
            l[j] = m.lambda();
            constant[j] = m.constant();
        }
        Table table = Table.create("balance",
                StringColumn.create("moment", moments.stream().map(MomentBalance::name).toList()),
                DoubleColumn.create("treated mean", t),
                DoubleColumn.create("control mean", c),
                DoubleColumn.create("weighted mean", w),
                DoubleColumn.create("SMD before", before),
                DoubleColumn.create("SMD after", after),
                DoubleColumn.create("lambda", l),
                BooleanColumn.create("constant", constant));
        return Tables.compact(table);
    }

    /**
     * How the weight is spread over groups of controls: one row per 0/1 column of {@code groups}
     * (e.g. a one-hot of the controls' topics, found or true) with {@code group}, {@code controls}
     * (units in it), {@code share before} (its share of the controls, unweighted), {@code share
     * after} (its share of the weight, Σ wᵢ over its units) and {@code mean n·w} (share after /
     * share before: above 1 means the group was upweighted).
     *
     * @param groups one row per control, in the order of {@link #weights()}, 0/1 columns
     * @throws IllegalArgumentException for a wrong row count or a column that is not 0/1
     */
    public Table weightsByGroup(Covariates groups) {
        int n = weights.length;
        if (groups.size() != n) {
            throw new IllegalArgumentException(groups.size() + " rows of groups for " + n
                    + " controls; need one per control, in weight order");
        }
        int p = groups.dimension();
        double total = Balance.checkedSum(weights);
        int[] count = new int[p];
        double[] before = new double[p];
        double[] after = new double[p];
        double[] ratio = new double[p];
        for (int j = 0; j < p; j++) {
            if (!groups.isBinary(j)) {
                throw new IllegalArgumentException("column '" + groups.names().get(j) + "' is not 0/1; groups must be "
                        + "membership indicators (e.g. Covariates.oneHot)");
            }
            double w = 0;
            for (int i = 0; i < n; i++) {
                if (groups.get(i, j) == 1.0) {
                    count[j]++;
                    w += weights[i];
                }
            }
            before[j] = round4((double) count[j] / n);
            after[j] = round4(w / total);
            ratio[j] = count[j] == 0 ? Double.NaN : round4((w / total) / ((double) count[j] / n));
        }
        return Table.create("control weight by group",
                StringColumn.create("group", groups.names()),
                tech.tablesaw.api.IntColumn.create("controls", count),
                DoubleColumn.create("share before", before),
                DoubleColumn.create("share after", after),
                DoubleColumn.create("mean n·w", ratio));
    }

    private static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    /**
     * A love plot: per moment, |SMD| before (orange) and after (blue) weighting on a horizontal
     * axis, with the usual 0.1 threshold dashed.
     */
    public BufferedImage lovePlot() {
        return BalancePlots.lovePlot(this);
    }

    /**
     * Histogram of n·wᵢ (1 = the uniform weight 1/n), titled with the effective sample size.
     */
    public BufferedImage weightHistogram() {
        return BalancePlots.weightHistogram(this);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BalancingResult[%d controls, %d moments, %s after %d iterations, "
                        + "max imbalance %.3g, max |SMD| %.3f → %.3g, ESS %.1f]", weights.length, moments.size(),
                converged ? "converged" : "NOT converged", iterations, maxImbalance, maxAbsSmdBefore(),
                maxAbsSmdAfter(), effectiveSampleSize());
    }
}
