package org.spuriouslab.text;

import java.util.Objects;

/**
 * Prompts of equal length for a causal analysis of a language model, with the treatment and the
 * confounder of each: {@code treated[p]} ({@code T = 1}: the prompt contains a lexicon word),
 * {@code topics[p]} (the true topic X) and the text it was cut from.
 *
 * @param tokens  token ids, one row of equal length per prompt
 * @param treated treatment indicator per prompt
 * @param topics  true topic per prompt
 * @param texts   index of the source text in its corpus
 */
public record Prompts(int[][] tokens, boolean[] treated, int[] topics, int[] texts) {

    /** Checks that all arrays describe the same prompts and rows have one length. */
    public Prompts {
        Objects.requireNonNull(tokens, "tokens");
        int n = tokens.length;
        if (n == 0) {
            throw new IllegalArgumentException("no prompts");
        }
        if (treated.length != n || topics.length != n || texts.length != n) {
            throw new IllegalArgumentException("prompt arrays differ in length: " + n + " token rows, "
                    + treated.length + " treatment flags, " + topics.length + " topics, " + texts.length + " text indices");
        }
        for (int[] row : tokens) {
            if (row.length != tokens[0].length) {
                throw new IllegalArgumentException("prompts must all have " + tokens[0].length + " tokens, one has " + row.length);
            }
        }
    }

    /** Number of prompts. */
    public int size() {
        return tokens.length;
    }

    /** Tokens per prompt. */
    public int length() {
        return tokens[0].length;
    }

    /** Number of treated prompts. */
    public int treatedCount() {
        int n = 0;
        for (boolean t : treated) {
            n += t ? 1 : 0;
        }
        return n;
    }

    /** Indices of the treated ({@code true}) or control ({@code false}) prompts, ascending. */
    public int[] indices(boolean treatedGroup) {
        return java.util.stream.IntStream.range(0, size()).filter(p -> treated[p] == treatedGroup).toArray();
    }

    /** The token rows of the given prompts, as float rows (the input format of a hooked model). */
    public float[][] rows(int[] prompts) {
        float[][] out = new float[prompts.length][];
        for (int k = 0; k < prompts.length; k++) {
            int[] t = tokens[prompts[k]];
            out[k] = new float[t.length];
            for (int j = 0; j < t.length; j++) {
                out[k][j] = t[j];
            }
        }
        return out;
    }

    /** A subset of the prompts. */
    public Prompts subset(int[] prompts) {
        int[][] t = new int[prompts.length][];
        boolean[] tr = new boolean[prompts.length];
        int[] to = new int[prompts.length];
        int[] te = new int[prompts.length];
        for (int k = 0; k < prompts.length; k++) {
            t[k] = tokens[prompts[k]];
            tr[k] = treated[prompts[k]];
            to[k] = topics[prompts[k]];
            te[k] = texts[prompts[k]];
        }
        return new Prompts(t, tr, to, te);
    }

    @Override
    public String toString() {
        return "Prompts[" + size() + " of " + length() + " tokens, " + treatedCount() + " treated]";
    }
}
