package org.spuriouslab.charts;

import org.junit.jupiter.api.Test;
import org.spuriouslab.data.ImageSet;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {

    @Test
    void barsAndLinesRenderAtDefaultSize() {
        BufferedImage b = Charts.bars("t", "x", "y", List.of("a", "b", "c"), new int[]{1, 2, 3});
        assertEquals(Charts.WIDTH, b.getWidth());
        assertEquals(Charts.HEIGHT, b.getHeight());
        Map<String, double[]> s = new LinkedHashMap<>();
        s.put("loss", new double[]{1, 0.5, 0.25});
        assertEquals(Charts.WIDTH, Charts.lines("t", "epoch", "loss", s).getWidth());
    }

    @Test
    void barsRejectMismatchedSeries() {
        Map<String, double[]> s = Map.of("a", new double[]{1});
        assertThrows(IllegalArgumentException.class, () -> Charts.bars("t", "x", "y", List.of("a", "b"), s));
    }

    @Test
    void gridPlacesPixelsWhereTheyBelong() {
        float[] white = {1, 1, 1, 1};
        float[] black = {0, 0, 0, 0};
        BufferedImage g = ImageGrid.of(List.of(white, black), 2, 2, null, 2, 3);
        // gap 4, cell 2*3 + 4 = 10 wide: image 0 at x 4..9, image 1 at x 14..19
        assertEquals(0xffffff, g.getRGB(5, 5) & 0xffffff);
        assertEquals(0x000000, g.getRGB(15, 5) & 0xffffff);
        assertEquals(2 * 10 + 4, g.getWidth());
    }

    @Test
    void perClassGridHasOneRowPerClass() {
        float[] px = new float[6 * 4];
        ImageSet set = new ImageSet(px, new int[]{0, 1, 2, 0, 1, 2}, 2, 2);
        BufferedImage g = ImageGrid.perClass(set, 2, List.of("a", "b", "c"));
        assertTrue(g.getHeight() > g.getWidth(), "3 rows of 2 images are taller than wide");
    }

    @Test
    void signedGridIsRedForPositiveBlueForNegativeWhiteForZero() {
        float[] diff = {0.5f, -0.25f, 0f, 0.25f};
        BufferedImage g = ImageGrid.signed(List.of(diff), 2, 2, null, 1, 3);
        // gap 4: pixel (0,0) at x 4..6, pixel (0,1) at x 7..9, pixel (1,0) at y 7..9
        assertEquals(0xff0000, g.getRGB(5, 5) & 0xffffff, "largest positive value is full red");
        assertEquals(0x8080ff, g.getRGB(8, 5) & 0xffffff, "half the largest magnitude, negative: light blue");
        assertEquals(0xffffff, g.getRGB(5, 8) & 0xffffff, "zero is white");
    }

    @Test
    void longLegendsAreStackedAndTheChartGrows() {
        Map<String, double[]> s = new java.util.LinkedHashMap<>();
        for (String name : List.of("a model with a long name", "another model with a long name",
                "a third model with a long name", "the oracle with group labels")) {
            s.put(name, new double[]{0.5, 0.7});
        }
        BufferedImage b = Charts.bars("t", "x", "y", List.of("g1", "g2"), s);
        assertEquals(Charts.WIDTH, b.getWidth());
        assertEquals(Charts.HEIGHT + 18 * 4, b.getHeight());
    }
}
