package org.spuriouslab.causal;

import java.util.ArrayList;
import java.util.List;

/**
 * Entropy balancing (Hainmueller 2012): weights for the control group whose weighted covariate
 * moments equal the treated group's, as close to the base weights q as possible in relative
 * entropy.
 *
 * <pre>{@code
 * BalancingResult r = EntropyBalancing.options().build().balance(controls, treated);
 * r.balanceTable();          // SMD before / after per moment
 * double[] w = r.weights();  // one per control, positive, sum 1
 * }</pre>
 *
 * <p><b>Problem.</b> Minimise Σ wᵢ log(wᵢ/qᵢ) subject to Σ wᵢ c(Xᵢ) = m̄ and Σ wᵢ = 1, where
 * c(X) are the moment functions (the covariate columns, plus their squares for {@link
 * Moments#MEANS_AND_VARIANCES}) and m̄ their treated means. The solution is wᵢ ∝ qᵢ exp(λᵀ(cᵢ −
 * m̄)), with λ minimising the convex dual L(λ) = log Σ qᵢ exp(λᵀ(cᵢ − m̄)); Hainmueller writes
 * exp(−λᵀc), the sign is a convention. The dual's gradient is Σ wᵢ(cᵢ − m̄) (the remaining
 * imbalance) and its Hessian the weighted covariance of c.
 *
 * <p><b>Solver.</b> Newton's method with Armijo backtracking, in standardised coordinates (each
 * moment divided by its SD among the controls), with log-sum-exp sums. The O(n p²) Hessian is
 * reused across steps while each step still cuts the gradient tenfold. It stops when every
 * moment's imbalance |Σ wᵢcᵢⱼ − m̄ⱼ| ≤ tolerance × min(1, SDⱼ) + 10⁻¹⁴ × maxᵢ|cᵢⱼ − m̄ⱼ| (so
 * the imbalance is below the tolerance both on the raw scale and in SD units, up to what doubles
 * can resolve), or after {@code maxIterations} Newton steps ({@link BalancingResult#converged()}
 * false). The work is O(n p) per step plus O(n p²) per Hessian; the passes over the data run on
 * {@code threads} threads, and results do not depend on the thread count.
 *
 * <p><b>Special cases.</b> A moment constant among the controls is dropped (λ = 0) when its target
 * equals the constant, and infeasible otherwise. Collinear moments (a full one-hot encoding,
 * duplicate columns) make the Hessian singular; the Newton system gets a tiny ridge (10⁻¹² of its
 * largest diagonal entry), which leaves the solution unchanged. A target at the very edge of a
 * moment's range (e.g. a category no treated unit has) can only be met in the limit; the solver
 * gets within tolerance by giving the controls off the edge weights of order the tolerance.
 *
 * <p><b>Memory and threads.</b> With {@link Moments#MEANS} the solver reads the controls in place
 * and adds O(n) doubles plus per-block partial sums (≈ 35 MB at 10⁶ × 50); {@link
 * Moments#MEANS_AND_VARIANCES} first builds a copy of the controls with the squared columns. An
 * {@code EntropyBalancing} is immutable and may be shared between threads.
 *
 * <p><b>Infeasible targets</b> raise {@link InfeasibleBalanceException} naming the moments: a
 * target outside its moment's range among the controls (checked first), a target outside the
 * convex hull of the controls' moment vectors (detected when the dual falls below log min qᵢ,
 * impossible for feasible targets), or a run that stalls with λ growing without bound.
 */
public final class EntropyBalancing {

    /** Default tolerance on every moment's imbalance. */
    public static final double DEFAULT_TOLERANCE = 1e-10;
    /** Default maximum number of Newton iterations. */
    public static final int DEFAULT_MAX_ITERATIONS = 200;

    private final double tolerance;
    private final int maxIterations;
    private final double[] baseWeights;
    private final Moments moments;
    private final int threads;

    private EntropyBalancing(Builder b) {
        this.tolerance = b.tolerance;
        this.maxIterations = b.maxIterations;
        this.baseWeights = b.baseWeights == null ? null : b.baseWeights.clone();
        this.moments = b.moments;
        this.threads = b.threads;
    }

    /** A builder for the options; {@code options().build()} gives the defaults. */
    public static Builder options() {
        return new Builder();
    }

    /** Entropy balancing with the default options (means, tolerance 1e-10, 200 iterations, uniform base weights). */
    public static EntropyBalancing defaults() {
        return options().build();
    }

    /**
     * Weights for {@code controls} that match the treated group's moments (the column means, and
     * second moments with {@link Moments#MEANS_AND_VARIANCES}).
     *
     * @param controls control units, n ≥ 1 rows
     * @param treated  treated units with the same column names in the same order
     * @throws InfeasibleBalanceException when no positive weights can match the targets
     * @throws IllegalArgumentException   when the columns differ or the base weights do not fit
     */
    public BalancingResult balance(Covariates controls, Covariates treated) {
        if (!controls.names().equals(treated.names())) {
            throw new IllegalArgumentException("controls and treated need the same columns in the same order; controls "
                    + controls.names() + ", treated " + treated.names());
        }
        Covariates c = controls;
        Covariates t = treated;
        if (moments == Moments.MEANS_AND_VARIANCES) {
            List<Integer> squared = new ArrayList<>();
            for (int j = 0; j < controls.dimension(); j++) {
                if (!(controls.isBinary(j) && treated.isBinary(j))) {
                    squared.add(j);
                }
            }
            int[] sq = squared.stream().mapToInt(Integer::intValue).toArray();
            c = controls.squaring(sq);
            t = treated.squaring(sq);
        }
        double[] treatedVariance = new double[t.dimension()];
        for (int j = 0; j < treatedVariance.length; j++) {
            treatedVariance[j] = Balance.variance(t.column(j));
        }
        return solve(c, t.means(), treatedVariance);
    }

    /**
     * Weights for {@code controls} whose weighted column means equal {@code targetMoments}. Only
     * with {@link Moments#MEANS}: for second moments pass {@code controls.withSquares()} and
     * targets for all its columns. SMDs then use the controls' variance for both groups.
     *
     * @param targetMoments one finite target per column of {@code controls}
     * @throws InfeasibleBalanceException when no positive weights can match the targets
     * @throws IllegalArgumentException   for a wrong number of targets, non-finite targets, or
     *                                    {@link Moments#MEANS_AND_VARIANCES}
     */
    public BalancingResult balance(Covariates controls, double[] targetMoments) {
        if (moments != Moments.MEANS) {
            throw new IllegalArgumentException("explicit targets need Moments.MEANS; for second moments balance "
                    + "controls.withSquares() against targets for every one of its columns");
        }
        if (targetMoments == null || targetMoments.length != controls.dimension()) {
            throw new IllegalArgumentException((targetMoments == null ? 0 : targetMoments.length) + " targets for "
                    + controls.dimension() + " columns " + controls.names() + "; need one per column");
        }
        for (int j = 0; j < targetMoments.length; j++) {
            if (!Double.isFinite(targetMoments[j])) {
                throw new IllegalArgumentException("target of '" + controls.names().get(j) + "' is " + targetMoments[j]
                        + "; targets must be finite");
            }
        }
        return solve(controls, targetMoments.clone(), null);
    }

    private BalancingResult solve(Covariates c, double[] target, double[] treatedVariance) {
        int n = c.size();
        int p = c.dimension();
        if (baseWeights != null && baseWeights.length != n) {
            throw new IllegalArgumentException(baseWeights.length + " base weights for " + n
                    + " controls; need one per control");
        }
        DualSolver.Solution s;
        try (Workers workers = new Workers(Math.min(threads, Math.max(1, n / 1024)))) {
            s = new DualSolver(c.data(), n, p, target, baseWeights, tolerance, maxIterations, c.names(), workers).solve();
        }
        List<MomentBalance> rows = new ArrayList<>(p);
        double maxImbalance = 0;
        for (int j = 0; j < p; j++) {
            double controlVar = n > 1 ? s.controlVariance()[j] * n / (n - 1) : 0.0;
            double treatedVar = treatedVariance == null ? controlVar : treatedVariance[j];
            double weighted = target[j] + s.imbalance()[j];
            maxImbalance = Math.max(maxImbalance, Math.abs(s.imbalance()[j]));
            rows.add(new MomentBalance(c.names().get(j), target[j], s.controlMean()[j], weighted,
                    Balance.standardisedMeanDifference(target[j], s.controlMean()[j], treatedVar, controlVar),
                    Balance.standardisedMeanDifference(target[j], weighted, treatedVar, controlVar),
                    s.lambda()[j], s.constant()[j]));
        }
        return new BalancingResult(s.weights(), s.lambda(), s.iterations(), s.converged(), maxImbalance, rows);
    }

    /** Tolerance on every moment's imbalance. */
    public double tolerance() {
        return tolerance;
    }

    /** Maximum number of Newton iterations. */
    public int maxIterations() {
        return maxIterations;
    }

    /** A copy of the base weights, or {@code null} for uniform ones. */
    public double[] baseWeights() {
        return baseWeights == null ? null : baseWeights.clone();
    }

    /** Which moments are matched. */
    public Moments moments() {
        return moments;
    }

    /** Threads used for the passes over the data. */
    public int threads() {
        return threads;
    }

    @Override
    public String toString() {
        return "EntropyBalancing[moments=" + moments + ", tolerance=" + tolerance + ", maxIterations=" + maxIterations
                + ", baseWeights=" + (baseWeights == null ? "uniform" : baseWeights.length + " given")
                + ", threads=" + threads + "]";
    }

    /** Options for {@link EntropyBalancing}; each setter checks its range at once. */
    public static final class Builder {
        private double tolerance = DEFAULT_TOLERANCE;
        private int maxIterations = DEFAULT_MAX_ITERATIONS;
        private double[] baseWeights;
        private Moments moments = Moments.MEANS;
        private int threads = Math.min(2, Runtime.getRuntime().availableProcessors());

        Builder() {
        }

        /** Largest accepted imbalance per moment, in (0, 0.1]; default 1e-10 (see the class comment). */
        public Builder tolerance(double tolerance) {
            if (!(tolerance > 0 && tolerance <= 0.1)) {
                throw new IllegalArgumentException("tolerance must be in (0, 0.1], got " + tolerance);
            }
            this.tolerance = tolerance;
            return this;
        }

        /** Newton iterations at most, 1..100000; default 200. */
        public Builder maxIterations(int maxIterations) {
            if (maxIterations < 1 || maxIterations > 100_000) {
                throw new IllegalArgumentException("maxIterations must be in 1..100000, got " + maxIterations);
            }
            this.maxIterations = maxIterations;
            return this;
        }

        /**
         * Base weights q, one per control, finite and positive (normalised internally); {@code
         * null} restores the default, uniform weights. Weighting stays as close to q as possible.
         */
        public Builder baseWeights(double[] q) {
            if (q != null) {
                if (q.length == 0) {
                    throw new IllegalArgumentException("base weights are empty; give one per control or null");
                }
                for (int i = 0; i < q.length; i++) {
                    if (!(q[i] > 0) || q[i] == Double.POSITIVE_INFINITY) {
                        throw new IllegalArgumentException("base weight " + i + " is " + q[i]
                                + "; base weights must be finite and > 0");
                    }
                }
            }
            this.baseWeights = q == null ? null : q.clone();
            return this;
        }

        /** Which moments to match; default {@link Moments#MEANS}. */
        public Builder moments(Moments moments) {
            if (moments == null) {
                throw new IllegalArgumentException("moments must be MEANS or MEANS_AND_VARIANCES, got null");
            }
            this.moments = moments;
            return this;
        }

        /** Threads for the passes over the data, 1..256; default min(2, available processors). */
        public Builder threads(int threads) {
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("threads must be in 1..256, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** The configured balancer. */
        public EntropyBalancing build() {
            return new EntropyBalancing(this);
        }
    }
}
