package org.spuriouslab.causal;

/**
 * The average indirect effect through one mediator, with its bootstrap percentile interval.
 *
 * @param unit  the mediator's name
 * @param aie   average indirect effect {@code AIE(u) = mean_i NIE_i(u)} over the treated inputs
 * @param lower lower end of the 95 % percentile bootstrap interval (NaN without bootstrap)
 * @param upper upper end of the 95 % percentile bootstrap interval (NaN without bootstrap)
 */
public record UnitEffect(String unit, double aie, double lower, double upper) {

    /** Whether the interval was computed and contains {@code value}. */
    public boolean covers(double value) {
        return lower <= value && value <= upper;
    }
}
