package org.spuriouslab.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Word ↔ id for the words kept for embedding: those in at least {@code minCount} documents, the
 * {@code maxSize} most frequent by document frequency (ties by word). Id 0 is the most frequent word.
 *
 * <pre>{@code
 * Vocabulary v = Vocabulary.build(Tokenizer.DEFAULT.tokenizeAll(texts), 2, 5000);
 * v.size(); v.id("tax"); v.word(0); v.documentFrequency(0);
 * }</pre>
 */
public final class Vocabulary {

    private final List<String> words;
    private final int[] documentFrequency;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> words, int[] documentFrequency) {
        this.words = List.copyOf(words);
        this.documentFrequency = documentFrequency;
        this.ids = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            ids.put(words.get(i), i);
        }
    }

    /**
     * Builds the vocabulary of tokenized documents.
     *
     * @param minCount least number of documents a word must occur in, at least 1
     * @param maxSize  most words kept, at least 1
     */
    public static Vocabulary build(List<? extends Collection<String>> documents, int minCount, int maxSize) {
        if (documents == null) {
            throw new IllegalArgumentException("documents must not be null");
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1, got " + minCount);
        }
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1, got " + maxSize);
        }
        Map<String, Integer> df = new HashMap<>();
        for (Collection<String> doc : documents) {
            for (String w : new HashSet<>(doc)) {
                df.merge(w, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> kept = new ArrayList<>();
        for (Map.Entry<String, Integer> e : df.entrySet()) {
            if (e.getValue() >= minCount) {
                kept.add(e);
            }
        }
        kept.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        if (kept.size() > maxSize) {
            kept = kept.subList(0, maxSize);
        }
        List<String> words = new ArrayList<>(kept.size());
        int[] counts = new int[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            words.add(kept.get(i).getKey());
            counts[i] = kept.get(i).getValue();
        }
        return new Vocabulary(words, counts);
    }

    /** Number of words. */
    public int size() {
        return words.size();
    }

    /** The words, by id. */
    public List<String> words() {
        return words;
    }

    /** The word with id {@code id}. */
    public String word(int id) {
        if (id < 0 || id >= words.size()) {
            throw new IllegalArgumentException("id must be in 0.." + (words.size() - 1) + ", got " + id);
        }
        return words.get(id);
    }

    /** The id of {@code word}, or −1 when it is not in the vocabulary. */
    public int id(String word) {
        return ids.getOrDefault(word, -1);
    }

    /** Whether {@code word} is in the vocabulary. */
    public boolean contains(String word) {
        return ids.containsKey(word);
    }

    /** Number of documents the word with id {@code id} occurred in when the vocabulary was built. */
    public int documentFrequency(int id) {
        word(id);
        return documentFrequency[id];
    }

    /** Ids of the tokens that are in the vocabulary, in order (others are skipped). */
    public int[] ids(List<String> tokens) {
        return tokens.stream().mapToInt(this::id).filter(i -> i >= 0).toArray();
    }

    @Override
    public String toString() {
        return "Vocabulary[" + size() + " words" + (size() > 0 ? ", most frequent '" + words.get(0) + "'" : "") + "]";
    }
}
