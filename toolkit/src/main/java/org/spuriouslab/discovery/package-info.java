/**
 * Latent-cluster discovery of spurious patterns (after Tischler 2024): train a classifier on a few
 * classes "of interest", one of which carries a planted pattern; run a pool of unrelated images
 * (a share of which carry the pattern too) through it; embed the pool with a VAE; within each
 * predicted class cluster the latent codes; the cluster that does not belong is the pattern.
 * Scored against the ground truth with precision@k, average precision, AUROC, purity and NMI.
 */
package org.spuriouslab.discovery;
