package org.spuriouslab.mitigation;

/**
 * How NeuronTune combines a neuron's per-class scores δ(y, i) with the threshold λ. The paper
 * leaves the quantifier open, so both are offered.
 */
public enum SelectionRule {
    /**
     * Select neuron i when δ(y, i) &gt; λ for <em>at least one</em> class with scores. The default:
     * a spurious feature is usually tied to one class (the pattern pushes images toward the class it
     * co-occurs with), so it raises δ in the classes it hurts and lowers δ in the class it helps; the
     * "all classes" rule would miss exactly such neurons.
     */
    ANY,
    /** Select neuron i when δ(y, i) &gt; λ for <em>every</em> class with scores (stricter, fewer neurons). */
    ALL
}
