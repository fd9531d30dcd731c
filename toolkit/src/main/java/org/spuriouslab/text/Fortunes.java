package org.spuriouslab.text;

import org.spuriouslab.data.DataDir;
import org.spuriouslab.data.DatasetMissingException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Quotations from Debian's {@code fortunes} package, one named category per file, as a
 * {@link Corpus} whose true topic is the category. {@code data-fetch/fetch fortunes} stores the
 * categories {@link #CATEGORIES} under {@code DATA/fortunes/}.
 *
 * <p>In a category file quotations are separated by lines holding a single {@code %}. Each
 * quotation is cleaned (terminal overstrike sequences removed, attribution lines starting with
 * {@code --} dropped, whitespace collapsed); one longer than {@code maxWords} words is split at
 * sentence ends into pieces of at most {@code maxWords} words (a longer sentence is cut); pieces
 * with fewer than {@value #MIN_WORDS} words are dropped.
 *
 * <pre>{@code
 * Corpus all = Fortunes.load();                                  // the six categories
 * Corpus two = Fortunes.load(List.of("politics", "science"));
 * }</pre>
 */
public final class Fortunes {

    /** Dataset name (directory under the data directory). */
    public static final String DATASET = "fortunes";
    /** The categories {@code data-fetch} stores: clearly different subjects. */
    public static final List<String> CATEGORIES = List.of("politics", "science", "computers", "sports", "food", "love");
    /** Default longest text, in words. */
    public static final int DEFAULT_MAX_WORDS = 60;
    /** Shortest text kept, in words. */
    public static final int MIN_WORDS = 4;

    private Fortunes() {
    }

    /** All {@link #CATEGORIES} from the data directory. */
    public static Corpus load() throws IOException {
        return load(CATEGORIES);
    }

    /** The given categories (topic order = list order) from the data directory. */
    public static Corpus load(List<String> categories) throws IOException {
        return load(DataDir.of(DATASET), categories, DEFAULT_MAX_WORDS);
    }

    /**
     * The given categories from {@code dir}, texts of at most {@code maxWords} words.
     *
     * @param maxWords at least {@value #MIN_WORDS}
     * @throws DatasetMissingException when a category file is absent; the message names the fetch command
     */
    public static Corpus load(Path dir, List<String> categories, int maxWords) throws IOException {
        if (categories == null || categories.isEmpty()) {
            throw new IllegalArgumentException("need at least one category, e.g. " + CATEGORIES);
        }
        if (maxWords < MIN_WORDS) {
            throw new IllegalArgumentException("maxWords must be at least " + MIN_WORDS + ", got " + maxWords);
        }
        List<TextItem> items = new ArrayList<>();
        for (int t = 0; t < categories.size(); t++) {
            Path file = dir.resolve(categories.get(t));
            if (!Files.isRegularFile(file)) {
                throw new DatasetMissingException("fortunes category '" + categories.get(t) + "' not found at " + file
                        + " — run: data-fetch/fetch " + DATASET + " (stores " + CATEGORIES + "; set " + DataDir.ENV
                        + " to use another data directory)");
            }
            String content = Files.readString(file, StandardCharsets.ISO_8859_1);
            for (String text : split(content, maxWords)) {
                items.add(new TextItem(text, t));
            }
        }
        return new Corpus(items, categories);
    }

    /** The cleaned texts of one category file's content, long quotations split (see the class comment). */
    public static List<String> split(String content, int maxWords) {
        List<String> texts = new ArrayList<>();
        for (String quote : content.split("(?m)^%\\s*$")) {
            String clean = clean(quote);
            if (clean.isEmpty()) {
                continue;
            }
            for (String piece : pieces(clean, maxWords)) {
                if (piece.split(" ").length >= MIN_WORDS) {
                    texts.add(piece);
                }
            }
        }
        return texts;
    }

    private static String clean(String quote) {
        String noOverstrike = quote.replaceAll(".\b", "");
        StringBuilder sb = new StringBuilder();
        for (String line : noOverstrike.split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            sb.append(line).append(' ');
        }
        return sb.toString().replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }

    private static List<String> pieces(String text, int maxWords) {
        String[] words = text.split(" ");
        if (words.length <= maxWords) {
            return List.of(text);
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentWords = 0;
        for (String sentence : text.split("(?<=[.!?])\\s+")) {
            String[] sw = sentence.split(" ");
            if (currentWords > 0 && currentWords + sw.length > maxWords) {
                out.add(current.toString());
                current.setLength(0);
                currentWords = 0;
            }
            for (int i = 0; i < sw.length; i++) {
                if (currentWords == maxWords) {
                    out.add(current.toString());
                    current.setLength(0);
                    currentWords = 0;
                }
                if (currentWords > 0) {
                    current.append(' ');
                }
                current.append(sw[i]);
                currentWords++;
            }
        }
        if (currentWords > 0) {
            out.add(current.toString());
        }
        return out;
    }
}
