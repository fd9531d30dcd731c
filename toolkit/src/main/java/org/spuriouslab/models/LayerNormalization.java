package org.spuriouslab.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Layer normalisation over the last axis (width d), with learned scale γ (ones) and shift β (zeros). */
final class LayerNormalization extends AbstractBlock {

    private static final float EPSILON = 1e-5f;
    private final Parameter gamma;
    private final Parameter beta;
    private final Shape normalized;

    LayerNormalization(int width) {
        this.normalized = new Shape(width);
        this.gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).optShape(normalized).build());
        this.beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).optShape(normalized).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return LayerNorm.layerNorm(x, normalized, store.getValue(gamma, x.getDevice(), training),
                store.getValue(beta, x.getDevice(), training), EPSILON);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
