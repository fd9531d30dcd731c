package org.spuriouslab.models;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What classifier to train and how. Build one with {@link #mlp()} or {@link #cnn()}:
 *
 * <pre>{@code
 * ClassifierSpec spec = ClassifierSpec.mlp().hidden(256, 256).epochs(3).seed(7).build();
 * ClassifierSpec cnn = ClassifierSpec.cnn().earlyStopPatience(2).build();
 * }</pre>
 *
 * The network is {@code features} (everything up to the penultimate layer, output size = the last
 * hidden size) followed by a linear {@code head} with {@code numClasses} outputs. Training uses
 * Adam with cross-entropy on mini-batches shuffled with {@code seed + epoch}.
 *
 * @param architecture      MLP or CNN
 * @param hidden            sizes of the fully connected hidden layers (the last one is the feature dimension)
 * @param channels          CNN only: output channels of each 3×3 convolution block (empty for an MLP)
 * @param numClasses        number of classes; labels must lie in {@code [0, numClasses)}
 * @param epochs            maximum number of passes over the training data
 * @param batchSize         images per mini-batch
 * @param learningRate      Adam learning rate
 * @param seed              seed of parameter initialisation, shuffling and the validation split
 * @param earlyStopPatience 0 = off; otherwise hold out {@code validationShare} of the training set and
 *                          stop once validation accuracy has not improved for this many epochs,
 *                          keeping the best epoch's parameters
 * @param validationShare   share of the training images held out for early stopping, in (0, 0.5]
 */
public record ClassifierSpec(Architecture architecture, List<Integer> hidden, List<Integer> channels, int numClasses,
                             int epochs, int batchSize, double learningRate, long seed, int earlyStopPatience,
                             double validationShare) {

    /** Largest allowed layer width or channel count. */
    public static final int MAX_WIDTH = 65_536;

    /** Validates every field; see the builder for the allowed ranges. */
    public ClassifierSpec {
        if (architecture == null) {
            throw new IllegalArgumentException("architecture must be MLP or CNN, got null");
        }
        hidden = List.copyOf(hidden);
        channels = List.copyOf(channels);
        if (hidden.isEmpty()) {
            throw new IllegalArgumentException("hidden needs at least one layer size (the last one is the feature dimension)");
        }
        for (int h : hidden) {
            if (h < 1 || h > MAX_WIDTH) {
                throw new IllegalArgumentException("hidden layer sizes must be in 1.." + MAX_WIDTH + ", got " + hidden);
            }
        }
        if (architecture == Architecture.MLP && !channels.isEmpty()) {
            throw new IllegalArgumentException("an MLP has no convolution channels, got " + channels);
        }
        if (architecture == Architecture.CNN && channels.isEmpty()) {
            throw new IllegalArgumentException("a CNN needs at least one convolution block in channels");
        }
        for (int c : channels) {
            if (c < 1 || c > MAX_WIDTH) {
                throw new IllegalArgumentException("channels must be in 1.." + MAX_WIDTH + ", got " + channels);
            }
        }
        if (numClasses < 2 || numClasses > MAX_WIDTH) {
            throw new IllegalArgumentException("numClasses must be in 2.." + MAX_WIDTH + ", got " + numClasses);
        }
        if (epochs < 1 || epochs > 10_000) {
            throw new IllegalArgumentException("epochs must be in 1..10000, got " + epochs);
        }
        if (batchSize < 1 || batchSize > MAX_WIDTH) {
            throw new IllegalArgumentException("batchSize must be in 1.." + MAX_WIDTH + ", got " + batchSize);
        }
        if (!(learningRate > 0 && learningRate <= 10)) {
            throw new IllegalArgumentException("learningRate must be in (0, 10], got " + learningRate);
        }
        if (earlyStopPatience < 0 || earlyStopPatience > 10_000) {
            throw new IllegalArgumentException("earlyStopPatience must be in 0..10000 (0 = off), got " + earlyStopPatience);
        }
        if (!(validationShare > 0 && validationShare <= 0.5)) {
            throw new IllegalArgumentException("validationShare must be in (0, 0.5], got " + validationShare);
        }
    }

    /** A builder for a multi-layer perceptron: hidden 256, 256, 256, 10 classes, 5 epochs, batch 128, Adam 1e-3, seed 42. */
    public static Builder mlp() {
        return new Builder(Architecture.MLP);
    }

    /** A builder for a small CNN: conv 16 and 32 channels, hidden 128, otherwise as {@link #mlp()}. */
    public static Builder cnn() {
        return new Builder(Architecture.CNN);
    }

    /** A builder starting from this spec's values. */
    public Builder toBuilder() {
        Builder b = new Builder(architecture);
        b.hidden = hidden;
        b.channels = channels;
        b.numClasses = numClasses;
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.learningRate = learningRate;
        b.seed = seed;
        b.earlyStopPatience = earlyStopPatience;
        b.validationShare = validationShare;
        return b;
    }

    /** Size of the penultimate layer (the last hidden size): the number of "neurons" the head reads. */
    public int featureDim() {
        return hidden.getLast();
    }

    /** True when early stopping (and so a validation split) is on. */
    public boolean earlyStopping() {
        return earlyStopPatience > 0;
    }

    /**
     * Every field in a fixed order and format; the model cache hashes this string, so any change of
     * a setting gives a new cache entry.
     */
    @Override
    public String toString() {
        return "ClassifierSpec[architecture=" + architecture + ", hidden=" + join(hidden) + ", channels="
                + join(channels) + ", numClasses=" + numClasses + ", epochs=" + epochs + ", batchSize=" + batchSize
                + ", learningRate=" + num(learningRate) + ", seed=" + seed + ", earlyStopPatience=" + earlyStopPatience
                + ", validationShare=" + num(validationShare) + "]";
    }

    static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }

    static String num(double v) {
        return Double.toString(v);
    }

    /** Builds a {@link ClassifierSpec}; every setter checks its range when {@link #build()} runs. */
    public static final class Builder {
        private final Architecture architecture;
        private List<Integer> hidden;
        private List<Integer> channels;
        private int numClasses = 10;
        private int epochs = 5;
        private int batchSize = 128;
        private double learningRate = 1e-3;
        private long seed = 42;
        private int earlyStopPatience = 0;
        private double validationShare = 0.1;

        Builder(Architecture architecture) {
            this.architecture = architecture;
            if (architecture == Architecture.MLP) {
                hidden = List.of(256, 256, 256);
                channels = List.of();
            } else {
                hidden = List.of(128);
                channels = List.of(16, 32);
            }
        }

        /** Sizes of the fully connected hidden layers; the last is the feature dimension. */
        public Builder hidden(int... sizes) {
            this.hidden = java.util.Arrays.stream(sizes).boxed().toList();
            return this;
        }

        /** CNN only: output channels of each conv → ReLU → max-pool block. */
        public Builder channels(int... channels) {
            this.channels = java.util.Arrays.stream(channels).boxed().toList();
            return this;
        }

        /** Number of classes (2..65536). */
        public Builder numClasses(int numClasses) {
            this.numClasses = numClasses;
            return this;
        }

        /** Maximum number of epochs (1..10000). */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Mini-batch size (1..65536). */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Adam learning rate, in (0, 10]. */
        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Seed of initialisation, shuffling and the validation split. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Epochs without validation improvement before stopping; 0 (default) turns early stopping off. */
        public Builder earlyStopPatience(int patience) {
            this.earlyStopPatience = patience;
            return this;
        }

        /** Share of training images held out for early stopping, in (0, 0.5]; default 0.1. */
        public Builder validationShare(double share) {
            this.validationShare = share;
            return this;
        }

        /** The spec; throws {@link IllegalArgumentException} naming the first invalid setting. */
        public ClassifierSpec build() {
            return new ClassifierSpec(architecture, hidden, channels, numClasses, epochs, batchSize, learningRate, seed,
                    earlyStopPatience, validationShare);
        }
    }
}
