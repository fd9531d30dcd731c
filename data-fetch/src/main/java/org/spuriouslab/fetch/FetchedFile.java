package org.spuriouslab.fetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of a dataset's {@code FETCHED.tsv}, written once every file of the dataset is verified. The file has
 * {@code #} comment lines, the header {@code file size sha256 source} and one tab-separated row per file.
 *
 * @param file   stored file name
 * @param size   size in bytes
 * @param sha256 lower-case hex SHA-256
 * @param source the source it came from ({@code already present} if unknown)
 */
public record FetchedFile(String file, long size, String sha256, String source) {

    /** The header line of FETCHED.tsv. */
    public static final String HEADER = "file\tsize\tsha256\tsource";

    /** Reads {@code <datasetDir>/FETCHED.tsv}; an empty list if it does not exist. Malformed rows are skipped. */
    public static List<FetchedFile> read(Path datasetDir) throws IOException {
        Path path = datasetDir.resolve(Fetcher.FETCHED_FILE);
        List<FetchedFile> rows = new ArrayList<>();
        if (!Files.isRegularFile(path)) {
            return rows;
        }
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank() || line.equals(HEADER)) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length == 4) {
                try {
                    rows.add(new FetchedFile(c[0], Long.parseLong(c[1]), c[2], c[3]));
                } catch (NumberFormatException ignored) {
                    // not ours; the dataset will be rewritten on the next fetch
                }
            }
        }
        return rows;
    }

    /** This row as a FETCHED.tsv line (no newline). */
    public String line() {
        return file + "\t" + size + "\t" + sha256 + "\t" + source;
    }
}
