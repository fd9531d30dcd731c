package org.spuriouslab.hooks;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;

import java.util.Objects;

/**
 * Inference forward passes of an initialised DJL {@link Block} on plain Java arrays: rows in,
 * rows out, in chunks of {@link #CHUNK} rows, with gradient recording off. Hooks open on the
 * calling thread act during the pass.
 *
 * <pre>{@code
 * float[][] logits = Forward.run(block, inputs);   // inputs: n × d, outputs: n × (flattened output row)
 * }</pre>
 */
public final class Forward {

    /** Rows per forward pass. */
    public static final int CHUNK = 1024;

    private static final String ENGINE = "PyTorch";

    private Forward() {
    }

    /**
     * Runs {@code block} on {@code inputs} (one row per example, all of the same length, fed as a
     * float32 {@code (n, d)} array) and returns its first output, one flattened row per input row.
     *
     * @throws IllegalArgumentException when there are no rows or the rows differ in length
     */
    public static float[][] run(Block block, float[][] inputs) {
        Objects.requireNonNull(inputs, "inputs");
        if (inputs.length == 0) {
            throw new IllegalArgumentException("need at least one input row");
        }
        return run(block, inputs, new Shape(inputs[0].length));
    }

    /**
     * Runs {@code block} on {@code inputs}, each row reshaped to {@code rowShape} (the block sees
     * {@code (n, rowShape...)}), and returns its first output, one flattened row per input row.
     *
     * @throws IllegalArgumentException when there are no rows or a row does not hold {@code rowShape.size()} values
     */
    public static float[][] run(Block block, float[][] inputs, Shape rowShape) {
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(rowShape, "rowShape");
        if (inputs.length == 0) {
            throw new IllegalArgumentException("need at least one input row");
        }
        int d = Math.toIntExact(rowShape.size());
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] == null || inputs[i].length != d) {
                throw new IllegalArgumentException("input row " + i + " has "
                        + (inputs[i] == null ? "no" : String.valueOf(inputs[i].length)) + " values; rows of shape "
                        + rowShape + " need " + d);
            }
        }
        return run(block, inputs.length, rowShape, (from, to, buffer) -> {
            for (int i = from; i < to; i++) {
                System.arraycopy(inputs[i], 0, buffer, (i - from) * d, d);
            }
        });
    }

    /**
     * Runs {@code block} on {@code n} rows stored back to back in {@code flat} (row-major), each
     * of shape {@code rowShape}, e.g. an {@code ImageSet}'s pixels.
     *
     * @throws IllegalArgumentException when {@code flat} does not hold a whole number of rows, or is empty
     */
    public static float[][] run(Block block, float[] flat, Shape rowShape) {
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(flat, "flat");
        Objects.requireNonNull(rowShape, "rowShape");
        int d = Math.toIntExact(rowShape.size());
        if (d < 1 || flat.length == 0 || flat.length % d != 0) {
            throw new IllegalArgumentException(flat.length + " values do not form a positive whole number of rows of shape "
                    + rowShape + " (" + d + " values each)");
        }
        return run(block, flat.length / d, rowShape,
                (from, to, buffer) -> System.arraycopy(flat, from * d, buffer, 0, (to - from) * d));
    }

    /** Writes input rows {@code [from, to)} into the start of {@code buffer}. */
    interface Fill {
        void rows(int from, int to, float[] buffer);
    }

    static float[][] run(Block block, int n, Shape rowShape, Fill fill) {
        for (var p : block.getParameters()) {
            if (!p.getValue().isInitialized()) {
                throw new IllegalStateException("parameter " + p.getKey() + " is not initialised; initialise or train the block first");
            }
        }
        int d = Math.toIntExact(rowShape.size());
        float[][] out = new float[n][];
        Engine engine = Engine.getEngine(ENGINE); // loads the native library before the grad switch
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager manager = engine.newBaseManager(Device.cpu())) {
            float[] buffer = new float[Math.min(n, CHUNK) * d];
            for (int from = 0; from < n; from += CHUNK) {
                int to = Math.min(n, from + CHUNK);
                try (NDManager m = manager.newSubManager()) {
                    fill.rows(from, to, buffer);
                    float[] chunk = to - from == buffer.length / d ? buffer
                            : java.util.Arrays.copyOf(buffer, (to - from) * d);
                    NDArray x = m.create(chunk, new Shape(to - from).addAll(rowShape));
                    NDArray y = block.forward(new ParameterStore(m, false), new NDList(x), false).get(0);
                    copyRows(y, out, from);
                }
            }
        } finally {
            JniUtils.setGradMode(grad);
        }
        return out;
    }

    private static void copyRows(NDArray y, float[][] out, int from) {
        long rows = y.getShape().get(0);
        float[] all = y.getDataType() == DataType.FLOAT32 ? y.toFloatArray()
                : y.toType(DataType.FLOAT32, false).toFloatArray();
        int len = (int) (all.length / Math.max(1, rows));
        for (int i = 0; i < rows; i++) {
            out[from + i] = java.util.Arrays.copyOfRange(all, i * len, (i + 1) * len);
        }
    }
}
