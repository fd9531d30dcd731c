package org.spuriouslab.mitigation;

import org.spuriouslab.models.Classifier;

import java.util.Objects;

/**
 * A trained classifier split into its frozen feature extractor's outputs on the three splits and
 * its original linear head. Computing the activations once lets several mitigations (both
 * selection rules, several λ, the oracle) share them.
 *
 * @param train          penultimate activations of the training split, {@code n × d}
 * @param identification activations of the identification split
 * @param test           activations of the test split
 * @param ermHead        the classifier's own head (nothing silenced)
 */
public record SplitFeatures(float[][] train, float[][] identification, float[][] test, LinearHead ermHead) {

    /** Checks that every split has the head's width. */
    public SplitFeatures {
        Objects.requireNonNull(ermHead, "ermHead");
        check("train", train, ermHead.numNeurons());
        check("identification", identification, ermHead.numNeurons());
        check("test", test, ermHead.numNeurons());
    }

    /** Reads the penultimate activations of every split (the extractor is not changed). */
    public static SplitFeatures of(Classifier classifier, GroupedSplits splits) {
        Objects.requireNonNull(classifier, "classifier");
        if (classifier.spec().numClasses() != splits.numClasses()) {
            throw new IllegalArgumentException("the classifier has " + classifier.spec().numClasses()
                    + " classes but the benchmark has " + splits.numClasses());
        }
        return new SplitFeatures(classifier.features(splits.train().images()),
                classifier.features(splits.identification().images()),
                classifier.features(splits.test().images()), LinearHead.of(classifier));
    }

    /** Number of neurons (the feature dimension). */
    public int numNeurons() {
        return ermHead.numNeurons();
    }

    private static void check(String what, float[][] f, int d) {
        Objects.requireNonNull(f, what);
        for (int i = 0; i < f.length; i++) {
            if (f[i].length != d) {
                throw new IllegalArgumentException(what + " feature row " + i + " has " + f[i].length
                        + " values, the head reads " + d);
            }
        }
    }
}
