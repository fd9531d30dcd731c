package org.spuriouslab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A forest plot: one labelled row per item (for example a unit of a network) and, per series, a
 * dot at the estimate with a whisker over its interval (for example a 95 % bootstrap interval); a
 * dashed line marks 0. Several series share a row, one above the other, so two analyses of the
 * same items can be compared at a glance: overlapping whiskers mean the difference is within the
 * intervals.
 *
 * <pre>{@code
 * IntervalChart.of("AIE per unit", "AIE", units,
 *         List.of(new IntervalChart.Series("unadjusted", aie, lower, upper)));
 * }</pre>
 */
public final class IntervalChart {

    private static final Color PANEL = new Color(0xEBEBEB);
    private static final Color GRID = Color.WHITE;
    private static final Color TEXT = new Color(0x333333);
    /** Series colours, in order: orange, blue, green, purple, red, brown. */
    private static final Color[] COLOURS = {new Color(0xFF7F0E), new Color(0x1F77B4), new Color(0x2CA02C),
            new Color(0x9467BD), new Color(0xD62728), new Color(0x8C564B)};

    /**
     * One series: per row an estimate and an interval.
     *
     * @param name     legend label
     * @param estimate one value per row (NaN: nothing drawn in that row)
     * @param lower    interval lower bounds, or null for no whiskers (NaN: no whisker in that row)
     * @param upper    interval upper bounds, or null for no whiskers
     */
    public record Series(String name, double[] estimate, double[] lower, double[] upper) {

        /** Checks the lengths; lower and upper are both given or both null. */
        public Series {
            if (estimate == null) {
                throw new IllegalArgumentException("series '" + name + "' has no estimates");
            }
            if ((lower == null) != (upper == null)) {
                throw new IllegalArgumentException("series '" + name + "': give both interval bounds or neither");
            }
            if (lower != null && (lower.length != estimate.length || upper.length != estimate.length)) {
                throw new IllegalArgumentException("series '" + name + "': " + estimate.length + " estimates but "
                        + lower.length + " lower and " + upper.length + " upper bounds");
            }
        }
    }

    private IntervalChart() {
    }

    /**
     * Draws the chart.
     *
     * @param rows   row labels, top to bottom
     * @param series at least one; each with one estimate per row
     * @throws IllegalArgumentException when a series' length differs from the number of rows, or nothing is finite
     */
    public static BufferedImage of(String title, String xTitle, List<String> rows, List<Series> series) {
        return of(title, xTitle, rows, series, true);
    }

    /**
     * Draws the chart; with {@code includeZero} false the x-axis spans only the data (and the
     * dashed line at 0 appears only if 0 is inside), which shows small differences between
     * series far from 0 (e.g. measures in [0, 1] that differ in the second decimal).
     *
     * @see #of(String, String, List, List)
     */
    public static BufferedImage of(String title, String xTitle, List<String> rows, List<Series> series,
                                   boolean includeZero) {
        if (rows.isEmpty() || series.isEmpty()) {
            throw new IllegalArgumentException("an interval chart needs at least one row and one series");
        }
        double min = includeZero ? 0 : Double.POSITIVE_INFINITY;
        double max = includeZero ? 0 : Double.NEGATIVE_INFINITY;
        boolean any = false;
        for (Series s : series) {
            if (s.estimate().length != rows.size()) {
                throw new IllegalArgumentException("series '" + s.name() + "' has " + s.estimate().length
                        + " estimates for " + rows.size() + " rows");
            }
            for (int j = 0; j < rows.size(); j++) {
                for (double v : new double[]{s.estimate()[j], bound(s.lower(), j), bound(s.upper(), j)}) {
                    if (Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                        any = true;
                    }
                }
            }
        }
        if (!any) {
            throw new IllegalArgumentException("nothing to draw: every estimate is NaN or infinite");
        }
        double span = max > min ? max - min : Math.max(Math.abs(max), 1e-9);
        double step = Ticks.niceStep(span * 1.05 / 6);
        double x0 = Math.floor((min - span * 0.02) / step) * step;
        double x1 = Math.ceil((max + span * 0.02) / step) * step;

        int k = series.size();
        int p = rows.size();
        int rowH = Math.max(24, 10 * k + 10);
        int top = 64;
        int bottom = 52;
        int width = Charts.WIDTH;
        int height = top + p * rowH + bottom;
        BufferedImage img = Canvas.image(width, height);
        Graphics2D g = Canvas.graphics(img);
        try {
            Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            g.setFont(labelFont);
            FontMetrics fm = g.getFontMetrics();
            int labelW = 0;
            for (String r : rows) {
                labelW = Math.max(labelW, fm.stringWidth(shorten(r)));
            }
            int left = Math.min(260, labelW + 20);
            int plotW = width - left - 24;
            int plotH = p * rowH;

            g.setColor(TEXT);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, 16, 24);
            g.setFont(labelFont);
            int lx = 16;
            for (int s = 0; s < k; s++) {
                g.setColor(colour(s));
                g.setStroke(new BasicStroke(1.6f));
                g.draw(new Line2D.Double(lx, 46, lx + 16, 46));
                g.fill(new Ellipse2D.Double(lx + 4, 42, 8, 8));
                g.setColor(TEXT);
                g.drawString(series.get(s).name(), lx + 22, 50);
                lx += 22 + fm.stringWidth(series.get(s).name()) + 18;
            }

            g.setColor(PANEL);
            g.fillRect(left, top, plotW, plotH);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            FontMetrics tm = g.getFontMetrics();
            g.setStroke(new BasicStroke(1f));
            for (double x = x0; x <= x1 + step / 1000; x += step) {
                int px = (int) Math.round(xPixel(x, x0, x1, left, plotW));
                g.setColor(GRID);
                g.drawLine(px, top, px, top + plotH);
                g.setColor(TEXT);
                String label = Ticks.label(x, step);
                g.drawString(label, px - tm.stringWidth(label) / 2, top + plotH + 16);
            }
            g.setFont(labelFont);
            g.drawString(xTitle, left + (plotW - fm.stringWidth(xTitle)) / 2, top + plotH + 38);

            g.setColor(new Color(0x555555));
            g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{5f, 4f}, 0f));
            if (x0 <= 0 && 0 <= x1) {
                double zero = xPixel(0, x0, x1, left, plotW);
                g.draw(new Line2D.Double(zero, top, zero, top + plotH));
            }

            double sep = (rowH - 8.0) / k;
            for (int j = 0; j < p; j++) {
                double rowTop = top + j * rowH;
                if (j > 0) {
                    g.setColor(GRID);
                    g.setStroke(new BasicStroke(1f));
                    g.draw(new Line2D.Double(left, rowTop, left + plotW, rowTop));
                }
                g.setColor(TEXT);
                String name = shorten(rows.get(j));
                g.drawString(name, left - 8 - fm.stringWidth(name), (float) (rowTop + rowH / 2.0 + fm.getAscent() / 2.0 - 1));
                for (int s = 0; s < k; s++) {
                    Series ser = series.get(s);
                    double cy = rowTop + 4 + sep * (s + 0.5);
                    g.setColor(colour(s));
                    double lo = bound(ser.lower(), j);
                    double hi = bound(ser.upper(), j);
                    if (Double.isFinite(lo) && Double.isFinite(hi)) {
                        double a = xPixel(lo, x0, x1, left, plotW);
                        double b = xPixel(hi, x0, x1, left, plotW);
                        g.setStroke(new BasicStroke(1.8f));
                        g.draw(new Line2D.Double(a, cy, b, cy));
                        g.draw(new Line2D.Double(a, cy - 3, a, cy + 3));
                        g.draw(new Line2D.Double(b, cy - 3, b, cy + 3));
                    }
                    double v = ser.estimate()[j];
                    if (Double.isFinite(v)) {
                        double d = Math.min(9, sep + 1);
                        g.fill(new Ellipse2D.Double(xPixel(v, x0, x1, left, plotW) - d / 2, cy - d / 2, d, d));
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static double bound(double[] bounds, int j) {
        return bounds == null ? Double.NaN : bounds[j];
    }

    private static double xPixel(double x, double x0, double x1, int left, int plotW) {
        return left + (x - x0) / (x1 - x0) * plotW;
    }

    private static Color colour(int s) {
        return COLOURS[s % COLOURS.length];
    }

    private static String shorten(String name) {
        return name.length() <= 36 ? name : name.substring(0, 35) + "…";
    }
}
