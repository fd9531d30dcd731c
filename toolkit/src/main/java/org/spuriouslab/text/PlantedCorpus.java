package org.spuriouslab.text;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * A corpus after {@link ToxicityPlanter}: the texts (toxic ones with the inserted words), the
 * ground-truth toxic mask, and the rate each topic was given.
 *
 * @param corpus   the planted texts, same order and topics as the original
 * @param toxic    whether text {@code i} was made toxic
 * @param rates    the (effective) rate of each topic
 * @param inserted the lexicon words inserted into text {@code i} (empty for clean texts)
 * @param strength the confounding strength used
 */
public record PlantedCorpus(Corpus corpus, boolean[] toxic, double[] rates, List<List<String>> inserted,
                            double strength) {

    /** Number of toxic texts. */
    public int toxicCount() {
        int n = 0;
        for (boolean b : toxic) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** The measured toxic share of each topic. */
    public double[] toxicShareByTopic() {
        int[] counts = corpus.topicCounts();
        double[] share = new double[counts.length];
        for (int i = 0; i < toxic.length; i++) {
            if (toxic[i]) {
                share[corpus.topic(i)]++;
            }
        }
        for (int t = 0; t < share.length; t++) {
            share[t] = counts[t] == 0 ? 0 : share[t] / counts[t];
        }
        return share;
    }

    /** The toxic mask as 0/1 labels (for agreement measures). */
    public int[] toxicLabels() {
        int[] out = new int[toxic.length];
        for (int i = 0; i < toxic.length; i++) {
            out[i] = toxic[i] ? 1 : 0;
        }
        return out;
    }

    /** Per topic: texts, toxic, rate asked, toxic share measured (both rounded to 4 digits). */
    public Table table() {
        int[] counts = corpus.topicCounts();
        double[] share = toxicShareByTopic();
        int[] toxicCounts = new int[counts.length];
        double[] rate = new double[counts.length];
        for (int t = 0; t < counts.length; t++) {
            toxicCounts[t] = (int) Math.round(share[t] * counts[t]);
            rate[t] = Math.round(rates[t] * 1e4) / 1e4;
            share[t] = Math.round(share[t] * 1e4) / 1e4;
        }
        return Table.create("toxicity by topic (strength " + strength + ")",
                StringColumn.create("topic", corpus.topicNames()),
                IntColumn.create("texts", counts),
                IntColumn.create("toxic", toxicCounts),
                DoubleColumn.create("rate", rate),
                DoubleColumn.create("toxic share", share));
    }
}
