package org.spuriouslab.patterns;

import org.junit.jupiter.api.Test;
import org.spuriouslab.data.ImageSet;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatternChartsTest {

    /** Grey level (0..255) of the screen pixel at the centre of image pixel (r, c) of grid cell k. */
    private static int grey(BufferedImage g, int k, int columns, int rows, int cols, int r, int c) {
        int scale = 3;
        int gap = 4;
        int cellW = cols * scale + gap;
        int cellH = rows * scale + gap + 14;
        int x = gap + (k % columns) * cellW + c * scale + 1;
        int y = gap + (k / columns) * cellH + r * scale + 1;
        return g.getRGB(x, y) & 0xff;
    }

    @Test
    void galleryShowsCleanImageThenEachPattern() {
        List<Pattern> ps = Patterns.gallery(1);
        float[] black = new float[28 * 28];
        BufferedImage g = PatternCharts.gallery(ps, black, 28, 28);
        // 8 images in one row of 8
        assertEquals(4 + 8 * (28 * 3 + 4), g.getWidth());
        assertEquals(0, grey(g, 0, 8, 28, 28, 25, 25), "clean stays black");
        assertEquals(255, grey(g, 1, 8, 28, 28, 25, 25), "S1 pixel is white");
        assertEquals(0, grey(g, 1, 8, 28, 28, 24, 24));
        assertEquals(255, grey(g, 3, 8, 28, 28, 22, 22), "S3 corner is white");
        assertEquals(0, grey(g, 7, 8, 28, 28, 20, 20), "patch leaves the rest black");
    }

    @Test
    void beforeAfterShowsTheSameImagesTwice() {
        ImageSet set = Synthetic.images(10, 10, 6, 6);
        PlantedImages planted = Injector.inject(set,
                InjectionSpec.of(PlantSpec.of(new Square(3, Corner.TOP_LEFT, 0)).inClass(1, 4)), 2);
        BufferedImage g = PatternCharts.beforeAfter(set, planted, 0, 3);
        assertEquals(4 + 3 * (10 * 3 + 4), g.getWidth());
        assertEquals(4 + 2 * (10 * 3 + 4 + 14), g.getHeight());
        for (int k = 0; k < 3; k++) {
            assertTrue(grey(g, k, 3, 10, 10, 1, 1) < 130, "original is dark");
            assertEquals(255, grey(g, 3 + k, 3, 10, 10, 1, 1), "patched is white");
        }
        // count larger than the carriers shows all of them
        assertEquals(4 + 4 * (10 * 3 + 4), PatternCharts.beforeAfter(set, planted, 0, 50).getWidth());
        assertThrows(IllegalArgumentException.class, () -> PatternCharts.beforeAfter(set.head(5), planted, 0, 3));
    }

    @Test
    void footprintsAreWhereThePatternsAct() {
        BufferedImage g = PatternCharts.footprints(List.of(Patterns.s2(), Patterns.patch(0, 0, 4, 1.0, 3)), 28, 28);
        assertEquals(255, grey(g, 0, 2, 28, 28, 25, 25));
        assertEquals(0, grey(g, 0, 2, 28, 28, 0, 0));
        assertEquals(0, grey(g, 1, 2, 28, 28, 25, 25));
        assertThrows(IllegalArgumentException.class, () -> PatternCharts.footprints(List.of(), 28, 28));
    }
}
