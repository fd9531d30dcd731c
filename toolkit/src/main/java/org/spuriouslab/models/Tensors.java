package org.spuriouslab.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.spuriouslab.data.ImageSet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Moves images between {@link ImageSet}s and native tensors in chunks through one reusable direct
 * buffer, so a 60 000-image set never needs a second full-size copy on the Java side (direct
 * buffers are only freed by the garbage collector, which may run late).
 */
final class Tensors {

    /** Images per chunk when copying or running inference. */
    static final int CHUNK = 1024;

    private Tensors() {
    }

    /** All positions 0..n-1. */
    static int[] all(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }

    /** The images at {@code indices} as a float32 tensor of shape (indices.length, pixelsPerImage). */
    static NDArray images(ImageSet set, int[] indices, NDManager manager) {
        int p = set.pixelsPerImage();
        NDArray out = manager.zeros(new Shape(indices.length, p), DataType.FLOAT32);
        ByteBuffer buffer = direct(Math.min(CHUNK, Math.max(1, indices.length)) * p);
        for (int from = 0; from < indices.length; from += CHUNK) {
            int to = Math.min(indices.length, from + CHUNK);
            try (NDArray chunk = chunk(set, indices, from, to, buffer, manager)) {
                out.set(new NDIndex("{}:{}", from, to), chunk);
            }
        }
        return out;
    }

    /** The labels at {@code indices} as an int64 tensor of shape (indices.length). */
    static NDArray labels(ImageSet set, int[] indices, NDManager manager) {
        long[] l = new long[indices.length];
        for (int k = 0; k < indices.length; k++) {
            l[k] = set.label(indices[k]);
        }
        return manager.create(l);
    }

    /** What to do with one chunk of images; {@code x} has shape (to − from, pixelsPerImage). */
    interface ChunkBody {
        void accept(int from, int to, NDArray x, NDManager chunkManager);
    }

    /**
     * Runs {@code body} over consecutive chunks of the images at {@code indices}; each chunk gets its own
     * sub-manager that is closed (freeing everything created in it) before the next chunk.
     */
    static void forEachChunk(ImageSet set, int[] indices, int chunkSize, NDManager parent, ChunkBody body) {
        ByteBuffer buffer = direct(Math.min(chunkSize, Math.max(1, indices.length)) * set.pixelsPerImage());
        for (int from = 0; from < indices.length; from += chunkSize) {
            int to = Math.min(indices.length, from + chunkSize);
            try (NDManager m = parent.newSubManager()) {
                NDArray x = chunk(set, indices, from, to, buffer, m);
                body.accept(from, to, x, m);
            }
        }
    }

    /** A tensor that aliases {@code buffer}; it must be closed before the buffer is refilled. */
    private static NDArray chunk(ImageSet set, int[] indices, int from, int to, ByteBuffer buffer, NDManager m) {
        int p = set.pixelsPerImage();
        buffer.clear();
        FloatBuffer fb = buffer.asFloatBuffer();
        for (int k = from; k < to; k++) {
            fb.put(set.image(indices[k]));
        }
        fb.flip();
        return m.create(fb, new Shape(to - from, p));
    }

    /** Rows of a float matrix as a float32 tensor (for small inputs such as latent codes). */
    static NDArray matrix(float[][] rows, int cols, NDManager m) {
        float[] flat = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected " + cols);
            }
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return m.create(flat, new Shape(rows.length, cols));
    }

    /** Copies a (rows, cols) tensor's values into {@code out[from..from+rows)}. */
    static void copyRows(NDArray a, float[][] out, int from) {
        float[] flat = a.toFloatArray();
        int cols = (int) a.getShape().get(1);
        for (int r = 0; r < flat.length / cols; r++) {
            float[] row = new float[cols];
            System.arraycopy(flat, r * cols, row, 0, cols);
            out[from + r] = row;
        }
    }

    /** Overwrites every value of {@code target} in place with {@code source} (same shape; call without gradient recording). */
    static void copyInto(NDArray target, NDArray source) {
        if (!target.getShape().equals(source.getShape())) {
            throw new IllegalArgumentException("shape " + source.getShape() + " does not fit " + target.getShape());
        }
        target.set(new NDIndex("..."), source);
    }

    private static ByteBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder());
    }
}
