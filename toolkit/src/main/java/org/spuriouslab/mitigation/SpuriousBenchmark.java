package org.spuriouslab.mitigation;

import org.spuriouslab.data.ImageDataset;
import org.spuriouslab.data.ImageSet;
import org.spuriouslab.patterns.InjectionSpec;
import org.spuriouslab.patterns.Injector;
import org.spuriouslab.patterns.Pattern;
import org.spuriouslab.patterns.Patterns;
import org.spuriouslab.patterns.PlantSpec;
import org.spuriouslab.patterns.PlantedImages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Builds a planted-pattern benchmark with groups ({@link GroupedSplits}). From the chosen classes
 * (renumbered 0..k-1 in the order given), the dataset's training images are split into a training
 * and an identification split; the pattern is planted into {@code biasedRate} of the biased class's
 * images and {@code otherRate} of every other class's images — the same rates in both splits, so
 * the identification split shows the model's bias. In the test split (from the dataset's test
 * images) the pattern is independent of the class: {@code testRate} of every class.
 *
 * <pre>{@code
 * GroupedSplits splits = SpuriousBenchmark.builder()
 *         .classes(5, 7, 9).biasedClass(7).pattern(Patterns.s3())
 *         .biasedRate(0.9).otherRate(0.05).testRate(0.5)
 *         .trainPerClass(1200).identificationPerClass(400).testPerClass(400).seed(7)
 *         .build(ds);
 * }</pre>
 */
public final class SpuriousBenchmark {

    private static final long TRAIN_SALT = 0x7a1b_0001L;
    private static final long TEST_SALT = 0x7a1b_0002L;
    private static final long PLANT_SALT = 0x7a1b_0003L;

    private int[] classes = {5, 7, 9};
    private Integer biasedClass;
    private Pattern pattern = Patterns.s3();
    private double biasedRate = 0.9;
    private double otherRate = 0.05;
    private double testRate = 0.5;
    private int trainPerClass = 1200;
    private int identificationPerClass = 400;
    private int testPerClass = 400;
    private long seed = 7;

    private SpuriousBenchmark() {
    }

    /**
     * A builder with defaults: Fashion-MNIST classes 5, 7, 9 (sandal, sneaker, ankle boot — three
     * kinds of shoe), the pattern S3 on 90% of the sneakers (7) and 5% of the others, 50% everywhere in the test split,
     * 1200 / 400 / 400 images per class for train / identification / test, seed 7.
     */
    public static SpuriousBenchmark builder() {
        return new SpuriousBenchmark();
    }

    /** The dataset's classes to use (at least two, distinct); they become classes 0..k-1 in this order. */
    public SpuriousBenchmark classes(int... classes) {
        this.classes = classes.clone();
        return this;
    }

    /** The class (a dataset label among {@link #classes}) that carries the pattern most often; default: the second class. */
    public SpuriousBenchmark biasedClass(int datasetLabel) {
        this.biasedClass = datasetLabel;
        return this;
    }

    /** The planted pattern; default S3. */
    public SpuriousBenchmark pattern(Pattern pattern) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        return this;
    }

    /** Share of the biased class's train/identification images that carry the pattern, in [0, 1]. */
    public SpuriousBenchmark biasedRate(double rate) {
        this.biasedRate = rate;
        return this;
    }

    /** Share of every other class's train/identification images that carry the pattern, in [0, 1]. */
    public SpuriousBenchmark otherRate(double rate) {
        this.otherRate = rate;
        return this;
    }

    /** Share of every class's test images that carry the pattern, in [0, 1]. */
    public SpuriousBenchmark testRate(double rate) {
        this.testRate = rate;
        return this;
    }

    /** Training images per class (≥ 1). */
    public SpuriousBenchmark trainPerClass(int n) {
        this.trainPerClass = n;
        return this;
    }

    /** Identification images per class (≥ 1). */
    public SpuriousBenchmark identificationPerClass(int n) {
        this.identificationPerClass = n;
        return this;
    }

    /** Test images per class (≥ 1). */
    public SpuriousBenchmark testPerClass(int n) {
        this.testPerClass = n;
        return this;
    }

    /** Seed of the image choice, the split and the planting. */
    public SpuriousBenchmark seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The benchmark from a dataset's training and test images and class names. */
    public GroupedSplits build(ImageDataset dataset) {
        return build(dataset.train(), dataset.test(), dataset.classNames());
    }

    /**
     * The benchmark from a pool of training images (split into train and identification), a pool of
     * test images and the names of all their labels.
     *
     * @throws IllegalArgumentException for an invalid setting or when a class has too few images
     */
    public GroupedSplits build(ImageSet trainPool, ImageSet testPool, List<String> labelNames) {
        validate(labelNames.size());
        int biased = biasedIndex();
        ImageSet pool = pick(trainPool, trainPerClass + identificationPerClass, seed ^ TRAIN_SALT, "training");
        ImageSet testImages = pick(testPool, testPerClass, seed ^ TEST_SALT, "test");
        // split each class's pool: the first trainPerClass of it to train, the rest to identification
        int k = classes.length;
        int per = trainPerClass + identificationPerClass;
        int[] trainIdx = new int[k * trainPerClass];
        int[] idIdx = new int[k * identificationPerClass];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < per; j++) {
                if (j < trainPerClass) {
                    trainIdx[c * trainPerClass + j] = c * per + j;
                } else {
                    idIdx[c * identificationPerClass + j - trainPerClass] = c * per + j;
                }
            }
        }
        PlantSpec biasedPlant = PlantSpec.of(pattern).inClassRate(biased, biasedRate).inOtherClasses(otherRate);
        GroupedSet train = plant(pool.subset(trainIdx), biasedPlant, seed ^ PLANT_SALT);
        GroupedSet identification = plant(pool.subset(idIdx), biasedPlant, (seed ^ PLANT_SALT) + 1);
        GroupedSet test = testRate == 0
                ? new GroupedSet(testImages, new boolean[testImages.size()], k)
                : plant(testImages, PlantSpec.of(pattern).inOtherClasses(testRate), (seed ^ PLANT_SALT) + 2);
        List<String> names = new ArrayList<>();
        for (int c : classes) {
            names.add(labelNames.get(c));
        }
        return new GroupedSplits(shuffle(train, seed + 11), shuffle(identification, seed + 12),
                shuffle(test, seed + 13), names, pattern, biased);
    }

    private GroupedSet plant(ImageSet images, PlantSpec plant, long plantSeed) {
        PlantedImages p = Injector.inject(images, InjectionSpec.of(plant), plantSeed);
        return new GroupedSet(p.images(), p.mask(0), classes.length);
    }

    private static GroupedSet shuffle(GroupedSet set, long seed) {
        int[] perm = ImageSet.permutation(set.size(), seed);
        boolean[] carries = set.carries();
        boolean[] shuffled = new boolean[perm.length];
        for (int i = 0; i < perm.length; i++) {
            shuffled[i] = carries[perm[i]];
        }
        return new GroupedSet(set.images().subset(perm), shuffled, set.numClasses());
    }

    /** {@code n} seeded images of each chosen class, class after class, relabelled 0..k-1. */
    private ImageSet pick(ImageSet pool, int n, long pickSeed, String what) {
        int k = classes.length;
        int[] idx = new int[k * n];
        int[] labels = new int[k * n];
        int[] all = pool.labels();
        for (int c = 0; c < k; c++) {
            int label = classes[c];
            int[] members = java.util.stream.IntStream.range(0, all.length).filter(i -> all[i] == label).toArray();
            if (members.length < n) {
                throw new IllegalArgumentException("class " + label + " has " + members.length + " " + what
                        + " images, but " + n + " per class are needed");
            }
            int[] perm = ImageSet.permutation(members.length, pickSeed + label);
            for (int j = 0; j < n; j++) {
                idx[c * n + j] = members[perm[j]];
                labels[c * n + j] = c;
            }
        }
        return pool.subset(idx).withLabels(labels);
    }

    private int biasedIndex() {
        if (biasedClass == null) {
            return 1;
        }
        for (int c = 0; c < classes.length; c++) {
            if (classes[c] == biasedClass) {
                return c;
            }
        }
        throw new IllegalArgumentException("biasedClass " + biasedClass + " is not among the classes "
                + Arrays.toString(classes));
    }

    private void validate(int labelCount) {
        if (classes.length < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + Arrays.toString(classes));
        }
        if (Arrays.stream(classes).distinct().count() != classes.length) {
            throw new IllegalArgumentException("classes must be distinct, got " + Arrays.toString(classes));
        }
        for (int c : classes) {
            if (c < 0 || c >= labelCount) {
                throw new IllegalArgumentException("class " + c + " outside 0.." + (labelCount - 1));
            }
        }
        rate("biasedRate", biasedRate);
        rate("otherRate", otherRate);
        rate("testRate", testRate);
        if (trainPerClass < 1 || identificationPerClass < 1 || testPerClass < 1) {
            throw new IllegalArgumentException("images per class must be ≥ 1, got train " + trainPerClass
                    + ", identification " + identificationPerClass + ", test " + testPerClass);
        }
    }

    private static void rate(String what, double r) {
        if (!(r >= 0 && r <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], got " + r);
        }
    }
}
