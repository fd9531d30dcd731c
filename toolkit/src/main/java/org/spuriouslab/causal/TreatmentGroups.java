package org.spuriouslab.causal;

import java.util.Arrays;

/**
 * One table of covariates split by a treatment indicator into the treated units and the controls,
 * keeping which row of the full table each came from.
 *
 * <pre>{@code
 * TreatmentGroups g = TreatmentGroups.split(Covariates.oneHot(topicOfEachText, topicNames), isToxic);
 * BalancingResult r = g.balance(EntropyBalancing.defaults());   // weights for g.controls()
 * }</pre>
 *
 * @param treated     the rows whose treatment is true, in row order
 * @param controls    the rows whose treatment is false, in row order
 * @param treatedRows the index in the full table of every treated row
 * @param controlRows the index in the full table of every control row (weights follow this order)
 */
public record TreatmentGroups(Covariates treated, Covariates controls, int[] treatedRows, int[] controlRows) {

    /**
     * Splits {@code all} by {@code treatment}.
     *
     * @param all       one row per unit
     * @param treatment one entry per row of {@code all}; both groups must be non-empty
     * @throws IllegalArgumentException for a wrong length or an empty group
     */
    public static TreatmentGroups split(Covariates all, boolean[] treatment) {
        if (treatment == null || treatment.length != all.size()) {
            throw new IllegalArgumentException("treatment needs one entry per row (" + all.size() + "), got "
                    + (treatment == null ? 0 : treatment.length));
        }
        int nt = 0;
        for (boolean t : treatment) {
            nt += t ? 1 : 0;
        }
        if (nt == 0 || nt == treatment.length) {
            throw new IllegalArgumentException("need treated and control units; all " + treatment.length + " units are "
                    + (nt == 0 ? "controls" : "treated"));
        }
        int[] t = new int[nt];
        int[] c = new int[treatment.length - nt];
        for (int i = 0, a = 0, b = 0; i < treatment.length; i++) {
            if (treatment[i]) {
                t[a++] = i;
            } else {
                c[b++] = i;
            }
        }
        return new TreatmentGroups(all.rows(t), all.rows(c), t, c);
    }

    /** Arrays are kept as given (treat them as read-only). */
    public TreatmentGroups {
        if (treated.size() != treatedRows.length || controls.size() != controlRows.length) {
            throw new IllegalArgumentException("row indices do not match the groups: " + treated.size() + " treated vs "
                    + treatedRows.length + " indices, " + controls.size() + " controls vs " + controlRows.length);
        }
        if (!treated.names().equals(controls.names())) {
            throw new IllegalArgumentException("treated and controls need the same columns; treated "
                    + treated.names() + ", controls " + controls.names());
        }
    }

    /** Entropy-balancing weights for the controls (in {@link #controlRows()} order) matching the treated moments. */
    public BalancingResult balance(EntropyBalancing balancing) {
        return balancing.balance(controls, treated);
    }

    /** {@code values} (one per unit of the full table) restricted to the controls, in control order. */
    public int[] ofControls(int[] values) {
        return pick(values, controlRows);
    }

    /** {@code values} (one per unit of the full table) restricted to the treated units, in treated order. */
    public int[] ofTreated(int[] values) {
        return pick(values, treatedRows);
    }

    private int[] pick(int[] values, int[] rows) {
        int n = treatedRows.length + controlRows.length;
        if (values == null || values.length != n) {
            throw new IllegalArgumentException("need one value per unit (" + n + "), got "
                    + (values == null ? 0 : values.length));
        }
        return Arrays.stream(rows).map(i -> values[i]).toArray();
    }

    @Override
    public String toString() {
        return "TreatmentGroups[" + treated.size() + " treated, " + controls.size() + " controls, "
                + controls.dimension() + " columns]";
    }
}
