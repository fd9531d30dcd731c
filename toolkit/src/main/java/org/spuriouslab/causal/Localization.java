package org.spuriouslab.causal;

import java.util.Arrays;

/**
 * How concentrated an effect is over units: computed from the absolute effects {@code |AIE(u)|}
 * of {@code U} units, with shares {@code p_u = |AIE(u)| / Σ|AIE|}.
 * <ul>
 * <li>{@link #topKShare(int)}: share of the total held by the {@code k} largest units;</li>
 * <li>{@code gini}: {@code Σ_u Σ_v |x_u − x_v| / (2 U Σ x)} over {@code x = |AIE|}, 0 when all
 *     units are equal, {@code (U−1)/U} when one unit holds everything (so it approaches 1 for many units);</li>
 * <li>{@code normalisedEntropy}: {@code −Σ p_u ln p_u / ln U} (0 ln 0 = 0), 1 when uniform, 0 when one
 *     unit holds everything; 0 for a single unit.</li>
 * </ul>
 * All-zero effects have no shares: {@link #of(double[])} rejects them.
 *
 * @param shares shares {@code p_u} sorted from largest to smallest
 */
public record Localization(double[] shares, double gini, double normalisedEntropy) {

    /** Copies the shares. */
    public Localization {
        shares = shares.clone();
    }

    /**
     * Localization of these effects (signs are ignored).
     *
     * @throws IllegalArgumentException for no effects, a non-finite effect, or all effects zero
     */
    public static Localization of(double[] effects) {
        if (effects == null || effects.length == 0) {
            throw new IllegalArgumentException("need at least one effect, got none");
        }
        int u = effects.length;
        double[] x = new double[u];
        double total = 0;
        for (int i = 0; i < u; i++) {
            if (!Double.isFinite(effects[i])) {
                throw new IllegalArgumentException("effect " + i + " is " + effects[i] + "; effects must be finite");
            }
            x[i] = Math.abs(effects[i]);
            total += x[i];
        }
        if (total == 0) {
            throw new IllegalArgumentException("all " + u + " effects are zero; shares, Gini and entropy are undefined");
        }
        double diff = 0;
        for (int i = 0; i < u; i++) {
            for (int j = 0; j < u; j++) {
                diff += Math.abs(x[i] - x[j]);
            }
        }
        double gini = diff / (2.0 * u * total);
        double[] p = new double[u];
        double h = 0;
        for (int i = 0; i < u; i++) {
            p[i] = x[i] / total;
            if (p[i] > 0) {
                h -= p[i] * Math.log(p[i]);
            }
        }
        double entropy = u == 1 ? 0 : Math.max(0, h / Math.log(u));
        Arrays.sort(p);
        for (int i = 0, j = u - 1; i < j; i++, j--) {
            double t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return new Localization(p, gini, entropy);
    }

    /** Number of units. */
    public int units() {
        return shares.length;
    }

    /**
     * Share of the total |effect| held by the {@code k} largest units.
     *
     * @throws IllegalArgumentException unless {@code 1 ≤ k ≤ units()}
     */
    public double topKShare(int k) {
        if (k < 1 || k > shares.length) {
            throw new IllegalArgumentException("k must be in 1.." + shares.length + ", got " + k);
        }
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += shares[i];
        }
        return Math.min(1.0, s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Localization l && Arrays.equals(shares, l.shares) && gini == l.gini
                && normalisedEntropy == l.normalisedEntropy;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shares) + Double.hashCode(gini) * 17 + Double.hashCode(normalisedEntropy);
    }

    @Override
    public String toString() {
        return String.format("Localization[units=%d, top-1 share=%.3f, gini=%.3f, normalised entropy=%.3f]",
                shares.length, shares[0], gini, normalisedEntropy);
    }
}
