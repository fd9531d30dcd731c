package org.spuriouslab.text;

import org.spuriouslab.data.DataDir;
import org.spuriouslab.data.DatasetMissingException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A toxic word list: the English list of the npm package {@code naughty-words}
 * ({@code data-fetch/fetch naughty-words} stores it as {@code DATA/naughty-words/en.json}, a JSON
 * array of strings). Entries are lowercased; {@link #singleWords()} are the one-word entries used
 * for planting and for counting toxic tokens.
 */
public final class Lexicon {

    /** Dataset name (directory under the data directory). */
    public static final String DATASET = "naughty-words";
    /** The stored file. */
    public static final String FILE = "en.json";

    private final List<String> entries;
    private final List<String> singleWords;
    private final Set<String> singleSet;

    private Lexicon(List<String> entries) {
        this.entries = List.copyOf(entries);
        List<String> single = new ArrayList<>();
        for (String e : this.entries) {
            if (e.matches("[a-z]+")) {
                single.add(e);
            }
        }
        this.singleWords = List.copyOf(single);
        this.singleSet = Set.copyOf(single);
    }

    /** A lexicon of the given entries (lowercased, duplicates dropped); needs at least one single word. */
    public static Lexicon of(List<String> entries) {
        Set<String> unique = new LinkedHashSet<>();
        for (String e : entries) {
            String w = e.strip().toLowerCase(Locale.ROOT);
            if (!w.isEmpty()) {
                unique.add(w);
            }
        }
        Lexicon lexicon = new Lexicon(new ArrayList<>(unique));
        if (lexicon.singleWords.isEmpty()) {
            throw new IllegalArgumentException("the lexicon needs at least one single-word entry (letters a-z)");
        }
        return lexicon;
    }

    /** The naughty-words English list from the data directory. */
    public static Lexicon load() throws IOException {
        return load(DataDir.of(DATASET).resolve(FILE));
    }

    /**
     * A JSON array of strings from {@code file}.
     *
     * @throws DatasetMissingException when the file is absent; the message names the fetch command
     */
    public static Lexicon load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetMissingException("toxic lexicon not found at " + file + " — run: data-fetch/fetch "
                    + DATASET + " (set " + DataDir.ENV + " to use another data directory)");
        }
        return of(parseJsonStrings(Files.readString(file, StandardCharsets.UTF_8)));
    }

    /** The strings of a JSON array of strings (escapes {@code \" \\ \/ \n \t \\uXXXX} decoded). */
    static List<String> parseJsonStrings(String json) {
        String s = json.strip();
        if (!s.startsWith("[") || !s.endsWith("]")) {
            throw new IllegalArgumentException("expected a JSON array of strings, got text starting with '"
                    + s.substring(0, Math.min(20, s.length())) + "'");
        }
        List<String> out = new ArrayList<>();
        int i = 1;
        while (i < s.length() - 1) {
            char c = s.charAt(i);
            if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (s.charAt(i) != '"') {
                    char d = s.charAt(i);
                    if (d == '\\') {
                        char e = s.charAt(++i);
                        switch (e) {
                            case 'n' -> sb.append('\n');
                            case 't' -> sb.append('\t');
                            case 'u' -> {
                                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                                i += 4;
                            }
                            default -> sb.append(e);
                        }
                    } else {
                        sb.append(d);
                    }
                    i++;
                }
                out.add(sb.toString());
            } else if (!(Character.isWhitespace(c) || c == ',')) {
                throw new IllegalArgumentException("expected a JSON array of strings, found '" + c + "' at " + i);
            }
            i++;
        }
        return out;
    }

    /** All entries (some are phrases). */
    public List<String> entries() {
        return entries;
    }

    /** The one-word entries (letters only). */
    public List<String> singleWords() {
        return singleWords;
    }

    /** Number of entries. */
    public int size() {
        return entries.size();
    }

    /** Whether {@code token} (lowercase) is a one-word entry. */
    public boolean contains(String token) {
        return singleSet.contains(token);
    }

    /** Number of tokens of {@code text} that are one-word entries. */
    public int count(String text) {
        int n = 0;
        for (String t : Tokenizer.ALL_WORDS.tokenize(text)) {
            n += contains(t) ? 1 : 0;
        }
        return n;
    }

    @Override
    public String toString() {
        return "Lexicon[" + entries.size() + " entries, " + singleWords.size() + " single words]";
    }
}
