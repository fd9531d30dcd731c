package org.spuriouslab.models;

/**
 * What variational autoencoder to train and how:
 *
 * <pre>{@code
 * VaeSpec spec = VaeSpec.builder().latent(10).epochs(5).build();
 * }</pre>
 *
 * Encoder pixels → hidden (ReLU) → (μ, log σ²) of size {@code latent}; decoder latent → hidden
 * (ReLU) → pixels (sigmoid). Loss per image = binary cross-entropy summed over pixels
 * + β · KL(q(z|x) ‖ N(0, I)), averaged over the batch; Adam.
 *
 * @param hidden       width of the encoder's and decoder's hidden layer
 * @param latent       size of the latent space
 * @param beta         weight β of the KL term (1 = the plain VAE)
 * @param epochs       passes over the training data
 * @param batchSize    images per mini-batch
 * @param learningRate Adam learning rate
 * @param seed         seed of initialisation, shuffling and the reparameterisation noise
 */
public record VaeSpec(int hidden, int latent, double beta, int epochs, int batchSize, double learningRate, long seed) {

    /** Validates every field; see the builder for the allowed ranges. */
    public VaeSpec {
        if (hidden < 1 || hidden > ClassifierSpec.MAX_WIDTH) {
            throw new IllegalArgumentException("hidden must be in 1.." + ClassifierSpec.MAX_WIDTH + ", got " + hidden);
        }
        if (latent < 1 || latent > 4096) {
            throw new IllegalArgumentException("latent must be in 1..4096, got " + latent);
        }
        if (!(beta >= 0 && beta <= 1000)) {
            throw new IllegalArgumentException("beta must be in [0, 1000], got " + beta);
        }
        if (epochs < 1 || epochs > 10_000) {
            throw new IllegalArgumentException("epochs must be in 1..10000, got " + epochs);
        }
        if (batchSize < 1 || batchSize > ClassifierSpec.MAX_WIDTH) {
            throw new IllegalArgumentException("batchSize must be in 1.." + ClassifierSpec.MAX_WIDTH + ", got " + batchSize);
        }
        if (!(learningRate > 0 && learningRate <= 10)) {
            throw new IllegalArgumentException("learningRate must be in (0, 10], got " + learningRate);
        }
    }

    /** A builder with the defaults: hidden 400, latent 20, β 1, 10 epochs, batch 128, Adam 1e-3, seed 42. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this spec's values. */
    public Builder toBuilder() {
        return new Builder().hidden(hidden).latent(latent).beta(beta).epochs(epochs).batchSize(batchSize)
                .learningRate(learningRate).seed(seed);
    }

    /** Every field in a fixed order and format (the model cache hashes it). */
    @Override
    public String toString() {
        return "VaeSpec[hidden=" + hidden + ", latent=" + latent + ", beta=" + beta + ", epochs=" + epochs
                + ", batchSize=" + batchSize + ", learningRate=" + learningRate + ", seed=" + seed + "]";
    }

    /** Builds a {@link VaeSpec}; ranges are checked when {@link #build()} runs. */
    public static final class Builder {
        private int hidden = 400;
        private int latent = 20;
        private double beta = 1.0;
        private int epochs = 10;
        private int batchSize = 128;
        private double learningRate = 1e-3;
        private long seed = 42;

        Builder() {
        }

        /** Hidden layer width (1..65536); default 400. */
        public Builder hidden(int hidden) {
            this.hidden = hidden;
            return this;
        }

        /** Latent size (1..4096); default 20. */
        public Builder latent(int latent) {
            this.latent = latent;
            return this;
        }

        /** KL weight β in [0, 1000]; default 1. */
        public Builder beta(double beta) {
            this.beta = beta;
            return this;
        }

        /** Epochs (1..10000); default 10. */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Mini-batch size (1..65536); default 128. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Adam learning rate in (0, 10]; default 1e-3. */
        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Seed of initialisation, shuffling and noise; default 42. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The spec; throws {@link IllegalArgumentException} naming the first invalid setting. */
        public VaeSpec build() {
            return new VaeSpec(hidden, latent, beta, epochs, batchSize, learningRate, seed);
        }
    }
}
