package org.spuriouslab.patterns;

/**
 * Pattern S1: one pixel set to 1 (white).
 *
 * @param row pixel row, 0 = top
 * @param col pixel column, 0 = left
 */
public record OnePixel(int row, int col) implements Pattern {

    /** @throws IllegalArgumentException when {@code row} or {@code col} is negative */
    public OnePixel {
        if (row < 0 || col < 0) {
            throw new IllegalArgumentException("OnePixel position must be non-negative, got (" + row + "," + col + ")");
        }
    }

    @Override
    public float[] apply(float[] image, int rows, int cols) {
        float[] px = PatternPixels.start(this, image, rows, cols);
        px[row * cols + col] = 1f;
        return PatternPixels.clip(px);
    }

    @Override
    public String name() {
        return id() + " one pixel at (" + row + "," + col + ")";
    }

    @Override
    public String id() {
        return "S1";
    }

    @Override
    public float[] footprint(int rows, int cols) {
        PatternPixels.requireSize(rows, cols);
        requireFits(rows, cols);
        float[] m = new float[rows * cols];
        m[row * cols + col] = 1f;
        return m;
    }

    @Override
    public boolean fits(int rows, int cols) {
        return row < rows && col < cols;
    }

    @Override
    public void requireFits(int rows, int cols) {
        if (!fits(rows, cols)) {
            throw new IllegalArgumentException("pattern " + name() + " lies outside the "
                    + PatternPixels.imageSize(rows, cols));
        }
    }
}
