package org.spuriouslab.shortcut;

import org.spuriouslab.data.ImageSet;
import org.spuriouslab.models.Classifier;
import org.spuriouslab.patterns.Injector;
import org.spuriouslab.patterns.Pattern;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * How much a pattern pushes a classifier toward a class: for every image whose true label is not
 * the target class, the rise of the target-class probability when the pattern is added,
 * {@code r_i = p_target(x_i + pattern) − p_target(x_i)}. The score is the share of images with
 * {@code r_i > }{@value #THRESHOLD}.
 *
 * @param patternId   the pattern's short id
 * @param targetClass the class the pattern was planted in (a label of the classifier)
 * @param images      how many images were probed (those not of the target class)
 * @param share       share of probed images whose target probability rose by more than the threshold
 * @param meanRise    mean rise of the target probability
 * @param rises       the per-image rises (for tests and histograms)
 */
public record SpuriousScore(String patternId, int targetClass, int images, double share, double meanRise,
                            double[] rises) {

    /** A rise above this counts as "the pattern moved the prediction". */
    public static final double THRESHOLD = 0.1;

    /** Defensive copy of the rises. */
    public SpuriousScore {
        rises = rises.clone();
    }

    @Override
    public double[] rises() {
        return rises.clone();
    }

    /**
     * Probes a classifier with a pattern.
     *
     * @param model       the classifier
     * @param images      test images; those labelled {@code targetClass} are left out
     * @param pattern     the pattern to add
     * @param targetClass the class whose probability is watched
     */
    public static SpuriousScore measure(Classifier model, ImageSet images, Pattern pattern, int targetClass) {
        int classes = model.spec().numClasses();
        if (targetClass < 0 || targetClass >= classes) {
            throw new IllegalArgumentException("target class " + targetClass + " is not a label of the classifier (0.."
                    + (classes - 1) + ")");
        }
        int[] others = IntStream.range(0, images.size()).filter(i -> images.label(i) != targetClass).toArray();
        if (others.length == 0) {
            throw new IllegalArgumentException("no test images outside the target class " + targetClass + " to probe");
        }
        ImageSet probe = images.subset(others);
        float[][] clean = model.probabilities(probe);
        float[][] patched = model.probabilities(Injector.patchAll(probe, pattern));
        double[] rises = new double[others.length];
        int above = 0;
        for (int i = 0; i < rises.length; i++) {
            rises[i] = patched[i][targetClass] - clean[i][targetClass];
            if (rises[i] > THRESHOLD) {
                above++;
            }
        }
        return new SpuriousScore(pattern.id(), targetClass, rises.length, above / (double) rises.length,
                Arrays.stream(rises).average().orElse(0), rises);
    }

    @Override
    public String toString() {
        return String.format("SpuriousScore[%s → class %d: %.1f%% of %d images rise > %.1f, mean rise %+.3f]",
                patternId, targetClass, 100 * share, images, THRESHOLD, meanRise);
    }
}
