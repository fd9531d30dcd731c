package org.spuriouslab.charts;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScatterChartTest {

    private static double[][] points(int n, long seed) {
        Random r = new Random(seed);
        double[][] xy = new double[n][2];
        for (double[] p : xy) {
            p[0] = r.nextGaussian();
            p[1] = r.nextGaussian();
        }
        return xy;
    }

    @Test
    void fiveThousandGroupedPointsRenderWithGroupColours() {
        double[][] xy = points(5000, 1);
        int[] groups = new int[xy.length];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = i % 3;
        }
        BufferedImage img = ScatterChart.of("clusters", xy, groups, List.of("a", "b", "c"));
        assertEquals(Charts.WIDTH, img.getWidth());
        assertEquals(Charts.HEIGHT, img.getHeight());
        for (int g = 0; g < 3; g++) {
            assertTrue(contains(img, ScatterChart.color(g)), "group " + g + " colour drawn");
        }
        assertEquals(3, ScatterChart.markerSize(5000));
    }

    @Test
    void highlightedPointsAreDrawn() {
        double[][] xy = points(300, 2);
        boolean[] h = new boolean[xy.length];
        h[5] = true;
        h[17] = true;
        BufferedImage img = ScatterChart.of("planted", xy, h, "planted", "other");
        assertEquals(Charts.WIDTH, img.getWidth());
        assertTrue(contains(img, new Color(0xD62728)));
        assertTrue(contains(img, new Color(0xBBBBBB)));
    }

    @Test
    void coloursAreStableAndDistinct() {
        assertEquals(ScatterChart.color(12), ScatterChart.color(12));
        for (int a = 0; a < 15; a++) {
            for (int b = a + 1; b < 15; b++) {
                assertTrue(!ScatterChart.color(a).equals(ScatterChart.color(b)), a + " vs " + b);
            }
        }
    }

    @Test
    void rejectsBadInput() {
        double[][] xy = points(4, 3);
        assertThrows(IllegalArgumentException.class, () -> ScatterChart.of("t", xy, new int[]{0, 1, 2}, null));
        assertThrows(IllegalArgumentException.class, () -> ScatterChart.of("t", xy, new int[]{0, 1, 2, 3}, List.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> ScatterChart.of("t", xy, new int[]{0, -1, 0, 0}, null));
        assertThrows(IllegalArgumentException.class, () -> ScatterChart.of("t", new double[][]{{1, 2, 3}}, new int[]{0}, null));
        assertThrows(IllegalArgumentException.class, () -> ScatterChart.of("t", xy, new boolean[]{true}, "a", "b"));
    }

    static boolean contains(BufferedImage img, Color c) {
        int rgb = c.getRGB() & 0xffffff;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }
}
