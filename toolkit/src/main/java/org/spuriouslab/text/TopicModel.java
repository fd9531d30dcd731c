package org.spuriouslab.text;

import org.spuriouslab.clustering.Clustering;
import org.spuriouslab.clustering.KChoice;
import org.spuriouslab.clustering.KMeansClusterer;
import org.spuriouslab.clustering.KSelection;
import org.spuriouslab.progress.Progress;

import java.util.List;

/**
 * Topics by clustering: tokenize ({@link Tokenizer#DEFAULT}), build a {@link Vocabulary}, weight
 * by {@link TfIdf}, reduce with {@link TruncatedSvd} (latent semantic analysis), optionally scale
 * each embedding row to unit length (distances then compare directions, like cosine similarity),
 * and cluster with k-means — k chosen by mean silhouette over {@code kMin … kMax}, or fixed. Unit
 * length is the default: unscaled coordinates can reach a higher NMI but tend to put most texts
 * into one large cluster (short texts sit near the origin), which is of little use as topics.
 *
 * <pre>{@code
 * Topics topics = TopicModel.builder().components(50).kRange(2, 10).seed(42).build().fit(corpus);
 * topics.k(); topics.nmi(); topics.table(8);
 * }</pre>
 *
 * @param minCount      least number of texts a word must occur in
 * @param maxVocabulary most words kept
 * @param components    SVD components (embedding size)
 * @param kMin          smallest k tried by silhouette
 * @param kMax          largest k tried by silhouette
 * @param fixedK        k to use instead of choosing (0 = choose by silhouette)
 * @param unitLength    scale each embedding row to unit length before clustering
 * @param seed          seed of the SVD and k-means
 */
public record TopicModel(int minCount, int maxVocabulary, int components, int kMin, int kMax, int fixedK,
                         boolean unitLength, long seed) {

    /** Checks the parameters. */
    public TopicModel {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1, got " + minCount);
        }
        if (maxVocabulary < 2) {
            throw new IllegalArgumentException("maxVocabulary must be at least 2, got " + maxVocabulary);
        }
        if (components < 1) {
            throw new IllegalArgumentException("components must be at least 1, got " + components);
        }
        if (kMin < 2 || kMax < kMin) {
            throw new IllegalArgumentException("need 2 ≤ kMin ≤ kMax, got kMin " + kMin + ", kMax " + kMax);
        }
        if (fixedK != 0 && fixedK < 2) {
            throw new IllegalArgumentException("fixedK must be 0 (choose by silhouette) or at least 2, got " + fixedK);
        }
    }

    /**
     * A builder with the defaults: minCount 2, 5000 words, 50 components, rows at unit length, k in
     * 2..10 by silhouette, seed 42.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Fits the topics of {@code corpus}: TF-IDF, truncated SVD, k-means. */
    public Topics fit(Corpus corpus) {
        return fit(corpus, null);
    }

    /**
     * Fits topics on a given text embedding instead of the TF-IDF + SVD one, e.g. a language
     * model's mean hidden states (one row per text); rows are scaled to length 1 when
     * {@code unitLength} is set. TF-IDF is still computed, for the topics' top words.
     *
     * @throws IllegalArgumentException when the embedding has a different number of rows than the corpus has texts
     */
    public Topics fit(Corpus corpus, double[][] embedding) {
        if (corpus.size() < Math.max(kMax, fixedK) + 1) {
            throw new IllegalArgumentException("corpus has " + corpus.size() + " texts; need more than k");
        }
        if (embedding != null && embedding.length != corpus.size()) {
            throw new IllegalArgumentException("the embedding has " + embedding.length + " rows for " + corpus.size() + " texts");
        }
        Progress progress = Progress.start("topics", 3);   // TF-IDF, SVD (or the given embedding), k-means
        List<List<String>> tokens = Tokenizer.DEFAULT.tokenizeAll(corpus.texts());
        Vocabulary vocabulary = Vocabulary.build(tokens, minCount, maxVocabulary);
        TfIdf tfidf = TfIdf.fit(tokens, vocabulary);
        SparseMatrix x = tfidf.transform(tokens);
        progress.step("TF-IDF " + x.rows() + " × " + x.columns());
        Svd svd = null;
        if (embedding == null) {
            int c = Math.min(components, Math.min(x.rows(), x.columns()));
            svd = new TruncatedSvd(c).fit(x, seed);
            embedding = svd.embedding();
            progress.step("SVD " + c + " components");
        } else {
            progress.step("given embedding, " + embedding[0].length + " dimensions");
        }
        embedding = unitLength ? unitRows(embedding) : embedding;
        KChoice choice = null;
        Clustering clustering;
        KMeansClusterer kmeans = new KMeansClusterer();
        if (fixedK == 0) {
            choice = KSelection.bySilhouette(embedding, kmeans, kMin, kMax, seed);
            clustering = choice.best();
        } else {
            clustering = kmeans.fit(embedding, fixedK, seed);
        }
        progress.step("k-means, k = " + clustering.k());
        Topics topics = new Topics(corpus, vocabulary, x, svd, embedding, choice, clustering);
        progress.done(String.format("%d topics, NMI %.3f against the true categories", clustering.k(), topics.nmi()));
        return topics;
    }

    private static double[][] unitRows(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            double norm = 0;
            for (double v : m[i]) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            out[i] = m[i].clone();
            if (norm > 0) {
                for (int j = 0; j < out[i].length; j++) {
                    out[i][j] /= norm;
                }
            }
        }
        return out;
    }

    /** Builder for {@link TopicModel}. */
    public static final class Builder {
        private int minCount = 2;
        private int maxVocabulary = 5000;
        private int components = 50;
        private boolean unitLength = true;
        private int kMin = 2;
        private int kMax = 10;
        private int fixedK = 0;
        private long seed = 42;

        private Builder() {
        }

        /** Least number of texts a word must occur in (default 2). */
        public Builder minCount(int minCount) {
            this.minCount = minCount;
            return this;
        }

        /** Most words kept (default 5000). */
        public Builder maxVocabulary(int maxVocabulary) {
            this.maxVocabulary = maxVocabulary;
            return this;
        }

        /** Scale each embedding row to unit length before clustering (default true). */
        public Builder unitLength(boolean unitLength) {
            this.unitLength = unitLength;
            return this;
        }

        /** SVD components (default 50). */
        public Builder components(int components) {
            this.components = components;
            return this;
        }

        /** Range of k tried by silhouette (default 2..10). */
        public Builder kRange(int kMin, int kMax) {
            this.kMin = kMin;
            this.kMax = kMax;
            return this;
        }

        /** Use this k instead of choosing by silhouette (0 = choose, the default). */
        public Builder k(int k) {
            this.fixedK = k;
            return this;
        }

        /** Seed of the SVD and k-means (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The model. */
        public TopicModel build() {
            return new TopicModel(minCount, maxVocabulary, components, kMin, kMax, fixedK, unitLength, seed);
        }
    }
}
