package org.spuriouslab.patterns;

/**
 * Patterns R1–R3: one fixed uniform-noise image U with values in [0, 1), drawn row-major from
 * {@code new java.util.Random(seed).nextFloat()}, added as {@code x + amplitude · U} and clipped
 * to [0, 1]. The same seed gives the same U (for a given image size), so every image gets the
 * same noise.
 *
 * @param amplitude noise strength in (0, 1]; 0.25, 0.5 and 1 are R1, R2 and R3
 * @param seed      seed of U
 */
public record NoiseImage(double amplitude, long seed) implements Pattern {

    /** @throws IllegalArgumentException when {@code amplitude} is outside (0, 1] */
    public NoiseImage {
        PatternPixels.requireAmplitude("NoiseImage", amplitude);
    }

    /** A copy of the noise image U ({@code rows × cols} values in [0, 1)), before scaling by the amplitude. */
    public float[] noise(int rows, int cols) {
        PatternPixels.requireSize(rows, cols);
        return PatternPixels.uniformNoise(seed, rows * cols).clone();
    }

    @Override
    public float[] apply(float[] image, int rows, int cols) {
        float[] px = PatternPixels.start(this, image, rows, cols);
        float[] u = PatternPixels.uniformNoise(seed, rows * cols);
        float a = (float) amplitude;
        for (int i = 0; i < px.length; i++) {
            px[i] += a * u[i];
        }
        return PatternPixels.clip(px);
    }

    @Override
    public String name() {
        return id() + " noise image ×" + PatternPixels.amplitude(amplitude);
    }

    /** {@code R1}, {@code R2}, {@code R3} for amplitude 0.25, 0.5, 1, otherwise {@code R(<amplitude>)}. */
    @Override
    public String id() {
        if (amplitude == 0.25) {
            return "R1";
        }
        if (amplitude == 0.5) {
            return "R2";
        }
        if (amplitude == 1.0) {
            return "R3";
        }
        return "R(" + PatternPixels.amplitude(amplitude) + ")";
    }

    /** {@code amplitude · U} everywhere. */
    @Override
    public float[] footprint(int rows, int cols) {
        PatternPixels.requireSize(rows, cols);
        float[] u = PatternPixels.uniformNoise(seed, rows * cols);
        float[] m = new float[u.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) amplitude * u[i];
        }
        return m;
    }

    /** Always true: the noise image is made for the image's size. */
    @Override
    public boolean fits(int rows, int cols) {
        return rows > 0 && cols > 0;
    }

    @Override
    public void requireFits(int rows, int cols) {
        PatternPixels.requireSize(rows, cols);
    }
}
