package org.spuriouslab.patterns;

import org.spuriouslab.data.ImageSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Plants patterns into images and keeps the ground truth.
 *
 * <p>For each plant and each class, the images to change are the first {@code n} of a seeded
 * random permutation of that class's images; the permutation's seed is derived from
 * {@code (seed, plant index, class)}. So the same seed gives the same images, plants are chosen
 * independently of each other, a class's choice does not depend on other classes, and with the same
 * seed a smaller {@code n} picks a subset of a larger one (handy for sweeps over {@code n}).
 */
public final class Injector {

    private Injector() {
    }

    /**
     * A copy of {@code images} with the plants applied: images not chosen by any plant are left
     * exactly as they were; an image chosen by several plants gets their patterns in plant order.
     *
     * @throws IllegalArgumentException when a plant names a class that has no images, asks for more
     *                                  images than a class has, chooses no images at all, or its
     *                                  pattern does not fit the images
     */
    public static PlantedImages inject(ImageSet images, InjectionSpec spec, long seed) {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(spec, "spec");
        int rows = images.rows();
        int cols = images.cols();
        Map<Integer, int[]> byClass = indicesByClass(images.labels());
        List<PlantSpec> plants = spec.plants();
        for (PlantSpec plant : plants) {
            check(plant, byClass, rows, cols);
        }
        int n = images.size();
        boolean[][] carries = new boolean[plants.size()][n];
        for (int p = 0; p < plants.size(); p++) {
            PlantSpec plant = plants.get(p);
            for (Map.Entry<Integer, int[]> e : byClass.entrySet()) {
                int[] members = e.getValue();
                int k = plant.countFor(e.getKey(), members.length);
                if (k == 0) {
                    continue;
                }
                int[] perm = ImageSet.permutation(members.length, derivedSeed(seed, p, e.getKey()));
                for (int j = 0; j < k; j++) {
                    carries[p][members[perm[j]]] = true;
                }
            }
        }
        float[] px = images.toFloatArray();
        int ppi = images.pixelsPerImage();
        for (int i = 0; i < n; i++) {
            float[] img = null;
            for (int p = 0; p < plants.size(); p++) {
                if (carries[p][i]) {
                    if (img == null) {
                        img = images.image(i);
                    }
                    img = plants.get(p).pattern().apply(img, rows, cols);
                }
            }
            if (img != null) {
                System.arraycopy(img, 0, px, i * ppi, ppi);
            }
        }
        return new PlantedImages(new ImageSet(px, images.labels(), rows, cols), spec.patterns(), carries);
    }

    /**
     * Every image with pattern {@code p} added, labels kept — e.g. test images to measure how a
     * model's prediction responds to the pattern.
     */
    public static ImageSet patchAll(ImageSet images, Pattern p) {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(p, "pattern");
        int rows = images.rows();
        int cols = images.cols();
        p.requireFits(rows, cols);
        int ppi = images.pixelsPerImage();
        float[] px = new float[images.size() * ppi];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(p.apply(images.image(i), rows, cols), 0, px, i * ppi, ppi);
        }
        return new ImageSet(px, images.labels(), rows, cols);
    }

    private static void check(PlantSpec plant, Map<Integer, int[]> byClass, int rows, int cols) {
        plant.pattern().requireFits(rows, cols);
        List<Integer> named = new ArrayList<>(plant.countPerClass().keySet());
        named.addAll(plant.ratePerClass().keySet());
        for (int c : named) {
            if (!byClass.containsKey(c)) {
                throw new IllegalArgumentException("plant of " + plant.pattern().id() + " names class " + c
                        + " but the images have no such label (labels present: " + describe(byClass) + ")");
            }
        }
        for (Map.Entry<Integer, Integer> e : plant.countPerClass().entrySet()) {
            int size = byClass.get(e.getKey()).length;
            if (e.getValue() > size) {
                throw new IllegalArgumentException("asked for " + e.getValue() + " images of class " + e.getKey()
                        + " but it has " + size);
            }
        }
        if (named.isEmpty() && plant.otherClassesRate() == 0) {
            throw new IllegalArgumentException("plant of " + plant.pattern().id() + " chooses no images: name a class "
                    + "with inClass/inClassRate or give inOtherClasses a rate > 0");
        }
    }

    /** Image indices per label, classes in increasing order. */
    private static Map<Integer, int[]> indicesByClass(int[] labels) {
        Map<Integer, List<Integer>> lists = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            lists.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
        }
        Map<Integer, int[]> out = new TreeMap<>();
        lists.forEach((c, l) -> out.put(c, l.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    private static String describe(Map<Integer, int[]> byClass) {
        if (byClass.isEmpty()) {
            return "none";
        }
        List<Integer> cs = new ArrayList<>(byClass.keySet());
        int lo = cs.getFirst();
        int hi = cs.getLast();
        if (hi - lo + 1 == cs.size()) {
            return lo + ".." + hi;
        }
        return cs.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** A well-mixed seed for (seed, plant, class) (SplitMix64 finaliser). */
    static long derivedSeed(long seed, int plant, int cls) {
        long z = mix(seed ^ 0x9E3779B97F4A7C15L * (plant + 1));
        return mix(z ^ 0xC2B2AE3D27D4EB4FL * (cls + 1));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
