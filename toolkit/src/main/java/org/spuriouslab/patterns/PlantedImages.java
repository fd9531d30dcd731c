package org.spuriouslab.patterns;

import org.spuriouslab.data.ImageSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Images with planted patterns and the ground truth: {@code carries[p][i]} is true when image
 * {@code i} carries pattern {@code p} (one pattern per plant, in plant order).
 *
 * @param images   the images after planting, labels unchanged
 * @param patterns the planted patterns, one per plant
 * @param carries  per pattern, one flag per image
 */
public record PlantedImages(ImageSet images, List<Pattern> patterns, boolean[][] carries) {

    /** Checks the shapes and copies the list and the masks. */
    public PlantedImages {
        Objects.requireNonNull(images, "images");
        patterns = List.copyOf(patterns);
        if (carries.length != patterns.size()) {
            throw new IllegalArgumentException(carries.length + " masks for " + patterns.size() + " patterns");
        }
        boolean[][] copy = new boolean[carries.length][];
        for (int p = 0; p < carries.length; p++) {
            if (carries[p].length != images.size()) {
                throw new IllegalArgumentException("mask " + p + " has " + carries[p].length + " flags for "
                        + images.size() + " images");
            }
            copy[p] = carries[p].clone();
        }
        carries = copy;
    }

    /** A copy of all masks, {@code [pattern][image]}. */
    @Override
    public boolean[][] carries() {
        boolean[][] copy = new boolean[carries.length][];
        for (int p = 0; p < carries.length; p++) {
            copy[p] = carries[p].clone();
        }
        return copy;
    }

    /** True when image {@code image} carries pattern {@code patternIndex}. */
    public boolean carries(int patternIndex, int image) {
        return carries[checkPattern(patternIndex)][image];
    }

    /** A copy of pattern {@code patternIndex}'s mask, one flag per image. */
    public boolean[] mask(int patternIndex) {
        return carries[checkPattern(patternIndex)].clone();
    }

    /** Indices of the images carrying pattern {@code patternIndex}, increasing. */
    public int[] indicesCarrying(int patternIndex) {
        boolean[] m = carries[checkPattern(patternIndex)];
        return java.util.stream.IntStream.range(0, m.length).filter(i -> m[i]).toArray();
    }

    /** True when image {@code image} carries at least one pattern. */
    public boolean carriesAny(int image) {
        for (boolean[] m : carries) {
            if (m[image]) {
                return true;
            }
        }
        return false;
    }

    /** Number of images carrying pattern {@code patternIndex}. */
    public int countCarrying(int patternIndex) {
        int n = 0;
        for (boolean b : carries[checkPattern(patternIndex)]) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /**
     * For charts coloured by pattern: for each of the given images (positions in this set), the
     * index of the first pattern it carries, or {@code patterns().size()} when it carries none.
     * Names for these groups come from {@link #patternGroupNames()}.
     */
    public int[] firstPatternOf(int[] positions) {
        int[] groups = new int[positions.length];
        for (int j = 0; j < positions.length; j++) {
            groups[j] = patterns.size();
            for (int p = 0; p < patterns.size(); p++) {
                if (carries[p][positions[j]]) {
                    groups[j] = p;
                    break;
                }
            }
        }
        return groups;
    }

    /** "carries S3", … one per pattern, then "no pattern": the names of {@link #firstPatternOf} groups. */
    public List<String> patternGroupNames() {
        List<String> names = new java.util.ArrayList<>();
        for (Pattern p : patterns) {
            names.add("carries " + p.id());
        }
        names.add("no pattern");
        return names;
    }

    /** One row per pattern: id, name, images carrying it and their share of all images. */
    public Table summary() {
        int k = patterns.size();
        int[] counts = new int[k];
        double[] share = new double[k];
        for (int p = 0; p < k; p++) {
            counts[p] = countCarrying(p);
            share[p] = images.size() == 0 ? 0 : Math.round(10000.0 * counts[p] / images.size()) / 10000.0;
        }
        return Table.create("planted patterns",
                StringColumn.create("id", patterns.stream().map(Pattern::id).toList()),
                StringColumn.create("name", patterns.stream().map(Pattern::name).toList()),
                IntColumn.create("images carrying", counts),
                DoubleColumn.create("share", share));
    }

    /**
     * One row per class 0..numClasses-1: its number of images and, per pattern (column named by
     * the pattern's id, made unique with {@code #k} when ids repeat), how many of them carry it.
     */
    public Table perClass(int numClasses) {
        if (numClasses <= 0) {
            throw new IllegalArgumentException("numClasses must be > 0, got " + numClasses);
        }
        int[] labels = images.labels();
        Table t = Table.create("planted patterns per class",
                IntColumn.create("class", java.util.stream.IntStream.range(0, numClasses).toArray()),
                IntColumn.create("images", images.classCounts(numClasses)));
        Set<String> used = new HashSet<>(Set.of("class", "images"));
        for (int p = 0; p < patterns.size(); p++) {
            int[] perClass = new int[numClasses];
            for (int i = 0; i < labels.length; i++) {
                if (carries[p][i]) {
                    perClass[labels[i]]++;
                }
            }
            String name = patterns.get(p).id();
            if (!used.add(name)) {
                name = name + " #" + (p + 1);
                used.add(name);
            }
            t.addColumns(IntColumn.create(name, perClass));
        }
        return t;
    }

    /** {@link #perClass(int)} with a column of class names (index = label). */
    public Table perClass(List<String> classNames) {
        Table t = perClass(classNames.size());
        t.insertColumn(1, StringColumn.create("class name", classNames));
        return t;
    }

    private int checkPattern(int p) {
        if (p < 0 || p >= carries.length) {
            throw new IndexOutOfBoundsException("pattern index " + p + " outside 0.." + (carries.length - 1));
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlantedImages other && images.equals(other.images) && patterns.equals(other.patterns)
                && java.util.Arrays.deepEquals(carries, other.carries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(images, patterns, java.util.Arrays.deepHashCode(carries));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PlantedImages[" + images + ";");
        for (int p = 0; p < patterns.size(); p++) {
            sb.append(' ').append(patterns.get(p).id()).append('=').append(countCarrying(p));
        }
        return sb.append(']').toString();
    }
}
