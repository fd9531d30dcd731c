package org.spuriouslab.metrics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How well a score ranks relevant items first: precision at k, average precision (AP) and the
 * area under the ROC curve (AUROC). A higher score means "more likely relevant".
 *
 * <p>Ties: items with equal scores form one block whose internal order is unknown, so no metric
 * depends on the order of the input arrays.
 * <ul>
 *   <li>{@link #precisionAt} counts a tied block that straddles the cut-off fractionally: the
 *   expected precision when the block is put in random order.</li>
 *   <li>{@link #averagePrecision} steps through the distinct score thresholds and adds each tied
 *   block at once: {@code AP = Σ_t (R_t − R_{t−1}) · P_t}, where {@code R_t} and {@code P_t} are recall
 *   and precision of "score ≥ t". This is scikit-learn's {@code average_precision_score}; without
 *   ties it equals the mean, over the relevant items, of the precision at each one's rank.</li>
 *   <li>{@link #auroc} is the Mann–Whitney statistic: the probability that a random relevant item
 *   scores higher than a random irrelevant one, ties counting ½.</li>
 * </ul>
 * The {@code int[] ranking} overloads take an explicit order (indices, best first) instead of
 * scores; there every position is distinct, so no ties arise.
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    /**
     * Fraction of relevant items among the {@code k} highest-scoring ones. If {@code k} exceeds the
     * number of items, all items are used (so the result is the overall relevant fraction).
     *
     * @param k number of top items, at least 1
     * @throws IllegalArgumentException if {@code k < 1}, lengths differ, arrays are empty or a score is NaN
     */
    public static double precisionAt(int k, double[] scores, boolean[] relevant) {
        check(scores, relevant);
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        int top = Math.min(k, scores.length);
        double hits = 0;
        int taken = 0;
        for (TieBlock b : tieBlocks(descending(scores), scores, relevant)) {
            if (taken >= top) {
                break;
            }
            int use = Math.min(b.size(), top - taken);
            hits += (double) b.hits() * use / b.size(); // expected hits from a randomly ordered block
            taken += use;
        }
        return hits / top;
    }

    /**
     * Fraction of relevant items among the first {@code k} of an explicit ranking ({@code k} larger
     * than the ranking uses all of it).
     *
     * @param ranking item indices, best first: a permutation of {@code 0 … relevant.length−1}
     */
    public static double precisionAt(int k, int[] ranking, boolean[] relevant) {
        checkRanking(ranking, relevant);
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        int top = Math.min(k, ranking.length);
        int hits = 0;
        for (int r = 0; r < top; r++) {
            if (relevant[ranking[r]]) {
                hits++;
            }
        }
        return (double) hits / top;
    }

    /**
     * Average precision, ties handled as blocks (see the class comment).
     *
     * @throws IllegalArgumentException if no item is relevant, lengths differ, arrays are empty or a score is NaN
     */
    public static double averagePrecision(double[] scores, boolean[] relevant) {
        check(scores, relevant);
        int positives = countRelevant(relevant);
        if (positives == 0) {
            throw new IllegalArgumentException("average precision needs at least one relevant item, got none of "
                    + relevant.length);
        }
        double ap = 0;
        int hits = 0;
        for (TieBlock b : tieBlocks(descending(scores), scores, relevant)) {
            hits += b.hits();
            // recall rises by b.hits()/positives at precision hits/seen, seen = b.end()
            ap += (double) b.hits() / positives * hits / b.end();
        }
        return ap;
    }

    /**
     * Average precision of an explicit ranking: the mean, over relevant items, of the precision at
     * each one's position.
     *
     * @param ranking item indices, best first: a permutation of {@code 0 … relevant.length−1}
     */
    public static double averagePrecision(int[] ranking, boolean[] relevant) {
        checkRanking(ranking, relevant);
        int positives = countRelevant(relevant);
        if (positives == 0) {
            throw new IllegalArgumentException("average precision needs at least one relevant item, got none of "
                    + relevant.length);
        }
        double sum = 0;
        int hits = 0;
        for (int r = 0; r < ranking.length; r++) {
            if (relevant[ranking[r]]) {
                hits++;
                sum += (double) hits / (r + 1);
            }
        }
        return sum / positives;
    }

    /**
     * Area under the ROC curve via Mann–Whitney with mid-ranks: the probability that a random
     * relevant item scores higher than a random irrelevant one, a tie counting ½. 0.5 = chance.
     *
     * @throws IllegalArgumentException if all items are relevant or none is, lengths differ, arrays
     *                                  are empty or a score is NaN
     */
    public static double auroc(double[] scores, boolean[] relevant) {
        check(scores, relevant);
        int n = scores.length;
        long positives = countRelevant(relevant);
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("AUROC needs both relevant and irrelevant items, got "
                    + positives + " relevant of " + n);
        }
        double rankSum = 0; // sum of 1-based mid-ranks of the relevant items
        for (TieBlock b : tieBlocks(ascending(scores), scores, relevant)) {
            double midRank = (b.start() + 1 + b.end()) / 2.0; // ranks start+1 … end
            rankSum += b.hits() * midRank;
        }
        double u = rankSum - positives * (positives + 1) / 2.0;
        return u / ((double) positives * negatives);
    }

    /**
     * AUROC of an explicit ranking: the fraction of (relevant, irrelevant) pairs in which the
     * relevant item comes first.
     *
     * @param ranking item indices, best first: a permutation of {@code 0 … relevant.length−1}
     */
    public static double auroc(int[] ranking, boolean[] relevant) {
        checkRanking(ranking, relevant);
        double[] scores = new double[ranking.length];
        for (int r = 0; r < ranking.length; r++) {
            scores[ranking[r]] = ranking.length - r;
        }
        return auroc(scores, relevant);
    }

    /**
     * A run of equal scores in a sorted order: positions {@code start} (inclusive) to {@code end}
     * (exclusive) and how many of its items are relevant.
     */
    private record TieBlock(int start, int end, int hits) {
        int size() {
            return end - start;
        }
    }

    /** The runs of equal scores along {@code order}, in order. */
    private static java.util.List<TieBlock> tieBlocks(Integer[] order, double[] scores, boolean[] relevant) {
        java.util.List<TieBlock> blocks = new java.util.ArrayList<>();
        int n = order.length;
        int i = 0;
        while (i < n) {
            int j = i;
            int hits = 0;
            while (j < n && scores[order[j]] == scores[order[i]]) {
                if (relevant[order[j]]) {
                    hits++;
                }
                j++;
            }
            blocks.add(new TieBlock(i, j, hits));
            i = j;
        }
        return blocks;
    }

    /** Number of {@code true} entries. */
    static int countRelevant(boolean[] relevant) {
        int c = 0;
        for (boolean b : relevant) {
            if (b) {
                c++;
            }
        }
        return c;
    }

    private static Integer[] descending(double[] scores) {
        Integer[] order = indices(scores.length);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        return order;
    }

    private static Integer[] ascending(double[] scores) {
        Integer[] order = indices(scores.length);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]));
        return order;
    }

    private static Integer[] indices(int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    static void check(double[] scores, boolean[] relevant) {
        if (scores == null || relevant == null) {
            throw new IllegalArgumentException("scores and relevant must not be null");
        }
        if (scores.length != relevant.length) {
            throw new IllegalArgumentException("scores has " + scores.length + " entries but relevant has "
                    + relevant.length + "; they must be the same length");
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException("no items to rank");
        }
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN; scores must be numbers");
            }
        }
    }

    private static void checkRanking(int[] ranking, boolean[] relevant) {
        if (ranking == null || relevant == null) {
            throw new IllegalArgumentException("ranking and relevant must not be null");
        }
        if (ranking.length != relevant.length) {
            throw new IllegalArgumentException("ranking has " + ranking.length + " entries but relevant has "
                    + relevant.length + "; the ranking must list every item once");
        }
        if (ranking.length == 0) {
            throw new IllegalArgumentException("no items to rank");
        }
        boolean[] seen = new boolean[ranking.length];
        for (int r = 0; r < ranking.length; r++) {
            int i = ranking[r];
            if (i < 0 || i >= ranking.length) {
                throw new IllegalArgumentException("ranking[" + r + "] = " + i + " is outside 0.." + (ranking.length - 1));
            }
            if (seen[i]) {
                throw new IllegalArgumentException("item " + i + " appears twice in the ranking");
            }
            seen[i] = true;
        }
    }
}
