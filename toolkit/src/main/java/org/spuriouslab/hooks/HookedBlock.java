package org.spuriouslab.hooks;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.BlockList;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A named unit: wraps any DJL {@link Block} and, while {@link Hooks} covering it are open on the
 * current thread, lets them record or replace the block's output. Without open hooks it is the
 * wrapped block, bit for bit.
 *
 * <p>The wrapper holds no state of its own: parameters, initialisation, output shapes and saved
 * parameter files are the wrapped block's, so wrapping an already trained block keeps its
 * parameters (they are shared, not copied), and {@link #initialize} leaves an initialised block
 * alone.
 *
 * <pre>{@code
 * HookedBlock hidden = new HookedBlock("hidden", Linear.builder().setUnits(3).build());
 * SequentialBlock net = new SequentialBlock().add(hidden).add(Activation.reluBlock()).add(head);
 * try (Hooks hooks = Hooks.on(hidden)) {
 *     hooks.record("hidden");
 *     net.forward(store, new NDList(x), false);
 *     float[][] h = hooks.recorded("hidden");
 * }
 * }</pre>
 */
public final class HookedBlock implements Block {

    private final String name;
    private final Block block;

    /**
     * Wraps {@code block} as the unit {@code name}.
     *
     * @throws IllegalArgumentException when the name is blank or the block is itself a {@code HookedBlock}
     */
    public HookedBlock(String name, Block block) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(block, "block");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a unit name must not be blank");
        }
        if (block instanceof HookedBlock h) {
            throw new IllegalArgumentException("block is already the hooked unit '" + h.name + "'; wrap the plain block");
        }
        this.name = name;
        this.block = block;
    }

    /** The unit's name, as used by {@link Hooks}. */
    public String name() {
        return name;
    }

    /** The wrapped block. */
    public Block block() {
        return block;
    }

    /** Runs the wrapped block, then lets the hooks open on this thread (if they cover this unit) act on its output. */
    @Override
    public NDList forward(ParameterStore parameterStore, NDList inputs, boolean training,
                          PairList<String, Object> params) {
        return applyHooks(block.forward(parameterStore, inputs, training, params));
    }

    /** Lets the hooks open on this thread (if they cover this unit) act on {@code out} as this unit's output. */
    NDList applyHooks(NDList out) {
        Hooks hooks = Hooks.active();
        return hooks == null ? out : hooks.visit(this, out);
    }

    @Override
    public void setInitializer(Initializer initializer, Parameter.Type type) {
        block.setInitializer(initializer, type);
    }

    @Override
    public void setInitializer(Initializer initializer, String paramName) {
        block.setInitializer(initializer, paramName);
    }

    @Override
    public void setInitializer(Initializer initializer, Predicate<Parameter> predicate) {
        block.setInitializer(initializer, predicate);
    }

    /** Initialises the wrapped block unless it is initialised already (trained parameters are kept). */
    @Override
    public void initialize(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (!block.isInitialized()) {
            block.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public boolean isInitialized() {
        return block.isInitialized();
    }

    @Override
    public void cast(DataType dataType) {
        block.cast(dataType);
    }

    @Override
    public void clear() {
        block.clear();
    }

    @Override
    public PairList<String, Shape> describeInput() {
        return block.describeInput();
    }

    /** The wrapped block as the only child, under the unit's name. */
    @Override
    public BlockList getChildren() {
        BlockList children = new BlockList(1);
        children.add(name, block);
        return children;
    }

    /** None: all parameters belong to the wrapped block. */
    @Override
    public ParameterList getDirectParameters() {
        return new ParameterList();
    }

    /** The wrapped block's parameters, under the same names. */
    @Override
    public ParameterList getParameters() {
        return block.getParameters();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return block.getOutputShapes(inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes, DataType[] inputDataTypes) {
        return block.getOutputShapes(inputShapes, inputDataTypes);
    }

    @Override
    public Shape[] getInputShapes() {
        return block.getInputShapes();
    }

    @Override
    public DataType[] getOutputDataTypes() {
        return block.getOutputDataTypes();
    }

    /** Writes exactly what the wrapped block writes, so files stay interchangeable with the unwrapped model. */
    @Override
    public void saveParameters(DataOutputStream os) throws IOException {
        block.saveParameters(os);
    }

    @Override
    public void loadParameters(NDManager manager, DataInputStream is) throws IOException, MalformedModelException {
        block.loadParameters(manager, is);
    }

    @Override
    public void freezeParameters(boolean freeze) {
        block.freezeParameters(freeze);
    }

    @Override
    public void freezeParameters(boolean freeze, Predicate<Parameter> pred) {
        block.freezeParameters(freeze, pred);
    }

    @Override
    public String toString() {
        return "HookedBlock[" + name + ": " + block.getClass().getSimpleName() + "]";
    }
}
