package org.spuriouslab.models;

/**
 * What one classifier training epoch did.
 *
 * @param epoch              1-based epoch number
 * @param trainLoss          mean cross-entropy over the epoch's training batches
 * @param trainAccuracy      share of training images predicted correctly during the epoch (while the
 *                           parameters were still changing)
 * @param validationAccuracy accuracy on the held-out validation images after the epoch; NaN without early stopping
 * @param seconds            wall-clock time of the epoch
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double validationAccuracy, double seconds) {
}
