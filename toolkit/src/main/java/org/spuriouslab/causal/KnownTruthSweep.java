package org.spuriouslab.causal;

import org.spuriouslab.charts.Charts;
import org.spuriouslab.tables.Tables;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The known-truth check of {@link KnownTruthNetwork} repeated over confounding strengths: for each
 * strength, fresh inputs ({@link KnownTruthData#generate}), then the AIE of the topic and the
 * toxicity unit unadjusted and entropy-balanced. The true AIE of the topic unit is 0 at every
 * strength; the unadjusted estimate grows with the confounding, the adjusted one stays at 0.
 *
 * <pre>{@code
 * KnownTruthSweep sweep = KnownTruthSweep.run(KnownTruthNetwork.build(), 2000, 5, 0.0, 0.4, 0.8);
 * sweep.table(); sweep.chart();
 * }</pre>
 *
 * @param rows one row per strength
 */
public record KnownTruthSweep(List<Row> rows) {

    /**
     * One strength's result.
     *
     * @param confounding        the strength: {@code P(t=1|x=1) − P(t=1|x=0)}
     * @param topicGap           measured share of topic 1 among treated minus among controls
     * @param unadjustedTopic    AIE of the topic unit, controls weighted uniformly
     * @param adjustedTopic      AIE of the topic unit, entropy-balanced controls
     * @param unadjustedToxicity AIE of the toxicity unit, uniform
     * @param adjustedToxicity   AIE of the toxicity unit, balanced
     */
    public record Row(double confounding, double topicGap, double unadjustedTopic, double adjustedTopic,
                      double unadjustedToxicity, double adjustedToxicity) {
    }

    /** Copies the rows. */
    public KnownTruthSweep {
        rows = List.copyOf(rows);
    }

    /**
     * Runs the check at every strength with {@code n} inputs drawn from {@code seed} (no bootstrap).
     *
     * @throws IllegalArgumentException for no strengths, or a strength outside [0, 1)
     */
    public static KnownTruthSweep run(KnownTruthNetwork network, int n, long seed, double... strengths) {
        Objects.requireNonNull(network, "network");
        if (strengths == null || strengths.length == 0) {
            throw new IllegalArgumentException("give at least one confounding strength");
        }
        List<Row> rows = new ArrayList<>();
        for (double s : strengths) {
            KnownTruthData data = KnownTruthData.generate(n, s, seed);
            MediationAnalysis.Builder base = MediationAnalysis.builder().network(network.network())
                    .outcome(network.outcome()).mediators(network.mediators())
                    .treated(data.treatedInputs()).controls(data.controlInputs()).bootstrap(0);
            MediationResult u = base.label("unadjusted").build().run();
            MediationResult a = base.label("entropy-balanced").controlWeights(data.balance().weights()).build().run();
            rows.add(new Row(s, data.topicShare(1) - data.topicShare(0), u.effect("topic unit").aie(),
                    a.effect("topic unit").aie(), u.effect("toxicity unit").aie(), a.effect("toxicity unit").aie()));
        }
        return new KnownTruthSweep(rows);
    }

    /** One row per strength: topic gap and the four AIEs. */
    public Table table() {
        return Tables.compact(Table.create("Known-truth network: AIE by confounding strength",
                DoubleColumn.create("confounding", rows.stream().mapToDouble(Row::confounding)),
                DoubleColumn.create("topic gap treated−control", rows.stream().mapToDouble(Row::topicGap)),
                DoubleColumn.create("topic unit, unadjusted", rows.stream().mapToDouble(Row::unadjustedTopic)),
                DoubleColumn.create("topic unit, balanced", rows.stream().mapToDouble(Row::adjustedTopic)),
                DoubleColumn.create("toxicity unit, unadjusted", rows.stream().mapToDouble(Row::unadjustedToxicity)),
                DoubleColumn.create("toxicity unit, balanced", rows.stream().mapToDouble(Row::adjustedToxicity))));
    }

    /** AIE of the topic unit (unadjusted and balanced) against the confounding strength. */
    public BufferedImage chart() {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("topic unit, unadjusted", rows.stream().mapToDouble(Row::unadjustedTopic).toArray());
        series.put("topic unit, entropy-balanced", rows.stream().mapToDouble(Row::adjustedTopic).toArray());
        series.put("toxicity unit (both)", rows.stream().mapToDouble(Row::adjustedToxicity).toArray());
        List<String> labels = rows.stream().map(r -> "s = " + r.confounding()).toList(); // text, so the axis is categorical
        return Charts.bars("Spurious credit to the topic unit grows with confounding", "confounding strength", "AIE",
                labels, series);
    }
}
