package org.spuriouslab.mitigation;

import org.spuriouslab.models.Classifier;

import java.util.Objects;

/**
 * A linear head on penultimate features with some neurons silenced (set to 0):
 * {@code logits = W · (f ⊙ keep) + b}. Silencing neuron i is the same as zeroing column i of W,
 * which {@link #installInto} uses.
 *
 * @param weights  {@code numClasses × numNeurons}
 * @param bias     {@code numClasses}
 * @param silenced one flag per neuron, true = silenced
 */
public record LinearHead(float[][] weights, float[] bias, boolean[] silenced) {

    /** Checks the shapes and copies the arrays. */
    public LinearHead {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(bias, "bias");
        Objects.requireNonNull(silenced, "silenced");
        if (weights.length == 0 || weights.length != bias.length) {
            throw new IllegalArgumentException(weights.length + " weight rows and " + bias.length
                    + " biases: need one of each per class, at least one class");
        }
        float[][] w = new float[weights.length][];
        for (int c = 0; c < weights.length; c++) {
            if (weights[c].length != silenced.length) {
                throw new IllegalArgumentException("weight row " + c + " has " + weights[c].length + " values for "
                        + silenced.length + " neurons");
            }
            w[c] = weights[c].clone();
        }
        weights = w;
        bias = bias.clone();
        silenced = silenced.clone();
    }

    /** The classifier's own head, nothing silenced. */
    public static LinearHead of(Classifier classifier) {
        return new LinearHead(classifier.headWeights(), classifier.headBias(), new boolean[classifier.featureDim()]);
    }

    /** Number of classes. */
    public int numClasses() {
        return bias.length;
    }

    /** Number of neurons it reads. */
    public int numNeurons() {
        return silenced.length;
    }

    /** Number of silenced neurons. */
    public int silencedCount() {
        int n = 0;
        for (boolean s : silenced) {
            n += s ? 1 : 0;
        }
        return n;
    }

    /** A copy of the weights. */
    @Override
    public float[][] weights() {
        float[][] w = new float[weights.length][];
        for (int c = 0; c < w.length; c++) {
            w[c] = weights[c].clone();
        }
        return w;
    }

    /** A copy of the biases. */
    @Override
    public float[] bias() {
        return bias.clone();
    }

    /** A copy of the silenced flags. */
    @Override
    public boolean[] silenced() {
        return silenced.clone();
    }

    /** Logits of every feature row, {@code n × numClasses}. */
    public double[][] logits(float[][] features) {
        double[][] out = new double[features.length][];
        for (int s = 0; s < features.length; s++) {
            out[s] = logits(features[s]);
        }
        return out;
    }

    private double[] logits(float[] f) {
        if (f.length != silenced.length) {
            throw new IllegalArgumentException("feature row has " + f.length + " values, the head reads " + silenced.length);
        }
        double[] z = new double[bias.length];
        for (int c = 0; c < z.length; c++) {
            double s = bias[c];
            float[] w = weights[c];
            for (int i = 0; i < f.length; i++) {
                if (!silenced[i]) {
                    s += w[i] * f[i];
                }
            }
            z[c] = s;
        }
        return z;
    }

    /** The predicted class (largest logit, first on ties) of every feature row. */
    public int[] predict(float[][] features) {
        int[] out = new int[features.length];
        for (int s = 0; s < features.length; s++) {
            double[] z = logits(features[s]);
            int best = 0;
            for (int c = 1; c < z.length; c++) {
                if (z[c] > z[best]) {
                    best = c;
                }
            }
            out[s] = best;
        }
        return out;
    }

    /** The features with the silenced neurons set to 0 (a new array). */
    public float[][] silence(float[][] features) {
        float[][] out = new float[features.length][];
        for (int s = 0; s < features.length; s++) {
            out[s] = features[s].clone();
            for (int i = 0; i < silenced.length; i++) {
                if (silenced[i]) {
                    out[s][i] = 0;
                }
            }
        }
        return out;
    }

    /**
     * Writes this head into the classifier (silenced columns as zeros), so that
     * {@code classifier.predict} uses it. Changes the classifier in place.
     *
     * @throws IllegalArgumentException when the classifier's sizes differ
     */
    public void installInto(Classifier classifier) {
        if (classifier.featureDim() != numNeurons() || classifier.spec().numClasses() != numClasses()) {
            throw new IllegalArgumentException("this head is " + numClasses() + "×" + numNeurons()
                    + " but the classifier's is " + classifier.spec().numClasses() + "×" + classifier.featureDim());
        }
        float[][] w = weights();
        for (float[] row : w) {
            for (int i = 0; i < row.length; i++) {
                if (silenced[i]) {
                    row[i] = 0;
                }
            }
        }
        classifier.setHead(w, bias);
    }
}
