package org.spuriouslab.mitigation;

import java.util.Objects;
import java.util.Random;

/**
 * Retrains a linear head on frozen penultimate features: softmax regression with cross-entropy,
 * trained with Adam on mini-batches drawn by <em>balanced sampling</em> — each sample of a batch
 * first draws a stratum uniformly (a class for NeuronTune, a group for the oracle), then an image
 * of that stratum uniformly. Silenced neurons are read as 0 and their weights stay 0. Plain Java:
 * the problem is small (n × featureDim) and convex; weights start at 0, so the same options and
 * data give the same head.
 */
public final class HeadRetraining {

    private HeadRetraining() {
    }

    /**
     * Settings of the head retraining.
     *
     * @param steps        number of Adam steps (mini-batches)
     * @param batchSize    samples per mini-batch
     * @param learningRate Adam learning rate
     * @param weightDecay  L2 penalty on the weights (not the biases), ≥ 0
     * @param seed         seed of the balanced sampling
     */
    public record Options(int steps, int batchSize, double learningRate, double weightDecay, long seed) {

        /** Checks every setting's range. */
        public Options {
            if (steps < 1 || steps > 1_000_000) {
                throw new IllegalArgumentException("steps must be in 1..1000000, got " + steps);
            }
            if (batchSize < 1 || batchSize > 65_536) {
                throw new IllegalArgumentException("batchSize must be in 1..65536, got " + batchSize);
            }
            if (!(learningRate > 0 && learningRate <= 10)) {
                throw new IllegalArgumentException("learningRate must be in (0, 10], got " + learningRate);
            }
            if (!(weightDecay >= 0 && weightDecay <= 10)) {
                throw new IllegalArgumentException("weightDecay must be in [0, 10], got " + weightDecay);
            }
        }

        /** 1000 steps of 128 samples, Adam 0.01, weight decay 1e-4, seed 0. */
        public static Options defaults() {
            return new Options(1000, 128, 0.01, 1e-4, 0);
        }

        /** These options with another seed. */
        public Options withSeed(long seed) {
            return new Options(steps, batchSize, learningRate, weightDecay, seed);
        }

        /** These options with another number of steps. */
        public Options withSteps(int steps) {
            return new Options(steps, batchSize, learningRate, weightDecay, seed);
        }
    }

    /**
     * Fits a head.
     *
     * @param features   {@code n × d} frozen activations
     * @param labels     class of each row, in 0..numClasses-1
     * @param strata     stratum of each row for balanced sampling (≥ 0), e.g. the labels themselves
     * @param numClasses number of classes
     * @param silenced   one flag per neuron; silenced neurons are read as 0
     * @throws IllegalArgumentException for empty data, mismatched lengths, labels out of range, or
     *                                  when every neuron is silenced
     */
    public static LinearHead fit(float[][] features, int[] labels, int[] strata, int numClasses, boolean[] silenced,
                                 Options options) {
        Objects.requireNonNull(options, "options");
        int n = features.length;
        if (n == 0) {
            throw new IllegalArgumentException("need at least one sample to retrain the head");
        }
        if (labels.length != n || strata.length != n) {
            throw new IllegalArgumentException(n + " feature rows, " + labels.length + " labels and " + strata.length
                    + " strata: all must be equal");
        }
        int d = silenced.length;
        int kept = 0;
        for (boolean s : silenced) {
            kept += s ? 0 : 1;
        }
        if (kept == 0) {
            throw new IllegalArgumentException("all " + d + " neurons are silenced: the head would have no input");
        }
        int maxStratum = -1;
        for (int s = 0; s < n; s++) {
            if (features[s].length != d) {
                throw new IllegalArgumentException("feature row " + s + " has " + features[s].length + " values, expected " + d);
            }
            if (labels[s] < 0 || labels[s] >= numClasses) {
                throw new IllegalArgumentException("label " + labels[s] + " of sample " + s + " outside 0.." + (numClasses - 1));
            }
            if (strata[s] < 0) {
                throw new IllegalArgumentException("stratum " + strata[s] + " of sample " + s + " is negative");
            }
            maxStratum = Math.max(maxStratum, strata[s]);
        }
        int[][] members = membersByStratum(strata, maxStratum + 1);

        double[][] w = new double[numClasses][d];
        double[] b = new double[numClasses];
        double[][] mW = new double[numClasses][d];
        double[][] vW = new double[numClasses][d];
        double[] mB = new double[numClasses];
        double[] vB = new double[numClasses];
        double[][] gW = new double[numClasses][d];
        double[] gB = new double[numClasses];
        double[] z = new double[numClasses];
        double beta1 = 0.9;
        double beta2 = 0.999;
        double eps = 1e-8;
        Random rnd = new Random(options.seed());
        int bs = options.batchSize();
        for (int step = 1; step <= options.steps(); step++) {
            for (double[] row : gW) {
                java.util.Arrays.fill(row, 0);
            }
            java.util.Arrays.fill(gB, 0);
            for (int k = 0; k < bs; k++) {
                int[] m = members[rnd.nextInt(members.length)];
                int s = m[rnd.nextInt(m.length)];
                float[] f = features[s];
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < numClasses; c++) {
                    double v = b[c];
                    double[] wc = w[c];
                    for (int i = 0; i < d; i++) {
                        if (!silenced[i]) {
                            v += wc[i] * f[i];
                        }
                    }
                    z[c] = v;
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int c = 0; c < numClasses; c++) {
                    z[c] = Math.exp(z[c] - max);
                    sum += z[c];
                }
                for (int c = 0; c < numClasses; c++) {
                    double g = z[c] / sum - (c == labels[s] ? 1 : 0);
                    gB[c] += g;
                    double[] gc = gW[c];
                    for (int i = 0; i < d; i++) {
                        if (!silenced[i]) {
                            gc[i] += g * f[i];
                        }
                    }
                }
            }
            double c1 = 1 - Math.pow(beta1, step);
            double c2 = 1 - Math.pow(beta2, step);
            double lr = options.learningRate();
            for (int c = 0; c < numClasses; c++) {
                for (int i = 0; i < d; i++) {
                    if (silenced[i]) {
                        continue;
                    }
                    double g = gW[c][i] / bs + options.weightDecay() * w[c][i];
                    mW[c][i] = beta1 * mW[c][i] + (1 - beta1) * g;
                    vW[c][i] = beta2 * vW[c][i] + (1 - beta2) * g * g;
                    w[c][i] -= lr * (mW[c][i] / c1) / (Math.sqrt(vW[c][i] / c2) + eps);
                }
                double g = gB[c] / bs;
                mB[c] = beta1 * mB[c] + (1 - beta1) * g;
                vB[c] = beta2 * vB[c] + (1 - beta2) * g * g;
                b[c] -= lr * (mB[c] / c1) / (Math.sqrt(vB[c] / c2) + eps);
            }
        }
        float[][] wf = new float[numClasses][d];
        float[] bf = new float[numClasses];
        for (int c = 0; c < numClasses; c++) {
            for (int i = 0; i < d; i++) {
                wf[c][i] = (float) w[c][i];
            }
            bf[c] = (float) b[c];
        }
        return new LinearHead(wf, bf, silenced);
    }

    /** Row indices of each non-empty stratum. */
    private static int[][] membersByStratum(int[] strata, int count) {
        int[] sizes = new int[count];
        for (int s : strata) {
            sizes[s]++;
        }
        int nonEmpty = 0;
        for (int c : sizes) {
            nonEmpty += c > 0 ? 1 : 0;
        }
        int[][] out = new int[nonEmpty][];
        int[] slot = new int[count];
        int k = 0;
        for (int g = 0; g < count; g++) {
            if (sizes[g] > 0) {
                out[k] = new int[sizes[g]];
                slot[g] = k++;
            }
        }
        int[] fill = new int[nonEmpty];
        for (int s = 0; s < strata.length; s++) {
            int j = slot[strata[s]];
            out[j][fill[j]++] = s;
        }
        return out;
    }
}
