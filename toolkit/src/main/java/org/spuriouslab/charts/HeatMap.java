package org.spuriouslab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * A heat map of a matrix (e.g. scores of neurons × patterns) as a {@link BufferedImage} of
 * {@link Charts#WIDTH} × {@link Charts#HEIGHT}, drawn with Java2D: first row at the top, a colour
 * bar on the right, values written into the cells when they are large enough. Values of both
 * signs use a diverging blue–white–red scale symmetric around 0; otherwise a sequential
 * dark-blue-to-yellow scale from the minimum to the maximum. NaN cells are grey. With many rows
 * or columns only every m-th label is written.
 *
 * <pre>{@code
 * BufferedImage img = HeatMap.of("AUROC per neuron", scores, patternNames, neuronNames);
 * }</pre>
 */
public final class HeatMap {

    private static final Color NAN = new Color(0xDDDDDD);
    private static final Color[] SEQUENTIAL = {
            new Color(0x440154), new Color(0x3B528B), new Color(0x21918C), new Color(0x5EC962), new Color(0xFDE725)};
    private static final Color[] DIVERGING = {
            new Color(0x2166AC), new Color(0x92C5DE), new Color(0xF7F7F7), new Color(0xF4A582), new Color(0xB2182B)};

    private HeatMap() {
    }

    /**
     * Draws {@code values[row][col]}.
     *
     * @param values   rectangular matrix, at least 1 × 1; NaN allowed (drawn grey)
     * @param rowNames one name per row, or {@code null} for 0, 1, …
     * @param colNames one name per column, or {@code null} for 0, 1, …
     * @throws IllegalArgumentException for an empty or ragged matrix or wrong label counts
     */
    public static BufferedImage of(String title, double[][] values, List<String> rowNames, List<String> colNames) {
        if (values == null || values.length == 0 || values[0] == null || values[0].length == 0) {
            throw new IllegalArgumentException("heat map needs at least one row and one column");
        }
        int rows = values.length;
        int cols = values[0].length;
        for (int r = 0; r < rows; r++) {
            if (values[r] == null || values[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + (values[r] == null ? 0 : values[r].length)
                        + " values, row 0 has " + cols + "; the matrix must be rectangular");
            }
        }
        if (rowNames != null && rowNames.size() != rows) {
            throw new IllegalArgumentException(rowNames.size() + " row names for " + rows + " rows");
        }
        if (colNames != null && colNames.size() != cols) {
            throw new IllegalArgumentException(colNames.size() + " column names for " + cols + " columns");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) { // all NaN
            min = 0;
            max = 1;
        }
        boolean diverging = min < 0 && max > 0;
        Color[] ramp = diverging ? DIVERGING : SEQUENTIAL;
        if (diverging) {
            double m = Math.max(-min, max);
            min = -m;
            max = m;
        } else if (min == max) {
            max = min + 1;
        }

        int width = Charts.WIDTH;
        int height = Charts.HEIGHT;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);

        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 16);
        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        g.setFont(titleFont);
        g.setColor(Color.BLACK);
        FontMetrics tfm = g.getFontMetrics();
        String t = title == null ? "" : title;
        g.drawString(t, Math.max(4, (width - tfm.stringWidth(t)) / 2), 8 + tfm.getAscent());
        int top = 8 + tfm.getHeight() + 8;

        g.setFont(labelFont);
        FontMetrics fm = g.getFontMetrics();
        int rowLabelWidth = 0;
        for (int r = 0; r < rows; r++) {
            rowLabelWidth = Math.max(rowLabelWidth, fm.stringWidth(name(rowNames, r)));
        }
        rowLabelWidth = Math.min(rowLabelWidth, 160);
        int colLabelWidth = 0;
        for (int c = 0; c < cols; c++) {
            colLabelWidth = Math.max(colLabelWidth, fm.stringWidth(name(colNames, c)));
        }
        colLabelWidth = Math.min(colLabelWidth, 110);
        int left = 8 + rowLabelWidth + 6;
        int barWidth = 14;
        int right = 8 + barWidth + 6 + fm.stringWidth("-0.000e+00") + 6;
        int plotW = width - left - right;
        // column labels horizontal if they fit, otherwise rotated (every m-th if still too dense)
        double cellW = (double) plotW / cols;
        boolean rotate = colLabelWidth + 4 > cellW;
        int bottomLabel = rotate ? colLabelWidth + 8 : fm.getHeight() + 6;
        int plotH = height - top - bottomLabel - 6;
        plotH = Math.max(plotH, 1); // very long column labels were clipped to 110 px above
        double cellH = (double) plotH / rows;

        Font valueFont = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        boolean showValues = cellW >= 34 && cellH >= 14;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = values[r][c];
                int x0 = left + (int) Math.round(c * cellW);
                int x1 = left + (int) Math.round((c + 1) * cellW);
                int y0 = top + (int) Math.round(r * cellH);
                int y1 = top + (int) Math.round((r + 1) * cellH);
                Color fill = Double.isNaN(v) ? NAN : colour(ramp, (v - min) / (max - min));
                g.setColor(fill);
                g.fillRect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
                if (showValues && !Double.isNaN(v)) {
                    g.setFont(valueFont);
                    FontMetrics vfm = g.getFontMetrics();
                    String s = format(v);
                    if (vfm.stringWidth(s) <= x1 - x0 - 2) {
                        g.setColor(brightness(fill) < 0.5 ? Color.WHITE : Color.BLACK);
                        g.drawString(s, (x0 + x1 - vfm.stringWidth(s)) / 2, (y0 + y1 + vfm.getAscent() - vfm.getDescent()) / 2);
                    }
                }
            }
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(left, top, (int) Math.round(cols * cellW), (int) Math.round(rows * cellH));

        g.setFont(labelFont);
        g.setColor(Color.BLACK);
        int rowStep = labelStep(cellH, fm.getHeight());
        for (int r = 0; r < rows; r += rowStep) {
            String s = clip(name(rowNames, r), fm, rowLabelWidth);
            int y = top + (int) Math.round((r + 0.5) * cellH) + (fm.getAscent() - fm.getDescent()) / 2;
            g.drawString(s, left - 6 - fm.stringWidth(s), y);
        }
        int colStep = rotate ? labelStep(cellW, fm.getHeight()) : labelStep(cellW, colLabelWidth + 4);
        int labelTop = top + (int) Math.round(rows * cellH) + 4;
        for (int c = 0; c < cols; c += colStep) {
            String s = clip(name(colNames, c), fm, colLabelWidth);
            int xc = left + (int) Math.round((c + 0.5) * cellW);
            if (rotate) {
                AffineTransform saved = g.getTransform();
                g.translate(xc + (fm.getAscent() - fm.getDescent()) / 2.0, labelTop);
                g.rotate(Math.PI / 2);
                g.drawString(s, 0, 0);
                g.setTransform(saved);
            } else {
                g.drawString(s, xc - fm.stringWidth(s) / 2, labelTop + fm.getAscent());
            }
        }

        // colour bar
        int barX = width - right + 8;
        int barTop = top;
        int barH = plotH;
        for (int y = 0; y < barH; y++) {
            g.setColor(colour(ramp, 1 - (double) y / Math.max(1, barH - 1)));
            g.fillRect(barX, barTop + y, barWidth, 1);
        }
        g.setColor(Color.GRAY);
        g.drawRect(barX, barTop, barWidth, barH);
        g.setColor(Color.BLACK);
        double[] ticks = {max, (min + max) / 2, min};
        for (int i = 0; i < 3; i++) {
            int y = barTop + (int) Math.round(i * (barH - 1) / 2.0);
            g.drawLine(barX + barWidth, y, barX + barWidth + 3, y);
            g.drawString(format(ticks[i]), barX + barWidth + 5, y + (fm.getAscent() - fm.getDescent()) / 2);
        }
        g.dispose();
        return img;
    }

    /** The colour for a position {@code f} in [0, 1] along the ramp (clipped). */
    static Color colour(Color[] ramp, double f) {
        double p = Math.max(0, Math.min(1, f)) * (ramp.length - 1);
        int i = Math.min((int) p, ramp.length - 2);
        double u = p - i;
        Color a = ramp[i];
        Color b = ramp[i + 1];
        return new Color(
                (int) Math.round(a.getRed() + u * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + u * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + u * (b.getBlue() - a.getBlue())));
    }

    private static double brightness(Color c) {
        return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
    }

    private static int labelStep(double cell, int needed) {
        return Math.max(1, (int) Math.ceil(needed / Math.max(cell, 1e-9)));
    }

    private static String name(List<String> names, int i) {
        return names == null ? Integer.toString(i) : String.valueOf(names.get(i));
    }

    private static String clip(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String e = s;
        while (e.length() > 1 && fm.stringWidth(e + "…") > width) {
            e = e.substring(0, e.length() - 1);
        }
        return e + "…";
    }

    private static String format(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        String s = String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s; // no "-0.00"
    }
}
