package org.spuriouslab.causal;

import java.util.Objects;

/**
 * The outcome {@code Y} of a mediation analysis: one number per input, read from the network's
 * output rows (e.g. one output column, or the softmax probability of a class).
 */
@FunctionalInterface
public interface Outcome {

    /**
     * The outcome of every input.
     *
     * @param networkOutputs the network's output rows, one per input
     * @return one outcome per row, in the same order
     */
    double[] of(float[][] networkOutputs);

    /**
     * The value of output column {@code column} (e.g. a logit or a regression output).
     *
     * @throws IllegalArgumentException for a negative column (a column past the row end fails when applied)
     */
    static Outcome column(int column) {
        if (column < 0) {
            throw new IllegalArgumentException("column must be ≥ 0, got " + column);
        }
        return rows -> {
            double[] y = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                if (column >= rows[i].length) {
                    throw new IllegalArgumentException("outcome column " + column + " is outside output rows of "
                            + rows[i].length + " values (0.." + (rows[i].length - 1) + ")");
                }
                y[i] = rows[i][column];
            }
            return y;
        };
    }

    /**
     * The softmax probability of class {@code column}, treating each output row as logits.
     *
     * @throws IllegalArgumentException for a negative column
     */
    static Outcome probability(int column) {
        if (column < 0) {
            throw new IllegalArgumentException("class must be ≥ 0, got " + column);
        }
        return rows -> {
            double[] y = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                float[] r = Objects.requireNonNull(rows[i], "row");
                if (column >= r.length) {
                    throw new IllegalArgumentException("class " + column + " is outside output rows of "
                            + r.length + " logits (0.." + (r.length - 1) + ")");
                }
                double max = Double.NEGATIVE_INFINITY;
                for (float v : r) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (float v : r) {
                    sum += Math.exp(v - max);
                }
                y[i] = Math.exp(r[column] - max) / sum;
            }
            return y;
        };
    }
}
