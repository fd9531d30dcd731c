/**
 * Scores for discovery: how well a ranking finds the relevant items ({@link
 * org.spuriouslab.metrics.RankingMetrics}: precision at k, average precision, AUROC, bundled as
 * {@link org.spuriouslab.metrics.RankingScores}) and how well two partitions agree ({@link
 * org.spuriouslab.metrics.ClusterAgreement}: purity, NMI, ARI). All static, plain arrays in, a
 * {@code double} out; bad input (length mismatch, NaN, an empty or one-class case where a score is
 * undefined) raises {@link java.lang.IllegalArgumentException} saying what is wrong.
 *
 * <pre>{@code
 * boolean[] planted = ...;                  // which images carry the pattern
 * double[] score = clustering.scoresFor(c); // how strongly each image belongs to cluster c
 * RankingScores s = RankingScores.of(score, planted);
 * double nmi = ClusterAgreement.nmi(clustering.assignments(), patternIds);
 * }</pre>
 */
package org.spuriouslab.metrics;
