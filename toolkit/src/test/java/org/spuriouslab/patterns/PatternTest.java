package org.spuriouslab.patterns;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatternTest {

    private static final int R = 8;
    private static final int C = 10;

    private static int changed(float[] a, float[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                n++;
            }
        }
        return n;
    }

    @Test
    void onePixelSetsExactlyThatPixelAndLeavesInputUntouched() {
        float[] img = Synthetic.constant(R * C, 0.3f);
        float[] before = img.clone();
        float[] out = new OnePixel(2, 7).apply(img, R, C);
        assertArrayEquals(before, img);
        assertEquals(1f, out[2 * C + 7]);
        assertEquals(1, changed(img, out));
        assertEquals("S1", new OnePixel(2, 7).id());
        assertEquals("S1 one pixel at (2,7)", new OnePixel(2, 7).name());
    }

    @Test
    void squareCoversItsCornerWithMargin() {
        float[] img = Synthetic.constant(R * C, 0.2f);
        Square br = new Square(3, Corner.BOTTOM_RIGHT, 1);
        float[] out = br.apply(img, R, C);
        assertEquals(9, changed(img, out));
        for (int r = 4; r <= 6; r++) {
            for (int c = 6; c <= 8; c++) {
                assertEquals(1f, out[r * C + c], "pixel " + r + "," + c);
            }
        }
        assertEquals(0.2f, out[7 * C + 9]); // the margin stays
        float[] tl = new Square(2, Corner.TOP_LEFT, 0).apply(img, R, C);
        assertEquals(1f, tl[0]);
        assertEquals(1f, tl[C + 1]);
        assertEquals(4, changed(img, tl));
        float[] tr = new Square(2, Corner.TOP_RIGHT, 1).apply(img, R, C);
        assertEquals(1f, tr[C + 7]);
        assertEquals(1f, tr[2 * C + 8]);
        float[] bl = new Square(2, Corner.BOTTOM_LEFT, 0).apply(img, R, C);
        assertEquals(1f, bl[7 * C]);
        assertEquals(1f, bl[6 * C + 1]);
        assertEquals("S2 3×3 square (bottom-right)", br.name());
        assertEquals("S3", new Square(5, Corner.BOTTOM_RIGHT, 1).id());
        assertEquals("S2x2", new Square(2, Corner.TOP_LEFT, 0).id());
        assertEquals("S2x2 2×2 square (top-left, margin 0)", new Square(2, Corner.TOP_LEFT, 0).name());
    }

    @Test
    void noiseImageAddsScaledFixedNoiseAndClips() {
        NoiseImage r2 = new NoiseImage(0.5, 11);
        float[] u = r2.noise(R, C);
        assertArrayEquals(u, new NoiseImage(0.5, 11).noise(R, C), "same seed, same noise");
        assertArrayEquals(u, new NoiseImage(1.0, 11).noise(R, C), "amplitude does not change U");
        assertFalse(Arrays.equals(u, new NoiseImage(0.5, 12).noise(R, C)), "another seed, other noise");
        for (float v : u) {
            assertTrue(v >= 0 && v < 1);
        }
        float[] img = Synthetic.constant(R * C, 0.3f);
        float[] out = r2.apply(img, R, C);
        for (int i = 0; i < out.length; i++) {
            assertEquals(Math.min(1f, 0.3f + 0.5f * u[i]), out[i], 1e-6);
        }
        // identical across calls, and a different image gets the same noise
        assertArrayEquals(out, r2.apply(img, R, C));
        float[] bright = Synthetic.constant(R * C, 0.9f);
        float[] outBright = new NoiseImage(1.0, 11).apply(bright, R, C);
        int clipped = 0;
        for (int i = 0; i < out.length; i++) {
            assertTrue(outBright[i] >= 0f && outBright[i] <= 1f);
            if (0.9f + u[i] > 1f) {
                assertEquals(1f, outBright[i]);
                clipped++;
            }
        }
        assertTrue(clipped > 50, "most pixels clip at 1, got " + clipped);
        assertEquals("R1", new NoiseImage(0.25, 1).id());
        assertEquals("R2", r2.id());
        assertEquals("R3", new NoiseImage(1.0, 1).id());
        assertEquals("R(0.3)", new NoiseImage(0.3, 1).id());
        assertEquals("R2 noise image ×0.5", r2.name());
    }

    @Test
    void noisePatchChangesOnlyItsSquare() {
        NoisePatch p = new NoisePatch(1, 2, 3, 1.0, 5);
        float[] img = Synthetic.constant(R * C, 0f);
        float[] out = p.apply(img, R, C);
        float[] u = p.noise();
        assertEquals(9, u.length);
        for (int r = 0; r < R; r++) {
            for (int c = 0; c < C; c++) {
                boolean inside = r >= 1 && r < 4 && c >= 2 && c < 5;
                float expected = inside ? u[(r - 1) * 3 + (c - 2)] : 0f;
                assertEquals(expected, out[r * C + c], 1e-7, "pixel " + r + "," + c);
            }
        }
        assertArrayEquals(out, new NoisePatch(1, 2, 3, 1.0, 5).apply(img, R, C));
        assertFalse(Arrays.equals(out, new NoisePatch(1, 2, 3, 1.0, 6).apply(img, R, C)));
        float[] white = new NoisePatch(0, 0, 3, 1.0, 5).apply(Synthetic.constant(R * C, 0.95f), R, C);
        for (float v : white) {
            assertTrue(v <= 1f);
        }
        assertEquals("patch", p.id());
        assertEquals("patch 3×3 noise at (1,2) ×1", p.name());
    }

    @Test
    void applyClipsInputOutsideTheRange() {
        float[] img = Synthetic.constant(R * C, 0.5f);
        img[0] = -0.5f;
        img[1] = 1.5f;
        for (Pattern p : new Pattern[]{new OnePixel(5, 5), new Square(2, Corner.BOTTOM_RIGHT, 0),
                new NoiseImage(0.25, 3), new NoisePatch(4, 4, 2, 0.5, 3)}) {
            float[] out = p.apply(img, R, C);
            assertEquals(0f, out[0], p.id());
            assertEquals(1f, out[1], p.id());
            if (!(p instanceof NoiseImage)) {
                assertEquals(0.5f, out[R * C - C - 1 - 5], p.id() + ": untouched pixel keeps its value");
            }
        }
    }

    @Test
    void footprintsMarkWhereThePatternActs() {
        float[] s1 = new OnePixel(3, 4).footprint(R, C);
        assertEquals(1f, s1[3 * C + 4]);
        assertEquals(1f, sum(s1));
        float[] sq = new Square(3, Corner.BOTTOM_RIGHT, 1).footprint(R, C);
        assertEquals(9f, sum(sq));
        assertEquals(1f, sq[6 * C + 8]);
        assertEquals(0f, sq[7 * C + 9]);
        assertEquals(0f, sq[0]);
        NoisePatch patch = new NoisePatch(2, 3, 2, 0.5, 9);
        float[] pf = patch.footprint(R, C);
        float[] u = patch.noise();
        assertEquals(0.5f * u[0], pf[2 * C + 3], 1e-7);
        assertEquals(0.5f * u[3], pf[3 * C + 4], 1e-7);
        assertEquals(0f, pf[0]);
        NoiseImage r1 = new NoiseImage(0.25, 9);
        float[] rf = r1.footprint(R, C);
        float[] ru = r1.noise(R, C);
        for (int i = 0; i < rf.length; i++) {
            assertEquals(0.25f * ru[i], rf[i], 1e-7);
            assertTrue(rf[i] >= 0 && rf[i] <= 0.25f);
        }
        // footprint == what apply changes on a black image
        for (Pattern p : new Pattern[]{new OnePixel(3, 4), new Square(3, Corner.BOTTOM_RIGHT, 1), patch, r1}) {
            assertArrayEquals(p.footprint(R, C), p.apply(new float[R * C], R, C), 1e-7f, p.id());
        }
    }

    @Test
    void constructorsRejectBadParameters() {
        assertEquals("Square size must be > 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> new Square(0, Corner.TOP_LEFT, 1)).getMessage());
        assertEquals("Square margin must be ≥ 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> new Square(2, Corner.TOP_LEFT, -1)).getMessage());
        assertEquals("NoiseImage amplitude must be in (0, 1], got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new NoiseImage(0, 1)).getMessage());
        assertEquals("NoiseImage amplitude must be in (0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> new NoiseImage(1.5, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NoiseImage(Double.NaN, 1));
        assertEquals("NoisePatch size must be > 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> new NoisePatch(0, 0, 0, 0.5, 1)).getMessage());
        assertEquals("NoisePatch amplitude must be in (0, 1], got -0.1",
                assertThrows(IllegalArgumentException.class, () -> new NoisePatch(0, 0, 2, -0.1, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OnePixel(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new NoisePatch(0, -1, 2, 0.5, 1));
        new NoiseImage(1.0, 1); // amplitude 1 is allowed
    }

    @Test
    void patternsThatDoNotFitSayWhereAndHowBig() {
        float[] img = new float[R * C];
        IllegalArgumentException pix = assertThrows(IllegalArgumentException.class,
                () -> new OnePixel(8, 2).apply(img, R, C));
        assertEquals("pattern S1 one pixel at (8,2) lies outside the 8×10 image (rows 0..7, cols 0..9)",
                pix.getMessage());
        IllegalArgumentException sq = assertThrows(IllegalArgumentException.class,
                () -> new Square(8, Corner.BOTTOM_RIGHT, 1).apply(img, R, C));
        assertEquals("pattern S8x8 8×8 square (bottom-right) needs at least 9×9 pixels (size 8 + margin 1) "
                + "but the image is a 8×10", sq.getMessage());
        IllegalArgumentException patch = assertThrows(IllegalArgumentException.class,
                () -> new NoisePatch(6, 8, 3, 0.5, 1).apply(img, R, C));
        assertEquals("pattern patch 3×3 noise at (6,8) ×0.5 covers rows 6..8, cols 8..10 but the image is a "
                + "8×10 image (rows 0..7, cols 0..9)", patch.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NoisePatch(6, 8, 3, 0.5, 1).footprint(R, C));
        assertFalse(new NoisePatch(6, 8, 3, 0.5, 1).fits(R, C));
        assertTrue(new NoisePatch(5, 7, 3, 0.5, 1).fits(R, C));
        assertTrue(new Square(7, Corner.TOP_LEFT, 1).fits(R, C));
        assertEquals("image has 5 pixels, expected 8×10 = 80",
                assertThrows(IllegalArgumentException.class, () -> new OnePixel(0, 0).apply(new float[5], R, C))
                        .getMessage());
    }

    private static float sum(float[] a) {
        float s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }
}
