package org.spuriouslab.causal;

/**
 * A named estimate with its 95 % percentile-bootstrap interval ({@code NaN} bounds without bootstrap).
 *
 * @param name  what is estimated, e.g. {@code "Gini"}
 * @param value the estimate on the full sample
 * @param lower 2.5 % bootstrap percentile
 * @param upper 97.5 % bootstrap percentile
 */
public record Estimate(String name, double value, double lower, double upper) {
}
