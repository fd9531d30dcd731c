package org.spuriouslab.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;

import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma & Ba) applied with the engine's fused update: one native call per parameter that
 * updates the moment estimates and the weights and clears the gradient. Replaces DJL's
 * Trainer/ParameterServer path, which copies every gradient before each update.
 */
final class FusedAdam implements AutoCloseable {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final List<NDArray> weights = new ArrayList<>();
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private final float learningRate;
    private final NDManager state;
    private final double maxGradNorm;
    private int steps;

    /** @param manager parent of the optimiser's state (moment estimates), freed by {@link #close()} */
    FusedAdam(List<Parameter> parameters, double learningRate, NDManager manager) {
        this(parameters, learningRate, 0, manager);
    }

    /**
     * @param maxGradNorm when {@code > 0}, gradients are scaled down together whenever their global
     *                    L2 norm exceeds it (gradient clipping, for transformers); {@code 0} = off
     */
    FusedAdam(List<Parameter> parameters, double learningRate, double maxGradNorm, NDManager manager) {
        this.learningRate = (float) learningRate;
        this.maxGradNorm = maxGradNorm;
        this.state = manager.newSubManager();
        for (Parameter p : parameters) {
            NDArray w = p.getArray();
            weights.add(w);
            means.add(state.zeros(w.getShape(), w.getDataType()));
            variances.add(state.zeros(w.getShape(), w.getDataType()));
        }
    }

    /**
     * One update of every parameter from its accumulated gradient (which is then zeroed). With
     * clipping on, a step whose gradients are not finite (NaN or infinite norm) is skipped rather
     * than written into the weights; the gradients are zeroed all the same.
     *
     * @return whether the update was applied
     */
    boolean step() {
        float rescale = 1f;
        if (maxGradNorm > 0) {
            rescale = clipScale();
            if (!Float.isFinite(rescale)) {
                for (NDArray w : weights) {
                    try (NDArray g = w.getGradient()) {
                        g.set(new NDIndex("..."), 0f);
                    }
                }
                return false;
            }
        }
        steps++;
        double c1 = 1 - Math.pow(BETA1, steps);
        double c2 = 1 - Math.pow(BETA2, steps);
        float corrected = (float) (learningRate * Math.sqrt(c2) / c1);
        for (int i = 0; i < weights.size(); i++) {
            NDArray w = weights.get(i);
            try (NDArray g = w.getGradient()) {
                NDList in = new NDList(w, g, means.get(i), variances.get(i));
                w.getNDArrayInternal().adamUpdate(in, new NDList(w), learningRate, corrected, 0f, rescale, -1f,
                        BETA1, BETA2, EPSILON, false, false);
            }
        }
        return true;
    }

    /** {@code min(1, maxGradNorm / ‖g‖)} over all gradients; NaN when the norm is not finite. */
    private float clipScale() {
        double squares = 0;
        try (NDManager scratch = state.newSubManager()) {
            for (NDArray w : weights) {
                NDArray g = w.getGradient();
                g.attach(scratch); // g and what is computed from it are freed with scratch
                squares += g.square().sum().getFloat();
            }
        }
        double norm = Math.sqrt(squares);
        if (!Double.isFinite(norm)) {
            return Float.NaN;
        }
        return norm > maxGradNorm ? (float) (maxGradNorm / norm) : 1f;
    }

    @Override
    public void close() {
        state.close();
    }
}
