package org.spuriouslab.models;

/**
 * What decoder-only transformer language model to train and how:
 *
 * <pre>{@code
 * LanguageModelSpec spec = LanguageModelSpec.builder().layers(3).width(64).epochs(8).build();
 * }</pre>
 *
 * Token and learned position embeddings of size {@code width}; {@code layers} pre-norm transformer
 * layers, each {@code x ← x + Attention(LN(x))}, {@code x ← x + MLP(LN(x))} with causal multi-head
 * self-attention ({@code heads} heads) and an MLP {@code width → mlpWidth → width} (GELU); a final
 * layer norm and a read-out to the vocabulary that reuses the token embedding (tied weights, as in
 * GPT-2: fewer parameters, which a small corpus needs). Trained on windows of {@code context} tokens
 * cut from the corpus' token stream, next-token cross-entropy, Adam.
 *
 * @param layers       number of transformer layers
 * @param width        model width d (embedding and residual stream)
 * @param heads        attention heads (must divide {@code width})
 * @param mlpWidth     hidden width of each MLP block
 * @param context      window length in tokens (also the longest sequence the model reads)
 * @param epochs       passes over the training windows
 * @param batchSize    windows per mini-batch
 * @param dropout      dropout rate on the embeddings and on each block's output during training (0 = none)
 * @param learningRate Adam learning rate
 * @param seed         seed of initialisation, dropout and shuffling
 */
public record LanguageModelSpec(int layers, int width, int heads, int mlpWidth, int context, int epochs, int batchSize,
                                double dropout, double learningRate, long seed) {

    /** Validates every field; see the builder for the allowed ranges. */
    public LanguageModelSpec {
        check("layers", layers, 1, 64);
        check("width", width, 2, 4096);
        check("heads", heads, 1, 64);
        if (width % heads != 0) {
            throw new IllegalArgumentException("heads (" + heads + ") must divide width (" + width + ")");
        }
        check("mlpWidth", mlpWidth, 1, 65_536);
        check("context", context, 2, 4096);
        check("epochs", epochs, 1, 10_000);
        check("batchSize", batchSize, 1, 65_536);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!(learningRate > 0 && learningRate <= 10)) {
            throw new IllegalArgumentException("learningRate must be in (0, 10], got " + learningRate);
        }
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ", got " + value);
        }
    }

    /** A builder with the defaults: 3 layers, width 64, 4 heads, MLP 256, context 32, 12 epochs, batch 32, dropout 0.1, Adam 1e-3, seed 42. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this spec's values. */
    public Builder toBuilder() {
        return new Builder().layers(layers).width(width).heads(heads).mlpWidth(mlpWidth).context(context)
                .epochs(epochs).batchSize(batchSize).dropout(dropout).learningRate(learningRate).seed(seed);
    }

    /** Every field in a fixed order and format (the model cache hashes it). */
    @Override
    public String toString() {
        return "LanguageModelSpec[layers=" + layers + ", width=" + width + ", heads=" + heads + ", mlpWidth=" + mlpWidth
                + ", context=" + context + ", epochs=" + epochs + ", batchSize=" + batchSize
                + ", dropout=" + dropout + ", learningRate=" + learningRate + ", seed=" + seed + "]";
    }

    /** Builds a {@link LanguageModelSpec}; ranges are checked when {@link #build()} runs. */
    public static final class Builder {
        private int layers = 3;
        private int width = 64;
        private int heads = 4;
        private int mlpWidth = 256;
        private int context = 32;
        private int epochs = 12;
        private int batchSize = 32;
        private double dropout = 0.1;
        private double learningRate = 1e-3;
        private long seed = 42;

        Builder() {
        }

        /** Number of transformer layers (1..64); default 3. */
        public Builder layers(int layers) {
            this.layers = layers;
            return this;
        }

        /** Model width (2..4096, divisible by heads); default 64. */
        public Builder width(int width) {
            this.width = width;
            return this;
        }

        /** Attention heads (1..64); default 4. */
        public Builder heads(int heads) {
            this.heads = heads;
            return this;
        }

        /** Hidden width of each MLP block; default 256. */
        public Builder mlpWidth(int mlpWidth) {
            this.mlpWidth = mlpWidth;
            return this;
        }

        /** Window length in tokens (2..4096); default 32. */
        public Builder context(int context) {
            this.context = context;
            return this;
        }

        /** Training epochs; default 12 (the epoch with the lowest validation loss is kept). */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Windows per mini-batch; default 32. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Dropout rate in [0, 1) during training; default 0.1. */
        public Builder dropout(double dropout) {
            this.dropout = dropout;
            return this;
        }

        /** Adam learning rate; default 1e-3. */
        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Seed of initialisation, dropout and shuffling; default 42. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The spec.
         *
         * @throws IllegalArgumentException for a value out of range or heads not dividing width
         */
        public LanguageModelSpec build() {
            return new LanguageModelSpec(layers, width, heads, mlpWidth, context, epochs, batchSize, dropout, learningRate, seed);
        }
    }
}
