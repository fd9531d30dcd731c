package org.spuriouslab.causal;

import org.spuriouslab.charts.IntervalChart;
import org.spuriouslab.tables.Tables;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Result of a {@link MediationAnalysis}: the average indirect effect of every mediator with its
 * bootstrap interval, and the per-input effects {@code NIE_i(u)}.
 *
 * @param label     name of the analysis, e.g. {@code unadjusted} or {@code entropy-balanced}
 * @param effects   one effect per mediator, in the order given
 * @param nie       {@code nie[u][i] = NIE_i(u)} for mediator {@code u} and treated input {@code i}
 * @param treated   number of treated inputs
 * @param controls  number of control inputs
 * @param bootstrap number of bootstrap resamples (0 = no intervals)
 * @param seed      bootstrap seed
 */
public record MediationResult(String label, List<UnitEffect> effects, double[][] nie, int treated, int controls,
                              int bootstrap, long seed) {

    /** Copies the lists. */
    public MediationResult {
        effects = List.copyOf(effects);
        double[][] copy = new double[nie.length][];
        for (int i = 0; i < nie.length; i++) {
            copy[i] = nie[i].clone();
        }
        nie = copy;
    }

    /** The effect of the mediator named {@code unit}. */
    public UnitEffect effect(String unit) {
        return effects.stream().filter(e -> e.unit().equals(unit)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no mediator '" + unit + "'; the mediators are " + units()));
    }

    /** Mediator names in order. */
    public List<String> units() {
        return effects.stream().map(UnitEffect::unit).toList();
    }

    /** The AIE of every mediator, in order. */
    public double[] aie() {
        return effects.stream().mapToDouble(UnitEffect::aie).toArray();
    }

    /**
     * Localization of {@code |AIE|} over the mediators.
     *
     * @throws IllegalArgumentException when every AIE is zero
     */
    public Localization localization() {
        return Localization.of(aie());
    }

    /**
     * Localization of {@code |AIE|} — top-{@code k} share, Gini coefficient, normalised entropy —
     * with 95 % percentile-bootstrap intervals from resampling the treated inputs (the same
     * {@link #bootstrap()} resamples and {@link #seed()} as the AIE intervals).
     *
     * @throws IllegalArgumentException unless {@code 1 ≤ k ≤} the number of mediators, or when every AIE is zero
     */
    public List<Estimate> localizationEstimates(int k) {
        Localization full = localization();
        full.topKShare(k);
        int u = nie.length;
        int n = treated;
        double[][] draws = new double[3][bootstrap];
        int[][] resamples = MediationAnalysis.resamples(n, bootstrap, seed);
        for (int b = 0; b < bootstrap; b++) {
            int[] idx = resamples[b];
            double[] aie = new double[u];
            for (int m = 0; m < u; m++) {
                double s = 0;
                for (int i : idx) {
                    s += nie[m][i];
                }
                aie[m] = s / n;
            }
            try {
                Localization l = Localization.of(aie);
                draws[0][b] = l.topKShare(k);
                draws[1][b] = l.gini();
                draws[2][b] = l.normalisedEntropy();
            } catch (IllegalArgumentException allZero) {
                draws[0][b] = draws[1][b] = draws[2][b] = Double.NaN;
            }
        }
        String[] names = {"top-" + k + " share", "Gini", "normalised entropy"};
        double[] values = {full.topKShare(k), full.gini(), full.normalisedEntropy()};
        List<Estimate> out = new java.util.ArrayList<>();
        for (int j = 0; j < 3; j++) {
            double lo = Double.NaN;
            double hi = Double.NaN;
            if (bootstrap > 0) {
                double[] sorted = java.util.Arrays.stream(draws[j]).filter(Double::isFinite).sorted().toArray();
                if (sorted.length > 0) {
                    lo = MediationAnalysis.quantile(sorted, 0.025);
                    hi = MediationAnalysis.quantile(sorted, 0.975);
                }
            }
            out.add(new Estimate(names[j], values[j], lo, hi));
        }
        return out;
    }

    /**
     * Localization measures of two analyses side by side, each with its bootstrap interval: how
     * concentrated {@code |AIE|} is before and after adjusting.
     */
    public static Table compareLocalization(MediationResult unadjusted, MediationResult adjusted, int k) {
        requireSameUnits(unadjusted, adjusted);
        List<Estimate> a = unadjusted.localizationEstimates(k);
        List<Estimate> b = adjusted.localizationEstimates(k);
        String la = unadjusted.label();
        String lb = adjusted.label().equals(la) ? la + " (2)" : adjusted.label();
        StringColumn measure = StringColumn.create("measure");
        DoubleColumn[] cols = {DoubleColumn.create(la), DoubleColumn.create("lower " + la), DoubleColumn.create("upper " + la),
                DoubleColumn.create(lb), DoubleColumn.create("lower " + lb), DoubleColumn.create("upper " + lb)};
        for (int j = 0; j < a.size(); j++) {
            measure.append(a.get(j).name());
            cols[0].append(a.get(j).value());
            cols[1].append(a.get(j).lower());
            cols[2].append(a.get(j).upper());
            cols[3].append(b.get(j).value());
            cols[4].append(b.get(j).lower());
            cols[5].append(b.get(j).upper());
        }
        Table t = Table.create("Localization of |AIE| over " + unadjusted.units().size() + " units (95 % bootstrap intervals)", measure);
        t.addColumns(cols);
        return Tables.compact(t);
    }

    /** Table: mediator, AIE, 95 % interval, share of the total |AIE|. */
    public Table table() {
        double total = 0;
        for (UnitEffect e : effects) {
            total += Math.abs(e.aie());
        }
        StringColumn unit = StringColumn.create("unit");
        DoubleColumn aie = DoubleColumn.create("AIE");
        DoubleColumn lo = DoubleColumn.create("lower 95%");
        DoubleColumn hi = DoubleColumn.create("upper 95%");
        DoubleColumn share = DoubleColumn.create("|AIE| share");
        for (UnitEffect e : effects) {
            unit.append(e.unit());
            aie.append(e.aie());
            lo.append(e.lower());
            hi.append(e.upper());
            share.append(total == 0 ? Double.NaN : Math.abs(e.aie()) / total);
        }
        return Tables.compact(Table.create("AIE per unit (" + label + ", " + treated + " treated, " + controls + " controls)",
                unit, aie, lo, hi, share));
    }

    /** The AIE per mediator as a dot with its bootstrap interval as a whisker (none without bootstrap). */
    public BufferedImage chart() {
        return IntervalChart.of("Average indirect effect per unit (" + label + ")", xTitle(this), units(),
                List.of(series(label)));
    }

    private IntervalChart.Series series(String name) {
        double[] lo = effects.stream().mapToDouble(UnitEffect::lower).toArray();
        double[] hi = effects.stream().mapToDouble(UnitEffect::upper).toArray();
        return bootstrap > 0 ? new IntervalChart.Series(name, aie(), lo, hi) : new IntervalChart.Series(name, aie(), null, null);
    }

    private static String xTitle(MediationResult r) {
        return r.bootstrap > 0 ? "AIE  (whiskers: 95 % bootstrap interval over the treated inputs)" : "AIE";
    }

    /**
     * Side-by-side table of two analyses of the same mediators (typically unadjusted vs entropy-balanced).
     *
     * @throws IllegalArgumentException when the mediators differ
     */
    public static Table compare(MediationResult unadjusted, MediationResult adjusted) {
        requireSameUnits(unadjusted, adjusted);
        StringColumn unit = StringColumn.create("unit");
        String a = unadjusted.label();
        String b = adjusted.label().equals(a) ? a + " (2)" : adjusted.label();
        DoubleColumn aieA = DoubleColumn.create("AIE " + a);
        DoubleColumn loA = DoubleColumn.create("lower " + a);
        DoubleColumn hiA = DoubleColumn.create("upper " + a);
        DoubleColumn aieB = DoubleColumn.create("AIE " + b);
        DoubleColumn loB = DoubleColumn.create("lower " + b);
        DoubleColumn hiB = DoubleColumn.create("upper " + b);
        DoubleColumn diff = DoubleColumn.create("difference");
        for (int i = 0; i < unadjusted.effects().size(); i++) {
            UnitEffect x = unadjusted.effects().get(i);
            UnitEffect y = adjusted.effects().get(i);
            unit.append(x.unit());
            aieA.append(x.aie());
            loA.append(x.lower());
            hiA.append(x.upper());
            aieB.append(y.aie());
            loB.append(y.lower());
            hiB.append(y.upper());
            diff.append(y.aie() - x.aie());
        }
        return Tables.compact(Table.create("AIE per unit: " + a + " vs " + b, unit, aieA, loA, hiA, aieB, loB, hiB, diff));
    }

    /**
     * The AIE per mediator of two analyses of the same mediators, one row per mediator: a dot per
     * analysis (orange the first, blue the second) with its bootstrap interval as a whisker.
     *
     * @throws IllegalArgumentException when the mediators differ
     */
    public static BufferedImage compareChart(MediationResult unadjusted, MediationResult adjusted) {
        requireSameUnits(unadjusted, adjusted);
        String second = adjusted.label().equals(unadjusted.label()) ? adjusted.label() + " (2)" : adjusted.label();
        return IntervalChart.of("Average indirect effect per unit", xTitle(unadjusted), unadjusted.units(),
                List.of(unadjusted.series(unadjusted.label()), adjusted.series(second)));
    }

    /**
     * The localization of {@code |AIE|} — top-{@code k} share, Gini coefficient, normalised entropy,
     * all in [0, 1] — of several analyses of the same mediators (e.g. unadjusted, balanced on found
     * topics, balanced on the true categories), one row per measure, one dot per analysis with its
     * 95 % bootstrap interval as a whisker. The axis spans the data only, so that differences in the
     * second decimal are visible.
     *
     * @throws IllegalArgumentException when no analysis is given or their mediators differ
     */
    public static BufferedImage localizationChart(int k, MediationResult... analyses) {
        if (analyses.length == 0) {
            throw new IllegalArgumentException("give at least one analysis");
        }
        List<String> measures = null;
        List<IntervalChart.Series> series = new java.util.ArrayList<>();
        java.util.Set<String> labels = new java.util.HashSet<>();
        for (MediationResult r : analyses) {
            requireSameUnits(analyses[0], r);
            List<Estimate> est = r.localizationEstimates(k);
            measures = est.stream().map(Estimate::name).toList();
            String label = r.label();
            for (int i = 2; !labels.add(label); i++) {
                label = r.label() + " (" + i + ")";
            }
            series.add(new IntervalChart.Series(label, est.stream().mapToDouble(Estimate::value).toArray(),
                    est.stream().mapToDouble(Estimate::lower).toArray(), est.stream().mapToDouble(Estimate::upper).toArray()));
        }
        return IntervalChart.of("Localization of |AIE| over " + analyses[0].units().size() + " units",
                "value (axis zoomed to the data; whiskers: 95 % bootstrap interval)", measures, series, false);
    }

    private static void requireSameUnits(MediationResult a, MediationResult b) {
        if (!a.units().equals(b.units())) {
            throw new IllegalArgumentException("the analyses have different mediators: " + a.units() + " vs " + b.units());
        }
    }
}
