package org.spuriouslab.patterns;

/**
 * A spurious pattern: a fixed change to an image's pixels. Pixels are floats in [0, 1], row-major.
 * Implementations are immutable records; see {@link Patterns} for the paper's named set.
 */
public sealed interface Pattern permits OnePixel, Square, NoiseImage, NoisePatch {

    /**
     * The image with this pattern added, as a new array clipped to [0, 1]; {@code image} is not
     * changed.
     *
     * @throws IllegalArgumentException when {@code image.length != rows * cols} or the pattern
     *                                  does not fit into a {@code rows × cols} image
     */
    float[] apply(float[] image, int rows, int cols);

    /** A short description for tables and legends, e.g. {@code S3 5×5 square (bottom-right)}. */
    String name();

    /** A short id: {@code S1}, {@code S2}, {@code S3}, {@code R1}, {@code R2}, {@code R3} or {@code patch}. */
    String id();

    /**
     * Where and how strongly this pattern changes pixels, as a {@code rows × cols} mask in [0, 1]:
     * 1 where a pixel is set to white, {@code amplitude · U} where noise is added, 0 elsewhere.
     */
    float[] footprint(int rows, int cols);

    /** True when the pattern lies inside a {@code rows × cols} image. */
    boolean fits(int rows, int cols);

    /**
     * Checks that the pattern lies inside a {@code rows × cols} image.
     *
     * @throws IllegalArgumentException naming the pattern, its extent and the image size when it does not
     */
    void requireFits(int rows, int cols);
}
