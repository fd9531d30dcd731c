package org.spuriouslab.bench;

import static org.spuriouslab.bench.BenchSupport.ints;
import static org.spuriouslab.bench.BenchSupport.require;
import static org.spuriouslab.bench.BenchSupport.status;

import org.spuriouslab.causal.BalancingResult;
import org.spuriouslab.causal.Covariates;
import org.spuriouslab.causal.EntropyBalancing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The Java program behind {@code scripts/bench-balancing.sh}: times entropy balancing for every
 * combination of controls n and moments p and prints how the time scales.
 *
 * <pre>
 * java ... org.spuriouslab.bench.BalancingBenchmark [--n 10000,100000,1000000] [--p 5,20,50]
 *          [--threads 2] [--repeats 1] [--shift 0.25] [--seed 42]
 * </pre>
 *
 * Data: controls xᵢⱼ = zᵢⱼ + 0.5 zᵢ₀ (standard normals, so the columns are correlated); targets
 * = control means shifted by {@code shift} SD, alternately up and down (a treated group that
 * differs in every moment). The seconds cover {@code balance(...)} only (the data is generated
 * first), as the median of {@code repeats} runs after a JIT warm-up on 20 000 × 20. Memory: the
 * controls take n·p·8 bytes (10⁶ × 50 = 400 MB) plus a transient copy while they are built; the
 * solver adds O(n + p²·blocks) (≈ 50 MB at 10⁶ × 50). Output: one table row per (n, p) with
 * iterations, seconds, nanoseconds per n·p, the ratio of that to the previous row, and the final
 * imbalance and effective sample size; then {@code MEMORY <VmHWM kB> <VmRSS kB>}.
 */
public final class BalancingBenchmark {

    private BalancingBenchmark() {
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) {
        int[] ns = {10_000, 100_000, 1_000_000};
        int[] ps = {5, 20, 50};
        int threads = 2;
        int repeats = 1;
        double shift = 0.25;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--n" -> ns = ints(args[i], require(args[i], value));
                case "--p" -> ps = ints(args[i], require(args[i], value));
                case "--threads" -> threads = Integer.parseInt(require(args[i], value));
                case "--repeats" -> repeats = Integer.parseInt(require(args[i], value));
                case "--shift" -> shift = Double.parseDouble(require(args[i], value));
                case "--seed" -> seed = Long.parseLong(require(args[i], value));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --n LIST, --p LIST, --threads T, --repeats R, --shift S, --seed S");
            }
            i++;
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeats must be at least 1, got " + repeats);
        }
        if (!(shift >= 0 && shift <= 2)) {
            throw new IllegalArgumentException("--shift must be in [0, 2] SD, got " + shift);
        }
        EntropyBalancing balancer = EntropyBalancing.options().threads(threads).build();
        System.out.printf(Locale.ROOT, "entropy balancing benchmark: Java %s, %d threads, %d CPUs, max heap %d MB, "
                        + "shift %.2f SD, seed %d%n", System.getProperty("java.version"), threads,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, shift, seed);

        long warm = System.nanoTime();
        Problem w = Problem.generate(20_000, 20, shift, seed + 1);
        for (int r = 0; r < 3; r++) {
            balancer.balance(w.controls(), w.target());
        }
        System.out.printf(Locale.ROOT, "warm-up: 3 runs on 20000 x 20 in %.2f s%n", (System.nanoTime() - warm) / 1e9);

        System.out.println();
        System.out.println("        n    p  iter   seconds   s/iter   ns/(n·p)  ratio   max imbalance        ESS");
        double previous = Double.NaN;
        for (int n : ns) {
            for (int p : ps) {
                Problem problem = Problem.generate(n, p, shift, seed);
                double[] seconds = new double[repeats];
                BalancingResult result = null;
                for (int r = 0; r < repeats; r++) {
                    long start = System.nanoTime();
                    result = balancer.balance(problem.controls(), problem.target());
                    seconds[r] = (System.nanoTime() - start) / 1e9;
                }
                problem = null; // let the data go before the next, larger problem
                double s = median(seconds);
                double perElement = s / ((double) n * p) * 1e9;
                String row = String.format(Locale.ROOT, "%9d %4d %5d %9.3f %8.4f %10.3f %6s %15.2e %10.1f%s", n, p,
                        result.iterations(), s, s / Math.max(1, result.iterations()), perElement,
                        Double.isNaN(previous) ? "-" : String.format(Locale.ROOT, "%.2f", perElement / previous),
                        result.maxImbalance(), result.effectiveSampleSize(), result.converged() ? "" : "  NOT converged");
                System.out.println(row);
                previous = perElement;
            }
        }
        System.out.printf("MEMORY %d %d%n", status("VmHWM"), status("VmRSS"));
    }

    /** Controls and target moments for one benchmark row. */
    private record Problem(Covariates controls, double[] target) {

        static Problem generate(int n, int p, double shift, long seed) {
            SplittableRandom rnd = new SplittableRandom(seed ^ (31L * n + p));
            double[] x = new double[Math.multiplyExact(n, p)];
            for (int i = 0; i < n; i++) {
                double common = rnd.nextGaussian();
                int base = i * p;
                for (int j = 0; j < p; j++) {
                    x[base + j] = rnd.nextGaussian() + 0.5 * common;
                }
            }
            List<String> names = new ArrayList<>(p);
            for (int j = 1; j <= p; j++) {
                names.add("x" + j);
            }
            Covariates controls = Covariates.ofRowMajor(x, names);
            double[] target = controls.means();
            double sd = Math.sqrt(1.25); // Var(z + 0.5 z0)
            for (int j = 0; j < p; j++) {
                target[j] += (j % 2 == 0 ? shift : -shift) * sd;
            }
            return new Problem(controls, target);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
