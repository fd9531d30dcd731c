package org.spuriouslab.causal;

/** Which moments of the covariates {@link EntropyBalancing} matches between controls and treated. */
public enum Moments {
    /** The mean of every column. */
    MEANS,
    /**
     * The mean of every column and the mean of its square, hence its variance (population form,
     * divisor n). Columns holding only 0 and 1 in both groups get no square: x² = x there.
     */
    MEANS_AND_VARIANCES
}
