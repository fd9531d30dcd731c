package org.spuriouslab.metrics;

/**
 * The four ranking scores discovery reports for one planted pattern and one cluster's scores.
 *
 * @param precisionAt10    fraction of relevant items among the 10 highest scores
 * @param precisionAt25    fraction of relevant items among the 25 highest scores
 * @param averagePrecision average precision (chance level = fraction of relevant items)
 * @param auroc            area under the ROC curve (chance level = 0.5)
 */
public record RankingScores(double precisionAt10, double precisionAt25, double averagePrecision, double auroc) {

    /**
     * Computes all four with {@link RankingMetrics}; ties and errors as documented there (needs
     * at least one relevant and one irrelevant item).
     */
    public static RankingScores of(double[] scores, boolean[] relevant) {
        return new RankingScores(
                RankingMetrics.precisionAt(10, scores, relevant),
                RankingMetrics.precisionAt(25, scores, relevant),
                RankingMetrics.averagePrecision(scores, relevant),
                RankingMetrics.auroc(scores, relevant));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "P@10 %.3f, P@25 %.3f, AP %.3f, AUROC %.3f",
                precisionAt10, precisionAt25, averagePrecision, auroc);
    }
}
