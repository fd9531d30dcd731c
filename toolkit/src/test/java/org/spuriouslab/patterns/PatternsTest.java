package org.spuriouslab.patterns;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PatternsTest {

    @Test
    void namedSetMatchesThePaper() {
        assertEquals(new OnePixel(25, 25), Patterns.s1());
        assertEquals(new Square(3, Corner.BOTTOM_RIGHT, 1), Patterns.s2());
        assertEquals(new Square(5, Corner.BOTTOM_RIGHT, 1), Patterns.s3());
        assertEquals(0.25, Patterns.r1(4).amplitude());
        assertEquals(0.5, Patterns.r2(4).amplitude());
        assertEquals(1.0, Patterns.r3(4).amplitude());
        assertArrayEquals(Patterns.r1(4).noise(28, 28), Patterns.r3(4).noise(28, 28), "R1–R3 share one U");
        assertEquals(new NoisePatch(1, 2, 3, 0.5, 9), Patterns.patch(1, 2, 3, 0.5, 9));
        assertEquals("S3 5×5 square (bottom-right)", Patterns.s3().name());
        // S3 on 28×28 covers rows and columns 22..26
        float[] f = Patterns.s3().footprint(28, 28);
        assertEquals(1f, f[22 * 28 + 22]);
        assertEquals(1f, f[26 * 28 + 26]);
        assertEquals(0f, f[27 * 28 + 27]);
        assertEquals(0f, f[21 * 28 + 22]);
    }

    @Test
    void galleryHasTheSevenPatternsInOrder() {
        List<Pattern> g = Patterns.gallery(1);
        assertEquals(List.of("S1", "S2", "S3", "R1", "R2", "R3", "patch"), g.stream().map(Pattern::id).toList());
        assertEquals(g, Patterns.gallery(1));
        for (Pattern p : g) {
            p.requireFits(28, 28);
        }
        Table t = Patterns.table(g, 28, 28);
        assertEquals(7, t.rowCount());
        assertEquals(1, t.intColumn("pixels changed").get(0));
        assertEquals(9, t.intColumn("pixels changed").get(1));
        assertEquals(25, t.intColumn("pixels changed").get(2));
        assertEquals(1.0, t.doubleColumn("mean strength").get(2));
        assertEquals(0.125, t.doubleColumn("mean strength").get(3), 0.02);
    }

    @Test
    void s1ForOtherSizes() {
        assertEquals(new OnePixel(7, 9), Patterns.s1(10, 12));
        assertEquals("S1 needs an image of at least 3×3, got 2×5",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> Patterns.s1(2, 5)).getMessage());
    }
}
