package org.spuriouslab.discovery;

/**
 * One planted pattern's outcome in one sweep case.
 *
 * @param strength      the case's strength name
 * @param planted       the case's planted count
 * @param discovery     how the pattern was recovered
 * @param cleanAccuracy the classifier's accuracy on clean test images of the classes of interest
 * @param seconds       wall time of the case (training or cache load, embedding, clustering)
 */
public record SweepRow(String strength, int planted, PatternDiscovery discovery, double cleanAccuracy,
                       double seconds) {
}
