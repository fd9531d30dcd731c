/**
 * Spurious patterns and their injection (after Yang, Chou &amp; Chaudhuri 2022): a {@link
 * org.spuriouslab.patterns.Pattern} changes an image's pixels (one white pixel, a white square in
 * a corner, a fixed seeded noise image, a seeded noise patch); {@link
 * org.spuriouslab.patterns.Injector} plants patterns into chosen images of chosen classes and
 * keeps the ground truth in {@link org.spuriouslab.patterns.PlantedImages}.
 *
 * <pre>{@code
 * PlantedImages planted = Injector.inject(ds.train(),
 *         InjectionSpec.of(PlantSpec.of(Patterns.s3()).inClass(3, 500).inOtherClasses(0.05)), 42);
 * planted.summary();                       // one row per pattern
 * ImageSet probe = Injector.patchAll(ds.test(), Patterns.s3());
 * }</pre>
 *
 * Pixels are floats in [0, 1]; every pattern clips its result to [0, 1]. Every random step takes
 * a seed, and the same seed gives the same images.
 */
package org.spuriouslab.patterns;
