package org.spuriouslab.shortcut;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.spuriouslab.charts.Charts;
import org.spuriouslab.data.ImageSet;
import org.spuriouslab.models.Classifier;
import org.spuriouslab.patterns.Pattern;
import smile.math.MathEx;
import smile.stat.hypothesis.TTest;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The spurious score of a model trained on planted data next to that of a model trained on clean
 * data, with Welch's unequal-variance t-test on the per-image rises
 * (t = (m₁ − m₂) / √(s₁²/n₁ + s₂²/n₂)).
 *
 * @param planted the model trained with the pattern planted
 * @param clean   the reference model trained on clean data
 * @param t       Welch's t statistic (planted minus clean)
 * @param df      Welch–Satterthwaite degrees of freedom
 * @param pValue  two-sided p-value
 */
public record ShortcutComparison(SpuriousScore planted, SpuriousScore clean, double t, double df, double pValue) {

    /** Probes both models with the same images and pattern and compares them. */
    public static ShortcutComparison compare(Classifier plantedModel, Classifier cleanModel, ImageSet test,
                                             Pattern pattern, int targetClass) {
        return of(SpuriousScore.measure(plantedModel, test, pattern, targetClass),
                SpuriousScore.measure(cleanModel, test, pattern, targetClass));
    }

    /** Compares two scores measured on the same images. */
    public static ShortcutComparison of(SpuriousScore planted, SpuriousScore clean) {
        double[] a = planted.rises();
        double[] b = clean.rises();
        if (a.length < 2 || b.length < 2) {
            throw new IllegalArgumentException("Welch's t-test needs at least 2 images per model, got "
                    + a.length + " and " + b.length);
        }
        if (MathEx.var(a) == 0 && MathEx.var(b) == 0) {
            return new ShortcutComparison(planted, clean, Double.NaN, Double.NaN, Double.NaN);
        }
        TTest test = TTest.test(a, b, false);
        return new ShortcutComparison(planted, clean, test.t(), test.df(), test.pvalue());
    }

    /** One row per model: images, share above the threshold, mean rise; then the test. */
    public Table table() {
        return Table.create("spurious score (rise of p(target) > " + SpuriousScore.THRESHOLD + ")",
                StringColumn.create("model", "trained with " + planted.patternId(), "trained clean"),
                IntColumn.create("images", planted.images(), clean.images()),
                DoubleColumn.create("spurious score", round(planted.share(), 4), round(clean.share(), 4)),
                DoubleColumn.create("mean rise", round(planted.meanRise(), 4), round(clean.meanRise(), 4)),
                StringColumn.create("Welch t (df)", String.format("%.1f (%.0f)", t, df), ""),
                StringColumn.create("p-value", pValue == 0 ? "< 1e-300" : String.format("%.2g", pValue), ""));
    }

    /** Histograms of the per-image rises for both models, bins of 0.1 from −1 to 1. */
    public BufferedImage chart() {
        int bins = 20;
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            labels.add(String.format(java.util.Locale.ROOT, "%.2f", -1 + 0.1 * i + 0.05));
        }
        CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title("Rise of p(class " + planted.targetClass() + ") when " + planted.patternId() + " is added")
                .xAxisTitle("rise (bin centre)").yAxisTitle("share of images").theme(Styler.ChartTheme.GGPlot2).build();
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setYAxisLogarithmic(false);
        chart.addSeries("trained clean", labels, histogram(clean.rises(), bins));
        chart.addSeries("trained with " + planted.patternId(), labels, histogram(planted.rises(), bins));
        return Charts.toImage(chart);
    }

    private static List<Double> histogram(double[] values, int bins) {
        double[] counts = new double[bins];
        for (double v : values) {
            int b = (int) Math.floor((v + 1) / 2 * bins);
            counts[Math.max(0, Math.min(bins - 1, b))]++;
        }
        List<Double> out = new ArrayList<>();
        for (double c : counts) {
            out.add(c / values.length);
        }
        return out;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
