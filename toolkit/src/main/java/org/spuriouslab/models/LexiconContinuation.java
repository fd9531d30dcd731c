package org.spuriouslab.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.spuriouslab.hooks.HookedModel;
import org.spuriouslab.hooks.Hooks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A language model seen as the outcome model of a mediation analysis. Input rows are prompts (token
 * ids as floats, all of one length L); the output row of a prompt holds, for each of {@code steps}
 * greedy steps, the probability mass the model puts on the lexicon tokens:
 * {@code y_s = Σ_{v ∈ lexicon} P(x_{L+s} = v | x_{<L+s})}, the sequence being extended by the most
 * probable token after every step (no sampling noise). {@link #outcome()} averages them: the
 * outcome Y of a prompt.
 * <p>
 * Mediators are the units' outputs <em>on the prompt</em>: a unit's row is its output at the L
 * prompt positions ({@code L · width} values). An intervention {@code do(M_u := m)} sets those
 * positions in every greedy step; positions of generated tokens are left to the model.
 */
public final class LexiconContinuation implements HookedModel {

    /** Prompts per batch of a forward pass (small batches keep the vocabulary-sized logits in cache and memory low). */
    public static final int BATCH = 64;

    private final LanguageModel model;
    private final int[] lexicon;
    private final int steps;
    private final Map<String, org.spuriouslab.hooks.HookedBlock> units = new LinkedHashMap<>();

    LexiconContinuation(LanguageModel model, int[] lexicon, int steps) {
        this.model = model;
        Objects.requireNonNull(lexicon, "lexicon");
        if (lexicon.length == 0) {
            throw new IllegalArgumentException("the lexicon has no tokens in the model's vocabulary");
        }
        for (int id : lexicon) {
            if (id < 0 || id >= model.vocabularySize()) {
                throw new IllegalArgumentException("lexicon token id " + id + " is outside the vocabulary 0.."
                        + (model.vocabularySize() - 1));
            }
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        this.lexicon = lexicon.clone();
        this.steps = steps;
        for (var u : model.units()) {
            units.put(u.name(), u);
        }
    }

    /** Greedy steps per prompt. */
    public int steps() {
        return steps;
    }

    /** The outcome Y of a prompt: the mean lexicon mass over the greedy steps. */
    public static org.spuriouslab.causal.Outcome outcome() {
        return rows -> Arrays.stream(rows).mapToDouble(r -> {
            double s = 0;
            for (float v : r) {
                s += v;
            }
            return s / r.length;
        }).toArray();
    }

    @Override
    public List<String> units() {
        return List.copyOf(units.keySet());
    }

    /** Unknown (−1): a unit's row size is L · width and depends on the prompt length L. */
    @Override
    public long rowSize(String unit) {
        requireUnit(unit);
        return -1;
    }

    @Override
    public Hooks hooks() {
        return Hooks.on(units.values());
    }

    /**
     * Lexicon mass at each greedy step, one row of {@link #steps()} values per prompt.
     *
     * @throws IllegalArgumentException when prompts differ in length, hold non-integer or unknown token ids,
     *                                  or prompt plus steps exceed the model's context
     */
    @Override
    public float[][] forward(float[][] prompts) {
        int[][] tokens = tokens(prompts);
        model.checkLength(tokens[0].length, steps);
        float[][] out = new float[tokens.length][];
        float[] maskValues = new float[model.vocabularySize()];
        for (int id : lexicon) {
            maskValues[id] = 1f;
        }
        try (Djl.NoGrad noGrad = new Djl.NoGrad()) {
            for (int from = 0; from < tokens.length; from += BATCH) {
                int to = Math.min(tokens.length, from + BATCH);
                try (NDManager m = model.manager().newSubManager()) {
                    NDArray mask = m.create(maskValues, new Shape(model.vocabularySize(), 1));
                    NDArray seq = model.ids(Arrays.copyOfRange(tokens, from, to), m);
                    float[][] mass = new float[steps][];
                    for (int s = 0; s < steps; s++) {
                        NDArray logits = model.logits(seq, false);
                        long t = logits.getShape().get(1);
                        NDArray p = logits.get(new NDIndex(":, {}, :", t - 1)).softmax(-1);
                        mass[s] = p.matMul(mask).toFloatArray();
                        if (s + 1 < steps) {
                            NDArray next = p.argMax(1).reshape(-1, 1).toType(seq.getDataType(), false);
                            seq = NDArrays.concat(new ai.djl.ndarray.NDList(seq, next), 1);
                        }
                    }
                    for (int i = from; i < to; i++) {
                        out[i] = new float[steps];
                        for (int s = 0; s < steps; s++) {
                            out[i][s] = mass[s][i - from];
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The units' outputs at the prompt positions: one pass over the prompts alone, no generation. */
    @Override
    public Map<String, float[][]> record(List<String> unitNames, float[][] prompts) {
        int[][] tokens = tokens(prompts);
        model.checkLength(tokens[0].length, 1);
        Map<String, float[][]> out = new LinkedHashMap<>();
        for (String u : unitNames) {
            requireUnit(u);
        }
        try (Hooks hooks = hooks().record(unitNames.toArray(String[]::new)); Djl.NoGrad noGrad = new Djl.NoGrad()) {
            for (int from = 0; from < tokens.length; from += BATCH) {
                int to = Math.min(tokens.length, from + BATCH);
                try (NDManager m = model.manager().newSubManager()) {
                    model.logits(model.ids(Arrays.copyOfRange(tokens, from, to), m), false);
                }
            }
            for (String u : unitNames) {
                out.put(u, hooks.recorded(u));
            }
        }
        return out;
    }

    /**
     * Sets the unit's output at the prompt positions: {@code values} holds L · width numbers (the
     * whole prompt part of the row, {@code positions == null}) or one per given position (indices
     * into the flattened {@code (L, width)} prompt part).
     */
    @Override
    public void intervene(Hooks hooks, String unit, int[] positions, float[] values) {
        requireUnit(unit);
        if (positions == null) {
            int[] all = new int[values.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            hooks.replaceAt(unit, all, values);
        } else {
            hooks.replaceAt(unit, positions, values);
        }
    }

    private void requireUnit(String unit) {
        if (!units.containsKey(unit)) {
            throw new IllegalArgumentException("unknown unit '" + unit + "'; the units are " + units.keySet());
        }
    }

    private int[][] tokens(float[][] prompts) {
        Objects.requireNonNull(prompts, "prompts");
        if (prompts.length == 0) {
            throw new IllegalArgumentException("need at least one prompt");
        }
        int[][] out = new int[prompts.length][];
        for (int i = 0; i < prompts.length; i++) {
            if (prompts[i].length != prompts[0].length) {
                throw new IllegalArgumentException("prompts must have one length: prompt 0 has " + prompts[0].length
                        + " tokens, prompt " + i + " has " + prompts[i].length);
            }
            out[i] = new int[prompts[i].length];
            for (int j = 0; j < out[i].length; j++) {
                float v = prompts[i][j];
                if (v != Math.rint(v)) {
                    throw new IllegalArgumentException("prompt " + i + " position " + j + " holds " + v
                            + ", not a token id");
                }
                out[i][j] = (int) v;
            }
        }
        return out;
    }
}
