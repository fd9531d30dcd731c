package org.spuriouslab.causal;

import org.spuriouslab.charts.Charts;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        return Table.create("AIE per unit (" + label + ", " + treated + " treated, " + controls + " controls)",
                unit, aie, lo, hi, share);
    }

    /** Bars of the AIE per mediator. */
    public BufferedImage chart() {
        return Charts.bars("Average indirect effect per unit (" + label + ")", "unit", "AIE", units(),
                Map.of(label, aie()));
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
        return Table.create("AIE per unit: " + a + " vs " + b, unit, aieA, loA, hiA, aieB, loB, hiB, diff);
    }

    /**
     * Grouped bars of the AIE per mediator for two analyses of the same mediators.
     *
     * @throws IllegalArgumentException when the mediators differ
     */
    public static BufferedImage compareChart(MediationResult unadjusted, MediationResult adjusted) {
        requireSameUnits(unadjusted, adjusted);
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put(unadjusted.label(), unadjusted.aie());
        series.put(adjusted.label().equals(unadjusted.label()) ? adjusted.label() + " (2)" : adjusted.label(),
                adjusted.aie());
        return Charts.bars("Average indirect effect per unit", "unit", "AIE", unadjusted.units(), series);
    }

    private static void requireSameUnits(MediationResult a, MediationResult b) {
        if (!a.units().equals(b.units())) {
            throw new IllegalArgumentException("the analyses have different mediators: " + a.units() + " vs " + b.units());
        }
    }
}
