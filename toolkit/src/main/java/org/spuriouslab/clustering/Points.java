package org.spuriouslab.clustering;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** Shared checks and small vector helpers for point sets ({@code double[n][d]}). */
final class Points {

    private Points() {
    }

    /** Checks {@code x} is a non-empty rectangular matrix of numbers with at least {@code minRows} rows; returns d. */
    static int check(double[][] x, int minRows) {
        if (x == null) {
            throw new IllegalArgumentException("points must not be null");
        }
        if (x.length < minRows) {
            throw new IllegalArgumentException("need at least " + minRows + " points, got " + x.length);
        }
        if (x.length == 0) {
            return 0;
        }
        int d = x[0] == null ? 0 : x[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("points must have at least one dimension");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != d) {
                throw new IllegalArgumentException("point " + i + " has " + (x[i] == null ? "no" : x[i].length)
                        + " coordinates, point 0 has " + d + "; all points need the same dimension");
            }
            for (double v : x[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("point " + i + " has a non-finite coordinate (" + v + ")");
                }
            }
        }
        return d;
    }

    /** Checks {@code k} against the data: at least 1 and at most the number of distinct points. */
    static void checkK(double[][] x, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (k > x.length) {
            throw new IllegalArgumentException("k = " + k + " is more than the " + x.length + " points");
        }
        int distinct = distinctUpTo(x, k);
        if (distinct < k) {
            throw new IllegalArgumentException("only " + distinct + " distinct points, cannot form k = " + k + " clusters");
        }
    }

    /** Number of distinct rows, counting no further than {@code limit}. */
    static int distinctUpTo(double[][] x, int limit) {
        Set<Row> seen = new HashSet<>();
        for (double[] row : x) {
            seen.add(new Row(row));
            if (seen.size() >= limit) {
                break;
            }
        }
        return seen.size();
    }

    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double t = a[j] - b[j];
            s += t * t;
        }
        return s;
    }

    /** Cluster means; an empty cluster keeps {@code fallback[c]}. */
    static double[][] means(double[][] x, int[] labels, int k, double[][] fallback) {
        int d = x[0].length;
        double[][] m = new double[k][d];
        int[] count = new int[k];
        for (int i = 0; i < x.length; i++) {
            count[labels[i]]++;
            double[] mc = m[labels[i]];
            for (int j = 0; j < d; j++) {
                mc[j] += x[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            if (count[c] == 0) {
                m[c] = fallback[c].clone();
            } else {
                for (int j = 0; j < d; j++) {
                    m[c][j] /= count[c];
                }
            }
        }
        return m;
    }

    private record Row(double[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && Arrays.equals(v, r.v);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(v);
        }
    }
}
