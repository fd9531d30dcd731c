package org.spuriouslab.causal;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Balance of one set of covariates under several control weightings — e.g. the true topic
 * categories under weights that balanced <em>found</em> topics, under weights that balanced the
 * true categories themselves, and unweighted. The first weighting is always "unweighted".
 * SMDs as in {@link Balance} (the denominator uses unweighted variances, the same for every
 * weighting, so the columns are comparable).
 *
 * <pre>{@code
 * BalanceComparison c = BalanceComparison.of(byCategory)
 *         .with("found topics", onTopics.weights())
 *         .with("true categories", onCategories.weights());
 * c.table(); c.summary(); c.lovePlot();
 * }</pre>
 *
 * @param groups     the treated units and controls whose covariates are compared
 * @param labels     a name per weighting, the first "unweighted"
 * @param weightings control weights per weighting ({@code null} for the unweighted one)
 */
public record BalanceComparison(TreatmentGroups groups, List<String> labels, List<double[]> weightings) {

    /** Copies the lists (arrays are kept as given). */
    public BalanceComparison {
        if (labels.size() != weightings.size() || labels.isEmpty()) {
            throw new IllegalArgumentException("need one label per weighting, got " + labels.size() + " labels for "
                    + weightings.size() + " weightings");
        }
        labels = List.copyOf(labels);
        weightings = java.util.Collections.unmodifiableList(new ArrayList<>(weightings));
    }

    /** The covariates of {@code groups}, unweighted only. */
    public static BalanceComparison of(TreatmentGroups groups) {
        List<double[]> w = new ArrayList<>();
        w.add(null);
        return new BalanceComparison(groups, List.of("unweighted"), w);
    }

    /**
     * This comparison plus one weighting of the controls.
     *
     * @param label   a new, non-blank name
     * @param weights one finite, non-negative weight per control (any positive sum)
     * @throws IllegalArgumentException for a repeated label or weights that do not fit
     */
    public BalanceComparison with(String label, double[] weights) {
        if (label == null || label.isBlank() || labels.contains(label)) {
            throw new IllegalArgumentException("label must be non-blank and new, got '" + label + "' (have " + labels + ")");
        }
        if (weights == null || weights.length != groups.controls().size()) {
            throw new IllegalArgumentException("'" + label + "': " + (weights == null ? 0 : weights.length)
                    + " weights for " + groups.controls().size() + " controls; need one per control");
        }
        Balance.checkedSum(weights);
        List<String> l = new ArrayList<>(labels);
        l.add(label);
        List<double[]> w = new ArrayList<>(weightings);
        w.add(weights.clone());
        return new BalanceComparison(groups, l, w);
    }

    /** {@code [weighting][covariate]} standardised mean differences, treated minus (weighted) controls. */
    public double[][] smd() {
        double[][] s = new double[labels.size()][];
        for (int k = 0; k < s.length; k++) {
            s[k] = Balance.standardisedMeanDifferences(groups.treated(), groups.controls(), weightings.get(k));
        }
        return s;
    }

    /** Kish's effective sample size of the controls under each weighting. */
    public double[] effectiveSampleSizes() {
        double[] ess = new double[labels.size()];
        for (int k = 0; k < ess.length; k++) {
            double[] w = weightings.get(k);
            ess[k] = w == null ? groups.controls().size() : Balance.effectiveSampleSize(w);
        }
        return ess;
    }

    /** Largest |SMD| over the covariates under each weighting (NaN entries ignored). */
    public double[] maxAbsSmd() {
        double[][] s = smd();
        double[] max = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            for (double v : s[k]) {
                if (!Double.isNaN(v)) {
                    max[k] = Math.max(max[k], Math.abs(v));
                }
            }
        }
        return max;
    }

    /**
     * One row per covariate: {@code covariate}, {@code treated mean}, then per weighting the
     * (weighted) control mean and the SMD, named {@code mean: label} and {@code SMD: label}.
     */
    public Table table() {
        List<String> names = groups.controls().names();
        double[][] s = smd();
        Table t = Table.create("balance under each weighting", StringColumn.create("covariate", names),
                DoubleColumn.create("treated mean", round(groups.treated().means())));
        for (int k = 0; k < labels.size(); k++) {
            double[] w = weightings.get(k);
            t.addColumns(DoubleColumn.create("mean: " + labels.get(k),
                    round(w == null ? groups.controls().means() : groups.controls().means(w))));
        }
        for (int k = 0; k < labels.size(); k++) {
            t.addColumns(DoubleColumn.create("SMD: " + labels.get(k), round(s[k])));
        }
        return t;
    }

    /** One row per weighting: max and mean |SMD| over the covariates, covariates with |SMD| &gt; 0.1, ESS. */
    public Table summary() {
        double[][] s = smd();
        double[] mean = new double[s.length];
        int[] over = new int[s.length];
        for (int k = 0; k < s.length; k++) {
            int count = 0;
            for (double v : s[k]) {
                if (!Double.isNaN(v)) {
                    mean[k] += Math.abs(v);
                    count++;
                    over[k] += Math.abs(v) > 0.1 ? 1 : 0;
                }
            }
            mean[k] = count == 0 ? 0 : mean[k] / count;
        }
        double[] ess = effectiveSampleSizes();
        for (int k = 0; k < ess.length; k++) {
            ess[k] = Math.round(ess[k] * 10) / 10.0;
        }
        return Table.create("balance summary (" + groups.controls().dimension() + " covariates)",
                StringColumn.create("weighting", labels),
                DoubleColumn.create("max |SMD|", round(maxAbsSmd())),
                DoubleColumn.create("mean |SMD|", round(mean)),
                IntColumn.create("|SMD| > 0.1", over),
                DoubleColumn.create("ESS", ess));
    }

    /** A love plot: one row per covariate, one dot per weighting (unweighted hollow orange). */
    public BufferedImage lovePlot(String title) {
        return BalancePlots.lovePlot(title, groups.controls().names(), labels, smd(), null);
    }

    /**
     * Grouped bars, one group per covariate: the treated mean, then the control mean under each
     * weighting. For one-hot covariates the means are shares (e.g. the share of each true topic),
     * so the chart shows how far each weighting moves the controls towards the treated group.
     * Colours as in {@link #lovePlot(String)}: grey treated, orange unweighted, then blue, green, purple, ….
     */
    public BufferedImage meansChart(String title) {
        List<String> names = groups.controls().names();
        org.knowm.xchart.CategoryChart chart = new org.knowm.xchart.CategoryChartBuilder()
                .width(org.spuriouslab.charts.Charts.WIDTH).height(org.spuriouslab.charts.Charts.HEIGHT)
                .title(title).xAxisTitle("covariate").yAxisTitle("mean (share for 0/1 columns)")
                .theme(org.knowm.xchart.style.Styler.ChartTheme.GGPlot2).build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setChartTitleFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 15));
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        boolean longLabels = names.stream().anyMatch(n -> n.length() > 10);
        chart.getStyler().setXAxisLabelRotation(longLabels ? 45 : 0);
        chart.getStyler().setXAxisTickMarkSpacingHint(12);
        chart.addSeries("treated", names, boxed(groups.treated().means())).setFillColor(new java.awt.Color(0x555555));
        for (int k = 0; k < labels.size(); k++) {
            double[] w = weightings.get(k);
            chart.addSeries("controls, " + labels.get(k), names,
                    boxed(w == null ? groups.controls().means() : groups.controls().means(w)))
                    .setFillColor(k == 0 ? new java.awt.Color(0xFF7F0E) : BalancePlots.SERIES[(k - 1) % BalancePlots.SERIES.length]);
        }
        return org.spuriouslab.charts.Charts.toImage(chart);
    }

    private static List<Double> boxed(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return out;
    }

    private static double[] round(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.round(v[i] * 1e4) / 1e4;
        }
        return r;
    }
}
