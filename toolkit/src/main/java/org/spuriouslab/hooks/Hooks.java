package org.spuriouslab.hooks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A scope of forward hooks over a set of named units ({@link HookedBlock}s). While open, every
 * forward pass that runs on the opening thread through one of those units lets these hooks
 * <em>record</em> the unit's output (copied to {@code float[]} rows) and/or <em>replace</em> it
 * (by a fixed value for every row of the batch, or by a function of the output) before the rest
 * of the network sees it. Outside the scope (before opening, after {@link #close()}, on other
 * threads) the units are plain blocks.
 *
 * <pre>{@code
 * try (Hooks hooks = net.hooks()) {
 *     hooks.record("hidden 2").replace("hidden 1", m0);   // do(hidden 1 := m0) for every row
 *     float[][] logits = net.forward(images);
 * }
 * float[][] h2 = hooks.recorded("hidden 2");               // recordings stay readable after close
 * }</pre>
 *
 * Hooks act on a unit's first output array (DJL blocks return an {@code NDList}); further outputs
 * pass through. One replacement per unit: a later {@code replace}/{@code replaceWith} of the same
 * unit supersedes the earlier one. A recording sees what the unit passes on, i.e. the replaced
 * value when the unit is also replaced. Recordings of several forward passes are appended in order.
 * Only one {@code Hooks} may be open per thread.
 */
public final class Hooks implements AutoCloseable {

    private static final ThreadLocal<Hooks> ACTIVE = new ThreadLocal<>();

    private final Map<String, HookedBlock> units = new LinkedHashMap<>();
    private final Map<String, Shape> knownShapes;
    private final Map<String, Recording> recordings = new LinkedHashMap<>();
    private final Map<String, Replacement> replacements = new LinkedHashMap<>();
    private boolean closed;

    private Hooks(Collection<HookedBlock> units, Map<String, Shape> knownShapes) {
        for (HookedBlock u : units) {
            Objects.requireNonNull(u, "unit");
            HookedBlock previous = this.units.putIfAbsent(u.name(), u);
            if (previous != null && previous != u) {
                throw new IllegalArgumentException("two different units are named '" + u.name() + "'; unit names must be unique");
            }
        }
        this.knownShapes = Map.copyOf(knownShapes);
        Hooks open = ACTIVE.get();
        if (open != null) {
            throw new IllegalStateException("other hooks (units " + open.units.keySet()
                    + ") are already open on this thread; close them first");
        }
        ACTIVE.set(this);
    }

    /** Opens hooks over the given units on the current thread. */
    public static Hooks on(HookedBlock... units) {
        return on(Arrays.asList(units));
    }

    /**
     * Opens hooks over the given units on the current thread.
     *
     * @throws IllegalArgumentException when two different units share a name
     * @throws IllegalStateException    when other hooks are open on this thread
     */
    public static Hooks on(Collection<HookedBlock> units) {
        return new Hooks(units, Map.of());
    }

    /** Opens hooks whose per-row output shapes are known up front, so replacements are checked at once. */
    static Hooks on(Collection<HookedBlock> units, Map<String, Shape> rowShapes) {
        return new Hooks(units, rowShapes);
    }

    /** The hooks open on the current thread, or {@code null}. */
    static Hooks active() {
        return ACTIVE.get();
    }

    /** Names of the units these hooks can act on, in order. */
    public List<String> units() {
        return List.copyOf(units.keySet());
    }

    /** Whether these hooks have been closed. */
    public boolean isClosed() {
        return closed;
    }

    // ---------------------------------------------------------------- configuring

    /**
     * Records the outputs of the named units in every forward pass from now until {@link #close()}.
     *
     * @throws IllegalArgumentException for an unknown unit name
     */
    public Hooks record(String... unitNames) {
        requireOpen();
        for (String n : unitNames) {
            requireUnit(n);
            recordings.putIfAbsent(n, new Recording());
        }
        return this;
    }

    /**
     * Replaces the output of {@code unitName} by {@code value} in every row of the batch:
     * {@code value} holds one row's worth of numbers in row-major order (for a {@code (batch, 32, 7, 7)}
     * output, 32·7·7 values). The values are copied.
     *
     * @throws IllegalArgumentException for an unknown unit, or when the unit's row size is known and differs
     */
    public Hooks replace(String unitName, float[] value) {
        requireOpen();
        requireUnit(unitName);
        Objects.requireNonNull(value, "value");
        Shape known = knownShapes.get(unitName);
        if (known != null && known.size() != value.length) {
            throw new IllegalArgumentException(wrongSize(unitName, value.length, known));
        }
        replacements.put(unitName, new Constant(value.clone(), null));
        return this;
    }

    /**
     * Replaces the output of {@code unitName} by {@code value} in every row of the batch; {@code value}
     * has the shape of one row of the output (without the batch axis). The values are copied, so the
     * array may be closed afterwards.
     *
     * @throws IllegalArgumentException for an unknown unit, or when the unit's row shape is known and differs
     */
    public Hooks replace(String unitName, NDArray value) {
        requireOpen();
        requireUnit(unitName);
        Objects.requireNonNull(value, "value");
        Shape shape = value.getShape();
        Shape known = knownShapes.get(unitName);
        if (known != null && !known.equals(shape)) {
            throw new IllegalArgumentException("replacement for unit '" + unitName + "' has shape " + shape
                    + " but the unit outputs " + known + " per row");
        }
        float[] values = value.getDataType() == DataType.FLOAT32 ? value.toFloatArray()
                : value.toType(DataType.FLOAT32, false).toFloatArray();
        replacements.put(unitName, new Constant(values, shape));
        return this;
    }

    /**
     * Replaces only some positions of the output of {@code unitName}, in every row of the batch:
     * position {@code positions[k]} (an index into one flattened row, e.g. a neuron of a hidden layer)
     * becomes {@code values[k]}; all other positions keep their values exactly. For neuron-level
     * interventions such as {@code do(M_u := m_u⁰)} on a single neuron {@code u}.
     *
     * @throws IllegalArgumentException for an unknown unit, arrays of different lengths, a repeated
     *                                  position, or a position outside the row (checked at once when the row size is known)
     */
    public Hooks replaceAt(String unitName, int[] positions, float[] values) {
        requireOpen();
        requireUnit(unitName);
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(values, "values");
        if (positions.length != values.length) {
            throw new IllegalArgumentException("replaceAt needs one value per position, got " + positions.length
                    + " positions and " + values.length + " values");
        }
        if (Arrays.stream(positions).distinct().count() != positions.length) {
            throw new IllegalArgumentException("replaceAt positions repeat: " + Arrays.toString(positions));
        }
        Shape known = knownShapes.get(unitName);
        for (int p : positions) {
            if (p < 0 || (known != null && p >= known.size())) {
                throw new IllegalArgumentException("position " + p + " is outside the rows of unit '" + unitName + "' (0.."
                        + (known == null ? "" : String.valueOf(known.size() - 1)) + ")");
            }
        }
        replacements.put(unitName, new Positions(positions.clone(), values.clone()));
        return this;
    }

    /**
     * Replaces the output of {@code unitName} by {@code fn(output)}; the result must have the
     * output's shape. The function runs inside the forward pass: arrays it creates should come from
     * {@code output.getManager()} (or be results of operations on {@code output}) so they are freed with the pass.
     *
     * @throws IllegalArgumentException for an unknown unit
     */
    public Hooks replaceWith(String unitName, UnaryOperator<NDArray> fn) {
        requireOpen();
        requireUnit(unitName);
        Objects.requireNonNull(fn, "fn");
        replacements.put(unitName, new Function(fn));
        return this;
    }

    // ---------------------------------------------------------------- results

    /**
     * The recorded outputs of a unit: one flattened row per input row, over all forward passes
     * since {@link #record} (in order).
     *
     * @throws IllegalArgumentException when the unit was not recorded
     */
    public float[][] recorded(String unitName) {
        return recording(unitName).rows.toArray(new float[0][]);
    }

    /**
     * Shape of one recorded row of a unit (without the batch axis), e.g. {@code (32, 7, 7)}.
     *
     * @throws IllegalArgumentException when the unit was not recorded
     * @throws IllegalStateException    when no forward pass has run through it yet
     */
    public Shape recordedShape(String unitName) {
        Recording r = recording(unitName);
        if (r.rowShape == null) {
            throw new IllegalStateException("no forward pass has run through unit '" + unitName + "' yet");
        }
        return r.rowShape;
    }

    /** Number of rows recorded for a unit so far. */
    public int recordedRows(String unitName) {
        return recording(unitName).rows.size();
    }

    private Recording recording(String unitName) {
        Recording r = recordings.get(unitName);
        if (r == null) {
            requireUnit(unitName);
            throw new IllegalArgumentException("unit '" + unitName + "' is not recorded; call record(\""
                    + unitName + "\") before the forward pass (recorded units: " + recordings.keySet() + ")");
        }
        return r;
    }

    /**
     * Deactivates the hooks; units run unhooked again. Recordings stay readable. Must be called on
     * the opening thread; closing twice does nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (ACTIVE.get() != this) {
            throw new IllegalStateException("hooks must be closed on the thread that opened them");
        }
        ACTIVE.remove();
        closed = true;
    }

    // ---------------------------------------------------------------- the hook itself

    /** Called by a {@link HookedBlock} with its output; returns what the network should see. */
    NDList visit(HookedBlock unit, NDList out) {
        String name = unit.name();
        if (units.get(name) != unit || out.isEmpty()) {
            return out;
        }
        Replacement replacement = replacements.get(name);
        Recording recording = recordings.get(name);
        if (replacement == null && recording == null) {
            return out;
        }
        NDArray y = out.get(0);
        Shape shape = y.getShape();
        if (shape.dimension() < 1) {
            throw new IllegalStateException("unit '" + name + "' outputs a scalar; hooks need a batch axis");
        }
        if (replacement != null) {
            NDArray z = replacement.apply(name, y);
            NDList replaced = new NDList(out.size());
            replaced.add(z);
            for (int i = 1; i < out.size(); i++) {
                replaced.add(out.get(i));
            }
            out = replaced;
            y = z;
        }
        if (recording != null) {
            recording.add(name, y);
        }
        return out;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("these hooks are closed; open new ones");
        }
    }

    private void requireUnit(String unitName) {
        Objects.requireNonNull(unitName, "unitName");
        if (!units.containsKey(unitName)) {
            throw new IllegalArgumentException("unknown unit '" + unitName + "'; the units are " + units.keySet());
        }
    }

    private static String wrongSize(String unitName, long values, Shape rowShape) {
        return "replacement for unit '" + unitName + "' has " + values + " values but the unit outputs "
                + rowShape + " = " + rowShape.size() + " values per row";
    }

    private sealed interface Replacement permits Constant, Positions, Function {
        NDArray apply(String unit, NDArray output);
    }

    /** The same row for every row of the batch; {@code shape} is the required row shape, or null for any of the right size. */
    private record Constant(float[] values, Shape shape) implements Replacement {
        @Override
        public NDArray apply(String unit, NDArray output) {
            Shape full = output.getShape();
            Shape row = full.slice(1);
            if (shape != null && !shape.equals(row)) {
                throw new IllegalArgumentException("replacement for unit '" + unit + "' has shape " + shape
                        + " but the unit outputs " + row + " per row");
            }
            if (row.size() != values.length) {
                throw new IllegalArgumentException(wrongSize(unit, values.length, row));
            }
            NDArray v = output.getManager().create(values, row).expandDims(0).broadcast(full);
            return v.getDataType() == output.getDataType() ? v : v.toType(output.getDataType(), false);
        }
    }

    /** Some positions of every row set to fixed values, the rest kept. */
    private record Positions(int[] positions, float[] values) implements Replacement {
        @Override
        public NDArray apply(String unit, NDArray output) {
            Shape full = output.getShape();
            Shape row = full.slice(1);
            int len = Math.toIntExact(row.size());
            boolean[] mask = new boolean[len];
            float[] fill = new float[len];
            for (int k = 0; k < positions.length; k++) {
                if (positions[k] >= len) {
                    throw new IllegalArgumentException("position " + positions[k] + " is outside the rows of unit '"
                            + unit + "' (" + row + ", positions 0.." + (len - 1) + ")");
                }
                mask[positions[k]] = true;
                fill[positions[k]] = values[k];
            }
            NDManager m = output.getManager();
            Shape one = new Shape(1).addAll(row);
            NDArray v = m.create(fill, one);
            if (v.getDataType() != output.getDataType()) {
                v = v.toType(output.getDataType(), false);
            }
            return NDArrays.where(m.create(mask, one).broadcast(full), v.broadcast(full), output);
        }
    }

    private record Function(UnaryOperator<NDArray> fn) implements Replacement {
        @Override
        public NDArray apply(String unit, NDArray output) {
            NDArray z = fn.apply(output);
            if (z == null || !z.getShape().equals(output.getShape())) {
                throw new IllegalArgumentException("replacement function for unit '" + unit + "' returned "
                        + (z == null ? "null" : "shape " + z.getShape()) + "; it must keep the output's shape "
                        + output.getShape());
            }
            return z;
        }
    }

    private static final class Recording {
        private final List<float[]> rows = new ArrayList<>();
        private Shape rowShape;

        void add(String unit, NDArray y) {
            Shape row = y.getShape().slice(1);
            if (rowShape == null) {
                rowShape = row;
            } else if (!rowShape.equals(row)) {
                throw new IllegalStateException("unit '" + unit + "' output rows of shape " + rowShape
                        + " before and " + row + " now; one recording holds one row shape");
            }
            float[] all = y.getDataType() == DataType.FLOAT32 ? y.toFloatArray()
                    : y.toType(DataType.FLOAT32, false).toFloatArray();
            int n = (int) y.getShape().get(0);
            int len = (int) row.size();
            for (int i = 0; i < n; i++) {
                rows.add(Arrays.copyOfRange(all, i * len, (i + 1) * len));
            }
        }
    }
}
