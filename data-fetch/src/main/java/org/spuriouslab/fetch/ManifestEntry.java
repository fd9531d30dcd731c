package org.spuriouslab.fetch;

import java.util.List;
import java.util.Optional;

/**
 * One file of a dataset, as listed in the manifest.
 *
 * @param dataset       dataset name; the file is stored under {@code <data>/<dataset>/}
 * @param file          stored file name
 * @param size          size in bytes of the stored file (after the transform)
 * @param sha256        lower-case hex SHA-256 of the stored file (after the transform)
 * @param transform     what to do with the source's bytes before storing them
 * @param sources       where to fetch from, tried in order
 * @param ifUnavailable advice shown when no source works (for example an offline alternative), or empty
 */
public record ManifestEntry(String dataset, String file, long size, String sha256, Transform transform,
                            List<Source> sources, Optional<String> ifUnavailable) {

    public ManifestEntry {
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no sources");
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got '" + sha256 + "'");
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
    }

    /** {@code dataset/file}, for messages. */
    public String label() {
        return dataset + "/" + file;
    }
}
