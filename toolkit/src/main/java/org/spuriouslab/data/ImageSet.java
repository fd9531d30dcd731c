package org.spuriouslab.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Random;

/**
 * An immutable set of equally sized grey-scale images with integer labels. Pixels are floats in
 * [0, 1], row-major, image after image. Every operation that selects or reorders returns a new
 * set; random ones take a seed, and the same seed gives the same set.
 *
 * <p>Sets read from 8-bit files ({@link #ofBytes}) keep their pixels as bytes — a quarter of the
 * memory — and hand them out as floats {@code v / 255f}; selections of such a set stay compact.
 * Sets whose pixels were changed (e.g. a planted pattern) hold floats.
 */
public final class ImageSet {

    /** Float pixels, or {@code null} when the set is stored as bytes. */
    private final float[] pixels;
    /** 8-bit pixels ({@code v / 255f}), or {@code null} when the set is stored as floats. */
    private final byte[] bytes;
    private final int[] labels;
    private final int rows;
    private final int cols;

    /**
     * @param pixels {@code labels.length * rows * cols} values in [0, 1], image after image
     * @param labels one label per image
     */
    public ImageSet(float[] pixels, int[] labels, int rows, int cols) {
        this(pixels, null, labels, rows, cols);
    }

    /**
     * A compact set of 8-bit pixels: byte value {@code v} (0..255, unsigned) is the pixel {@code v / 255f}.
     *
     * @param pixels {@code labels.length * rows * cols} bytes, image after image
     * @param labels one label per image
     */
    public static ImageSet ofBytes(byte[] pixels, int[] labels, int rows, int cols) {
        return new ImageSet(null, pixels, labels, rows, cols);
    }

    private ImageSet(float[] pixels, byte[] bytes, int[] labels, int rows, int cols) {
        int length = pixels != null ? pixels.length : bytes.length;
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + rows + "×" + cols);
        }
        if ((long) labels.length * rows * cols != length) {
            throw new IllegalArgumentException("wrong shape: " + labels.length + " labels × " + rows + "×" + cols
                    + " pixels = " + ((long) labels.length * rows * cols) + " values, but got " + length);
        }
        this.pixels = pixels;
        this.bytes = bytes;
        this.labels = labels;
        this.rows = rows;
        this.cols = cols;
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Pixels per image ({@code rows * cols}). */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /** Label of image {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** A copy of all labels. */
    public int[] labels() {
        return labels.clone();
    }

    /** A copy of image {@code i}'s pixels, row-major. */
    public float[] image(int i) {
        int n = pixelsPerImage();
        if (pixels != null) {
            return Arrays.copyOfRange(pixels, i * n, (i + 1) * n);
        }
        float[] out = new float[n];
        for (int j = 0; j < n; j++) {
            out[j] = (bytes[i * n + j] & 0xff) / 255f;
        }
        return out;
    }

    /** A copy of all pixels, image after image. */
    public float[] toFloatArray() {
        if (pixels != null) {
            return pixels.clone();
        }
        float[] out = new float[bytes.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = (bytes[j] & 0xff) / 255f;
        }
        return out;
    }

    /** Whether the pixels are stored as 8-bit values (see {@link #ofBytes}). */
    public boolean isCompact() {
        return bytes != null;
    }

    private float pixel(int k) {
        return pixels != null ? pixels[k] : (bytes[k] & 0xff) / 255f;
    }

    /** The images at these positions, in this order (repeats allowed). */
    public ImageSet subset(int[] indices) {
        int n = pixelsPerImage();
        float[] p = pixels != null ? new float[indices.length * n] : null;
        byte[] b = pixels != null ? null : new byte[indices.length * n];
        int[] l = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= size()) {
                throw new IndexOutOfBoundsException("index " + i + " outside 0.." + (size() - 1));
            }
            if (p != null) {
                System.arraycopy(pixels, i * n, p, k * n, n);
            } else {
                System.arraycopy(bytes, i * n, b, k * n, n);
            }
            l[k] = labels[i];
        }
        return new ImageSet(p, b, l, rows, cols);
    }

    /** The first {@code n} images (all of them when {@code n >= size()}). */
    public ImageSet head(int n) {
        requireNonNegative(n);
        int[] idx = new int[Math.min(n, size())];
        Arrays.setAll(idx, i -> i);
        return subset(idx);
    }

    /** All images in an order shuffled with this seed. */
    public ImageSet shuffled(long seed) {
        return subset(permutation(size(), seed));
    }

    /** {@code n} distinct images drawn at random with this seed. */
    public ImageSet sample(int n, long seed) {
        requireNonNegative(n);
        if (n > size()) {
            throw new IllegalArgumentException("cannot sample " + n + " images from a set of " + size());
        }
        return subset(Arrays.copyOf(permutation(size(), seed), n));
    }

    /** The images whose label is one of these classes, in their original order. */
    public ImageSet ofClasses(int... classes) {
        boolean[] keep = new boolean[Arrays.stream(labels).max().orElse(0) + 1];
        for (int c : classes) {
            if (c >= 0 && c < keep.length) {
                keep[c] = true;
            }
        }
        return subset(java.util.stream.IntStream.range(0, size())
                .filter(i -> keep[labels[i]]).toArray());
    }

    /** The same images with other labels (one per image), e.g. classes renumbered 0..k-1. */
    public ImageSet withLabels(int[] newLabels) {
        if (newLabels.length != size()) {
            throw new IllegalArgumentException(newLabels.length + " labels for " + size() + " images");
        }
        return new ImageSet(pixels, bytes, newLabels.clone(), rows, cols);
    }

    /** These images followed by {@code other}'s (same image size required). */
    public ImageSet concat(ImageSet other) {
        if (other.rows != rows || other.cols != cols) {
            throw new IllegalArgumentException("cannot join " + rows + "×" + cols + " images with "
                    + other.rows + "×" + other.cols + " images");
        }
        int[] l = Arrays.copyOf(labels, labels.length + other.labels.length);
        System.arraycopy(other.labels, 0, l, labels.length, other.labels.length);
        if (isCompact() && other.isCompact()) {
            byte[] b = Arrays.copyOf(bytes, bytes.length + other.bytes.length);
            System.arraycopy(other.bytes, 0, b, bytes.length, other.bytes.length);
            return ofBytes(b, l, rows, cols);
        }
        float[] mine = pixels != null ? pixels : toFloatArray();
        float[] theirs = other.pixels != null ? other.pixels : other.toFloatArray();
        float[] p = Arrays.copyOf(mine, mine.length + theirs.length);
        System.arraycopy(theirs, 0, p, mine.length, theirs.length);
        return new ImageSet(p, l, rows, cols);
    }

    /** How many images each label 0..numClasses-1 has. */
    public int[] classCounts(int numClasses) {
        int[] counts = new int[numClasses];
        for (int l : labels) {
            if (l < 0 || l >= numClasses) {
                throw new IllegalArgumentException("label " + l + " outside 0.." + (numClasses - 1));
            }
            counts[l]++;
        }
        return counts;
    }

    /** The pixel-wise mean of the images with label {@code label} (all zeros when there are none). */
    public float[] classMean(int label) {
        int n = pixelsPerImage();
        double[] sum = new double[n];
        int count = 0;
        for (int i = 0; i < size(); i++) {
            if (labels[i] == label) {
                count++;
                for (int j = 0; j < n; j++) {
                    sum[j] += pixel(i * n + j);
                }
            }
        }
        float[] mean = new float[n];
        for (int j = 0; j < n && count > 0; j++) {
            mean[j] = (float) (sum[j] / count);
        }
        return mean;
    }

    /** The images as an NDArray of shape (N, rows, cols), float32; reshape as the model needs. */
    public NDArray toNDArray(NDManager manager) {
        return manager.create(FloatBuffer.wrap(pixels != null ? pixels : toFloatArray()), new Shape(size(), rows, cols));
    }

    /** The labels as a float32 NDArray of shape (N), as DJL's classification losses expect. */
    public NDArray labelsToNDArray(NDManager manager) {
        float[] l = new float[labels.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = labels[i];
        }
        return manager.create(l);
    }

    /** A seeded random permutation of 0..n-1 (Fisher–Yates with {@link Random}). */
    public static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        Arrays.setAll(p, i -> i);
        Random rnd = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static void requireNonNegative(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("count must be non-negative, got " + n);
        }
    }

    @Override
    public String toString() {
        return "ImageSet[" + size() + " images, " + rows + "×" + cols + "]";
    }
}
