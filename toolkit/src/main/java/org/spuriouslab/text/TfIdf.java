package org.spuriouslab.text;

import java.util.List;
import java.util.TreeMap;

/**
 * TF-IDF weights of a vocabulary: for word {@code w} in document {@code d},
 * {@code tfidf(d, w) = count(d, w) · idf(w)} with the smoothed {@code idf(w) = ln((1 + n) / (1 + df(w))) + 1}
 * ({@code n} documents, {@code df(w)} of them containing {@code w}); each document's row is then
 * scaled to unit Euclidean length. Words frequent in one document but rare overall weigh most.
 *
 * <pre>{@code
 * TfIdf tfidf = TfIdf.fit(tokens, vocabulary);
 * SparseMatrix x = tfidf.transform(tokens);   // documents × words, rows of length 1
 * }</pre>
 */
public final class TfIdf {

    private final Vocabulary vocabulary;
    private final double[] idf;

    private TfIdf(Vocabulary vocabulary, double[] idf) {
        this.vocabulary = vocabulary;
        this.idf = idf;
    }

    /** Learns the IDF of every vocabulary word from tokenized documents. */
    public static TfIdf fit(List<List<String>> documents, Vocabulary vocabulary) {
        if (documents == null || documents.isEmpty()) {
            throw new IllegalArgumentException("need at least one document");
        }
        if (vocabulary == null || vocabulary.size() == 0) {
            throw new IllegalArgumentException("vocabulary must not be empty");
        }
        int[] df = new int[vocabulary.size()];
        for (List<String> doc : documents) {
            boolean[] seen = new boolean[vocabulary.size()];
            for (int id : vocabulary.ids(doc)) {
                if (!seen[id]) {
                    seen[id] = true;
                    df[id]++;
                }
            }
        }
        int n = documents.size();
        double[] idf = new double[df.length];
        for (int j = 0; j < df.length; j++) {
            idf[j] = Math.log((1.0 + n) / (1.0 + df[j])) + 1;
        }
        return new TfIdf(vocabulary, idf);
    }

    /** The vocabulary (matrix columns). */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** IDF of the word with id {@code id}. */
    public double idf(int id) {
        return idf[id];
    }

    /** The L2-normalised TF-IDF rows of tokenized documents (a document with no known word is a zero row). */
    public SparseMatrix transform(List<List<String>> documents) {
        int[][] idx = new int[documents.size()][];
        double[][] val = new double[documents.size()][];
        for (int i = 0; i < documents.size(); i++) {
            TreeMap<Integer, Integer> counts = new TreeMap<>();
            for (int id : vocabulary.ids(documents.get(i))) {
                counts.merge(id, 1, Integer::sum);
            }
            idx[i] = new int[counts.size()];
            val[i] = new double[counts.size()];
            double norm = 0;
            int k = 0;
            for (var e : counts.entrySet()) {
                idx[i][k] = e.getKey();
                val[i][k] = e.getValue() * idf[e.getKey()];
                norm += val[i][k] * val[i][k];
                k++;
            }
            norm = Math.sqrt(norm);
            for (k = 0; k < val[i].length; k++) {
                val[i][k] /= norm;
            }
        }
        return new SparseMatrix(vocabulary.size(), idx, val);
    }
}
