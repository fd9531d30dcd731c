package org.spuriouslab.mitigation;

import org.spuriouslab.charts.HeatMap;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * NeuronTune's neuron scores on an identification set: for class {@code y} and penultimate neuron
 * {@code i},
 * <pre>δ(y, i) = median{ a_i(x) : x of class y, misclassified } − median{ a_i(x) : x of class y, correct }.</pre>
 * A neuron with a large positive δ fires more on the samples the model gets wrong — a candidate
 * for a spurious feature. When a class has no misclassified (or no correctly classified) sample,
 * its row is undefined and holds NaN; {@link #classesWithoutScores()} lists such classes.
 *
 * @param delta        {@code numClasses × numNeurons}; NaN rows for classes without scores
 * @param misclassified per class, how many of its samples were misclassified
 * @param correct      per class, how many of its samples were classified correctly
 */
public record NeuronScores(double[][] delta, int[] misclassified, int[] correct) {

    /** Checks the shapes and copies the arrays. */
    public NeuronScores {
        Objects.requireNonNull(delta, "delta");
        if (delta.length == 0 || delta[0].length == 0) {
            throw new IllegalArgumentException("need at least one class and one neuron");
        }
        if (misclassified.length != delta.length || correct.length != delta.length) {
            throw new IllegalArgumentException("counts for " + misclassified.length + "/" + correct.length
                    + " classes but δ has " + delta.length + " rows");
        }
        double[][] copy = new double[delta.length][];
        for (int y = 0; y < delta.length; y++) {
            if (delta[y].length != delta[0].length) {
                throw new IllegalArgumentException("δ row " + y + " has " + delta[y].length + " neurons, row 0 has "
                        + delta[0].length);
            }
            copy[y] = delta[y].clone();
        }
        delta = copy;
        misclassified = misclassified.clone();
        correct = correct.clone();
    }

    /**
     * Scores from penultimate activations, predictions and true labels of the same samples.
     *
     * @param features    {@code n × numNeurons} activations
     * @param predictions predicted class of each sample
     * @param labels      true class of each sample, in 0..numClasses-1
     * @throws IllegalArgumentException for mismatched lengths, ragged features or labels out of range
     */
    public static NeuronScores compute(float[][] features, int[] predictions, int[] labels, int numClasses) {
        int n = features.length;
        if (predictions.length != n || labels.length != n) {
            throw new IllegalArgumentException(n + " feature rows, " + predictions.length + " predictions and "
                    + labels.length + " labels: all must be equal");
        }
        if (n == 0) {
            throw new IllegalArgumentException("need at least one sample to score neurons");
        }
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be ≥ 1, got " + numClasses);
        }
        int d = features[0].length;
        int[] wrong = new int[numClasses];
        int[] right = new int[numClasses];
        for (int s = 0; s < n; s++) {
            if (features[s].length != d) {
                throw new IllegalArgumentException("feature row " + s + " has " + features[s].length + " values, row 0 has " + d);
            }
            if (labels[s] < 0 || labels[s] >= numClasses) {
                throw new IllegalArgumentException("label " + labels[s] + " of sample " + s + " outside 0.." + (numClasses - 1));
            }
            if (predictions[s] == labels[s]) {
                right[labels[s]]++;
            } else {
                wrong[labels[s]]++;
            }
        }
        double[][] delta = new double[numClasses][d];
        for (int y = 0; y < numClasses; y++) {
            if (wrong[y] == 0 || right[y] == 0) {
                Arrays.fill(delta[y], Double.NaN);
                continue;
            }
            int[] wi = new int[wrong[y]];
            int[] ri = new int[right[y]];
            int a = 0;
            int b = 0;
            for (int s = 0; s < n; s++) {
                if (labels[s] == y) {
                    if (predictions[s] == y) {
                        ri[b++] = s;
                    } else {
                        wi[a++] = s;
                    }
                }
            }
            double[] bufW = new double[wi.length];
            double[] bufR = new double[ri.length];
            for (int i = 0; i < d; i++) {
                for (int k = 0; k < wi.length; k++) {
                    bufW[k] = features[wi[k]][i];
                }
                for (int k = 0; k < ri.length; k++) {
                    bufR[k] = features[ri[k]][i];
                }
                delta[y][i] = median(bufW) - median(bufR);
            }
        }
        return new NeuronScores(delta, wrong, right);
    }

    /** The median of the values (sorts the array in place); the mean of the middle two for an even count. */
    static double median(double[] v) {
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    /** A copy of δ, {@code numClasses × numNeurons}. */
    @Override
    public double[][] delta() {
        double[][] copy = new double[delta.length][];
        for (int y = 0; y < delta.length; y++) {
            copy[y] = delta[y].clone();
        }
        return copy;
    }

    /** δ(y, i); NaN when class {@code y} has no score. */
    public double delta(int cls, int neuron) {
        return delta[cls][neuron];
    }

    /** A copy of the misclassified counts per class. */
    @Override
    public int[] misclassified() {
        return misclassified.clone();
    }

    /** A copy of the correct counts per class. */
    @Override
    public int[] correct() {
        return correct.clone();
    }

    /** Number of classes (rows). */
    public int numClasses() {
        return delta.length;
    }

    /** Number of neurons (columns). */
    public int numNeurons() {
        return delta[0].length;
    }

    /** True when class {@code y} has both misclassified and correct samples, so its δ row is defined. */
    public boolean hasScores(int cls) {
        return misclassified[cls] > 0 && correct[cls] > 0;
    }

    /** Classes whose δ row is undefined (no misclassified or no correctly classified sample). */
    public int[] classesWithoutScores() {
        return java.util.stream.IntStream.range(0, numClasses()).filter(y -> !hasScores(y)).toArray();
    }

    /**
     * The spuriousness fitness Σ|δ(y, i)| over all defined entries: how much the activations of the
     * misclassified and the correct samples differ. Needs no group labels, so it can pick settings
     * (e.g. λ) — lower is better.
     */
    public double fitness() {
        double s = 0;
        for (double[] row : delta) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    s += Math.abs(v);
                }
            }
        }
        return s;
    }

    /** The neurons sorted by their largest δ over the classes, highest first (NaN rows ignored). */
    public int[] ranking() {
        double[] best = new double[numNeurons()];
        for (int i = 0; i < best.length; i++) {
            best[i] = Double.NEGATIVE_INFINITY;
            for (double[] row : delta) {
                if (!Double.isNaN(row[i])) {
                    best[i] = Math.max(best[i], row[i]);
                }
            }
        }
        return java.util.stream.IntStream.range(0, best.length).boxed()
                .sorted((a, b) -> Double.compare(best[b], best[a])).mapToInt(Integer::intValue).toArray();
    }

    /** A heat map of δ: one row per class, one column per neuron (blue negative, red positive, grey undefined). */
    public BufferedImage heatMap(String title, List<String> classNames) {
        if (classNames != null && classNames.size() != numClasses()) {
            throw new IllegalArgumentException(classNames.size() + " class names for " + numClasses() + " classes");
        }
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < numNeurons(); i++) {
            cols.add("n" + i);
        }
        return HeatMap.of(title, delta, classNames, cols);
    }
}
