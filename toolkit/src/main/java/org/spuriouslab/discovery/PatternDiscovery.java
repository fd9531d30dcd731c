package org.spuriouslab.discovery;

import org.spuriouslab.metrics.RankingScores;

/**
 * How well one planted pattern was recovered in the class it was planted in.
 *
 * @param target          the pattern and class
 * @param carryingInPool  pool images carrying the pattern
 * @param pulledIn        of those, how many the classifier predicted as the target class
 * @param groupSize       pool images predicted as the target class
 * @param k               clusters in that group (0 if not clustered)
 * @param bestCluster     the cluster whose ranking recovers the pattern best (highest AP), or −1
 * @param bestClusterSize its size
 * @param scores          precision@10, precision@25, AP and AUROC of the best cluster's ranking
 *                        (NaN where undefined, e.g. no carrier in the group)
 * @param purity          share of the best cluster's images that carry the pattern
 * @param nmi             NMI between the group's clusters and "carries the pattern"
 */
public record PatternDiscovery(PlantedTarget target, int carryingInPool, int pulledIn, int groupSize, int k,
                               int bestCluster, int bestClusterSize, RankingScores scores, double purity,
                               double nmi) {

    /** Share of carrying pool images that the classifier put into the target class. */
    public double pulledInShare() {
        return carryingInPool == 0 ? Double.NaN : pulledIn / (double) carryingInPool;
    }

    /** Share of the group carrying the pattern: the AP of a random ranking. */
    public double prevalence() {
        return groupSize == 0 ? Double.NaN : pulledIn / (double) groupSize;
    }

    /** Average precision of the best cluster (NaN when undefined). */
    public double averagePrecision() {
        return scores.averagePrecision();
    }
}
