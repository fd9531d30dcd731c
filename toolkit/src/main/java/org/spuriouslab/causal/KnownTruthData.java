package org.spuriouslab.causal;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Inputs {@code (x, t)} for {@link KnownTruthNetwork} in which the topic confounds the treatment:
 * {@code x ~ Bernoulli(1/2)}, {@code P(t = 1 | x = 1) = (1 + confounding)/2} and
 * {@code P(t = 1 | x = 0) = (1 − confounding)/2}. With {@code confounding = 0} topic and
 * treatment are independent; near 1 the treated inputs are almost all topic 1 and the controls
 * almost all topic 0.
 *
 * @param topics    topic of every input
 * @param treatment treatment (0/1) of every input
 */
public record KnownTruthData(int[] topics, int[] treatment) {

    /** Topic names for {@link Covariates#oneHot(int[], List)}. */
    public static final List<String> TOPIC_NAMES = List.of("topic 0", "topic 1");

    /** Copies the arrays. */
    public KnownTruthData {
        topics = topics.clone();
        treatment = treatment.clone();
        if (topics.length != treatment.length) {
            throw new IllegalArgumentException(topics.length + " topics but " + treatment.length + " treatments");
        }
    }

    /**
     * Draws {@code n} inputs from {@code seed}.
     *
     * @throws IllegalArgumentException unless {@code n ≥ 4} and {@code 0 ≤ confounding < 1}, or when a draw leaves a
     *                                  group (treated or control) without one of the topics (use a larger n)
     */
    public static KnownTruthData generate(int n, double confounding, long seed) {
        if (n < 4) {
            throw new IllegalArgumentException("need n ≥ 4 inputs, got " + n);
        }
        if (!(confounding >= 0 && confounding < 1)) {
            throw new IllegalArgumentException("confounding must be in [0, 1), got " + confounding);
        }
        SplittableRandom r = new SplittableRandom(seed);
        int[] x = new int[n];
        int[] t = new int[n];
        int[][] counts = new int[2][2];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble() < 0.5 ? 1 : 0;
            double p = x[i] == 1 ? (1 + confounding) / 2 : (1 - confounding) / 2;
            t[i] = r.nextDouble() < p ? 1 : 0;
            counts[t[i]][x[i]]++;
        }
        for (int g = 0; g < 2; g++) {
            for (int k = 0; k < 2; k++) {
                if (counts[g][k] == 0) {
                    throw new IllegalArgumentException("the " + (g == 1 ? "treated" : "control") + " group has no input of topic "
                            + k + " (n = " + n + ", confounding = " + confounding + "); use a larger n or less confounding");
                }
            }
        }
        return new KnownTruthData(x, t);
    }

    /** Network input rows {@code (x, t)} of the treated inputs. */
    public float[][] treatedInputs() {
        return inputs(1);
    }

    /** Network input rows {@code (x, t)} of the control inputs. */
    public float[][] controlInputs() {
        return inputs(0);
    }

    /** Topics of the treated inputs. */
    public int[] treatedTopics() {
        return topics(1);
    }

    /** Topics of the control inputs. */
    public int[] controlTopics() {
        return topics(0);
    }

    /** Entropy-balanced control weights: the controls' topic shares equal the treated group's. */
    public BalancingResult balance() {
        return EntropyBalancing.options().moments(Moments.MEANS).build().balance(
                Covariates.oneHot(controlTopics(), TOPIC_NAMES), Covariates.oneHot(treatedTopics(), TOPIC_NAMES));
    }

    /** Share of topic 1 among the inputs with treatment {@code group}. */
    public double topicShare(int group) {
        int[] k = topics(group);
        double s = 0;
        for (int v : k) {
            s += v;
        }
        return s / k.length;
    }

    private float[][] inputs(int group) {
        int[] idx = indices(group);
        float[][] out = new float[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = new float[]{topics[idx[i]], treatment[idx[i]]};
        }
        return out;
    }

    private int[] topics(int group) {
        int[] idx = indices(group);
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = topics[idx[i]];
        }
        return out;
    }

    private int[] indices(int group) {
        return java.util.stream.IntStream.range(0, treatment.length).filter(i -> treatment[i] == group).toArray();
    }

    /** Number of inputs. */
    public int size() {
        return topics.length;
    }
}
