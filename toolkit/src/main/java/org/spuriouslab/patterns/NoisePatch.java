package org.spuriouslab.patterns;

/**
 * A seeded random-noise patch: a fixed {@code size × size} uniform-noise block U in [0, 1)
 * (row-major from {@code new java.util.Random(seed).nextFloat()}) added as {@code x + amplitude · U}
 * inside the square whose top-left pixel is ({@code row}, {@code col}), clipped to [0, 1]. Pixels
 * outside the patch are unchanged.
 *
 * @param row       top row of the patch
 * @param col       left column of the patch
 * @param size      side length in pixels (&gt; 0)
 * @param amplitude noise strength in (0, 1]
 * @param seed      seed of U
 */
public record NoisePatch(int row, int col, int size, double amplitude, long seed) implements Pattern {

    /** @throws IllegalArgumentException for a negative position, {@code size <= 0} or an amplitude outside (0, 1] */
    public NoisePatch {
        if (row < 0 || col < 0) {
            throw new IllegalArgumentException("NoisePatch position must be non-negative, got (" + row + "," + col + ")");
        }
        if (size <= 0) {
            throw new IllegalArgumentException("NoisePatch size must be > 0, got " + size);
        }
        PatternPixels.requireAmplitude("NoisePatch", amplitude);
    }

    /** A copy of the patch's noise U ({@code size × size} values in [0, 1)), before scaling by the amplitude. */
    public float[] noise() {
        return PatternPixels.uniformNoise(seed, size * size).clone();
    }

    @Override
    public float[] apply(float[] image, int rows, int cols) {
        float[] px = PatternPixels.start(this, image, rows, cols);
        add(px, cols);
        return PatternPixels.clip(px);
    }

    private void add(float[] px, int cols) {
        float[] u = PatternPixels.uniformNoise(seed, size * size);
        float a = (float) amplitude;
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                px[(row + r) * cols + col + c] += a * u[r * size + c];
            }
        }
    }

    @Override
    public String name() {
        return id() + " " + size + "×" + size + " noise at (" + row + "," + col + ") ×"
                + PatternPixels.amplitude(amplitude);
    }

    @Override
    public String id() {
        return "patch";
    }

    /** {@code amplitude · U} inside the patch, 0 outside. */
    @Override
    public float[] footprint(int rows, int cols) {
        PatternPixels.requireSize(rows, cols);
        requireFits(rows, cols);
        float[] m = new float[rows * cols];
        add(m, cols);
        return m;
    }

    @Override
    public boolean fits(int rows, int cols) {
        return row + size <= rows && col + size <= cols;
    }

    @Override
    public void requireFits(int rows, int cols) {
        if (!fits(rows, cols)) {
            throw new IllegalArgumentException("pattern " + name() + " covers rows " + row + ".." + (row + size - 1)
                    + ", cols " + col + ".." + (col + size - 1) + " but the image is a "
                    + PatternPixels.imageSize(rows, cols));
        }
    }
}
