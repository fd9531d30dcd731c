package org.spuriouslab.text;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A corpus tokenised for a language model: every word kept (no stop-word list), a vocabulary of the
 * words seen at least {@code minCount} times plus every lexicon word that occurs at all, four
 * special tokens ({@code <pad>} 0, {@code <unk>} 1, {@code <bos>} 2, {@code <eos>} 3), and each text
 * as {@code <bos> w₁ … wₙ <eos>}. The lexicon words' ids are the "toxic" tokens whose probability
 * the outcome of a mediation analysis sums.
 *
 * <pre>{@code
 * LmCorpus lm = LmCorpus.of(planted, lexicon, 2);
 * Prompts prompts = lm.prompts(10);       // the first 10 tokens of every long enough text
 * }</pre>
 */
public final class LmCorpus {

    /** Padding token id. */
    public static final int PAD = 0;
    /** Unknown-word token id. */
    public static final int UNK = 1;
    /** Beginning-of-text token id. */
    public static final int BOS = 2;
    /** End-of-text token id. */
    public static final int EOS = 3;
    private static final List<String> SPECIALS = List.of("<pad>", "<unk>", "<bos>", "<eos>");

    private final List<String> words;
    private final Map<String, Integer> ids;
    private final int[][] sequences;
    private final int[] topics;
    private final List<String> topicNames;
    private final boolean[] planted;
    private final int[] lexiconIds;
    private final boolean[] isLexicon;

    private LmCorpus(List<String> words, int[][] sequences, int[] topics, List<String> topicNames, boolean[] planted,
                     int[] lexiconIds) {
        this.words = List.copyOf(words);
        this.ids = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            ids.put(words.get(i), i);
        }
        this.sequences = sequences;
        this.topics = topics;
        this.topicNames = List.copyOf(topicNames);
        this.planted = planted;
        this.lexiconIds = lexiconIds;
        this.isLexicon = new boolean[words.size()];
        for (int id : lexiconIds) {
            isLexicon[id] = true;
        }
    }

    /**
     * Tokenises a planted corpus (keeping its topics and toxic mask).
     *
     * @param minCount a word enters the vocabulary when it occurs at least this often (lexicon words: once)
     * @throws IllegalArgumentException when {@code minCount < 1} or the corpus is empty
     */
    public static LmCorpus of(PlantedCorpus planted, Lexicon lexicon, int minCount) {
        Objects.requireNonNull(planted, "planted");
        return of(planted.corpus(), planted.toxic(), lexicon, minCount);
    }

    /**
     * Tokenises a corpus; {@code planted} marks the texts that were made toxic (may be all false).
     *
     * @throws IllegalArgumentException when {@code minCount < 1}, the corpus is empty or the mask has the wrong length
     */
    public static LmCorpus of(Corpus corpus, boolean[] planted, Lexicon lexicon, int minCount) {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(lexicon, "lexicon");
        Objects.requireNonNull(planted, "planted");
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1, got " + minCount);
        }
        if (corpus.size() == 0) {
            throw new IllegalArgumentException("the corpus has no texts");
        }
        if (planted.length != corpus.size()) {
            throw new IllegalArgumentException("the toxic mask has " + planted.length + " entries for "
                    + corpus.size() + " texts");
        }
        List<List<String>> tokens = Tokenizer.ALL_WORDS.tokenizeAll(corpus.texts());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (List<String> t : tokens) {
            for (String w : t) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        List<String> kept = new ArrayList<>();
        counts.forEach((w, c) -> {
            if (c >= minCount || lexicon.contains(w)) {
                kept.add(w);
            }
        });
        kept.sort((a, b) -> {   // frequent first, then alphabetical: a stable, data-determined order
            int d = Integer.compare(counts.get(b), counts.get(a));
            return d != 0 ? d : a.compareTo(b);
        });
        List<String> words = new ArrayList<>(SPECIALS);
        words.addAll(kept);
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            ids.put(words.get(i), i);
        }
        int[][] sequences = new int[tokens.size()][];
        for (int i = 0; i < tokens.size(); i++) {
            sequences[i] = framed(tokens.get(i).stream().mapToInt(w -> ids.getOrDefault(w, UNK)).toArray());
        }
        int[] lexiconIds = kept.stream().filter(lexicon::contains).mapToInt(ids::get).sorted().toArray();
        return new LmCorpus(words, sequences, corpus.topics(), corpus.topicNames(), planted.clone(), lexiconIds);
    }

    /**
     * Other texts tokenised with <em>this</em> vocabulary (unknown words become {@code <unk>}), e.g. the
     * corpus before toxicity was planted, to read a model trained on this corpus on clean texts.
     *
     * @throws IllegalArgumentException when the mask has the wrong length
     */
    public LmCorpus withTexts(Corpus other, boolean[] plantedMask) {
        Objects.requireNonNull(other, "other");
        if (plantedMask.length != other.size()) {
            throw new IllegalArgumentException("the toxic mask has " + plantedMask.length + " entries for "
                    + other.size() + " texts");
        }
        int[][] seqs = new int[other.size()][];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = framed(encode(other.text(i)));
        }
        return new LmCorpus(words, seqs, other.topics(), other.topicNames(), plantedMask.clone(), lexiconIds);
    }

    /** {@code <bos> ids… <eos>}. */
    private static int[] framed(int[] ids) {
        int[] s = new int[ids.length + 2];
        s[0] = BOS;
        System.arraycopy(ids, 0, s, 1, ids.length);
        s[s.length - 1] = EOS;
        return s;
    }

    /** Number of texts. */
    public int size() {
        return sequences.length;
    }

    /** Vocabulary size, special tokens included. */
    public int vocabularySize() {
        return words.size();
    }

    /** The word of a token id. */
    public String word(int id) {
        if (id < 0 || id >= words.size()) {
            throw new IllegalArgumentException("token id " + id + " is outside 0.." + (words.size() - 1));
        }
        return words.get(id);
    }

    /** The id of a word ({@link #UNK} when it is not in the vocabulary). */
    public int id(String word) {
        return ids.getOrDefault(word, UNK);
    }

    /** The token ids of a new text, tokenised like the corpus (no {@code <bos>}/{@code <eos>}). */
    public int[] encode(String text) {
        return Tokenizer.ALL_WORDS.tokenize(text).stream().mapToInt(this::id).toArray();
    }

    /** The words of token ids, joined by spaces. */
    public String decode(int[] tokens) {
        StringBuilder sb = new StringBuilder();
        for (int t : tokens) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(word(t));
        }
        return sb.toString();
    }

    /** Text {@code i} as {@code <bos> … <eos>} token ids (a copy). */
    public int[] sequence(int i) {
        return sequences[i].clone();
    }

    /** True topic (category index) of every text. */
    public int[] topics() {
        return topics.clone();
    }

    /** Names of the true topics. */
    public List<String> topicNames() {
        return topicNames;
    }

    /** Which texts had toxic words planted. */
    public boolean[] planted() {
        return planted.clone();
    }

    /** Ids of the lexicon words in the vocabulary, ascending. */
    public int[] lexiconIds() {
        return lexiconIds.clone();
    }

    /** Whether a token id is a lexicon word. */
    public boolean isLexicon(int id) {
        return id >= 0 && id < isLexicon.length && isLexicon[id];
    }

    /** Total number of tokens over all texts ({@code <bos>}/{@code <eos>} included). */
    public long tokenCount() {
        long n = 0;
        for (int[] s : sequences) {
            n += s.length;
        }
        return n;
    }

    /** All texts' token ids one after another, as a language model is trained on them. */
    public int[] stream() {
        int[] out = new int[Math.toIntExact(tokenCount())];
        int at = 0;
        for (int[] s : sequences) {
            System.arraycopy(s, 0, out, at, s.length);
            at += s.length;
        }
        return out;
    }

    /** Token stream of the given texts only (e.g. a training or validation split). */
    public int[] stream(int[] texts) {
        int n = 0;
        for (int i : texts) {
            n += sequences[i].length;
        }
        int[] out = new int[n];
        int at = 0;
        for (int i : texts) {
            System.arraycopy(sequences[i], 0, out, at, sequences[i].length);
            at += sequences[i].length;
        }
        return out;
    }

    /**
     * The prompts of a mediation analysis: the first {@code length} tokens ({@code <bos>} and
     * {@code length − 1} words) of every text that has at least {@code length} words (the prompt's
     * words and one more, so a real continuation follows). A prompt is <em>treated</em> ({@code T = 1}) when it contains a lexicon word.
     *
     * @throws IllegalArgumentException when {@code length < 2} or no text is long enough
     */
    public Prompts prompts(int length) {
        if (length < 2) {
            throw new IllegalArgumentException("a prompt needs at least 2 tokens (<bos> and a word), got " + length);
        }
        List<int[]> tokens = new ArrayList<>();
        List<Integer> texts = new ArrayList<>();
        for (int i = 0; i < sequences.length; i++) {
            if (sequences[i].length - 2 >= length) {  // words (sequence minus <bos>, <eos>) ≥ (length − 1) + 1
                tokens.add(Arrays.copyOf(sequences[i], length));
                texts.add(i);
            }
        }
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("no text has the " + length + " words a prompt of " + length
                    + " tokens plus one continuation word needs; use shorter prompts");
        }
        int n = tokens.size();
        boolean[] treated = new boolean[n];
        int[] topic = new int[n];
        int[] text = new int[n];
        for (int p = 0; p < n; p++) {
            text[p] = texts.get(p);
            topic[p] = topics[text[p]];
            for (int t : tokens.get(p)) {
                treated[p] |= isLexicon(t);
            }
        }
        return new Prompts(tokens.toArray(new int[0][]), treated, topic, text);
    }

    /**
     * SHA-256 (hex) of the vocabulary and every token of every text: the model cache keys a
     * language model by it, so any change to the corpus trains a new model.
     */
    public String fingerprint() {
        MessageDigest d;
        try {
            d = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String w : words) {
            d.update((w + "\n").getBytes(StandardCharsets.UTF_8));
        }
        for (int[] s : sequences) {
            ByteBuffer b = ByteBuffer.allocate(4 * (s.length + 1)).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(s.length);
            for (int t : s) {
                b.putInt(t);
            }
            d.update(b.array());
        }
        return HexFormat.of().formatHex(d.digest());
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "LmCorpus[%d texts, %d tokens, vocabulary %d (%d lexicon words)]",
                size(), tokenCount(), vocabularySize(), lexiconIds.length);
    }
}
