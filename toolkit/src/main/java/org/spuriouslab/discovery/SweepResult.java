package org.spuriouslab.discovery;

import org.spuriouslab.charts.Charts;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The outcome of a discovery sweep: one row per case and planted pattern.
 *
 * @param rows the rows, in case order
 */
public record SweepResult(List<SweepRow> rows) {

    /** Copies. */
    public SweepResult {
        rows = List.copyOf(rows);
    }

    /** Every row with the best cluster's scores. */
    public Table table() {
        return Table.create("discovery sweep",
                StringColumn.create("strength", rows.stream().map(SweepRow::strength).toList()),
                IntColumn.create("planted", rows.stream().mapToInt(SweepRow::planted).toArray()),
                StringColumn.create("pattern", rows.stream().map(r -> r.discovery().target().pattern().id()).toList()),
                StringColumn.create("class", rows.stream().map(r -> r.discovery().target().className()).toList()),
                col("clean acc.", SweepRow::cleanAccuracy),
                col("pulled in", r -> r.discovery().pulledInShare()),
                col("base rate", r -> r.discovery().prevalence()),
                col("P@10", r -> r.discovery().scores().precisionAt10()),
                col("AP", r -> r.discovery().averagePrecision()),
                col("AUROC", r -> r.discovery().scores().auroc()),
                col("purity", r -> r.discovery().purity()),
                col("seconds", SweepRow::seconds));
    }

    /**
     * Average precision of the best cluster against the planted count, one series per strength
     * (several patterns in one case are averaged; an undefined AP — no carrier pulled in — counts as 0).
     */
    public BufferedImage chart() {
        return chart("AP of the best cluster", r -> nanToZero(r.discovery().averagePrecision()));
    }

    /** The share of the pool's carriers that the classifier pulled into the target class, the same way. */
    public BufferedImage pulledInChart() {
        return chart("share of carriers pulled into the class", r -> nanToZero(r.discovery().pulledInShare()));
    }

    private BufferedImage chart(String what, ToDoubleFunction<SweepRow> value) {
        List<Integer> counts = rows.stream().map(SweepRow::planted).distinct().sorted().toList();
        Map<String, double[]> series = new LinkedHashMap<>();
        Map<String, int[]> n = new LinkedHashMap<>();
        for (SweepRow r : rows) {
            int k = counts.indexOf(r.planted());
            series.computeIfAbsent(r.strength(), s -> new double[counts.size()])[k] += value.applyAsDouble(r);
            n.computeIfAbsent(r.strength(), s -> new int[counts.size()])[k]++;
        }
        series.forEach((s, v) -> {
            for (int k = 0; k < v.length; k++) {
                v[k] /= Math.max(1, n.get(s)[k]);
            }
        });
        return Charts.bars("Discovery: " + what, "training images carrying the pattern", what,
                counts.stream().map(String::valueOf).toList(), series);
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private DoubleColumn col(String name, ToDoubleFunction<SweepRow> f) {
        return DoubleColumn.create(name, rows.stream().mapToDouble(r -> DiscoveryResult.round(f.applyAsDouble(r))).toArray());
    }
}
