package org.spuriouslab.models;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spuriouslab.charts.Charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;

/** Per-epoch line panels stacked vertically into one image (house style of {@link Charts}). */
final class Panels {

    static final int PANEL_HEIGHT = 300;

    private Panels() {
    }

    /** One panel: lines over the given epochs (NaN values are left out of their series). */
    static BufferedImage panel(String title, String yTitle, int[] epochs, Map<String, double[]> series) {
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(PANEL_HEIGHT).title(title)
                .xAxisTitle("epoch").yAxisTitle(yTitle).theme(Styler.ChartTheme.GGPlot2).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        chart.getStyler().setAntiAlias(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisDecimalPattern("#");
        if (epochs.length <= 12) {
            chart.getStyler().setXAxisTickMarkSpacingHint(40);
        }
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] y = e.getValue();
            int n = 0;
            for (double v : y) {
                n += Double.isNaN(v) ? 0 : 1;
            }
            if (n == 0) {
                continue;
            }
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0, k = 0; i < y.length; i++) {
                if (!Double.isNaN(y[i])) {
                    xs[k] = epochs[i];
                    ys[k++] = y[i];
                }
            }
            XYSeries s = chart.addSeries(e.getKey(), xs, ys);
            s.setMarker(n <= 40 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        return Charts.toImage(chart);
    }

    /** The images one below the other, on white. */
    static BufferedImage stack(BufferedImage... panels) {
        int w = 0;
        int h = 0;
        for (BufferedImage p : panels) {
            w = Math.max(w, p.getWidth());
            h += p.getHeight();
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        int y = 0;
        for (BufferedImage p : panels) {
            g.drawImage(p, 0, y, null);
            y += p.getHeight();
        }
        g.dispose();
        return out;
    }
}
