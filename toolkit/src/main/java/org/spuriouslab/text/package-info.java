/**
 * Text and topics: the text half of the confounding experiments.
 * <ul>
 *   <li>Data: {@link org.spuriouslab.text.Fortunes} (Debian's fortunes, named categories as true
 *   topics) gives a {@link org.spuriouslab.text.Corpus} of {@link org.spuriouslab.text.TextItem}s;
 *   {@link org.spuriouslab.text.Lexicon} is the naughty-words toxic list.</li>
 *   <li>Planting: {@link org.spuriouslab.text.ToxicityPlanter} makes a topic-dependent share of
 *   texts toxic (the confounding strength) → {@link org.spuriouslab.text.PlantedCorpus} with the
 *   ground-truth mask.</li>
 *   <li>Embeddings: {@link org.spuriouslab.text.Tokenizer}, {@link org.spuriouslab.text.Vocabulary},
 *   {@link org.spuriouslab.text.TfIdf} ({@link org.spuriouslab.text.SparseMatrix}) and
 *   {@link org.spuriouslab.text.TruncatedSvd} ({@link org.spuriouslab.text.Svd}).</li>
 *   <li>Topics: {@link org.spuriouslab.text.TopicModel} clusters the embeddings with k-means, k by
 *   silhouette → {@link org.spuriouslab.text.Topics} with top words, NMI/ARI and charts.</li>
 *   <li>Sweeps over the confounding strength: {@link org.spuriouslab.text.ConfoundingSweep} (toxic
 *   share per topic) and {@link org.spuriouslab.text.BalancingSweep} (entropy balancing on the
 *   found topics, balance on found and true topics, effective sample size).</li>
 * </ul>
 */
package org.spuriouslab.text;
