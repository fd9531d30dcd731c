package org.spuriouslab.patterns;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where to plant one pattern: a number of images in some classes, a share of the images in other
 * named classes, and a share of the images of every class not named. Immutable; build it fluently:
 *
 * <pre>{@code
 * PlantSpec.of(Patterns.s3()).inClass(3, 500).inOtherClasses(0.05)
 * }</pre>
 *
 * Rates become counts per class as {@code round-half-up(rate · class size)}.
 *
 * @param pattern          the pattern to plant
 * @param countPerClass    class → number of its images that get the pattern (≥ 0)
 * @param ratePerClass     class → share of its images that get the pattern, in [0, 1]
 * @param otherClassesRate share of the images of every class named in neither map, in [0, 1]
 */
public record PlantSpec(Pattern pattern, Map<Integer, Integer> countPerClass, Map<Integer, Double> ratePerClass,
                        double otherClassesRate) {

    /** Validates and copies the maps (sorted by class, unmodifiable). */
    public PlantSpec {
        Objects.requireNonNull(pattern, "pattern");
        countPerClass = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(countPerClass, "countPerClass")));
        ratePerClass = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(ratePerClass, "ratePerClass")));
        for (Map.Entry<Integer, Integer> e : countPerClass.entrySet()) {
            requireClass(e.getKey());
            if (e.getValue() == null || e.getValue() < 0) {
                throw new IllegalArgumentException("count for class " + e.getKey() + " must be ≥ 0, got " + e.getValue());
            }
            if (ratePerClass.containsKey(e.getKey())) {
                throw new IllegalArgumentException("class " + e.getKey() + " has both a count and a rate; give one");
            }
        }
        for (Map.Entry<Integer, Double> e : ratePerClass.entrySet()) {
            requireClass(e.getKey());
            requireRate("rate for class " + e.getKey(), e.getValue() == null ? Double.NaN : e.getValue());
        }
        requireRate("other-classes rate", otherClassesRate);
    }

    /** A spec that plants {@code pattern} nowhere yet. */
    public static PlantSpec of(Pattern pattern) {
        return new PlantSpec(pattern, Map.of(), Map.of(), 0);
    }

    /** Also plant into {@code n} images of class {@code c}. */
    public PlantSpec inClass(int c, int n) {
        requireNew(c);
        TreeMap<Integer, Integer> m = new TreeMap<>(countPerClass);
        m.put(c, n);
        return new PlantSpec(pattern, m, ratePerClass, otherClassesRate);
    }

    /** Also plant into the share {@code rate} (in [0, 1]) of the images of class {@code c}. */
    public PlantSpec inClassRate(int c, double rate) {
        requireNew(c);
        TreeMap<Integer, Double> m = new TreeMap<>(ratePerClass);
        m.put(c, rate);
        return new PlantSpec(pattern, countPerClass, m, otherClassesRate);
    }

    /** Plant into the share {@code rate} (in [0, 1]) of the images of every class not named by {@link #inClass} or {@link #inClassRate}. */
    public PlantSpec inOtherClasses(double rate) {
        return new PlantSpec(pattern, countPerClass, ratePerClass, rate);
    }

    /** True when class {@code c} has its own count or rate. */
    public boolean names(int c) {
        return countPerClass.containsKey(c) || ratePerClass.containsKey(c);
    }

    /**
     * How many of a class's {@code classSize} images get the pattern: its count, else
     * {@code round-half-up(rate · classSize)} with its own rate or the other-classes rate.
     * The product is rounded in decimal, so 0.15 · 10 gives 2.
     */
    public int countFor(int c, int classSize) {
        Integer n = countPerClass.get(c);
        if (n != null) {
            return n;
        }
        Double r = ratePerClass.get(c);
        return roundHalfUp(r != null ? r : otherClassesRate, classSize);
    }

    /** {@code round-half-up(rate · size)}, computed in decimal from the rate's shortest decimal form. */
    public static int roundHalfUp(double rate, int size) {
        return java.math.BigDecimal.valueOf(rate).multiply(java.math.BigDecimal.valueOf(size))
                .setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
    }

    private void requireNew(int c) {
        if (names(c)) {
            throw new IllegalArgumentException("class " + c + " is already named in this plant of " + pattern.id());
        }
    }

    private static void requireClass(Integer c) {
        if (c == null || c < 0) {
            throw new IllegalArgumentException("class must be ≥ 0, got " + c);
        }
    }

    private static void requireRate(String what, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], got " + rate);
        }
    }
}
