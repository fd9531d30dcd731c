package org.spuriouslab.charts;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Scatter plots of 2-D points (e.g. a PCA or t-SNE projection), one colour per group, as a
 * {@link BufferedImage} of {@link Charts#WIDTH} × {@link Charts#HEIGHT}. Group {@code g} always gets
 * the same colour ({@link #color(int)}), so plots of the same groups match. Markers shrink for
 * large point sets so several thousand points stay readable.
 *
 * <pre>{@code
 * BufferedImage img = ScatterChart.of("t-SNE of class 3", Projection.tsne2(z, 30, 1000, 1), clusters, names);
 * }</pre>
 */
public final class ScatterChart {

    private static final Color[] PALETTE = {
            new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
            new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F),
            new Color(0xBCBD22), new Color(0x17BECF)};
    private static final Color REST = new Color(0xBBBBBB);
    private static final Color HIGHLIGHT = new Color(0xD62728);

    private ScatterChart() {
    }

    /**
     * One series per non-empty group, drawn in group order, with a legend.
     *
     * @param xy         {@code n × 2} points
     * @param groups     group of each point, in {@code 0 … groupNames.size()−1}
     * @param groupNames legend names, distinct; {@code null} means "group 0", "group 1", …
     * @throws IllegalArgumentException for mismatched lengths, rows that are not pairs, or groups out of range
     */
    public static BufferedImage of(String title, double[][] xy, int[] groups, List<String> groupNames) {
        checkXy(xy);
        if (groups == null || groups.length != xy.length) {
            throw new IllegalArgumentException((groups == null ? 0 : groups.length) + " groups for " + xy.length
                    + " points; need one group per point");
        }
        int count = 0;
        for (int g : groups) {
            if (g < 0) {
                throw new IllegalArgumentException("group " + g + " is negative; groups start at 0");
            }
            count = Math.max(count, g + 1);
        }
        if (groupNames != null) {
            if (count > groupNames.size()) {
                throw new IllegalArgumentException("group " + (count - 1) + " has no name; " + groupNames.size()
                        + " names cover groups 0.." + (groupNames.size() - 1));
            }
            if (groupNames.stream().distinct().count() != groupNames.size()) {
                throw new IllegalArgumentException("group names must be distinct: " + groupNames);
            }
        }
        XYChart chart = chart(title, xy.length);
        int[] sizes = new int[count];
        for (int g : groups) {
            sizes[g]++;
        }
        for (int g = 0; g < count; g++) {
            if (sizes[g] == 0) {
                continue;
            }
            double[] xs = new double[sizes[g]];
            double[] ys = new double[sizes[g]];
            int j = 0;
            for (int i = 0; i < xy.length; i++) {
                if (groups[i] == g) {
                    xs[j] = xy[i][0];
                    ys[j] = xy[i][1];
                    j++;
                }
            }
            String name = groupNames == null ? "group " + g : groupNames.get(g);
            add(chart, name + " (" + sizes[g] + ")", xs, ys, color(g));
        }
        return Charts.toImage(chart);
    }

    /**
     * Two series: the other points in light grey, the highlighted ones in red drawn on top.
     *
     * @param highlight     which points to highlight
     * @param highlightName legend name of the highlighted points
     * @param restName      legend name of the others
     */
    public static BufferedImage of(String title, double[][] xy, boolean[] highlight, String highlightName,
                                   String restName) {
        checkXy(xy);
        if (highlight == null || highlight.length != xy.length) {
            throw new IllegalArgumentException((highlight == null ? 0 : highlight.length) + " highlight flags for "
                    + xy.length + " points; need one per point");
        }
        if (highlightName.equals(restName)) {
            throw new IllegalArgumentException("highlight and rest need different names, both are '" + restName + "'");
        }
        int hits = 0;
        for (boolean h : highlight) {
            if (h) {
                hits++;
            }
        }
        double[][] on = new double[2][hits];
        double[][] off = new double[2][xy.length - hits];
        int a = 0;
        int b = 0;
        for (int i = 0; i < xy.length; i++) {
            if (highlight[i]) {
                on[0][a] = xy[i][0];
                on[1][a++] = xy[i][1];
            } else {
                off[0][b] = xy[i][0];
                off[1][b++] = xy[i][1];
            }
        }
        XYChart chart = chart(title, xy.length);
        if (off[0].length > 0) {
            add(chart, restName + " (" + off[0].length + ")", off[0], off[1], REST);
        }
        if (on[0].length > 0) {
            add(chart, highlightName + " (" + on[0].length + ")", on[0], on[1], HIGHLIGHT);
        }
        return Charts.toImage(chart);
    }

    /** The colour of group {@code g}: a ten-colour palette, then evenly spread hues. */
    public static Color color(int g) {
        if (g < PALETTE.length) {
            return PALETTE[g];
        }
        float hue = (float) ((g * 0.618033988749895) % 1.0);
        return Color.getHSBColor(hue, 0.65f, 0.85f);
    }

    /** Marker diameter in pixels for {@code n} points. */
    static int markerSize(int n) {
        return n <= 500 ? 6 : n <= 2000 ? 4 : 3;
    }

    private static XYChart chart(String title, int n) {
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title)
                .theme(Styler.ChartTheme.GGPlot2).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(markerSize(n));
        chart.getStyler().setAntiAlias(true);
        return chart;
    }

    private static void add(XYChart chart, String name, double[] xs, double[] ys, Color c) {
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(c);
    }

    private static void checkXy(double[][] xy) {
        if (xy == null || xy.length == 0) {
            throw new IllegalArgumentException("no points to plot");
        }
        for (int i = 0; i < xy.length; i++) {
            if (xy[i] == null || xy[i].length != 2) {
                throw new IllegalArgumentException("point " + i + " must have exactly 2 coordinates");
            }
            if (!Double.isFinite(xy[i][0]) || !Double.isFinite(xy[i][1])) {
                throw new IllegalArgumentException("point " + i + " has a non-finite coordinate");
            }
        }
    }
}
