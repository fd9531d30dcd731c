package org.spuriouslab.data;

import java.util.Arrays;

/**
 * The content of one IDX file: element type, dimensions and the raw big-endian data.
 *
 * @param type element type
 * @param dims dimensions, outermost first (e.g. {@code [60000, 28, 28]})
 * @param data raw element bytes, exactly {@code product(dims) * type.bytes()} long
 */
public record IdxArray(IdxType type, int[] dims, byte[] data) {

    /** Number of elements. */
    public long elementCount() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    /** Dimensions as text, e.g. {@code 60000×28×28}. */
    public String shape() {
        return String.join("×", Arrays.stream(dims).mapToObj(Integer::toString).toList());
    }

    @Override
    public String toString() {
        return "IdxArray[" + type + ", " + shape() + "]";
    }
}
