package org.spuriouslab.hooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model whose named units can be recorded and set during a forward pass: what a causal mediation
 * analysis needs. Implemented by {@link HookedNetwork} (a chain of layers, e.g. an MNIST classifier)
 * and by a language model's greedy continuation ({@code LanguageModel.continuation}), whose units
 * sit inside transformer layers.
 */
public interface HookedModel {

    /** Unit names in forward order. */
    List<String> units();

    /**
     * Number of values in one flattened output row of {@code unit} for this model's inputs, or
     * {@code -1} when unknown.
     *
     * @throws IllegalArgumentException for an unknown unit
     */
    long rowSize(String unit);

    /** Opens hooks over this model's units on the current thread; close them to end the scope. */
    Hooks hooks();

    /** Runs the model on input rows under the hooks open on this thread; returns its output rows. */
    float[][] forward(float[][] inputs);

    /**
     * The outputs of {@code units} on {@code inputs}: one flattened row per input for each unit.
     *
     * @throws IllegalStateException when other hooks are open on this thread
     */
    default Map<String, float[][]> record(List<String> units, float[][] inputs) {
        Map<String, float[][]> out = new LinkedHashMap<>();
        try (Hooks hooks = hooks().record(units.toArray(String[]::new))) {
            forward(inputs);
            for (String u : units) {
                out.put(u, hooks.recorded(u));
            }
        }
        return out;
    }

    /**
     * Sets a unit's output to fixed values in every row of every later forward pass under
     * {@code hooks} ({@code do(M_u := values)}): the whole row when {@code positions} is {@code null},
     * else only those positions of the flattened row.
     */
    default void intervene(Hooks hooks, String unit, int[] positions, float[] values) {
        if (positions == null) {
            hooks.replace(unit, values);
        } else {
            hooks.replaceAt(unit, positions, values);
        }
    }
}
