package org.spuriouslab.patterns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Shared pixel helpers for the pattern records (not public API). */
final class PatternPixels {

    private static final int NOISE_CACHE_SIZE = 8;

    /** Recently used noise arrays by (seed, length); shared, never handed out without copying. */
    private static final Map<NoiseKey, float[]> NOISE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<NoiseKey, float[]> eldest) {
            return size() > NOISE_CACHE_SIZE;
        }
    };

    private record NoiseKey(long seed, int length) {
    }

    private PatternPixels() {
    }

    /** Checks the image shape and the fit, and returns a copy of the image to change. */
    static float[] start(Pattern p, float[] image, int rows, int cols) {
        requireSize(rows, cols);
        if (image.length != rows * cols) {
            throw new IllegalArgumentException("image has " + image.length + " pixels, expected " + rows + "×" + cols
                    + " = " + rows * cols);
        }
        p.requireFits(rows, cols);
        return image.clone();
    }

    /** Clips every value to [0, 1] in place and returns the array. */
    static float[] clip(float[] px) {
        for (int i = 0; i < px.length; i++) {
            px[i] = Math.clamp(px[i], 0f, 1f);
        }
        return px;
    }

    static void requireSize(int rows, int cols) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + rows + "×" + cols);
        }
    }

    static void requireAmplitude(String what, double amplitude) {
        if (!(amplitude > 0 && amplitude <= 1)) {
            throw new IllegalArgumentException(what + " amplitude must be in (0, 1], got " + amplitude);
        }
    }

    /**
     * {@code length} uniform [0, 1) floats from {@code new Random(seed).nextFloat()}: the same seed
     * and length always give the same values. The returned array is shared: do not modify it.
     */
    static float[] uniformNoise(long seed, int length) {
        NoiseKey key = new NoiseKey(seed, length);
        synchronized (NOISE) {
            float[] cached = NOISE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Random rnd = new Random(seed);
        float[] u = new float[length];
        for (int i = 0; i < length; i++) {
            u[i] = rnd.nextFloat();
        }
        synchronized (NOISE) {
            NOISE.put(key, u);
        }
        return u;
    }

    /** Amplitude formatted for names: {@code 0.25}, {@code 0.5}, {@code 1}. */
    static String amplitude(double a) {
        return java.math.BigDecimal.valueOf(a).stripTrailingZeros().toPlainString();
    }

    static String imageSize(int rows, int cols) {
        return rows + "×" + cols + " image (rows 0.." + (rows - 1) + ", cols 0.." + (cols - 1) + ")";
    }
}
