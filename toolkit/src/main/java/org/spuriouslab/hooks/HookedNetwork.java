package org.spuriouslab.hooks;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import org.spuriouslab.data.ImageSet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A chain of named units over an existing, initialised DJL network: every leaf of the network
 * (nested {@link SequentialBlock}s are flattened) wrapped in a {@link HookedBlock}. The original
 * network is not changed and its parameters are shared, not copied; use the hooked network only
 * while the model that owns the parameters is open.
 *
 * <pre>{@code
 * HookedNetwork net = classifier.hooked();                  // units: linear 1, hidden 1, ..., head
 * try (Hooks hooks = net.hooks()) {
 *     hooks.replace(net.penultimate(), new float[classifier.featureDim()]);
 *     float[][] logits = net.forward(images);                 // every row = the head's bias
 * }
 * }</pre>
 */
public final class HookedNetwork implements HookedModel {

    private final SequentialBlock block;
    private final List<HookedBlock> units;
    private final Map<String, HookedBlock> byName;
    private final Map<String, Shape> rowShapes;
    private final Shape inputRow;

    private HookedNetwork(List<Block> leaves, List<String> names, Shape inputRow) {
        if (leaves.isEmpty()) {
            throw new IllegalArgumentException("the network has no blocks to hook");
        }
        if (names.size() != leaves.size()) {
            throw new IllegalArgumentException("the network has " + leaves.size() + " leaf blocks but "
                    + names.size() + " names were given");
        }
        this.units = new ArrayList<>();
        this.byName = new LinkedHashMap<>();
        this.block = new SequentialBlock();
        for (int i = 0; i < leaves.size(); i++) {
            HookedBlock u = new HookedBlock(names.get(i), leaves.get(i));
            if (byName.putIfAbsent(u.name(), u) != null) {
                throw new IllegalArgumentException("unit name '" + u.name() + "' is used twice; names must be unique");
            }
            units.add(u);
            block.add(u);
        }
        this.inputRow = inputRow;
        this.rowShapes = inputRow == null ? Map.of() : shapes(inputRow);
    }

    /**
     * Hooks an initialised network given as its blocks in forward order (nested sequential blocks
     * are flattened) with one name per leaf and the shape of one input row (without the batch
     * axis), which makes every unit's output shape known. {@code Classifier.hooked()} uses it.
     *
     * @throws IllegalArgumentException when the number of names differs from the number of leaves, or names repeat
     */
    public static HookedNetwork of(List<Block> blocks, List<String> names, Shape inputRow) {
        Objects.requireNonNull(blocks, "blocks");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(inputRow, "inputRow");
        List<Block> leaves = new ArrayList<>();
        for (Block b : blocks) {
            flatten(b, leaves);
        }
        return new HookedNetwork(leaves, List.copyOf(names), inputRow);
    }

    /**
     * Hooks any initialised network, naming its leaves automatically: the lower-case block type
     * (a {@link LambdaBlock}'s name, e.g. {@code relu}) and a counter per type ({@code linear 1},
     * {@code relu 1}, {@code linear 2}, ...). The input row shape is taken from the network.
     */
    public static HookedNetwork wrap(Block network) {
        List<Block> leaves = leaves(network);
        Map<String, Integer> counts = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (Block b : leaves) {
            String type = type(b);
            names.add(type + " " + counts.merge(type, 1, Integer::sum));
        }
        return new HookedNetwork(leaves, names, inputRowOf(network));
    }

    /**
     * Hooks any initialised network, giving its leaves (nested sequential blocks flattened, in
     * forward order) the names {@code names}.
     *
     * @throws IllegalArgumentException when the number of names differs from the number of leaves, or names repeat
     */
    public static HookedNetwork wrap(Block network, List<String> names) {
        Objects.requireNonNull(names, "names");
        return new HookedNetwork(leaves(network), List.copyOf(names), inputRowOf(network));
    }

    private static List<Block> leaves(Block network) {
        Objects.requireNonNull(network, "network");
        List<Block> leaves = new ArrayList<>();
        flatten(network, leaves);
        return leaves;
    }

    private static void flatten(Block b, List<Block> out) {
        if (b instanceof SequentialBlock s) {
            for (Block child : s.getChildren().values()) {
                flatten(child, out);
            }
        } else {
            out.add(b);
        }
    }

    private static String type(Block b) {
        if (b instanceof HookedBlock h) {
            return h.name();
        }
        if (b instanceof LambdaBlock l && !LambdaBlock.DEFAULT_NAME.equals(l.getName())) {
            return l.getName().toLowerCase(Locale.ROOT);
        }
        return b.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static Shape inputRowOf(Block network) {
        try {
            Shape[] in = network.getInputShapes();
            return in == null || in.length != 1 || in[0].dimension() < 2 ? null : in[0].slice(1);
        } catch (RuntimeException notInitialised) {
            return null;
        }
    }

    /** Per-unit output row shapes from the input row shape; empty when a block cannot tell. */
    private Map<String, Shape> shapes(Shape inputRow) {
        Map<String, Shape> out = new LinkedHashMap<>();
        Shape[] s = {new Shape(1).addAll(inputRow)};
        try {
            for (HookedBlock u : units) {
                s = u.getOutputShapes(s);
                out.put(u.name(), s[0].slice(1));
            }
            try (NDManager m = Engine.getEngine("PyTorch").newBaseManager(Device.cpu())) {
                block.initialize(m, DataType.FLOAT32, new Shape(1).addAll(inputRow)); // wrappers keep the trained parameters
            }
        } catch (RuntimeException unknown) {
            return Map.of();
        }
        return Collections.unmodifiableMap(out);
    }

    /** Unit names in forward order. */
    @Override
    public List<String> units() {
        return List.copyOf(byName.keySet());
    }

    /** Size of one flattened output row of the unit, or −1 when the output shapes are unknown. */
    @Override
    public long rowSize(String unit) {
        unit(unit);
        Shape s = rowShapes.get(unit);
        return s == null ? -1 : s.size();
    }

    /** The hooked unit of that name. */
    public HookedBlock unit(String name) {
        HookedBlock u = byName.get(name);
        if (u == null) {
            throw new IllegalArgumentException("unknown unit '" + name + "'; the units are " + byName.keySet());
        }
        return u;
    }

    /**
     * Shape of one row of a unit's output (without the batch axis), e.g. {@code (128)} or {@code (16, 14, 14)}.
     *
     * @throws IllegalArgumentException for an unknown unit
     * @throws IllegalStateException    when the network's input shape is unknown
     */
    public Shape outputShape(String name) {
        unit(name);
        Shape s = rowShapes.get(name);
        if (s == null) {
            throw new IllegalStateException("output shapes are unknown: the network's input shape could not be determined");
        }
        return s;
    }

    /** Shape of one input row, or {@code null} when the network could not tell. */
    public Shape inputShape() {
        return inputRow;
    }

    /**
     * The unit whose output feeds the last unit (for a classifier: the penultimate features the head reads).
     *
     * @throws IllegalStateException when the network has a single unit
     */
    public String penultimate() {
        if (units.size() < 2) {
            throw new IllegalStateException("the network has a single unit (" + units.getFirst().name()
                    + "); its input is not a unit");
        }
        return units.get(units.size() - 2).name();
    }

    /** The hooked network as a DJL block (a {@link SequentialBlock} of {@link HookedBlock}s), for use in DJL code. */
    public SequentialBlock block() {
        return block;
    }

    /**
     * Opens hooks over all units of this network on the current thread; close them to end the scope.
     * Replacements are checked against the units' output shapes at once when those are known.
     */
    @Override
    public Hooks hooks() {
        return Hooks.on(units, rowShapes);
    }

    /**
     * Runs the network (inference, no gradients) on one input row per example; returns the last
     * unit's output rows. Hooks open on this thread act during the pass.
     *
     * @throws IllegalArgumentException when a row's length differs from the network's input size
     */
    @Override
    public float[][] forward(float[][] inputs) {
        Objects.requireNonNull(inputs, "inputs");
        if (inputs.length == 0) {
            throw new IllegalArgumentException("need at least one input row");
        }
        return Forward.run(block, inputs, inputRow != null ? inputRow : new Shape(inputs[0].length));
    }

    /**
     * Runs the network on images (each fed as a row of {@code rows·cols} pixels); returns the last unit's output rows.
     *
     * @throws IllegalArgumentException when the image size does not match the network's input size
     */
    public float[][] forward(ImageSet images) {
        Objects.requireNonNull(images, "images");
        if (inputRow != null && inputRow.size() != images.pixelsPerImage()) {
            throw new IllegalArgumentException("this network takes rows of " + inputRow.size() + " values, images of "
                    + images.rows() + "×" + images.cols() + " have " + images.pixelsPerImage());
        }
        int d = images.pixelsPerImage();
        if (images.size() == 0) {
            throw new IllegalArgumentException("need at least one image");
        }
        return Forward.run(block, images.size(), inputRow != null ? inputRow : new Shape(d), (from, to, buffer) -> {
            for (int i = from; i < to; i++) {
                System.arraycopy(images.image(i), 0, buffer, (i - from) * d, d);
            }
        });
    }

    /**
     * Runs only the units after {@code unit}, feeding {@code unitOutputs} (one flattened row per
     * example, e.g. rows recorded earlier) as that unit's output; returns the last unit's output rows.
     * Hooks open on this thread act as in a full pass: on {@code unit} itself (its fed rows are
     * recorded/replaced as if the unit had produced them) and on the later units. Saves recomputing
     * the early layers when many interventions patch the same late unit.
     *
     * @throws IllegalArgumentException for an unknown unit or rows of the wrong size
     * @throws IllegalStateException    when the unit's output shape is unknown
     */
    public float[][] forwardFrom(String unit, float[][] unitOutputs) {
        Objects.requireNonNull(unitOutputs, "unitOutputs");
        Shape row = outputShape(unit);
        int at = units.indexOf(byName.get(unit));
        if (at == units.size() - 1) {
            throw new IllegalArgumentException("'" + unit + "' is the last unit; nothing runs after it");
        }
        HookedBlock start = units.get(at);
        SequentialBlock rest = new SequentialBlock().add(new LambdaBlock(start::applyHooks, "hooks of " + unit));
        for (HookedBlock u : units.subList(at + 1, units.size())) {
            rest.add(u);
        }
        return Forward.run(rest, unitOutputs, row);
    }

    @Override
    public String toString() {
        return "HookedNetwork" + byName.keySet();
    }
}
