package org.spuriouslab.mitigation;

import org.spuriouslab.models.Classifier;

import java.util.Objects;

/**
 * The reference ceiling (DFR-style last-layer retraining, after Kirichenko et al. 2023): retrain the
 * linear head on the identification split's frozen activations with <em>group-balanced</em>
 * sampling, using the true group labels (class × pattern present) that NeuronTune does not get.
 * No neuron is silenced.
 */
public final class OracleRetraining {

    private OracleRetraining() {
    }

    /**
     * The oracle's head and its report on the test split.
     *
     * @param head   the head retrained with group labels
     * @param report its accuracy per group on the test split
     */
    public record Result(LinearHead head, GroupReport report) {
    }

    /** Runs the oracle on a classifier's activations. */
    public static Result run(Classifier classifier, GroupedSplits splits, HeadRetraining.Options options) {
        return run(SplitFeatures.of(classifier, splits), splits, options);
    }

    /** Runs the oracle on precomputed activations. */
    public static Result run(SplitFeatures features, GroupedSplits splits, HeadRetraining.Options options) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(splits, "splits");
        NeuronTune.checkSizes(features, splits);
        GroupedSet id = splits.identification();
        LinearHead head = HeadRetraining.fit(features.identification(), id.labels(), id.groups(), splits.numClasses(),
                new boolean[features.numNeurons()], options);
        GroupReport report = GroupReport.of("oracle (group-balanced)", head.predict(features.test()), splits.test(),
                splits.groupNames());
        return new Result(head, report);
    }
}
