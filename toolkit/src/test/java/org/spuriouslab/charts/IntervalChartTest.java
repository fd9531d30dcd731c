package org.spuriouslab.charts;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntervalChartTest {

    /** Leftmost and rightmost x of strongly orange pixels (the first series) in image rows [y0, y1). */
    private static int[] orangeSpan(BufferedImage img, int y0, int y1) {
        int lo = Integer.MAX_VALUE;
        int hi = -1;
        for (int y = y0; y < y1; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int b = rgb & 0xFF;
                if (r > 200 && r - b > 150) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
        }
        return new int[]{lo, hi};
    }

    @Test
    void whiskersSpanTheIntervalsToScale() {
        // row a: interval width 1 right of 0; row b: width 2 left of 0
        var s = new IntervalChart.Series("analysis", new double[]{1, -1}, new double[]{0.5, -2}, new double[]{1.5, 0});
        BufferedImage img = IntervalChart.of("t", "x", List.of("a", "b"), List.of(s));
        assertEquals(Charts.WIDTH, img.getWidth());
        int legendBottom = 60;   // below the title and the legend's orange sample
        int mid = legendBottom + (img.getHeight() - legendBottom - 52) / 2;
        int[] a = orangeSpan(img, legendBottom, mid);
        int[] b = orangeSpan(img, mid, img.getHeight());
        double widthA = a[1] - a[0];
        double widthB = b[1] - b[0];
        assertTrue(Math.abs(widthB / widthA - 2.0) < 0.1, "whisker widths " + widthA + " and " + widthB + " should be 1 : 2");
        assertTrue(b[1] <= a[0] + 2, "row b's interval [-2, 0] ends where row a's [0.5, 1.5] begins, or left of it");
    }

    @Test
    void aZoomedAxisSpreadsSmallDifferencesFarFromZero() {
        var s = new IntervalChart.Series("s", new double[]{0.80, 0.81}, null, null);
        int full = spread(IntervalChart.of("t", "x", List.of("a", "b"), List.of(s)));
        int zoomed = spread(IntervalChart.of("t", "x", List.of("a", "b"), List.of(s), false));
        assertTrue(zoomed > 10 * Math.max(full, 1), "dots 0.01 apart: " + full + " px with 0 on the axis, " + zoomed + " px zoomed");
    }

    /** Horizontal distance between the orange dots of two rows. */
    private static int spread(BufferedImage img) {
        int mid = 60 + (img.getHeight() - 60 - 52) / 2;
        int[] a = orangeSpan(img, 60, mid);
        int[] b = orangeSpan(img, mid, img.getHeight());
        return Math.abs((b[0] + b[1]) / 2 - (a[0] + a[1]) / 2);
    }

    @Test
    void withoutBoundsOnlyDotsAreDrawn() {
        var s = new IntervalChart.Series("no bootstrap", new double[]{1, -1}, null, null);
        BufferedImage img = IntervalChart.of("t", "x", List.of("a", "b"), List.of(s));
        int[] a = orangeSpan(img, 60, img.getHeight());
        assertTrue(a[1] - a[0] > 100, "two dots far apart");
        int[] top = orangeSpan(img, 60, 60 + 30);
        assertTrue(top[1] - top[0] <= 10, "a dot, not a whisker: " + (top[1] - top[0]) + " px");
    }

    @Test
    void badInputIsRefusedWithAReason() {
        var twoRows = new IntervalChart.Series("s", new double[]{1, 2}, null, null);
        var e = assertThrows(IllegalArgumentException.class,
                () -> IntervalChart.of("t", "x", List.of("only one row"), List.of(twoRows)));
        assertTrue(e.getMessage().contains("2 estimates for 1 rows"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new IntervalChart.Series("s", new double[]{1}, new double[]{0}, null));
        assertThrows(IllegalArgumentException.class,
                () -> new IntervalChart.Series("s", new double[]{1}, new double[]{0, 1}, new double[]{2, 3}));
        var nan = new IntervalChart.Series("s", new double[]{Double.NaN}, null, null);
        assertThrows(IllegalArgumentException.class, () -> IntervalChart.of("t", "x", List.of("a"), List.of(nan)));
        assertThrows(IllegalArgumentException.class, () -> IntervalChart.of("t", "x", List.of(), List.of()));
    }

    @Test
    void ticksAreRoundAndCleanlyLabelled() {
        assertEquals(0.02, Ticks.niceStep(0.017), 1e-12);
        assertEquals(2.5, Ticks.niceStep(2.2), 1e-12);
        assertEquals(10, Ticks.niceStep(7), 1e-12);
        assertEquals("0.3", Ticks.label(0.1 + 0.2, 0.1));
        assertEquals("0", Ticks.label(-1e-17, 0.05));
        assertThrows(IllegalArgumentException.class, () -> Ticks.niceStep(0));
    }
}
