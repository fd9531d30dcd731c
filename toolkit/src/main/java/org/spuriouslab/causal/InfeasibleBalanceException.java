package org.spuriouslab.causal;

import java.util.List;

/**
 * No strictly positive control weights reproduce the target moments: the targets lie outside the
 * convex hull of the controls' moment vectors (or so close to its edge that weights underflow).
 * The message names the offending moments with their targets and the controls' range;
 * {@link #moments()} lists their names.
 */
public final class InfeasibleBalanceException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> moments;

    /** An exception naming the offending moments. */
    public InfeasibleBalanceException(String message, List<String> moments) {
        super(message);
        this.moments = List.copyOf(moments);
    }

    /** Names of the moments that cannot be matched (most offending first). */
    public List<String> moments() {
        return moments;
    }
}
