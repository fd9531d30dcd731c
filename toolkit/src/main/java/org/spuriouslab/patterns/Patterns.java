package org.spuriouslab.patterns;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * The paper's named patterns for 28×28 images (MNIST, Fashion-MNIST), after Yang, Chou &amp;
 * Chaudhuri 2022: S1 one white pixel, S2/S3 white 3×3/5×5 squares in the bottom-right corner,
 * R1–R3 one fixed noise image with amplitude 0.25/0.5/1, plus a seeded noise patch.
 */
public final class Patterns {

    /** Image side the named patterns are placed for (MNIST and Fashion-MNIST). */
    public static final int SIDE = 28;

    private Patterns() {
    }

    /**
     * S1: one white pixel at ({@code SIDE-3}, {@code SIDE-3}) = (25, 25), two pixels in from the
     * bottom and right edges — in the bottom-right area, where both datasets are mostly background.
     */
    public static OnePixel s1() {
        return s1(SIDE, SIDE);
    }

    /** S1 for a {@code rows × cols} image: one white pixel at ({@code rows-3}, {@code cols-3}). */
    public static OnePixel s1(int rows, int cols) {
        if (rows < 3 || cols < 3) {
            throw new IllegalArgumentException("S1 needs an image of at least 3×3, got " + rows + "×" + cols);
        }
        return new OnePixel(rows - 3, cols - 3);
    }

    /** S2: a white 3×3 square, bottom-right, 1 pixel from the edges. */
    public static Square s2() {
        return new Square(3, Corner.BOTTOM_RIGHT, 1);
    }

    /** S3: a white 5×5 square, bottom-right, 1 pixel from the edges. */
    public static Square s3() {
        return new Square(5, Corner.BOTTOM_RIGHT, 1);
    }

    /** R1: the noise image of this seed with amplitude 0.25. */
    public static NoiseImage r1(long seed) {
        return new NoiseImage(0.25, seed);
    }

    /** R2: the noise image of this seed with amplitude 0.5. */
    public static NoiseImage r2(long seed) {
        return new NoiseImage(0.5, seed);
    }

    /** R3: the noise image of this seed with amplitude 1. */
    public static NoiseImage r3(long seed) {
        return new NoiseImage(1.0, seed);
    }

    /** A seeded {@code size × size} noise patch with its top-left pixel at ({@code row}, {@code col}). */
    public static NoisePatch patch(int row, int col, int size, double amplitude, long seed) {
        return new NoisePatch(row, col, size, amplitude, seed);
    }

    /**
     * S1, S2, S3, R1, R2, R3 (all three noise images share this seed, as in the paper) and one
     * example patch: 6×6 noise at (3, 3), amplitude 1, in the top-left area.
     */
    public static List<Pattern> gallery(long seed) {
        return List.of(s1(), s2(), s3(), r1(seed), r2(seed), r3(seed), patch(3, 3, 6, 1.0, seed));
    }

    /**
     * One row per pattern: id, name, the number of pixels it changes in a {@code rows × cols}
     * image and their mean strength (mean footprint over those pixels).
     */
    public static Table table(List<Pattern> patterns, int rows, int cols) {
        int[] changed = new int[patterns.size()];
        double[] strength = new double[patterns.size()];
        for (int k = 0; k < patterns.size(); k++) {
            float[] m = patterns.get(k).footprint(rows, cols);
            double sum = 0;
            for (float v : m) {
                if (v > 0) {
                    changed[k]++;
                    sum += v;
                }
            }
            strength[k] = changed[k] == 0 ? 0 : sum / changed[k];
        }
        return Table.create("patterns",
                StringColumn.create("id", patterns.stream().map(Pattern::id).toList()),
                StringColumn.create("name", patterns.stream().map(Pattern::name).toList()),
                IntColumn.create("pixels changed", changed),
                DoubleColumn.create("mean strength", strength));
    }
}
