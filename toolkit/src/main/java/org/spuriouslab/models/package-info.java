/**
 * Models the notebooks train: image classifiers ({@link org.spuriouslab.models.Classifier}, an MLP
 * or a small CNN, built as a feature extractor followed by a linear head), a variational
 * autoencoder ({@link org.spuriouslab.models.Vae}) for latent embeddings, a small decoder-only
 * transformer language model ({@link org.spuriouslab.models.LanguageModel}, units hooked for
 * mediation; {@link org.spuriouslab.models.LexiconContinuation} is its outcome model), and a
 * {@link org.spuriouslab.models.ModelCache} that trains once and reloads afterwards.
 *
 * <pre>{@code
 * ClassifierSpec spec = ClassifierSpec.mlp().epochs(3).build();
 * try (Classifier model = ModelCache.classifier(spec, ds.train())) {
 *     double acc = model.accuracy(ds.test());
 * }
 * }</pre>
 *
 * Everything runs on DJL's PyTorch engine on the CPU with a hand-written training loop (batches
 * gathered on the native side, fused Adam updates, metrics read back once per epoch). Every random
 * step is seeded: the same spec and data give the same parameters.
 */
package org.spuriouslab.models;
