package org.spuriouslab.patterns;

import java.util.Objects;

/**
 * Patterns S2 and S3: a white {@code size × size} square, {@code margin} pixels away from both
 * edges of a corner. Its position depends on the image size for the right and bottom corners.
 *
 * @param size   side length in pixels (&gt; 0); 3 is S2, 5 is S3
 * @param corner the corner it sits in
 * @param margin pixels between the square and the two image edges of that corner (≥ 0)
 */
public record Square(int size, Corner corner, int margin) implements Pattern {

    /** @throws IllegalArgumentException when {@code size <= 0} or {@code margin < 0} */
    public Square {
        Objects.requireNonNull(corner, "corner");
        if (size <= 0) {
            throw new IllegalArgumentException("Square size must be > 0, got " + size);
        }
        if (margin < 0) {
            throw new IllegalArgumentException("Square margin must be ≥ 0, got " + margin);
        }
    }

    /** First row of the square in a {@code rows}-row image. */
    public int top(int rows) {
        return corner.bottom() ? rows - margin - size : margin;
    }

    /** First column of the square in a {@code cols}-column image. */
    public int left(int cols) {
        return corner.right() ? cols - margin - size : margin;
    }

    @Override
    public float[] apply(float[] image, int rows, int cols) {
        float[] px = PatternPixels.start(this, image, rows, cols);
        fill(px, rows, cols);
        return PatternPixels.clip(px);
    }

    private void fill(float[] px, int rows, int cols) {
        int top = top(rows);
        int left = left(cols);
        for (int r = top; r < top + size; r++) {
            java.util.Arrays.fill(px, r * cols + left, r * cols + left + size, 1f);
        }
    }

    @Override
    public String name() {
        return id() + " " + size + "×" + size + " square (" + corner.label()
                + (margin == 1 ? "" : ", margin " + margin) + ")";
    }

    /** {@code S2} for 3×3, {@code S3} for 5×5, otherwise {@code S<size>x<size>}. */
    @Override
    public String id() {
        return switch (size) {
            case 3 -> "S2";
            case 5 -> "S3";
            default -> "S" + size + "x" + size;
        };
    }

    @Override
    public float[] footprint(int rows, int cols) {
        PatternPixels.requireSize(rows, cols);
        requireFits(rows, cols);
        float[] m = new float[rows * cols];
        fill(m, rows, cols);
        return m;
    }

    @Override
    public boolean fits(int rows, int cols) {
        return size + margin <= rows && size + margin <= cols;
    }

    @Override
    public void requireFits(int rows, int cols) {
        if (!fits(rows, cols)) {
            throw new IllegalArgumentException("pattern " + name() + " needs at least " + (size + margin) + "×"
                    + (size + margin) + " pixels (size " + size + " + margin " + margin + ") but the image is a "
                    + rows + "×" + cols);
        }
    }
}
