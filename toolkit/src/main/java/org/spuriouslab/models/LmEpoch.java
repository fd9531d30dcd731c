package org.spuriouslab.models;

/**
 * What one language-model training epoch did.
 *
 * @param epoch          1-based epoch number
 * @param trainLoss      mean next-token cross-entropy (nats per token) over the epoch's training windows
 * @param validationLoss mean next-token cross-entropy on the held-out texts after the epoch
 * @param seconds        wall-clock time of the epoch
 */
public record LmEpoch(int epoch, double trainLoss, double validationLoss, double seconds) {

    /** Validation perplexity {@code exp(validationLoss)}: the model is as unsure as a uniform choice among this many tokens. */
    public double validationPerplexity() {
        return Math.exp(validationLoss);
    }
}
