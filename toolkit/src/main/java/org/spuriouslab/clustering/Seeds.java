package org.spuriouslab.clustering;

/** Derives independent-looking seeds from one seed (SplitMix64 finaliser). */
final class Seeds {

    private Seeds() {
    }

    /** A seed for sub-task {@code index} of the task seeded with {@code seed}. */
    static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
