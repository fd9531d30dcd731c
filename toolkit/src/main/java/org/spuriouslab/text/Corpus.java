package org.spuriouslab.text;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Short texts with a true topic each, e.g. quotations from named {@link Fortunes} categories. The
 * topic is the ground truth that topic clustering is scored against.
 *
 * <pre>{@code
 * Corpus c = Fortunes.load();
 * c.size(); c.topicNames(); c.topicCounts(); c.text(0); c.topic(0);
 * }</pre>
 */
public final class Corpus {

    private final List<TextItem> items;
    private final List<String> topicNames;

    /**
     * A corpus.
     *
     * @param items      the texts; every topic must be below {@code topicNames.size()}
     * @param topicNames names of the topics, distinct
     */
    public Corpus(List<TextItem> items, List<String> topicNames) {
        if (items == null || topicNames == null) {
            throw new IllegalArgumentException("items and topic names must not be null");
        }
        if (topicNames.size() != topicNames.stream().distinct().count()) {
            throw new IllegalArgumentException("topic names must be distinct, got " + topicNames);
        }
        for (TextItem item : items) {
            if (item.topic() >= topicNames.size()) {
                throw new IllegalArgumentException("topic " + item.topic() + " has no name; " + topicNames.size()
                        + " names cover topics 0.." + (topicNames.size() - 1));
            }
        }
        this.items = List.copyOf(items);
        this.topicNames = List.copyOf(topicNames);
    }

    /** Number of texts. */
    public int size() {
        return items.size();
    }

    /** The texts with their topics. */
    public List<TextItem> items() {
        return items;
    }

    /** Text {@code i}. */
    public String text(int i) {
        return items.get(i).text();
    }

    /** True topic of text {@code i}. */
    public int topic(int i) {
        return items.get(i).topic();
    }

    /** All texts, in order. */
    public List<String> texts() {
        return items.stream().map(TextItem::text).toList();
    }

    /** The true topic of every text, in order. */
    public int[] topics() {
        return items.stream().mapToInt(TextItem::topic).toArray();
    }

    /** Topic names; topic {@code t} is {@code topicNames().get(t)}. */
    public List<String> topicNames() {
        return topicNames;
    }

    /** Number of topics (named, possibly empty). */
    public int topicCount() {
        return topicNames.size();
    }

    /** The true category of every text as one-hot covariates, one 0/1 column per category, named as the category. */
    public org.spuriouslab.causal.Covariates categoryOneHot() {
        return org.spuriouslab.causal.Covariates.oneHot(topics(), topicNames());
    }

    /** Texts per topic. */
    public int[] topicCounts() {
        int[] counts = new int[topicNames.size()];
        for (TextItem item : items) {
            counts[item.topic()]++;
        }
        return counts;
    }

    /** The texts at the given indices, in that order. */
    public Corpus subset(int[] indices) {
        List<TextItem> chosen = new ArrayList<>(indices.length);
        for (int i : indices) {
            if (i < 0 || i >= items.size()) {
                throw new IllegalArgumentException("index " + i + " outside 0.." + (items.size() - 1));
            }
            chosen.add(items.get(i));
        }
        return new Corpus(chosen, topicNames);
    }

    /**
     * At most {@code maxPerTopic} texts of each topic, a seeded random choice, in corpus order —
     * evens out topics of very different sizes.
     *
     * @param maxPerTopic at least 1
     */
    public Corpus capPerTopic(int maxPerTopic, long seed) {
        if (maxPerTopic < 1) {
            throw new IllegalArgumentException("maxPerTopic must be at least 1, got " + maxPerTopic);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int[] taken = new int[topicNames.size()];
        boolean[] keep = new boolean[items.size()];
        for (int i : order) {
            int t = items.get(i).topic();
            if (taken[t] < maxPerTopic) {
                taken[t]++;
                keep[i] = true;
            }
        }
        List<TextItem> chosen = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (keep[i]) {
                chosen.add(items.get(i));
            }
        }
        return new Corpus(chosen, topicNames);
    }

    /** Columns {@code topic} and {@code texts}. */
    public Table topicTable() {
        return Table.create("texts per topic", StringColumn.create("topic", topicNames),
                IntColumn.create("texts", topicCounts()));
    }

    /** The first {@code count} texts of each topic, shortened to {@code maxChars}: columns topic and text. */
    public Table examples(int count, int maxChars) {
        StringColumn topic = StringColumn.create("topic");
        StringColumn text = StringColumn.create("text");
        int[] shown = new int[topicNames.size()];
        for (TextItem item : items) {
            if (shown[item.topic()]++ < count) {
                topic.append(topicNames.get(item.topic()));
                String t = item.text();
                text.append(t.length() <= maxChars ? t : t.substring(0, Math.max(0, maxChars - 1)) + "…");
            }
        }
        return Table.create("examples", topic, text);
    }

    @Override
    public String toString() {
        return "Corpus[" + size() + " texts, topics " + topicNames + "]";
    }
}
