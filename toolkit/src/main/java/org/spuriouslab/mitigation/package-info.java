/**
 * Neuron-level mitigation of spurious correlations without group labels: NeuronTune (after
 * Zheng, Ye &amp; Zhang 2025) and its references.
 * <ul>
 *   <li>{@link org.spuriouslab.mitigation.SpuriousBenchmark} builds a planted-pattern benchmark
 *       ({@link org.spuriouslab.mitigation.GroupedSplits}: train, identification and test splits;
 *       groups = class × pattern present, used only for reporting and the oracle).</li>
 *   <li>{@link org.spuriouslab.mitigation.SplitFeatures} splits a trained classifier into frozen
 *       penultimate activations and its linear head.</li>
 *   <li>{@link org.spuriouslab.mitigation.NeuronScores} (δ per class and neuron),
 *       {@link org.spuriouslab.mitigation.NeuronSelection} (δ &gt; λ under
 *       {@link org.spuriouslab.mitigation.SelectionRule} ANY or ALL),
 *       {@link org.spuriouslab.mitigation.HeadRetraining} (balanced softmax regression on frozen
 *       features) and {@link org.spuriouslab.mitigation.NeuronTune} put together the method;
 *       {@link org.spuriouslab.mitigation.OracleRetraining} is the DFR-style ceiling with true groups.</li>
 *   <li>{@link org.spuriouslab.mitigation.GroupReport} gives accuracy per group, average and
 *       worst-group accuracy; {@link org.spuriouslab.mitigation.NeuronInputs} shows what a neuron
 *       responds to in input space.</li>
 * </ul>
 *
 * <pre>{@code
 * GroupedSplits splits = SpuriousBenchmark.builder().build(ds);
 * Classifier erm = ModelCache.classifier(spec, splits.train().images());
 * SplitFeatures f = SplitFeatures.of(erm, splits);
 * NeuronTuneResult r = NeuronTune.run(f, splits, NeuronTune.Options.defaults());
 * OracleRetraining.Result oracle = OracleRetraining.run(f, splits, HeadRetraining.Options.defaults());
 * GroupReport.summary(List.of(r.before(), r.after(), oracle.report()));
 * }</pre>
 */
package org.spuriouslab.mitigation;
