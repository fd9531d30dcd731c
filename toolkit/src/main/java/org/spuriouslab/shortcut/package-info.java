/**
 * Has a classifier learned a shortcut? Accuracy on clean vs patched test images and the
 * <em>spurious score</em> — the share of images whose target-class probability rises by more than
 * 0.1 when the pattern is added — compared between a model trained on planted data and one
 * trained on clean data (Welch's t-test on the per-image rises).
 */
package org.spuriouslab.shortcut;
