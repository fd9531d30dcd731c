package org.spuriouslab.mitigation;

import org.spuriouslab.data.ImageSet;

import java.util.Objects;

/**
 * Images with their group labels: group = class × "carries the pattern", numbered
 * {@code 2·class + (carries ? 1 : 0)}. Group labels are for reporting and for the oracle reference
 * only; NeuronTune never reads them.
 *
 * @param images     the images (labels = classes 0..numClasses-1)
 * @param carries    one flag per image: true when it carries the planted pattern
 * @param numClasses number of classes
 */
public record GroupedSet(ImageSet images, boolean[] carries, int numClasses) {

    /** Checks that there is one flag per image and every label lies in 0..numClasses-1; copies the flags. */
    public GroupedSet {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(carries, "carries");
        if (carries.length != images.size()) {
            throw new IllegalArgumentException(carries.length + " pattern flags for " + images.size() + " images");
        }
        if (numClasses < 2) {
            throw new IllegalArgumentException("numClasses must be ≥ 2, got " + numClasses);
        }
        images.classCounts(numClasses); // checks the labels' range
        carries = carries.clone();
    }

    /** The group of a class and pattern flag: {@code 2·cls + (carries ? 1 : 0)}. */
    public static int group(int cls, boolean carries) {
        return 2 * cls + (carries ? 1 : 0);
    }

    /** Number of groups: {@code 2 · numClasses}. */
    public int numGroups() {
        return 2 * numClasses;
    }

    /** Number of images. */
    public int size() {
        return images.size();
    }

    /** The class labels (a copy). */
    public int[] labels() {
        return images.labels();
    }

    /** A copy of the pattern flags. */
    @Override
    public boolean[] carries() {
        return carries.clone();
    }

    /** The group of every image. */
    public int[] groups() {
        int[] g = new int[size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = group(images.label(i), carries[i]);
        }
        return g;
    }

    /** How many images each group has. */
    public int[] groupCounts() {
        int[] c = new int[numGroups()];
        for (int g : groups()) {
            c[g]++;
        }
        return c;
    }

    @Override
    public String toString() {
        return "GroupedSet[" + size() + " images, " + numClasses + " classes]";
    }
}
