package org.spuriouslab.causal;

/**
 * Balance of one moment before and after weighting (one row of {@link BalancingResult#balanceTable()}).
 *
 * @param name         moment name (a column name, or {@code name²} for a second moment)
 * @param target       treated mean (the target the weights reproduce)
 * @param controlMean  unweighted mean among the controls
 * @param weightedMean mean among the controls under the balancing weights
 * @param smdBefore    standardised mean difference (target − control mean) / pooled SD, see {@link Balance}
 * @param smdAfter     the same with the weighted control mean (same denominator)
 * @param lambda       dual coefficient λ of this moment (0 when it is constant)
 * @param constant     the moment is constant among the controls and equal to the target, so it
 *                     took no part in the optimisation
 */
public record MomentBalance(String name, double target, double controlMean, double weightedMean, double smdBefore,
                            double smdAfter, double lambda, boolean constant) {

    /** Weighted control mean minus target. */
    public double imbalance() {
        return weightedMean - target;
    }
}
