package org.spuriouslab.mitigation;

import java.util.Arrays;
import java.util.Objects;

/**
 * The neurons NeuronTune silences: those with δ &gt; λ under a {@link SelectionRule}, considering
 * only classes whose δ row is defined. The {@link Outcome} says explicitly when no neuron or every
 * neuron was selected.
 *
 * @param rule       ANY or ALL classes
 * @param lambda     the threshold λ
 * @param selected   selected neuron indices, increasing
 * @param numNeurons number of neurons scored
 * @param outcome    SOME, NONE or ALL
 */
public record NeuronSelection(SelectionRule rule, double lambda, int[] selected, int numNeurons, Outcome outcome) {

    /** What the selection came to. */
    public enum Outcome {
        /** Some but not all neurons were selected. */
        SOME,
        /** No neuron passed the threshold (or no class had a defined δ): nothing to silence. */
        NONE,
        /** Every neuron passed: silencing them all would leave the head no input. */
        ALL
    }

    /** Checks the indices and copies them. */
    public NeuronSelection {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(outcome, "outcome");
        selected = selected.clone();
        for (int i : selected) {
            if (i < 0 || i >= numNeurons) {
                throw new IllegalArgumentException("selected neuron " + i + " outside 0.." + (numNeurons - 1));
            }
        }
    }

    /**
     * Selects neurons from scores.
     *
     * @throws IllegalArgumentException when λ is NaN or infinite
     */
    public static NeuronSelection select(NeuronScores scores, SelectionRule rule, double lambda) {
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(rule, "rule");
        if (!Double.isFinite(lambda)) {
            throw new IllegalArgumentException("λ must be a finite number, got " + lambda);
        }
        int d = scores.numNeurons();
        int[] classes = java.util.stream.IntStream.range(0, scores.numClasses()).filter(scores::hasScores).toArray();
        if (classes.length == 0) {
            return new NeuronSelection(rule, lambda, new int[0], d, Outcome.NONE);
        }
        int[] sel = java.util.stream.IntStream.range(0, d).filter(i -> {
            boolean any = false;
            boolean all = true;
            for (int y : classes) {
                boolean above = scores.delta(y, i) > lambda;
                any |= above;
                all &= above;
            }
            return rule == SelectionRule.ANY ? any : all;
        }).toArray();
        Outcome o = sel.length == 0 ? Outcome.NONE : sel.length == d ? Outcome.ALL : Outcome.SOME;
        return new NeuronSelection(rule, lambda, sel, d, o);
    }

    /** A copy of the selected indices. */
    @Override
    public int[] selected() {
        return selected.clone();
    }

    /** Number of selected neurons. */
    public int count() {
        return selected.length;
    }

    /** One flag per neuron, true for the selected (to be silenced) ones. */
    public boolean[] mask() {
        boolean[] m = new boolean[numNeurons];
        for (int i : selected) {
            m[i] = true;
        }
        return m;
    }

    @Override
    public String toString() {
        return "NeuronSelection[" + rule + ", λ=" + NeuronTune.fmt(lambda) + ", " + outcome + ": " + selected.length + " of "
                + numNeurons + (selected.length <= 20 ? " " + Arrays.toString(selected) : "") + "]";
    }
}
