/**
 * Looking at a VAE's latent space: reconstructions next to their originals, and 2-D maps of the
 * latent means (PCA or t-SNE) coloured by label, by prediction or by planted pattern.
 */
package org.spuriouslab.embedding;
