package org.spuriouslab.causal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Newton's method on the entropy-balancing dual
 * L(λ) = log Σᵢ qᵢ exp(λᵀ(cᵢ − m̄)), whose minimiser gives wᵢ ∝ qᵢ exp(λᵀ(cᵢ − m̄)).
 *
 * <p>Numerics: the moment functions are centred at the target m̄ (inside every row loop, so the
 * data is never copied) and Newton runs in standardised coordinates λ'ⱼ = λⱼ sⱼ (sⱼ = SD of
 * moment j among the controls), which makes the Hessian a weighted correlation-like matrix. The
 * sums use log-sum-exp per block of rows. Rows are cut into blocks fixed by n and p alone, block
 * partial sums are added in block order, so results are identical for any number of threads.
 * Collinear moments make the Hessian singular; the Newton system is solved with a ridge of 10⁻¹²
 * of its largest diagonal entry (raised ×100 until Cholesky succeeds). Because the gradient of a
 * feasible problem has no component along such directions, the ridge changes the path a little
 * and the solution not at all.
 *
 * <p>Cost: a value pass (and a gradient pass) costs O(n p), a Hessian pass O(n p²). The Hessian
 * and its Cholesky factor are therefore kept from step to step as long as every full step cuts
 * the largest standardised gradient at least tenfold; a backtracked step, a slower decrease or a
 * failed line search brings a fresh Hessian (a chord / lazy-Hessian Newton method). Near the
 * solution this converges linearly with a small ratio instead of quadratically, for a fraction
 * of the Hessian passes.
 *
 * <p>Infeasibility: (1) a pre-check of every moment's range among the controls; (2) a
 * certificate: for any feasible target L(λ) ≥ −KL(w‖q) ≥ log min qᵢ, so a value below that
 * proves the target is outside the convex hull; (3) when Newton stalls or runs out of iterations
 * with |λ'| beyond {@link #LAMBDA_LIMIT}, the targets sit on (or numerically at) the hull's edge.
 */
final class DualSolver {

    /** Standardised |λ'| beyond which a stalled or unfinished run is called infeasible. */
    static final double LAMBDA_LIMIT = 40;
    /** Rounding allowance per moment, relative to the largest |cᵢⱼ − m̄ⱼ|. */
    static final double ROUNDING = 1e-14;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 60;
    /** Keep the Hessian of an earlier point while each full step cuts the gradient at least this much. */
    private static final double REUSE_RATIO = 0.1;
    /** Rows per block so that a block's data (≈ 256 kB) stays in cache between the sweeps of a pass. */
    private static final int BLOCK_BYTES = 256 * 1024;
    private static final long MAX_PARTIAL_DOUBLES = 4_000_000;

    /** What the solver hands back. Imbalance and means are per moment (weighted mean − target). */
    record Solution(double[] weights, double[] lambda, int iterations, boolean converged, double[] imbalance,
                    double[] controlMean, double[] controlVariance, boolean[] constant) {
    }

    private final double[] data;
    private final int n;
    private final int p;
    private final double[] target;
    private final double[] logq; // null: uniform
    private final double logQmin;
    private final double tolerance;
    private final int maxIterations;
    private final List<String> names;
    private final Workers workers;

    private final int blockRows;
    private final int blocks;
    private final double[] u;          // per row: exp(ηᵢ − block max)
    private final double[] blockMax;
    private final double[] blockSum;
    private final double[][] blockG;
    private final double[][] blockH;

    // column statistics
    private final double[] min;
    private final double[] max;
    private final double[] mean;
    private final double[] variance; // population
    private final double[] sd;
    private final double[] maxDev;   // max |cᵢⱼ − m̄ⱼ|

    /** Passes that computed the O(n p²) Hessian (for benchmarks and tests). */
    int hessianPasses;

    // state of the current evaluation
    private double globalMax;
    private double sum;
    private final double[] g;        // Σ wᵢ (cᵢ − m̄), raw units
    private final double[] e2;       // Σ wᵢ (cᵢ − m̄)(cᵢ − m̄)ᵀ, upper triangle, row-major p × p

    DualSolver(double[] data, int n, int p, double[] target, double[] baseWeights, double tolerance,
               int maxIterations, List<String> names, Workers workers) {
        this.data = data;
        this.n = n;
        this.p = p;
        this.target = target;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.names = names;
        this.workers = workers;
        if (baseWeights == null) {
            logq = null;
            logQmin = -Math.log(n);
        } else {
            double total = 0;
            for (double q : baseWeights) {
                total += q;
            }
            logq = new double[n];
            double lo = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                logq[i] = Math.log(baseWeights[i] / total);
                lo = Math.min(lo, logq[i]);
            }
            logQmin = lo;
        }
        int maxBlocks = (int) Math.max(1, MAX_PARTIAL_DOUBLES / ((long) p * p + p));
        int rowsPerBlock = Math.max(64, Math.min(16_384, BLOCK_BYTES / (8 * p)));
        int wanted = (n + rowsPerBlock - 1) / rowsPerBlock;
        int b = Math.max(1, Math.min(wanted, maxBlocks));
        blockRows = (n + b - 1) / b;
        blocks = (n + blockRows - 1) / blockRows;
        u = new double[n];
        blockMax = new double[blocks];
        blockSum = new double[blocks];
        blockG = new double[blocks][];
        blockH = new double[blocks][];
        min = new double[p];
        max = new double[p];
        mean = new double[p];
        variance = new double[p];
        sd = new double[p];
        maxDev = new double[p];
        g = new double[p];
        e2 = new double[p * p];
    }

    Solution solve() {
        columnStatistics();
        boolean[] constant = preCheck();
        int[] active = IntStream.range(0, p).filter(j -> !constant[j]).toArray();
        int k = active.length;
        double[] lambdaS = new double[k];
        double[] beta = new double[p];
        double value = valuePass(beta);
        int iterations = 0;
        boolean converged;
        double[] factor = null;  // Cholesky factor of the (ridged) standardised Hessian
        boolean fresh = false;   // factor computed at the current λ
        while (true) {
            if (balanced(active)) {
                converged = true;
                break;
            }
            if (iterations >= maxIterations) {
                converged = false;
                break;
            }
            if (factor == null) {
                secondMoments();
                factor = hessianFactor(active);
                fresh = true;
                hessianPasses++;
            }
            double[] gs = new double[k];
            for (int a = 0; a < k; a++) {
                gs[a] = -g[active[a]] / sd[active[a]];
            }
            double[] step = choleskySolve(factor, k, gs);
            double slope = -dot(gs, step);
            if (!(slope < 0)) {
                if (!fresh) {
                    factor = null;
                    continue;
                }
                converged = false;
                break;
            }
            boolean precise = -slope <= 1e-11 * (1 + Math.abs(value));
            double before = scaledGradientMax(active); // value passes below overwrite the gradient
            double t = 1;
            double[] trial = new double[k];
            boolean accepted = false;
            double trialValue = Double.NaN;
            for (int h = 0; h < MAX_HALVINGS; h++) {
                for (int a = 0; a < k; a++) {
                    trial[a] = lambdaS[a] + t * step[a];
                }
                toBeta(active, trial, beta);
                trialValue = valuePass(beta);
                if (trialValue < logQmin - 1e-9 * (1 + Math.abs(logQmin))) {
                    throw outsideHull(active, trial);
                }
                if (Double.isFinite(trialValue) && (precise || trialValue <= value + ARMIJO * t * slope)) {
                    accepted = true;
                    break;
                }
                t *= 0.5;
            }
            if (!accepted) {
                toBeta(active, lambdaS, beta);
                value = valuePass(beta); // restore the weights and gradient of the current point
                if (!fresh) {
                    factor = null; // retry with the Hessian of this point
                    continue;
                }
                converged = false;
                break;
            }
            System.arraycopy(trial, 0, lambdaS, 0, k);
            value = trialValue; // the trial's pass left its weights and gradient in place
            iterations++;
            double ratio = scaledGradientMax(active) / before;
            boolean stale = !fresh;
            fresh = false;
            if (precise && !balanced(active) && ratio >= 1) {
                if (stale) {
                    factor = null;
                    continue;
                }
                converged = false; // rounding noise decides from here on
                break;
            }
            if (t < 1 || ratio > REUSE_RATIO) {
                factor = null; // the Hessian of the new point is worth its O(n p²) pass
            }
        }
        if (!converged && maxAbs(lambdaS) > LAMBDA_LIMIT) {
            throw notConverging(active, lambdaS, iterations);
        }
        double[] weights = weights();
        int zeros = 0;
        for (double w : weights) {
            if (w == 0) {
                zeros++;
            }
        }
        if (zeros > 0) {
            throw atEdge(active, lambdaS, zeros);
        }
        double[] imbalance = imbalance(weights);
        double[] lambda = new double[p];
        toBeta(active, lambdaS, lambda);
        return new Solution(weights, lambda, iterations, converged, imbalance, mean.clone(), variance.clone(), constant);
    }

    // ---- passes over the data -------------------------------------------------------------

    private int from(int b) {
        return b * blockRows;
    }

    private int to(int b) {
        return Math.min(n, (b + 1) * blockRows);
    }

    /** Min, max, mean and variance of every moment in one pass (sums of c − m̄ and its square, for accuracy). */
    private void columnStatistics() {
        double[][] part = new double[blocks][];
        workers.forEach(blocks, b -> {
            double[] s = new double[4 * p];
            Arrays.fill(s, 0, p, Double.POSITIVE_INFINITY);
            Arrays.fill(s, p, 2 * p, Double.NEGATIVE_INFINITY);
            for (int i = from(b), end = to(b); i < end; i++) {
                int base = i * p;
                for (int j = 0; j < p; j++) {
                    double v = data[base + j];
                    double d = v - target[j];
                    s[j] = Math.min(s[j], v);
                    s[p + j] = Math.max(s[p + j], v);
                    s[2 * p + j] += d;
                    s[3 * p + j] += d * d;
                }
            }
            part[b] = s;
        });
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        double[] sq = new double[p];
        for (double[] s : part) {
            for (int j = 0; j < p; j++) {
                min[j] = Math.min(min[j], s[j]);
                max[j] = Math.max(max[j], s[p + j]);
                mean[j] += s[2 * p + j];
                sq[j] += s[3 * p + j];
            }
        }
        for (int j = 0; j < p; j++) {
            double shift = mean[j] / n; // mean of c − m̄
            mean[j] = target[j] + shift;
            variance[j] = min[j] == max[j] ? 0.0 : Math.max(0.0, sq[j] / n - shift * shift);
            sd[j] = Math.sqrt(variance[j]);
            maxDev[j] = Math.max(Math.abs(max[j] - target[j]), Math.abs(min[j] - target[j]));
        }
    }

    /**
     * One sweep per block: ηᵢ = log qᵢ + βᵀ(cᵢ − m̄), uᵢ = exp(ηᵢ − block max), and the gradient
     * Σ wᵢ(cᵢ − m̄) into {@link #g} (the block's rows are re-read from cache). Returns L(β).
     */
    private double valuePass(double[] beta) {
        workers.forEach(blocks, b -> {
            int start = from(b);
            int end = to(b);
            double mx = Double.NEGATIVE_INFINITY;
            for (int i = start; i < end; i++) {
                int base = i * p;
                double s0 = 0;
                double s1 = 0;
                int j = 0;
                for (; j + 1 < p; j += 2) {
                    s0 += beta[j] * (data[base + j] - target[j]);
                    s1 += beta[j + 1] * (data[base + j + 1] - target[j + 1]);
                }
                if (j < p) {
                    s0 += beta[j] * (data[base + j] - target[j]);
                }
                double eta = (logq == null ? 0 : logq[i]) + s0 + s1;
                u[i] = eta;
                if (eta > mx) {
                    mx = eta;
                }
            }
            double[] gb = blockG[b] == null ? (blockG[b] = new double[p]) : blockG[b];
            Arrays.fill(gb, 0);
            double s = 0;
            if (mx == Double.POSITIVE_INFINITY || Double.isNaN(mx)) {
                s = Double.NaN;
            } else {
                for (int i = start; i < end; i++) {
                    double v = Math.exp(u[i] - mx);
                    u[i] = v;
                    s += v;
                    int base = i * p;
                    for (int j = 0; j < p; j++) {
                        gb[j] += v * (data[base + j] - target[j]);
                    }
                }
            }
            blockMax[b] = mx;
            blockSum[b] = s;
        });
        double m = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < blocks; b++) {
            if (Double.isNaN(blockSum[b]) || Double.isNaN(blockMax[b])) {
                return Double.NaN;
            }
            m = Math.max(m, blockMax[b]);
        }
        double s = 0;
        for (int b = 0; b < blocks; b++) {
            s += blockSum[b] * Math.exp(blockMax[b] - m);
        }
        globalMax = m;
        sum = s;
        Arrays.fill(g, 0);
        for (int b = 0; b < blocks; b++) {
            double f = Math.exp(blockMax[b] - m) / s;
            double[] gb = blockG[b];
            for (int j = 0; j < p; j++) {
                g[j] += f * gb[j];
            }
        }
        return m + Math.log(s) + (logq == null ? -Math.log(n) : 0);
    }

    /** Σ wᵢ (cᵢ − m̄)(cᵢ − m̄)ᵀ (upper triangle) into {@link #e2}, at the weights of the last value pass. */
    private void secondMoments() {
        workers.forEach(blocks, b -> {
            double[] hb = blockH[b] == null ? (blockH[b] = new double[p * p]) : blockH[b];
            Arrays.fill(hb, 0);
            accumulate(from(b), to(b), hb);
        });
        Arrays.fill(e2, 0);
        for (int b = 0; b < blocks; b++) {
            double f = Math.exp(blockMax[b] - globalMax) / sum;
            double[] hb = blockH[b];
            for (int j = 0; j < p; j++) {
                for (int l = j; l < p; l++) {
                    e2[j * p + l] += f * hb[j * p + l];
                }
            }
        }
    }

    /** The hot loop: H += Σ uᵢ dᵢ dᵢᵀ (upper triangle), dᵢ = cᵢ − m̄, four rows at a time. */
    private void accumulate(int start, int end, double[] hb) {
        final int p = this.p;
        final double[] data = this.data;
        final double[] target = this.target;
        final double[] u = this.u;
        double[] d = new double[4 * p];
        double[] v = new double[4 * p];
        int i = start;
        for (; i + 4 <= end; i += 4) {
            for (int r = 0; r < 4; r++) {
                double ui = u[i + r];
                int base = (i + r) * p;
                int off = r * p;
                for (int j = 0; j < p; j++) {
                    double dj = data[base + j] - target[j];
                    d[off + j] = dj;
                    v[off + j] = ui * dj;
                }
            }
            final int p1 = p;
            final int p2 = 2 * p;
            final int p3 = 3 * p;
            for (int j = 0; j < p; j++) {
                double a0 = v[j];
                double a1 = v[p1 + j];
                double a2 = v[p2 + j];
                double a3 = v[p3 + j];
                int row = j * p;
                for (int l = j; l < p; l++) {
                    hb[row + l] += a0 * d[l] + a1 * d[p1 + l] + a2 * d[p2 + l] + a3 * d[p3 + l];
                }
            }
        }
        for (; i < end; i++) {
            double ui = u[i];
            int base = i * p;
            for (int j = 0; j < p; j++) {
                d[j] = data[base + j] - target[j];
            }
            for (int j = 0; j < p; j++) {
                double a = ui * d[j];
                int row = j * p;
                for (int l = j; l < p; l++) {
                    hb[row + l] += a * d[l];
                }
            }
        }
    }

    /** Normalised weights at the last value pass. */
    private double[] weights() {
        double[] w = new double[n];
        double[] part = new double[blocks];
        workers.forEach(blocks, b -> {
            double f = Math.exp(blockMax[b] - globalMax) / sum;
            double s = 0;
            for (int i = from(b), end = to(b); i < end; i++) {
                w[i] = u[i] * f;
                s += w[i];
            }
            part[b] = s;
        });
        double total = 0;
        for (double s : part) {
            total += s;
        }
        final double scale = 1 / total;
        workers.forEach(blocks, b -> {
            for (int i = from(b), end = to(b); i < end; i++) {
                w[i] *= scale;
            }
        });
        return w;
    }

    /** Σ wᵢ cᵢⱼ − m̄ⱼ recomputed from the final weights. */
    private double[] imbalance(double[] w) {
        double[][] part = new double[blocks][];
        workers.forEach(blocks, b -> {
            double[] s = new double[p];
            for (int i = from(b), end = to(b); i < end; i++) {
                double wi = w[i];
                int base = i * p;
                for (int j = 0; j < p; j++) {
                    s[j] += wi * (data[base + j] - target[j]);
                }
            }
            part[b] = s;
        });
        double[] r = new double[p];
        for (double[] s : part) {
            for (int j = 0; j < p; j++) {
                r[j] += s[j];
            }
        }
        return r;
    }

    // ---- Newton -----------------------------------------------------------------------------

    private boolean balanced(int[] active) {
        for (int j : active) {
            if (!(Math.abs(g[j]) <= tolerance * Math.min(1, sd[j]) + ROUNDING * maxDev[j])) {
                return false;
            }
        }
        return true;
    }

    private double scaledGradientMax(int[] active) {
        double m = 0;
        for (int j : active) {
            m = Math.max(m, Math.abs(g[j]) / sd[j]);
        }
        return m;
    }

    private void toBeta(int[] active, double[] lambdaS, double[] beta) {
        for (int a = 0; a < active.length; a++) {
            beta[active[a]] = lambdaS[a] / sd[active[a]];
        }
    }

    /**
     * Cholesky factor of H' + δI, H' the standardised weighted covariance of the active moments at
     * the last {@link #secondMoments()} pass.
     */
    private double[] hessianFactor(int[] active) {
        int k = active.length;
        double[] h = new double[k * k];
        double maxDiag = 0;
        for (int a = 0; a < k; a++) {
            int ja = active[a];
            for (int b = a; b < k; b++) {
                int jb = active[b];
                double cov = e2[ja * p + jb] - g[ja] * g[jb];
                double v = cov / (sd[ja] * sd[jb]);
                h[a * k + b] = v;
                h[b * k + a] = v;
            }
            maxDiag = Math.max(maxDiag, h[a * k + a]);
        }
        double ridge = 1e-12 * (maxDiag > 0 ? maxDiag : 1);
        for (int attempt = 0; attempt < 30; attempt++, ridge *= 100) {
            double[] l = cholesky(h, k, ridge);
            if (l != null) {
                return l;
            }
        }
        throw new IllegalStateException("the Newton system could not be factored even with a large ridge");
    }

    private static double[] cholesky(double[] h, int k, double ridge) {
        double[] l = new double[k * k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b++) {
                double s = h[a * k + b] + (a == b ? ridge : 0);
                for (int c = 0; c < b; c++) {
                    s -= l[a * k + c] * l[b * k + c];
                }
                if (a == b) {
                    if (!(s > 0)) {
                        return null;
                    }
                    l[a * k + a] = Math.sqrt(s);
                } else {
                    l[a * k + b] = s / l[b * k + b];
                }
            }
        }
        return l;
    }

    private static double[] choleskySolve(double[] l, int k, double[] rhs) {
        double[] y = new double[k];
        for (int a = 0; a < k; a++) {
            double s = rhs[a];
            for (int c = 0; c < a; c++) {
                s -= l[a * k + c] * y[c];
            }
            y[a] = s / l[a * k + a];
        }
        double[] x = new double[k];
        for (int a = k - 1; a >= 0; a--) {
            double s = y[a];
            for (int c = a + 1; c < k; c++) {
                s -= l[c * k + a] * x[c];
            }
            x[a] = s / l[a * k + a];
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    // ---- infeasibility ----------------------------------------------------------------------

    /** Marks constant moments equal to their target; throws for targets outside a moment's range. */
    private boolean[] preCheck() {
        boolean[] constant = new boolean[p];
        List<String> offending = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            if (min[j] == max[j]) {
                if (Math.abs(target[j] - min[j]) <= tolerance * Math.max(1, Math.abs(min[j]))) {
                    constant[j] = true;
                } else {
                    offending.add(names.get(j));
                    details.add(String.format(Locale.ROOT, "'%s': target %s but every control has %s",
                            names.get(j), fmtTarget(j), fmt(min[j])));
                }
            } else if (target[j] < min[j] || target[j] > max[j]) {
                offending.add(names.get(j));
                details.add(String.format(Locale.ROOT, "'%s': target %s outside the controls' range [%s, %s]",
                        names.get(j), fmtTarget(j), fmt(min[j]), fmt(max[j])));
            }
        }
        if (!offending.isEmpty()) {
            throw new InfeasibleBalanceException("no positive control weights can match " + offending.size()
                    + " target moment(s) that lie outside the controls' values: " + String.join("; ", details),
                    offending);
        }
        return constant;
    }

    private InfeasibleBalanceException outsideHull(int[] active, double[] direction) {
        List<Integer> involved = ranked(active, direction, 0.05);
        return new InfeasibleBalanceException("the target moments lie outside the convex hull of the controls' "
                + "moments: each target is within its own range, but no positive weights match them jointly. "
                + "Moments involved (largest share of the separating direction first): " + describe(involved),
                involvedNames(involved));
    }

    private InfeasibleBalanceException notConverging(int[] active, double[] lambdaS, int iterations) {
        double[] scaled = new double[active.length];
        for (int a = 0; a < active.length; a++) {
            scaled[a] = g[active[a]] / sd[active[a]];
        }
        List<Integer> involved = ranked(active, scaled, 0.01);
        return new InfeasibleBalanceException(String.format(Locale.ROOT, "entropy balancing did not converge "
                + "(%d iterations, |λ| grew to %.3g SD⁻¹ while the imbalance stalled): the targets lie on or "
                + "numerically at the edge of the controls' convex hull. Largest remaining imbalances: %s",
                iterations, maxAbs(lambdaS), describeImbalance(involved)), involvedNames(involved));
    }

    private InfeasibleBalanceException atEdge(int[] active, double[] lambdaS, int zeros) {
        List<Integer> involved = ranked(active, lambdaS, 0.05);
        return new InfeasibleBalanceException(zeros + " control weight(s) underflow to 0: the targets sit at the "
                + "edge of the controls' convex hull, where only zero weights would balance them. Moments involved: "
                + describe(involved), involvedNames(involved));
    }

    /** Moment indices whose |score| is at least {@code share} of the largest, largest first, at most 6. */
    private List<Integer> ranked(int[] active, double[] score, double share) {
        double top = maxAbs(score);
        return IntStream.range(0, active.length).boxed()
                .filter(a -> Math.abs(score[a]) >= share * top && score[a] != 0)
                .sorted(Comparator.comparingDouble((Integer a) -> -Math.abs(score[a])))
                .limit(6).map(a -> active[a]).toList();
    }

    private List<String> involvedNames(List<Integer> involved) {
        return involved.stream().map(names::get).toList();
    }

    private String describe(List<Integer> involved) {
        List<String> parts = new ArrayList<>();
        for (int j : involved) {
            parts.add(String.format(Locale.ROOT, "'%s' (target %s, controls [%s, %s])", names.get(j), fmtTarget(j),
                    fmt(min[j]), fmt(max[j])));
        }
        return String.join(", ", parts);
    }

    private String describeImbalance(List<Integer> involved) {
        List<String> parts = new ArrayList<>();
        for (int j : involved) {
            parts.add(String.format(Locale.ROOT, "'%s' (target %s, weighted %s, controls [%s, %s])", names.get(j),
                    fmtTarget(j), fmt(target[j] + g[j]), fmt(min[j]), fmt(max[j])));
        }
        return String.join(", ", parts);
    }

    /** 7 significant digits, trailing zeros dropped (0.6, 100, 1.5E-12). */
    static String fmt(double v) {
        return fmt(v, 7);
    }

    /** The target of moment j with enough digits to tell it apart from the controls' min and max. */
    private String fmtTarget(int j) {
        double t = target[j];
        for (int digits = 7; digits < 17; digits++) {
            String s = fmt(t, digits);
            if ((t == min[j] || !s.equals(fmt(min[j], digits))) && (t == max[j] || !s.equals(fmt(max[j], digits)))) {
                return s;
            }
        }
        return fmt(t, 17);
    }

    private static String fmt(double v, int digits) {
        if (v == 0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
        return Math.abs(v) >= 1e-4 && Math.abs(v) < 1e10 ? b.toPlainString() : b.toString();
    }
}
