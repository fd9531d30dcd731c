package org.spuriouslab.models;

/**
 * What one VAE training epoch did; all values are per image, averaged over the epoch's batches.
 *
 * @param epoch          1-based epoch number
 * @param elbo           negative training loss: −(reconstruction + β·KL); with β = 1 the evidence lower bound (nats)
 * @param reconstruction binary cross-entropy summed over pixels
 * @param kl             KL divergence of q(z|x) from the N(0, I) prior
 * @param seconds        wall-clock time of the epoch
 */
public record VaeEpoch(int epoch, double elbo, double reconstruction, double kl, double seconds) {
}
