package org.spuriouslab.text;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spuriouslab.causal.BalanceComparison;
import org.spuriouslab.causal.BalancingResult;
import org.spuriouslab.causal.EntropyBalancing;
import org.spuriouslab.causal.TreatmentGroups;
import org.spuriouslab.charts.Charts;
import org.spuriouslab.metrics.ClusterAgreement;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;

/**
 * Entropy balancing on <em>found</em> topics at several confounding strengths. The topic model is
 * fitted once, on the texts <em>before</em> planting: a covariate used for adjustment must not be
 * affected by the treatment (fitted on the planted texts, a topic can form around the toxic words,
 * and balancing on it would balance on the treatment itself). Then for every strength s: plant
 * toxicity (treatment T = toxic) at s, balance the clean texts (controls) on the one-hot found
 * topics against the toxic ones, and measure the balance on the found topics and on the true
 * categories, which the found topics only approximate.
 *
 * <pre>{@code
 * BalancingSweep sweep = BalancingSweep.run(corpus, planterBuilder, topicModel, EntropyBalancing.defaults(), 0, 0.5, 1);
 * sweep.table(); sweep.chart();
 * }</pre>
 *
 * @param strengths            the strengths, in the order run
 * @param topics               number of found topics k (the same topics at every strength)
 * @param dependence           NMI(true category, toxic) per strength
 * @param treated              toxic texts per strength
 * @param topicSmdBefore       max |SMD| over the found topics, unweighted
 * @param topicSmdAfter        max |SMD| over the found topics, balanced on them
 * @param categorySmdBefore    max |SMD| over the true categories, unweighted
 * @param categorySmdAfter     max |SMD| over the true categories under the weights balancing the found topics
 * @param effectiveSampleSize  Kish ESS of the controls under the found-topic weights
 * @param categoryBalancingEss Kish ESS when balancing on the true categories instead (the reference)
 * @param iterations           Newton iterations of the found-topic balancing
 * @param controls             clean texts per strength
 */
public record BalancingSweep(double[] strengths, int[] topics, double[] dependence, int[] treated,
                             double[] topicSmdBefore, double[] topicSmdAfter, double[] categorySmdBefore,
                             double[] categorySmdAfter, double[] effectiveSampleSize, double[] categoryBalancingEss,
                             int[] iterations, int[] controls) {

    /**
     * Runs the sweep. The planter builder's strength is overwritten at each step (its rates and
     * seed are kept); the topic model is fitted once on {@code corpus}, the texts before planting
     * (seeded, so repeatable), and the same topics serve every strength.
     *
     * @param strengths at least one, each in [0, 1]
     * @throws org.spuriouslab.causal.InfeasibleBalanceException when a strength's targets cannot be met
     */
    public static BalancingSweep run(Corpus corpus, ToxicityPlanter.Builder planter, TopicModel model,
                                     EntropyBalancing balancing, double... strengths) {
        if (strengths == null || strengths.length == 0) {
            throw new IllegalArgumentException("need at least one strength in [0, 1]");
        }
        int m = strengths.length;
        int[] k = new int[m];
        double[] dep = new double[m];
        int[] nt = new int[m];
        int[] nc = new int[m];
        double[] tb = new double[m];
        double[] ta = new double[m];
        double[] cb = new double[m];
        double[] ca = new double[m];
        double[] ess = new double[m];
        double[] essC = new double[m];
        int[] it = new int[m];
        Topics found = model.fit(corpus);   // pre-treatment: planting does not reorder the texts
        for (int i = 0; i < m; i++) {
            PlantedCorpus planted = planter.strength(strengths[i]).build().plant(corpus);
            TreatmentGroups byTopic = TreatmentGroups.split(found.oneHot(), planted.toxic());
            TreatmentGroups byCategory = TreatmentGroups.split(planted.corpus().categoryOneHot(), planted.toxic());
            BalancingResult r = byTopic.balance(balancing);
            BalancingResult onCategories = byCategory.balance(balancing);
            double[] cat = BalanceComparison.of(byCategory).with("found topics", r.weights()).maxAbsSmd();
            k[i] = found.k();
            dep[i] = ClusterAgreement.nmi(corpus.topics(), planted.toxicLabels());
            nt[i] = byTopic.treated().size();
            nc[i] = byTopic.controls().size();
            tb[i] = r.maxAbsSmdBefore();
            ta[i] = r.maxAbsSmdAfter();
            cb[i] = cat[0];
            ca[i] = cat[1];
            ess[i] = r.effectiveSampleSize();
            essC[i] = onCategories.effectiveSampleSize();
            it[i] = r.iterations();
        }
        return new BalancingSweep(strengths.clone(), k, dep, nt, tb, ta, cb, ca, ess, essC, it, nc);
    }

    /** One row per strength: k, NMI(category, toxic), group sizes, max |SMD| before/after on topics and categories, ESS, iterations. */
    public Table table() {
        return Table.create("entropy balancing on found topics, by confounding strength",
                DoubleColumn.create("strength", strengths),
                DoubleColumn.create("NMI(category, toxic)", round(dependence, 1e5)),
                IntColumn.create("k topics", topics),
                IntColumn.create("toxic", treated),
                IntColumn.create("clean", controls),
                DoubleColumn.create("topics SMD before", round(topicSmdBefore, 1e4)),
                DoubleColumn.create("topics SMD after", round(topicSmdAfter, 1e4)),
                DoubleColumn.create("categories SMD before", round(categorySmdBefore, 1e4)),
                DoubleColumn.create("categories SMD after", round(categorySmdAfter, 1e4)),
                DoubleColumn.create("ESS", round(effectiveSampleSize, 10)),
                DoubleColumn.create("ESS balancing categories", round(categoryBalancingEss, 10)),
                IntColumn.create("iterations", iterations));
    }

    /** Max |SMD| against the strength: found topics before, true categories before and after balancing on the topics. */
    public BufferedImage chart() {
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title("Balancing on found topics as the confounding grows")
                .xAxisTitle("confounding strength s").yAxisTitle("max |SMD|").theme(Styler.ChartTheme.GGPlot2).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(7);
        chart.getStyler().setYAxisMin(0.0);
        series(chart, "true categories, unweighted", categorySmdBefore, new Color(0xFF7F0E));
        series(chart, "true categories, balanced on found topics", categorySmdAfter, new Color(0x1F77B4));
        series(chart, "found topics, unweighted", topicSmdBefore, new Color(0xFFBB78));
        series(chart, "found topics, balanced on them", topicSmdAfter, new Color(0x2CA02C));
        double[] line = {0.1, 0.1};
        XYSeries t = chart.addSeries("0.1 (balanced)", new double[]{min(strengths), max(strengths)}, line);
        t.setMarker(SeriesMarkers.NONE);
        t.setLineColor(Color.GRAY);
        t.setLineStyle(new java.awt.BasicStroke(1.2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                10f, new float[]{5f, 4f}, 0f));
        return Charts.toImage(chart);
    }

    private void series(XYChart chart, String name, double[] y, Color colour) {
        XYSeries s = chart.addSeries(name, strengths, y);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineColor(colour);
        s.setMarkerColor(colour);
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        double hi = java.util.Arrays.stream(v).max().orElse(1);
        return hi > min(v) ? hi : hi + 1e-9;
    }

    private static double[] round(double[] v, double scale) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.round(v[i] * scale) / scale;
        }
        return r;
    }
}
