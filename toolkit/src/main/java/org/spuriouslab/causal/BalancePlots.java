package org.spuriouslab.causal;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spuriouslab.charts.Canvas;
import org.spuriouslab.charts.Charts;
import org.spuriouslab.charts.Ticks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/** Drawing for {@link BalancingResult}: the love plot (Java2D, one labelled row per moment) and the weight histogram. */
final class BalancePlots {

    private static final Color PANEL = new Color(0xEBEBEB);
    private static final Color GRID = Color.WHITE;
    private static final Color BEFORE = new Color(0xFF7F0E);
    private static final Color AFTER = new Color(0x1F77B4);
    private static final Color TEXT = new Color(0x333333);
    private static final double THRESHOLD = 0.1;

    private BalancePlots() {
    }

    static BufferedImage lovePlot(BalancingResult r) {
        List<MomentBalance> ms = r.moments();
        double[][] smd = new double[2][ms.size()];
        for (int j = 0; j < ms.size(); j++) {
            smd[0][j] = ms.get(j).smdBefore();
            smd[1][j] = ms.get(j).smdAfter();
        }
        return lovePlot("Covariate balance: |standardised mean difference|",
                ms.stream().map(MomentBalance::name).toList(), List.of("unweighted", "entropy balancing"), smd,
                String.format(Locale.ROOT, "ESS %.1f of %d", r.effectiveSampleSize(), r.weights().length));
    }

    /**
     * A love plot of several weightings: one row per moment, one dot per weighting at its |SMD|;
     * the first weighting (unweighted) as hollow orange circles, the others filled in {@link #SERIES}
     * colours; a grey line spans each row's dots.
     *
     * @param smd  {@code [weighting][moment]}
     * @param note text after the legend, or null
     */
    static BufferedImage lovePlot(String title, List<String> names, List<String> labels, double[][] smd, String note) {
        int p = names.size();
        int rowH = p <= 30 ? 22 : Math.max(4, 660 / p);
        int top = 64;
        int bottom = 52;
        int width = Charts.WIDTH;
        int height = Math.max(220, top + p * rowH + bottom);
        BufferedImage img = Canvas.image(width, height);
        Graphics2D g = Canvas.graphics(img);
        try {
            Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, rowH >= 16 ? 12 : 10);
            g.setFont(labelFont);
            FontMetrics fm = g.getFontMetrics();
            int labelEvery = Math.max(1, (int) Math.ceil((fm.getAscent() + 1.0) / rowH));
            int labelW = 0;
            for (String name : names) {
                labelW = Math.max(labelW, fm.stringWidth(shorten(name)));
            }
            int left = Math.min(240, labelW + 20);
            int right = 24;
            int plotW = width - left - right;
            int plotH = p * rowH;

            double maxSmd = THRESHOLD * 2;
            for (double[] series : smd) {
                for (double v : series) {
                    maxSmd = Math.max(maxSmd, finiteAbs(v));
                }
            }
            double step = Ticks.niceStep(maxSmd * 1.05 / 5);
            double xMax = Math.ceil(maxSmd * 1.05 / step) * step;

            g.setColor(TEXT);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, Math.min(left, 24), 24);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            int lx = Math.min(left, 24);
            int ly = 46;
            for (int s = 0; s < labels.size(); s++) {
                lx = legend(g, s == 0 ? lx : lx + 18, ly, colour(s), labels.get(s), s == 0);
            }
            if (note != null && lx + 18 + g.getFontMetrics().stringWidth(note) < width) {
                g.setColor(TEXT);
                g.drawString(note, lx + 18, ly + 4);
            }

            g.setColor(PANEL);
            g.fillRect(left, top, plotW, plotH);
            g.setStroke(new BasicStroke(1f));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            FontMetrics tm = g.getFontMetrics();
            for (double x = 0; x <= xMax + step / 1000; x += step) {
                int px = left + (int) Math.round(x / xMax * plotW);
                g.setColor(GRID);
                g.drawLine(px, top, px, top + plotH);
                g.setColor(TEXT);
                String s = Ticks.label(x, step);
                g.drawString(s, px - tm.stringWidth(s) / 2, top + plotH + 16);
            }
            g.setColor(TEXT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            String xTitle = "|SMD|  (dashed: 0.1)";
            g.drawString(xTitle, left + (plotW - g.getFontMetrics().stringWidth(xTitle)) / 2, top + plotH + 38);

            float[] dash = {5f, 4f};
            g.setColor(new Color(0x555555));
            g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
            double tx = left + THRESHOLD / xMax * plotW;
            g.draw(new Line2D.Double(tx, top, tx, top + plotH));

            g.setFont(labelFont);
            double dot = Math.max(3, Math.min(9, rowH * 0.45));
            for (int j = 0; j < p; j++) {
                double cy = top + (j + 0.5) * rowH;
                g.setStroke(new BasicStroke(1f));
                if (rowH >= 8) {
                    g.setColor(GRID);
                    g.draw(new Line2D.Double(left, cy, left + plotW, cy));
                }
                if (j % labelEvery == 0) {
                    g.setColor(TEXT);
                    String name = shorten(names.get(j));
                    g.drawString(name, left - 8 - fm.stringWidth(name), (float) (cy + fm.getAscent() / 2.0 - 1));
                }
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double[] series : smd) {
                    double v = Math.abs(series[j]);
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
                if (hi > lo) {
                    g.setColor(new Color(0x999999));
                    g.draw(new Line2D.Double(left + lo / xMax * plotW, cy, left + hi / xMax * plotW, cy));
                }
                for (int s = 0; s < smd.length; s++) {
                    double v = Math.abs(smd[s][j]);
                    if (!Double.isFinite(v)) {
                        continue;
                    }
                    double x = left + v / xMax * plotW;
                    g.setColor(colour(s));
                    if (s == 0) {
                        g.setStroke(new BasicStroke(1.6f));
                        g.draw(new Ellipse2D.Double(x - dot / 2, cy - dot / 2, dot, dot));
                    } else {
                        g.fill(new Ellipse2D.Double(x - dot / 2, cy - dot / 2, dot, dot));
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Colours of the weightings after the first (unweighted, orange). */
    static final Color[] SERIES = {AFTER, new Color(0x2CA02C), new Color(0x9467BD), new Color(0xD62728),
            new Color(0x8C564B)};

    private static Color colour(int s) {
        return s == 0 ? BEFORE : SERIES[(s - 1) % SERIES.length];
    }

    static BufferedImage weightHistogram(BalancingResult r) {
        double[] w = r.weights();
        int n = w.length;
        double hi = 0;
        for (double v : w) {
            hi = Math.max(hi, v * n);
        }
        double from = 0;
        double step = Ticks.niceStep(Math.max(hi, 1e-9) / 8);
        double to = Math.max(step, Math.ceil(hi / step) * step);
        int bins = (int) Math.max(5, Math.min(50, Math.round(Math.sqrt(n))));
        double width = (to - from) / bins;
        double[] counts = new double[bins + 1];
        for (double v : w) {
            int b = (int) Math.min(bins - 1, Math.floor((v * n - from) / width));
            counts[b]++;
        }
        counts[bins] = counts[bins - 1];
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = from + b * width;
        }
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title(String.format(Locale.ROOT, "Control weights: %d controls, effective sample size %.1f", n,
                        r.effectiveSampleSize()))
                .xAxisTitle("n · weight  (1 = uniform)").yAxisTitle("controls").theme(Styler.ChartTheme.GGPlot2).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisMin(from);
        chart.getStyler().setXAxisMax(to);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisDecimalPattern(step >= 1 ? "#,##0" : "0.0##");
        XYSeries s = chart.addSeries("weights", edges, counts);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(new Color(0x1F77B4));
        s.setLineColor(new Color(0x1F77B4));
        return Charts.toImage(chart);
    }

    private static int legend(Graphics2D g, int x, int y, Color color, String label, boolean hollow) {
        g.setColor(color);
        if (hollow) {
            g.setStroke(new BasicStroke(1.6f));
            g.draw(new Ellipse2D.Double(x, y - 4, 9, 9));
        } else {
            g.fill(new Ellipse2D.Double(x, y - 4, 9, 9));
        }
        g.setColor(TEXT);
        g.drawString(label, x + 14, y + 4);
        return x + 14 + g.getFontMetrics().stringWidth(label);
    }

    private static double finiteAbs(double v) {
        return Double.isFinite(v) ? Math.abs(v) : 0;
    }

    private static String shorten(String name) {
        return name.length() <= 32 ? name : name.substring(0, 31) + "…";
    }
}
