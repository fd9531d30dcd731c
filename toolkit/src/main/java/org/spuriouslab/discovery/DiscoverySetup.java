package org.spuriouslab.discovery;

import org.spuriouslab.data.ImageDataset;
import org.spuriouslab.data.ImageSet;
import org.spuriouslab.patterns.InjectionSpec;
import org.spuriouslab.patterns.Injector;
import org.spuriouslab.patterns.PlantSpec;
import org.spuriouslab.patterns.PlantedImages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The discovery experiment's data design.
 *
 * @param classesOfInterest the classes the classifier is trained on (original labels)
 * @param plants            patterns planted into training images of classes of interest
 * @param poolRate          share of each unrelated pool class's images that carry each pattern
 * @param trainSize         training images drawn from the classes of interest (0 = all)
 * @param poolSize          unrelated images drawn from the other classes
 * @param testSize          test images of the classes of interest (0 = all)
 * @param seed              seed for every draw and injection
 */
public record DiscoverySetup(int[] classesOfInterest, List<PlantSpec> plants, double poolRate, int trainSize,
                             int poolSize, int testSize, long seed) {

    /** Validates and copies. */
    public DiscoverySetup {
        classesOfInterest = classesOfInterest.clone();
        plants = List.copyOf(plants);
        if (classesOfInterest.length < 2) {
            throw new IllegalArgumentException("need at least 2 classes of interest, got "
                    + Arrays.toString(classesOfInterest));
        }
        if (Arrays.stream(classesOfInterest).distinct().count() != classesOfInterest.length) {
            throw new IllegalArgumentException("classes of interest repeat: " + Arrays.toString(classesOfInterest));
        }
        if (plants.isEmpty()) {
            throw new IllegalArgumentException("plant at least one pattern");
        }
        if (!(poolRate >= 0 && poolRate <= 1)) {
            throw new IllegalArgumentException("pool rate must be in [0, 1], got " + poolRate);
        }
        if (trainSize < 0 || poolSize < 1 || testSize < 0) {
            throw new IllegalArgumentException("sizes must be positive (train " + trainSize + ", pool " + poolSize
                    + ", test " + testSize + ")");
        }
        for (PlantSpec p : plants) {
            for (int c : plantedClasses(p)) {
                if (Arrays.stream(classesOfInterest).noneMatch(k -> k == c)) {
                    throw new IllegalArgumentException("pattern " + p.pattern().id() + " is planted in class " + c
                            + ", which is not a class of interest " + Arrays.toString(classesOfInterest));
                }
            }
        }
    }

    @Override
    public int[] classesOfInterest() {
        return classesOfInterest.clone();
    }

    /** A builder with the seed's defaults: classes 0–4, pool rate 0.1, 15 000 training and 8 000 pool images. */
    public static Builder builder() {
        return new Builder();
    }

    /** The classes a plant names explicitly (count or rate). */
    static List<Integer> plantedClasses(PlantSpec p) {
        TreeSet<Integer> s = new TreeSet<>(p.countPerClass().keySet());
        s.addAll(p.ratePerClass().keySet());
        return List.copyOf(s);
    }

    /** Draws, plants and relabels the training, pool and test sets from a dataset. */
    public DiscoveryData prepare(ImageDataset dataset) {
        int classes = dataset.numClasses();
        for (int c : classesOfInterest) {
            if (c < 0 || c >= classes) {
                throw new IllegalArgumentException("class " + c + " is not a class of " + dataset.name()
                        + " (0.." + (classes - 1) + ")");
            }
        }
        int[] others = IntStream.range(0, classes).filter(c -> Arrays.stream(classesOfInterest).noneMatch(k -> k == c))
                .toArray();
        if (others.length == 0) {
            throw new IllegalArgumentException("every class is a class of interest: no unrelated pool is left");
        }
        ImageSet interest = dataset.train().ofClasses(classesOfInterest);
        ImageSet trainDraw = trainSize == 0 ? interest.shuffled(seed) : draw(interest, trainSize, seed, "training");
        PlantedImages train = Injector.inject(trainDraw, InjectionSpec.of(plants.toArray(PlantSpec[]::new)), seed);

        ImageSet pool = draw(dataset.train().ofClasses(others), poolSize, seed + 1, "pool");
        List<PlantSpec> poolPlants = new ArrayList<>();
        for (PlantSpec p : plants) {
            PlantSpec q = PlantSpec.of(p.pattern());
            for (int c : others) {
                q = q.inClassRate(c, poolRate);
            }
            poolPlants.add(q);
        }
        PlantedImages plantedPool = Injector.inject(pool, InjectionSpec.of(poolPlants.toArray(PlantSpec[]::new)),
                seed + 2);

        ImageSet testInterest = dataset.test().ofClasses(classesOfInterest);
        ImageSet test = testSize == 0 ? testInterest : draw(testInterest, testSize, seed + 3, "test");

        List<String> names = Arrays.stream(classesOfInterest).mapToObj(c -> dataset.classNames().get(c)).toList();
        return new DiscoveryData(dataset, this, relabel(train), trainDraw.withLabels(remap(trainDraw.labels())),
                plantedPool, test.withLabels(remap(test.labels())), names, others);
    }

    private PlantedImages relabel(PlantedImages p) {
        ImageSet images = p.images();
        return new PlantedImages(images.withLabels(remap(images.labels())), p.patterns(), carries(p));
    }

    private static boolean[][] carries(PlantedImages p) {
        boolean[][] c = new boolean[p.patterns().size()][];
        for (int k = 0; k < c.length; k++) {
            c[k] = p.mask(k);
        }
        return c;
    }

    /** Original label → position among the classes of interest. */
    int[] remap(int[] labels) {
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = indexOf(labels[i]);
        }
        return out;
    }

    int indexOf(int originalClass) {
        for (int k = 0; k < classesOfInterest.length; k++) {
            if (classesOfInterest[k] == originalClass) {
                return k;
            }
        }
        throw new IllegalArgumentException("class " + originalClass + " is not a class of interest");
    }

    private static ImageSet draw(ImageSet from, int n, long seed, String what) {
        if (n > from.size()) {
            throw new IllegalArgumentException("asked for " + n + " " + what + " images but only " + from.size()
                    + " are available");
        }
        return from.sample(n, seed);
    }

    @Override
    public String toString() {
        return "DiscoverySetup[classes=" + Arrays.toString(classesOfInterest) + ", plants="
                + plants.stream().map(p -> p.pattern().id() + "→" + p.countPerClass() + p.ratePerClass()).toList()
                + ", poolRate=" + poolRate + ", train=" + trainSize + ", pool=" + poolSize + ", test=" + testSize
                + ", seed=" + seed + "]";
    }

    /** Builder for {@link DiscoverySetup}. */
    public static final class Builder {
        private int[] classes = {0, 1, 2, 3, 4};
        private final List<PlantSpec> plants = new ArrayList<>();
        private double poolRate = 0.1;
        private int trainSize = 15_000;
        private int poolSize = 8_000;
        private int testSize = 0;
        private long seed = 7;

        private Builder() {
        }

        /** The classes the classifier learns (default 0–4). */
        public Builder classesOfInterest(int... classes) {
            this.classes = classes.clone();
            return this;
        }

        /** Adds a planted pattern (in original class labels). */
        public Builder plant(PlantSpec plant) {
            plants.add(plant);
            return this;
        }

        /** Share of each unrelated class's pool images that carry each pattern (default 0.1). */
        public Builder poolRate(double rate) {
            this.poolRate = rate;
            return this;
        }

        /** Training images drawn from the classes of interest (default 15 000; 0 = all). */
        public Builder trainSize(int n) {
            this.trainSize = n;
            return this;
        }

        /** Unrelated pool images (default 8 000). */
        public Builder poolSize(int n) {
            this.poolSize = n;
            return this;
        }

        /** Test images of the classes of interest (default 0 = all). */
        public Builder testSize(int n) {
            this.testSize = n;
            return this;
        }

        /** Seed for every draw (default 7). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public DiscoverySetup build() {
            return new DiscoverySetup(classes, plants, poolRate, trainSize, poolSize, testSize, seed);
        }
    }
}
