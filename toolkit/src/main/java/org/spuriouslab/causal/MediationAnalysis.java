package org.spuriouslab.causal;

import org.spuriouslab.hooks.HookedModel;
import org.spuriouslab.hooks.Hooks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Causal mediation through hooked units, for a treatment {@code T} (treated vs control inputs),
 * mediators {@code M_u} (unit outputs) and an outcome {@code Y}, optionally adjusted for a
 * confounder by control weights (e.g. {@link EntropyBalancing} on topic).
 * <p>
 * For each treated input {@code i} and mediator {@code u}, the natural indirect effect is
 * {@code NIE_i(u) = Y(i) − Y(i; do(M_u := m_u⁰))}, where {@code m_u⁰ = Σ_j w_j M_u(j)} is the
 * control group's weighted mean activation (uniform weights {@code 1/n₀} when none are given:
 * the unadjusted analysis; entropy-balanced weights: the adjusted one, whose controls have the
 * treated group's confounder distribution). {@code AIE(u)} is the mean of {@code NIE_i(u)} over
 * the treated inputs. Costs one forward pass over the controls and one over the treated inputs
 * (both recording all mediator units), then one patched pass over the treated inputs per mediator.
 * <p>
 * Intervals: percentile bootstrap (2.5 %, 97.5 %) over treated inputs, resampled with replacement
 * {@code B} times from {@code seed}. The control means {@code m_u⁰} are held fixed (not
 * resampled), so the intervals reflect the variation of the treated inputs only.
 *
 * <pre>{@code
 * MediationResult r = MediationAnalysis.builder()
 *         .network(net).units(List.of("hidden 1", "hidden 2")).outcome(Outcome.column(0))
 *         .treated(treatedRows).controls(controlRows).controlWeights(balancing.weights())
 *         .bootstrap(200).seed(7).label("entropy-balanced").build().run();
 * }</pre>
 */
public final class MediationAnalysis {

    /** Default number of bootstrap resamples. */
    public static final int DEFAULT_BOOTSTRAP = 200;
    /** Allowed deviation of the control weights' sum from 1. */
    public static final double WEIGHT_SUM_TOLERANCE = 1e-6;

    private final HookedModel network;
    private final List<Mediator> mediators;
    private final Outcome outcome;
    private final float[][] treated;
    private final float[][] controls;
    private final double[] weights;
    private final int bootstrap;
    private final long seed;
    private final String label;

    private MediationAnalysis(Builder b) {
        this.network = Objects.requireNonNull(b.network, "network is not set");
        this.outcome = Objects.requireNonNull(b.outcome, "outcome is not set");
        if (b.mediators.isEmpty()) {
            throw new IllegalArgumentException("need at least one mediator unit");
        }
        List<String> units = network.units();
        Set<String> names = new LinkedHashSet<>();
        for (Mediator m : b.mediators) {
            if (!units.contains(m.unit())) {
                throw new IllegalArgumentException("unknown unit '" + m.unit() + "' for mediator '" + m.name()
                        + "'; the units are " + units);
            }
            if (!names.add(m.name())) {
                throw new IllegalArgumentException("mediator name '" + m.name() + "' is used twice");
            }
            if (m.positions() != null) {
                long size = rowSize(m.unit());
                for (int p : m.positions()) {
                    if (size >= 0 && p >= size) {
                        throw new IllegalArgumentException("mediator '" + m.name() + "' position " + p
                                + " is outside unit '" + m.unit() + "' rows (0.." + (size - 1) + ")");
                    }
                }
            }
        }
        this.mediators = List.copyOf(b.mediators);
        this.treated = rows(b.treated, "treated");
        this.controls = rows(b.controls, "control");
        if (b.weights != null) {
            if (b.weights.length != controls.length) {
                throw new IllegalArgumentException("got " + b.weights.length + " control weights for "
                        + controls.length + " control inputs; need one per control");
            }
            double sum = 0;
            for (int j = 0; j < b.weights.length; j++) {
                double w = b.weights[j];
                if (!Double.isFinite(w) || w < 0) {
                    throw new IllegalArgumentException("control weight " + j + " is " + w + "; weights must be finite and ≥ 0");
                }
                sum += w;
            }
            if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
                throw new IllegalArgumentException("control weights sum to " + sum + "; they must sum to 1 (±"
                        + WEIGHT_SUM_TOLERANCE + ")");
            }
            this.weights = b.weights.clone();
        } else {
            this.weights = null;
        }
        if (b.bootstrap < 0) {
            throw new IllegalArgumentException("bootstrap resamples must be ≥ 0 (0 = no intervals), got " + b.bootstrap);
        }
        this.bootstrap = b.bootstrap;
        this.seed = b.seed;
        this.label = b.label != null ? b.label : (weights == null ? "unadjusted" : "weighted");
    }

    private long rowSize(String unit) {
        return network.rowSize(unit);
    }

    private static float[][] rows(float[][] rows, String what) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("need at least one " + what + " input, got none");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != rows[0].length) {
                throw new IllegalArgumentException(what + " input " + i + " is missing or has a different length than input 0");
            }
        }
        return rows;
    }

    /** A new builder; network, mediators (or units), outcome, treated and control inputs are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the analysis: control means, one patched pass per mediator, AIE and bootstrap intervals.
     *
     * @throws IllegalStateException when other hooks are open on this thread
     */
    public MediationResult run() {
        String[] unitNames = mediators.stream().map(Mediator::unit).distinct().toArray(String[]::new);
        float[][][] controlActs = new float[unitNames.length][][];
        var recorded = network.record(List.of(unitNames), controls);
        for (int k = 0; k < unitNames.length; k++) {
            controlActs[k] = recorded.get(unitNames[k]);
        }
        double[] y = checkedOutcome(network.forward(treated));
        int n = treated.length;
        double[][] nie = new double[mediators.size()][n];
        List<UnitEffect> effects = new ArrayList<>();
        int[][] resamples = resamples(n, bootstrap, seed);
        for (int m = 0; m < mediators.size(); m++) {
            Mediator med = mediators.get(m);
            float[][] acts = controlActs[Arrays.asList(unitNames).indexOf(med.unit())];
            float[] m0 = controlMean(acts, med.positions());
            double[] patched;
            try (Hooks hooks = network.hooks()) {
                network.intervene(hooks, med.unit(), med.positions(), m0);
                patched = checkedOutcome(network.forward(treated));
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                nie[m][i] = y[i] - patched[i];
                sum += nie[m][i];
            }
            double aie = sum / n;
            double lower = Double.NaN;
            double upper = Double.NaN;
            if (bootstrap > 0) {
                double[] means = new double[bootstrap];
                for (int b = 0; b < bootstrap; b++) {
                    double s = 0;
                    for (int i : resamples[b]) {
                        s += nie[m][i];
                    }
                    means[b] = s / n;
                }
                Arrays.sort(means);
                lower = quantile(means, 0.025);
                upper = quantile(means, 0.975);
            }
            effects.add(new UnitEffect(med.name(), aie, lower, upper));
        }
        return new MediationResult(label, effects, nie, treated.length, controls.length, bootstrap, seed);
    }

    private double[] checkedOutcome(float[][] outputs) {
        double[] y = outcome.of(outputs);
        if (y == null || y.length != outputs.length) {
            throw new IllegalStateException("the outcome returned " + (y == null ? "null" : y.length + " values")
                    + " for " + outputs.length + " output rows; it must return one per row");
        }
        return y;
    }

    /** Weighted (or uniform) mean of the control rows at the given positions (all when null). */
    private float[] controlMean(float[][] acts, int[] positions) {
        int len = positions == null ? acts[0].length : positions.length;
        double[] s = new double[len];
        for (int j = 0; j < acts.length; j++) {
            double w = weights == null ? 1.0 / acts.length : weights[j];
            for (int k = 0; k < len; k++) {
                s[k] += w * acts[j][positions == null ? k : positions[k]];
            }
        }
        float[] out = new float[len];
        for (int k = 0; k < len; k++) {
            out[k] = (float) s[k];
        }
        return out;
    }

    /**
     * The bootstrap resamples of {@code n} treated inputs: {@code count} rows of {@code n} indices
     * drawn with replacement from {@code seed}. The AIE intervals and the localization intervals of
     * a {@link MediationResult} use the same rows.
     */
    static int[][] resamples(int n, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] rows = new int[count][n];
        for (int b = 0; b < count; b++) {
            for (int i = 0; i < n; i++) {
                rows[b][i] = random.nextInt(n);
            }
        }
        return rows;
    }

    /** Linear-interpolation quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        double f = pos - lo;
        return sorted[lo] + f * (sorted[hi] - sorted[lo]);
    }

    /** Configuration of a {@link MediationAnalysis}. */
    public static final class Builder {
        private HookedModel network;
        private final List<Mediator> mediators = new ArrayList<>();
        private Outcome outcome;
        private float[][] treated;
        private float[][] controls;
        private double[] weights;
        private int bootstrap = DEFAULT_BOOTSTRAP;
        private long seed = 42;
        private String label;

        private Builder() {
        }

        /** The hooked model to patch: a {@link org.spuriouslab.hooks.HookedNetwork} or a language model's continuation. */
        public Builder network(HookedModel network) {
            this.network = network;
            return this;
        }

        /** Adds whole units (layers) as mediators, named like the units. */
        public Builder units(List<String> units) {
            for (String u : units) {
                mediators.add(Mediator.unit(u));
            }
            return this;
        }

        /** Adds whole units (layers) as mediators, named like the units. */
        public Builder units(String... units) {
            return units(List.of(units));
        }

        /** Adds mediators (whole units or neurons). */
        public Builder mediators(List<Mediator> mediators) {
            this.mediators.addAll(mediators);
            return this;
        }

        /** The outcome {@code Y} read from the network's outputs. */
        public Builder outcome(Outcome outcome) {
            this.outcome = outcome;
            return this;
        }

        /** Network input rows of the treated group ({@code T = 1}). */
        public Builder treated(float[][] treated) {
            this.treated = treated;
            return this;
        }

        /** Network input rows of the control group ({@code T = 0}). */
        public Builder controls(float[][] controls) {
            this.controls = controls;
            return this;
        }

        /**
         * Weights of the control inputs (≥ 0, summing to 1, e.g. {@link BalancingResult#weights()});
         * {@code null} (the default) means uniform weights, i.e. the unadjusted analysis.
         */
        public Builder controlWeights(double[] weights) {
            this.weights = weights;
            return this;
        }

        /** Number of bootstrap resamples {@code B ≥ 0} (default {@value #DEFAULT_BOOTSTRAP}; 0 = no intervals). */
        public Builder bootstrap(int resamples) {
            this.bootstrap = resamples;
            return this;
        }

        /** Seed of the bootstrap resampling (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** A label for tables and charts (default {@code unadjusted}, or {@code weighted} with control weights). */
        public Builder label(String label) {
            this.label = label;
            return this;
        }

        /**
         * Checks the configuration.
         *
         * @throws IllegalArgumentException for no treated or control inputs, no mediators, an unknown unit,
         *                                  weights of the wrong length, negative or not summing to 1, or {@code B < 0}
         * @throws NullPointerException     when the network or outcome is missing
         */
        public MediationAnalysis build() {
            return new MediationAnalysis(this);
        }
    }
}
