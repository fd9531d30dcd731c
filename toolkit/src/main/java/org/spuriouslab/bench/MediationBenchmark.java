package org.spuriouslab.bench;

import static org.spuriouslab.bench.BenchSupport.ints;
import static org.spuriouslab.bench.BenchSupport.require;
import static org.spuriouslab.bench.BenchSupport.status;

import org.spuriouslab.causal.MediationAnalysis;
import org.spuriouslab.models.LanguageModel;
import org.spuriouslab.models.LanguageModelSpec;
import org.spuriouslab.models.LexiconContinuation;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The Java program behind {@code scripts/bench-mediation.sh}: times a mediation analysis on the
 * transformer language model for every combination of units U (3 per layer: attention, MLP,
 * residual) and prompts n (half treated, half controls) and prints how the time scales.
 *
 * <pre>
 * java ... org.spuriouslab.bench.MediationBenchmark [--layers 1,2,4] [--prompts 250,1000,4000]
 *          [--width 64] [--vocabulary 6000] [--length 10] [--steps 4] [--bootstrap 200] [--seed 42]
 * </pre>
 *
 * The model is untrained (seeded initial parameters; the cost does not depend on the values) and
 * the prompts are random token ids of {@code length} tokens. One analysis = one recording pass
 * over the controls (the prompt only) + {@code (1 + U)} greedy continuations of {@code steps} steps
 * over the treated prompts (the plain one and one per unit) + the bootstrap. Output: one row per
 * (U, n) with seconds, milliseconds per unit·prompt, the ratio of that to the previous row, and
 * forward passes per second (a pass = one batch of up to 64 prompts through the model); then {@code MEMORY <VmHWM kB> <VmRSS kB>}.
 */
public final class MediationBenchmark {

    private MediationBenchmark() {
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) {
        int[] layers = {1, 2, 4};
        int[] prompts = {250, 1000, 4000};
        int width = 64;
        int vocabulary = 6000;
        int length = 10;
        int steps = 4;
        int bootstrap = 200;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--layers" -> layers = ints(args[i], require(args[i], value));
                case "--prompts" -> prompts = ints(args[i], require(args[i], value));
                case "--width" -> width = Integer.parseInt(require(args[i], value));
                case "--vocabulary" -> vocabulary = Integer.parseInt(require(args[i], value));
                case "--length" -> length = Integer.parseInt(require(args[i], value));
                case "--steps" -> steps = Integer.parseInt(require(args[i], value));
                case "--bootstrap" -> bootstrap = Integer.parseInt(require(args[i], value));
                case "--seed" -> seed = Long.parseLong(require(args[i], value));
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; use --layers LIST, "
                        + "--prompts LIST, --width W, --vocabulary V, --length L, --steps S, --bootstrap B, --seed S");
            }
            i++;
        }
        System.out.printf(Locale.ROOT, "mediation benchmark: width %d, vocabulary %d, prompts of %d tokens, %d greedy steps, "
                + "bootstrap %d, %d CPU threads for PyTorch%n", width, vocabulary, length, steps, bootstrap,
                Integer.getInteger("ai.djl.pytorch.num_threads", -1));
        System.out.printf(Locale.ROOT, "%6s %6s %8s %10s %14s %8s %12s%n", "units", "prompts", "treated", "seconds",
                "ms/(unit·prompt)", "ratio", "batches/s");
        double previous = Double.NaN;
        int[] lexicon = java.util.stream.IntStream.range(4, 54).toArray();
        for (int l : layers) {
            LanguageModelSpec spec = LanguageModelSpec.builder().layers(l).width(width).mlpWidth(4 * width)
                    .heads(Math.max(1, width / 16)).context(Math.max(length + steps, 16)).seed(seed).build();
            try (LanguageModel lm = LanguageModel.untrained(spec, vocabulary)) {
                LexiconContinuation y = lm.continuation(lexicon, steps);
                run(lm, y, 100, length, vocabulary, bootstrap, seed); // JIT and native warm-up
                for (int n : prompts) {
                    long t0 = System.nanoTime();
                    run(lm, y, n, length, vocabulary, bootstrap, seed);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    int units = lm.unitNames().size();
                    int treated = n / 2;
                    double perUnitPrompt = seconds * 1000 / ((double) units * treated);
                    double batch = LexiconContinuation.BATCH;
                    long passes = (long) Math.ceil((n - treated) / batch) + (1L + units) * steps * (long) Math.ceil(treated / batch);
                    System.out.printf(Locale.ROOT, "%6d %6d %8d %10.2f %14.4f %8s %12.1f%n", units, n, treated, seconds,
                            perUnitPrompt, Double.isNaN(previous) ? "-" : String.format(Locale.ROOT, "%.2f", perUnitPrompt / previous),
                            passes / seconds);
                    previous = perUnitPrompt;
                }
            }
        }
        System.out.println("MEMORY " + status("VmHWM") + " " + status("VmRSS"));
    }

    private static void run(LanguageModel lm, LexiconContinuation y, int n, int length, int vocabulary, int bootstrap, long seed) {
        SplittableRandom r = new SplittableRandom(seed + n);
        float[][] rows = new float[n][length];
        for (float[] row : rows) {
            for (int j = 0; j < length; j++) {
                row[j] = 4 + r.nextInt(vocabulary - 4);
            }
        }
        int treated = n / 2;
        MediationAnalysis.builder().network(y).units(lm.unitNames()).outcome(LexiconContinuation.outcome())
                .treated(Arrays.copyOfRange(rows, 0, treated)).controls(Arrays.copyOfRange(rows, treated, n))
                .bootstrap(bootstrap).seed(seed).build().run();
    }
}
