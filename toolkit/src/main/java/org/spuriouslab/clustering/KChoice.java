package org.spuriouslab.clustering;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spuriouslab.charts.Charts;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of choosing the number of clusters with {@link KSelection}.
 *
 * @param k         chosen number of clusters
 * @param criterion {@code "silhouette"} (higher is better) or {@code "BIC"} (lower is better)
 * @param ks        every k tried, ascending
 * @param values    the criterion for each k ({@code NaN} where it was undefined, e.g. a clustering
 *                  that left fewer than 2 clusters non-empty)
 * @param best      the clustering at the chosen k
 */
public record KChoice(int k, String criterion, int[] ks, double[] values, Clustering best) {

    /** Checks that {@code ks} and {@code values} match. */
    public KChoice {
        if (ks.length != values.length) {
            throw new IllegalArgumentException(ks.length + " ks but " + values.length + " values");
        }
    }

    /** The criterion's value at the chosen k. */
    public double chosenValue() {
        for (int i = 0; i < ks.length; i++) {
            if (ks[i] == k) {
                return values[i];
            }
        }
        return Double.NaN;
    }

    /** Columns {@code k}, the criterion, and {@code chosen} (a mark on the chosen row). */
    public Table table() {
        List<String> marks = new ArrayList<>();
        for (int kk : ks) {
            marks.add(kk == k ? "<- chosen" : "");
        }
        return Table.create(criterion + " by k (" + best.method() + ")",
                IntColumn.create("k", ks),
                DoubleColumn.create(criterion, java.util.Arrays.stream(values)
                        .map(v -> Double.isFinite(v) ? Math.round(v * 10000) / 10000.0 : v).toArray()),
                StringColumn.create("chosen", marks));
    }

    /** The criterion against k, the chosen k marked and named in the title. */
    public BufferedImage chart() {
        String better = criterion.equalsIgnoreCase("BIC") ? "lower is better" : "higher is better";
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title(criterion + " of " + best.method() + " by k: chosen k = " + k + " (" + better + ")")
                .xAxisTitle("k").yAxisTitle(criterion).theme(Styler.ChartTheme.GGPlot2).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        // below the plot: inside it, the legend would hide the chosen point when that is the largest k
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setXAxisDecimalPattern("0");
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < ks.length; i++) {
            if (Double.isFinite(values[i])) {
                xs.add((double) ks[i]);
                ys.add(values[i]);
            }
        }
        if (xs.isEmpty()) {
            throw new IllegalStateException("no finite " + criterion + " values to draw");
        }
        XYSeries line = chart.addSeries(criterion, xs, ys);
        line.setMarker(SeriesMarkers.CIRCLE);
        XYSeries chosen = chart.addSeries("chosen k = " + k, new double[]{k}, new double[]{chosenValue()});
        chosen.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chosen.setMarker(SeriesMarkers.DIAMOND);
        chosen.setMarkerColor(new Color(0xD62728));
        chart.getStyler().setMarkerSize(10);
        return Charts.toImage(chart);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("KChoice[k=" + k + " by " + criterion + ":");
        for (int i = 0; i < ks.length; i++) {
            s.append(String.format(java.util.Locale.ROOT, " %d→%.4g", ks[i], values[i]));
        }
        return s.append("]").toString();
    }
}
