package org.spuriouslab.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Token embedding plus learned position embedding: {@code (batch, T)} int64 ids → {@code (batch, T, width)},
 * with dropout while training. {@link #readOut()} is the matching tied output layer.
 */
final class TokenEmbedding extends AbstractBlock {

    private final Parameter tokens;
    private final Parameter positions;
    private final int width;
    private final int context;
    private final int vocabulary;
    private final float dropout;

    TokenEmbedding(int vocabulary, int context, int width, double dropout) {
        this.width = width;
        this.vocabulary = vocabulary;
        this.dropout = (float) dropout;
        this.context = context;
        this.tokens = addParameter(Parameter.builder().setName("tokens").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocabulary, width)).build());
        this.positions = addParameter(Parameter.builder().setName("positions").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(context, width)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.singletonOrThrow();
        long t = ids.getShape().get(1);
        if (t > context) {
            throw new IllegalArgumentException("sequences of " + t + " tokens are longer than the model's context of "
                    + context);
        }
        NDArray w = store.getValue(tokens, ids.getDevice(), training);
        // slice into the batch's manager, not the parameter's, so it is freed with the batch
        NDArray p = store.getValue(positions, ids.getDevice(), training).get(ids.getManager(), new NDIndex("0:{}", t));
        NDArray e = Embedding.embedding(ids, w, SparseFormat.DENSE).singletonOrThrow();
        NDArray x = e.add(p);
        return training && dropout > 0 ? Dropout.dropout(x, dropout, true) : new NDList(x);
    }

    /** The output layer {@code (batch, T, width)} → {@code (batch, T, vocabulary)} logits {@code h·Eᵀ}, sharing this block's token matrix E. */
    AbstractBlock readOut() {
        return new AbstractBlock() {
            @Override
            protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
                NDArray h = inputs.singletonOrThrow();
                NDArray wt = store.getValue(tokens, h.getDevice(), training).transpose();
                wt.attach(h.getManager()); // freed with the batch, not kept by the parameter's manager
                return new NDList(h.matMul(wt));
            }

            @Override
            public Shape[] getOutputShapes(Shape[] inputShapes) {
                Shape in = inputShapes[0];
                return new Shape[]{in.slice(0, in.dimension() - 1).add(vocabulary)};
            }
        };
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{inputShapes[0].add(width)};
    }
}
