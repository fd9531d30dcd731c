package org.spuriouslab.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.spuriouslab.hooks.HookedBlock;

import java.util.List;

/**
 * One pre-norm transformer layer, {@code x ← x + Attention(LN(x))}, {@code x ← x + MLP(LN(x))},
 * with three hooked units: {@code "layer i attention"} (the attention block's output, before it is
 * added to the residual stream), {@code "layer i mlp"} (the MLP block's output, likewise) and
 * {@code "layer i residual"} (the residual stream after the layer).
 */
final class TransformerLayer extends AbstractBlock {

    private final LayerNormalization norm1;
    private final HookedBlock attention;
    private final LayerNormalization norm2;
    private final HookedBlock mlp;
    private final HookedBlock residual;
    private final float dropout;

    TransformerLayer(int index, LanguageModelSpec spec) {
        String p = "layer " + index + " ";
        this.dropout = (float) spec.dropout();
        this.norm1 = addChildBlock("norm1", new LayerNormalization(spec.width()));
        this.attention = addChildBlock("attention", new HookedBlock(p + "attention",
                new CausalSelfAttention(spec.width(), spec.heads())));
        this.norm2 = addChildBlock("norm2", new LayerNormalization(spec.width()));
        this.mlp = addChildBlock("mlp", new HookedBlock(p + "mlp", new SequentialBlock()
                .add(Linear.builder().setUnits(spec.mlpWidth()).build())
                .add(Activation.geluBlock())
                .add(Linear.builder().setUnits(spec.width()).build())));
        this.residual = addChildBlock("residual", new HookedBlock(p + "residual", new LambdaBlock(x -> x, "identity")));
    }

    /** The hooked units of this layer: attention, MLP, residual stream. */
    List<HookedBlock> units() {
        return List.of(attention, mlp, residual);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray a = attention.forward(store, norm1.forward(store, new NDList(x), training), training).singletonOrThrow();
        x = x.add(drop(a, training));
        NDArray m = mlp.forward(store, norm2.forward(store, new NDList(x), training), training).singletonOrThrow();
        x = x.add(drop(m, training));
        return residual.forward(store, new NDList(x), training);
    }

    /** Dropout while training (after the hooks, so recorded and replaced outputs are the blocks' own). */
    private NDArray drop(NDArray a, boolean training) {
        return training && dropout > 0 ? Dropout.dropout(a, dropout, true).singletonOrThrow() : a;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (var child : List.of(norm1, attention, norm2, mlp, residual)) {
            child.initialize(manager, dataType, inputShapes[0]);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
