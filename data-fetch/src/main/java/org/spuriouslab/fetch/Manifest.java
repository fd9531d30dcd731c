package org.spuriouslab.fetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The list of every file the project downloads: a tab-separated file with {@code #} comment lines, blank lines,
 * and a header line
 * <pre>dataset  file  size  sha256  transform  sources  [if_unavailable]</pre>
 * followed by one line per stored file. {@code sources} is a space-separated list tried in order (see
 * {@link Source}); the optional last column is advice shown when no source works ({@code -} or empty for none).
 */
public record Manifest(List<ManifestEntry> entries) {

    /** The header's column names, in order; the last one is optional on data lines. */
    public static final List<String> COLUMNS =
            List.of("dataset", "file", "size", "sha256", "transform", "sources", "if_unavailable");

    public Manifest {
        entries = List.copyOf(entries);
    }

    /** Reads and parses a manifest file. */
    public static Manifest load(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ManifestException("cannot read manifest " + path + ": " + e, e);
        }
        return parse(text, path.toString());
    }

    /** Parses manifest text; {@code origin} names it in error messages. */
    public static Manifest parse(String text, String origin) {
        List<ManifestEntry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean headerSeen = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            String where = origin + " line " + (i + 1);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (!headerSeen) {
                List<String> names = Arrays.stream(cols).map(String::strip).toList();
                if (!names.equals(COLUMNS) && !names.equals(COLUMNS.subList(0, COLUMNS.size() - 1))) {
                    throw new ManifestException(where + ": expected the header line '"
                            + String.join("<TAB>", COLUMNS) + "' (last column optional), found '" + line + "'");
                }
                headerSeen = true;
                continue;
            }
            if (cols.length < COLUMNS.size() - 1 || cols.length > COLUMNS.size()) {
                throw new ManifestException(where + ": expected " + (COLUMNS.size() - 1) + " or " + COLUMNS.size()
                        + " tab-separated fields (" + String.join(", ", COLUMNS) + "), found " + cols.length
                        + ": '" + line + "'");
            }
            ManifestEntry entry;
            try {
                entry = entry(cols);
            } catch (IllegalArgumentException e) {
                throw new ManifestException(where + ": " + e.getMessage());
            }
            if (!seen.add(entry.label())) {
                throw new ManifestException(where + ": duplicate entry " + entry.label());
            }
            entries.add(entry);
        }
        if (!headerSeen) {
            throw new ManifestException(origin + ": no header line '" + String.join("<TAB>", COLUMNS) + "'");
        }
        return new Manifest(entries);
    }

    private static ManifestEntry entry(String[] cols) {
        String dataset = cols[0].strip();
        String file = cols[1].strip();
        if (!dataset.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("bad dataset name '" + dataset + "' (lower-case letters, digits, . _ -)");
        }
        if (!file.matches("[A-Za-z0-9_+-][A-Za-z0-9._+-]*") || file.equals(Fetcher.FETCHED_FILE)) {
            throw new IllegalArgumentException("bad file name '" + file + "' (a plain name, no '/', not starting with '.')");
        }
        long size;
        try {
            size = Long.parseLong(cols[2].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size '" + cols[2] + "' is not a whole number of bytes");
        }
        String sha = cols[3].strip();
        if (!sha.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("sha256 '" + sha + "' is not 64 hex digits");
        }
        Transform transform = Transform.parse(cols[4].strip());
        List<Source> sources = Arrays.stream(cols[5].strip().split(" +"))
                .filter(s -> !s.isEmpty())
                .map(Source::parse)
                .toList();
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no sources for " + dataset + "/" + file);
        }
        String advice = cols.length > 6 ? cols[6].strip() : "";
        Optional<String> ifUnavailable = advice.isEmpty() || advice.equals("-") ? Optional.empty() : Optional.of(advice);
        return new ManifestEntry(dataset, file, size, sha.toLowerCase(java.util.Locale.ROOT), transform, sources,
                ifUnavailable);
    }

    /** Dataset names in manifest order. */
    public List<String> datasets() {
        return List.copyOf(byDataset().keySet());
    }

    /** The entries of one dataset, in manifest order (empty if unknown). */
    public List<ManifestEntry> entries(String dataset) {
        return byDataset().getOrDefault(dataset, List.of());
    }

    /** Entries grouped by dataset, in manifest order. */
    public Map<String, List<ManifestEntry>> byDataset() {
        Map<String, List<ManifestEntry>> map = new LinkedHashMap<>();
        for (ManifestEntry e : entries) {
            map.computeIfAbsent(e.dataset(), k -> new ArrayList<>()).add(e);
        }
        return map;
    }
}
