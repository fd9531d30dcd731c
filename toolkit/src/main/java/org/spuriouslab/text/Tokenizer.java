package org.spuriouslab.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into lowercase word tokens: runs of letters and digits (an apostrophe inside a word
 * is kept, as in {@code don't}). Tokens shorter than {@code minLength} and, optionally, common
 * English stop words are dropped.
 *
 * @param minLength     shortest token kept, at least 1
 * @param dropStopWords drop {@link #STOP_WORDS}
 */
public record Tokenizer(int minLength, boolean dropStopWords) {

    /** Common English function words (articles, pronouns, auxiliaries, prepositions, conjunctions). */
    public static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
            "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
            "did", "do", "does", "doing", "don't", "down", "during", "each", "few", "for", "from", "further",
            "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
            "i", "if", "in", "into", "is", "it", "it's", "its", "itself", "just", "me", "more", "most", "my",
            "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours",
            "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that",
            "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
            "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where",
            "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
            "yourselves", "i'm", "you're", "he's", "she's", "we're", "they're", "i've", "you've", "we've",
            "they've", "i'd", "you'd", "he'd", "she'd", "we'd", "they'd", "i'll", "you'll", "he'll", "she'll",
            "we'll", "they'll", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't",
            "didn't", "won't", "wouldn't", "shan't", "shouldn't", "can't", "cannot", "couldn't", "mustn't",
            "let's", "that's", "who's", "what's", "here's", "there's", "when's", "where's", "why's", "how's",
            "one", "also", "said", "says", "say", "get", "got", "like", "may", "might", "must", "shall", "us");

    /** Tokens of at least 2 characters, stop words dropped — the tokenizer for topics. */
    public static final Tokenizer DEFAULT = new Tokenizer(2, true);

    /** Every word token, stop words kept — for counting and planting. */
    public static final Tokenizer ALL_WORDS = new Tokenizer(1, false);

    /** Checks {@code minLength ≥ 1}. */
    public Tokenizer {
        if (minLength < 1) {
            throw new IllegalArgumentException("minLength must be at least 1, got " + minLength);
        }
    }

    /** The tokens of {@code text}, in order. */
    public List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int n = lower.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(lower.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && (Character.isLetterOrDigit(lower.charAt(i))
                    || (lower.charAt(i) == '\'' && i + 1 < n && Character.isLetterOrDigit(lower.charAt(i + 1))
                    && i > start))) {
                i++;
            }
            if (i > start) {
                String token = lower.substring(start, i);
                if (token.length() >= minLength && !(dropStopWords && STOP_WORDS.contains(token))) {
                    tokens.add(token);
                }
            }
        }
        return tokens;
    }

    /** The tokens of every text. */
    public List<List<String>> tokenizeAll(List<String> texts) {
        return texts.stream().map(this::tokenize).toList();
    }
}
