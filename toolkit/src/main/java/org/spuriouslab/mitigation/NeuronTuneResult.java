package org.spuriouslab.mitigation;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * What {@link NeuronTune#run} did and how it went.
 *
 * @param options       the settings used
 * @param scores        δ of the original model on the identification split
 * @param selection     the silenced neurons (outcome SOME or NONE; with NONE only the head was retrained)
 * @param head          the retrained head (silenced neurons read as 0)
 * @param before        the original model (ERM) per group on the test split
 * @param after         the mitigated model per group on the test split
 * @param fitnessBefore Σ|δ| of the original model on the identification split
 * @param fitnessAfter  Σ|δ| of the mitigated model (silenced activations, new predictions) on the identification split
 */
public record NeuronTuneResult(NeuronTune.Options options, NeuronScores scores, NeuronSelection selection,
                               LinearHead head, GroupReport before, GroupReport after, double fitnessBefore,
                               double fitnessAfter) {

    /** Change of worst-group accuracy (after − before). */
    public double wgaGain() {
        return after.worstGroupAccuracy() - before.worstGroupAccuracy();
    }

    /** A key/value table: rule, λ, silenced neurons, fitness and accuracies before and after. */
    public Table summary() {
        List<String> keys = List.of("rule", "λ", "neurons silenced", "outcome", "fitness Σ|δ| before",
                "fitness Σ|δ| after", "average accuracy before", "average accuracy after", "WGA before", "WGA after");
        List<String> values = List.of(options.rule().name(), NeuronTune.fmt(options.lambda()),
                selection.count() + " of " + selection.numNeurons(), selection.outcome().name(), f(fitnessBefore),
                f(fitnessAfter), f(before.averageAccuracy()), f(after.averageAccuracy()),
                f(before.worstGroupAccuracy()), f(after.worstGroupAccuracy()));
        return Table.create(options.label(), StringColumn.create("quantity", keys), StringColumn.create("value", values));
    }

    /** One row per result: rule, λ, silenced count, fitness after, average accuracy and WGA after. */
    public static Table compare(List<NeuronTuneResult> results) {
        return Table.create("NeuronTune settings",
                StringColumn.create("rule", results.stream().map(r -> r.options().rule().name()).toList()),
                DoubleColumn.create("λ", results.stream().mapToDouble(r -> r.options().lambda()).toArray()),
                DoubleColumn.create("silenced", results.stream().mapToDouble(r -> r.selection().count()).toArray()),
                DoubleColumn.create("fitness after", results.stream().mapToDouble(r -> round(r.fitnessAfter())).toArray()),
                DoubleColumn.create("average accuracy", results.stream().mapToDouble(r -> round(r.after().averageAccuracy())).toArray()),
                DoubleColumn.create("WGA", results.stream().mapToDouble(r -> round(r.after().worstGroupAccuracy())).toArray()));
    }

    private static String f(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
