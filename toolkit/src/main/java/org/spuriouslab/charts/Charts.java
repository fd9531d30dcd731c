package org.spuriouslab.charts;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Charts as {@link BufferedImage}s, which every Java kernel of the IJava family shows inline as
 * PNG when it is a cell's last expression. Built on XChart with one house style; use
 * {@link #toImage(Chart)} for charts you build yourself.
 */
public final class Charts {

    /** Default width in pixels. */
    public static final int WIDTH = 720;
    /** Default height in pixels. */
    public static final int HEIGHT = 400;

    private Charts() {
    }

    /**
     * Grouped bars: one group per category, one bar per series.
     *
     * @param series series name → one value per category
     */
    public static BufferedImage bars(String title, String xTitle, String yTitle, List<String> categories,
                                     Map<String, double[]> series) {
        // a legend too long for one line below the chart is stacked, one series per line, and the chart grows
        int legendChars = series.keySet().stream().mapToInt(k -> k.length() + 6).sum();
        boolean stacked = legendChars > 80;
        int height = stacked ? HEIGHT + 18 * series.size() : HEIGHT;
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(height).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).theme(Styler.ChartTheme.GGPlot2).build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(stacked ? Styler.LegendLayout.Vertical : Styler.LegendLayout.Horizontal);
        chart.getStyler().setLegendVisible(series.size() > 1);
        boolean longLabels = categories.stream().anyMatch(c -> c.length() > 3);
        chart.getStyler().setXAxisLabelRotation(longLabels ? 45 : 0);
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, longLabels ? 11 : 12));
        chart.getStyler().setXAxisTickMarkSpacingHint(12); // show every category's label
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            if (e.getValue().length != categories.size()) {
                throw new IllegalArgumentException("series '" + e.getKey() + "' has " + e.getValue().length
                        + " values for " + categories.size() + " categories");
            }
            List<Number> ys = new ArrayList<>();
            for (double v : e.getValue()) {
                ys.add(v);
            }
            chart.addSeries(e.getKey(), categories, ys);
        }
        return toImage(chart);
    }

    /** Bars for one series of integer counts, e.g. a label histogram. */
    public static BufferedImage bars(String title, String xTitle, String yTitle, List<String> categories, int[] counts) {
        double[] v = new double[counts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = counts[i];
        }
        Map<String, double[]> s = new LinkedHashMap<>();
        s.put(yTitle, v);
        return bars(title, xTitle, yTitle, categories, s);
    }

    /**
     * Lines over x = 1, 2, … (e.g. a loss per epoch).
     *
     * @param series series name → y values
     */
    public static BufferedImage lines(String title, String xTitle, String yTitle, Map<String, double[]> series) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).theme(Styler.ChartTheme.GGPlot2).build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] y = e.getValue();
            double[] x = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
            }
            XYSeries s = chart.addSeries(e.getKey(), x, y);
            s.setMarker(y.length <= 40 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        return toImage(chart);
    }

    /** Renders any XChart chart to an image. */
    public static BufferedImage toImage(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Writes an image as PNG (creating parent folders) and returns the path. */
    public static Path savePng(BufferedImage image, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        javax.imageio.ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        styler.setAntiAlias(true);
    }
}
