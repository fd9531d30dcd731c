package org.spuriouslab.discovery;

/**
 * One setting of a discovery sweep.
 *
 * @param strength a name for the pattern strength or kind (a chart series)
 * @param planted  training images carrying the pattern (a chart category)
 * @param setup    the full data design
 */
public record SweepCase(String strength, int planted, DiscoverySetup setup) {
}
