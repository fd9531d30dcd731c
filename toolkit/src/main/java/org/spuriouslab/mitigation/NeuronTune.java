package org.spuriouslab.mitigation;

import org.spuriouslab.models.Classifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * NeuronTune (after Zheng, Ye &amp; Zhang 2025): find penultimate neurons whose activations go with
 * misclassification and silence them, without group labels.
 * <ol>
 *   <li>On the held-out identification split, score every neuron per class with
 *       {@link NeuronScores} (median activation over misclassified minus over correct samples).</li>
 *   <li>Select neurons with δ &gt; λ under a {@link SelectionRule} (default {@link SelectionRule#ANY}, λ = 0).</li>
 *   <li>Silence them (set to 0), keep the extractor frozen, and retrain the linear head on the
 *       training split with class-balanced sampling and cross-entropy ({@link HeadRetraining}).</li>
 * </ol>
 * Group labels are used only to report accuracy per group.
 *
 * <pre>{@code
 * NeuronTuneResult r = NeuronTune.run(model, splits, NeuronTune.Options.defaults());
 * r.before().worstGroupAccuracy();  r.after().worstGroupAccuracy();
 * }</pre>
 */
public final class NeuronTune {

    private NeuronTune() {
    }

    /**
     * NeuronTune's settings.
     *
     * @param rule       how per-class scores combine (ANY or ALL classes)
     * @param lambda     threshold λ on δ
     * @param retraining head-retraining settings
     */
    public record Options(SelectionRule rule, double lambda, HeadRetraining.Options retraining) {

        /** Checks the settings. */
        public Options {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(retraining, "retraining");
            if (!Double.isFinite(lambda)) {
                throw new IllegalArgumentException("λ must be a finite number, got " + lambda);
            }
        }

        /** Rule ANY, λ = 0, {@link HeadRetraining.Options#defaults()}. */
        public static Options defaults() {
            return new Options(SelectionRule.ANY, 0, HeadRetraining.Options.defaults());
        }

        /** These options with another rule. */
        public Options withRule(SelectionRule rule) {
            return new Options(rule, lambda, retraining);
        }

        /** These options with another λ. */
        public Options withLambda(double lambda) {
            return new Options(rule, lambda, retraining);
        }

        /** These options with other retraining settings. */
        public Options withRetraining(HeadRetraining.Options retraining) {
            return new Options(rule, lambda, retraining);
        }

        /** A short label, e.g. {@code NeuronTune (ANY, λ=0)}. */
        public String label() {
            return String.format(Locale.ROOT, "NeuronTune (%s, λ=%s)", rule, fmt(lambda));
        }
    }

    /** Runs NeuronTune on a classifier (reads its activations on all three splits first; the classifier is not changed). */
    public static NeuronTuneResult run(Classifier classifier, GroupedSplits splits, Options options) {
        return run(SplitFeatures.of(classifier, splits), splits, options);
    }

    /**
     * Runs NeuronTune on precomputed activations.
     *
     * @throws IllegalStateException when every neuron is selected (raise λ or use the ALL rule)
     */
    public static NeuronTuneResult run(SplitFeatures features, GroupedSplits splits, Options options) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(splits, "splits");
        Objects.requireNonNull(options, "options");
        checkSizes(features, splits);
        LinearHead erm = features.ermHead();
        int k = splits.numClasses();
        int[] idLabels = splits.identification().labels();
        NeuronScores scores = NeuronScores.compute(features.identification(), erm.predict(features.identification()),
                idLabels, k);
        NeuronSelection selection = NeuronSelection.select(scores, options.rule(), options.lambda());
        if (selection.outcome() == NeuronSelection.Outcome.ALL) {
            throw new IllegalStateException("all " + selection.numNeurons() + " neurons have δ > λ = "
                    + fmt(options.lambda()) + " under rule " + options.rule()
                    + "; silencing them all leaves the head no input — raise λ or use rule ALL");
        }
        int[] trainLabels = splits.train().labels();
        LinearHead head = HeadRetraining.fit(features.train(), trainLabels, trainLabels, k, selection.mask(),
                options.retraining());
        List<String> groups = splits.groupNames();
        GroupReport before = GroupReport.of("ERM", erm.predict(features.test()), splits.test(), groups);
        GroupReport after = GroupReport.of(options.label(), head.predict(features.test()), splits.test(), groups);
        NeuronScores scoresAfter = NeuronScores.compute(head.silence(features.identification()),
                head.predict(features.identification()), idLabels, k);
        return new NeuronTuneResult(options, scores, selection, head, before, after, scores.fitness(),
                scoresAfter.fitness());
    }

    /**
     * Runs NeuronTune once per λ (same rule and retraining); a λ that selects every neuron is skipped.
     * Pick among the results without group labels with {@link #pickByFitness}.
     */
    public static List<NeuronTuneResult> sweep(SplitFeatures features, GroupedSplits splits, Options options,
                                               double... lambdas) {
        if (lambdas.length == 0) {
            throw new IllegalArgumentException("give at least one λ to sweep");
        }
        List<NeuronTuneResult> out = new ArrayList<>();
        for (double l : lambdas) {
            try {
                out.add(run(features, splits, options.withLambda(l)));
            } catch (IllegalStateException allSelected) {
                // every neuron passed this λ: not a usable setting
            }
        }
        return out;
    }

    /**
     * The result with the lowest spuriousness fitness Σ|δ| after mitigation (on the identification
     * split, no group labels needed); ties go to the first.
     */
    public static NeuronTuneResult pickByFitness(List<NeuronTuneResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no results to pick from");
        }
        return results.stream().min(Comparator.comparingDouble(NeuronTuneResult::fitnessAfter)).orElseThrow();
    }

    static void checkSizes(SplitFeatures f, GroupedSplits s) {
        if (f.train().length != s.train().size() || f.identification().length != s.identification().size()
                || f.test().length != s.test().size()) {
            throw new IllegalArgumentException("the activations (" + f.train().length + "/" + f.identification().length
                    + "/" + f.test().length + " rows) do not match the splits (" + s.train().size() + "/"
                    + s.identification().size() + "/" + s.test().size() + " images)");
        }
        if (f.ermHead().numClasses() != s.numClasses()) {
            throw new IllegalArgumentException("the head has " + f.ermHead().numClasses() + " classes, the splits "
                    + s.numClasses());
        }
    }

    static String fmt(double v) {
        // whole numbers without a decimal point, others to 4 significant digits (λ = 0.25, 2.564)
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v)
                : new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
