package org.spuriouslab.metrics;

import java.util.HashMap;
import java.util.Map;

/**
 * Agreement between two partitions of the same items, e.g. clusters vs. planted-pattern groups.
 * Labels are arbitrary ints (only equality matters), so renaming the clusters of either partition
 * does not change any score.
 * <ul>
 *   <li>{@link #purity}: each cluster votes for its majority truth label; fraction of items that
 *   match their cluster's vote. 1 = every cluster is pure; it rewards many small clusters.</li>
 *   <li>{@link #nmi}: mutual information divided by the arithmetic mean of the two entropies
 *   (scikit-learn's default). 1 = identical up to renaming, ≈ 0 = independent.</li>
 *   <li>{@link #ari}: adjusted Rand index (Hubert–Arabie): pair agreement corrected for chance.
 *   1 = identical, ≈ 0 = independent, can be negative.</li>
 * </ul>
 */
public final class ClusterAgreement {

    private ClusterAgreement() {
    }

    /**
     * Purity of {@code clusters} with respect to {@code truth}: {@code (1/n) Σ_c max_t |c ∩ t|}.
     *
     * @throws IllegalArgumentException if the arrays are empty or of different lengths
     */
    public static double purity(int[] clusters, int[] truth) {
        Contingency t = new Contingency(clusters, truth);
        long sum = 0;
        for (int i = 0; i < t.rows; i++) {
            int best = 0;
            for (int j = 0; j < t.cols; j++) {
                best = Math.max(best, t.counts[i][j]);
            }
            sum += best;
        }
        return (double) sum / t.n;
    }

    /**
     * Normalised mutual information, {@code MI(a, b) / ((H(a) + H(b)) / 2)} with natural logs.
     * Limits: 1.0 when both partitions are a single cluster (nothing to disagree about, as in
     * scikit-learn); 0.0 when exactly one of them is a single cluster.
     *
     * @throws IllegalArgumentException if the arrays are empty or of different lengths
     */
    public static double nmi(int[] a, int[] b) {
        Contingency t = new Contingency(a, b);
        if (t.rows == 1 && t.cols == 1) {
            return 1.0;
        }
        double n = t.n;
        double ha = entropy(t.rowSums, n);
        double hb = entropy(t.colSums, n);
        double mi = 0;
        for (int i = 0; i < t.rows; i++) {
            for (int j = 0; j < t.cols; j++) {
                int c = t.counts[i][j];
                if (c > 0) {
                    mi += c / n * Math.log(c * n / ((double) t.rowSums[i] * t.colSums[j]));
                }
            }
        }
        double norm = (ha + hb) / 2;
        if (norm <= 0) {
            return 1.0;
        }
        return Math.max(0, Math.min(1, mi / norm));
    }

    /**
     * Adjusted Rand index from the pair confusion matrix:
     * {@code 2 (TP·TN − FN·FP) / ((TP+FN)(FN+TN) + (TP+FP)(FP+TN))}. Limit: 1.0 when the partitions
     * agree on every pair (e.g. both a single cluster, or both all singletons), as in scikit-learn.
     *
     * @throws IllegalArgumentException if the arrays are empty or of different lengths
     */
    public static double ari(int[] a, int[] b) {
        Contingency t = new Contingency(a, b);
        double n = t.n;
        double sumSquares = 0;
        for (int[] row : t.counts) {
            for (int c : row) {
                sumSquares += (double) c * c;
            }
        }
        double rowSquares = 0;
        for (int r : t.rowSums) {
            rowSquares += (double) r * r;
        }
        double colSquares = 0;
        for (int c : t.colSums) {
            colSquares += (double) c * c;
        }
        // ordered pairs: TP together in both, FP together in b only, FN together in a only
        double tp = sumSquares - n;
        double fp = colSquares - sumSquares;
        double fn = rowSquares - sumSquares;
        double tn = n * n - fp - fn - sumSquares;
        if (fn == 0 && fp == 0) {
            return 1.0;
        }
        return 2 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
    }

    private static double entropy(int[] sums, double n) {
        double h = 0;
        for (int s : sums) {
            if (s > 0) {
                double p = s / n;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    /** Contingency table of two labelings, labels renumbered in order of first appearance. */
    private static final class Contingency {
        final int n;
        final int rows;
        final int cols;
        final int[][] counts;
        final int[] rowSums;
        final int[] colSums;

        Contingency(int[] a, int[] b) {
            if (a == null || b == null) {
                throw new IllegalArgumentException("labelings must not be null");
            }
            if (a.length != b.length) {
                throw new IllegalArgumentException("labelings have " + a.length + " and " + b.length
                        + " entries; they must label the same items");
            }
            if (a.length == 0) {
                throw new IllegalArgumentException("no items to compare");
            }
            n = a.length;
            int[] ra = renumber(a);
            int[] rb = renumber(b);
            int r = 0;
            int c = 0;
            for (int i = 0; i < n; i++) {
                r = Math.max(r, ra[i] + 1);
                c = Math.max(c, rb[i] + 1);
            }
            rows = r;
            cols = c;
            counts = new int[r][c];
            rowSums = new int[r];
            colSums = new int[c];
            for (int i = 0; i < n; i++) {
                counts[ra[i]][rb[i]]++;
                rowSums[ra[i]]++;
                colSums[rb[i]]++;
            }
        }

        private static int[] renumber(int[] labels) {
            Map<Integer, Integer> ids = new HashMap<>();
            int[] out = new int[labels.length];
            for (int i = 0; i < labels.length; i++) {
                out[i] = ids.computeIfAbsent(labels[i], k -> ids.size());
            }
            return out;
        }
    }
}
