package org.spuriouslab.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head causal self-attention: {@code softmax(QKᵀ/√d_h + mask)·V} per head, the mask hiding
 * later positions, then an output projection. {@code (batch, T, d)} → {@code (batch, T, d)}.
 */
final class CausalSelfAttention extends AbstractBlock {

    private final int width;
    private final int heads;
    private final Linear qkv;
    private final Linear out;

    CausalSelfAttention(int width, int heads) {
        this.width = width;
        this.heads = heads;
        this.qkv = addChildBlock("qkv", Linear.builder().setUnits(3L * width).build());
        this.out = addChildBlock("out", Linear.builder().setUnits(width).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        long dh = width / heads;
        NDList qkvs = qkv.forward(store, new NDList(x), training).singletonOrThrow().split(3, 2);
        NDArray q = split(qkvs.get(0), b, t, dh);
        NDArray k = split(qkvs.get(1), b, t, dh);
        NDArray v = split(qkvs.get(2), b, t, dh);
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul((float) (1 / Math.sqrt(dh)));
        NDArray attention = scores.add(mask(x.getManager(), t, scores.getDataType())).softmax(-1);
        NDArray y = attention.matMul(v).transpose(0, 2, 1, 3).reshape(b, t, width);
        return out.forward(store, new NDList(y), training);
    }

    /** {@code (b, t, d)} → {@code (b, heads, t, d_h)}. */
    private NDArray split(NDArray a, long b, long t, long dh) {
        return a.reshape(b, t, heads, dh).transpose(0, 2, 1, 3);
    }

    /** {@code (t, t)}: 0 on and below the diagonal, a large negative number above it. */
    private static NDArray mask(NDManager manager, long t, DataType type) {
        int n = Math.toIntExact(t);
        float[] m = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                m[i * n + j] = -1e9f;
            }
        }
        NDArray mask = manager.create(m, new Shape(t, t));
        return type == DataType.FLOAT32 ? mask : mask.toType(type, false);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        qkv.initialize(manager, dataType, inputShapes[0]);
        out.initialize(manager, dataType, inputShapes[0]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
