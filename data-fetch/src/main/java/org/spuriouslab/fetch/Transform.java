package org.spuriouslab.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/** What happens to a source's bytes before they are stored: {@code none} or {@code gunzip}. */
public enum Transform {
    /** The stored file is the source's bytes as served. */
    NONE,
    /** The source serves gzip; the stored file is the decompressed content. */
    GUNZIP;

    /** The manifest spelling: {@code none} or {@code gunzip}. */
    public String manifestName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Wraps the raw source stream so that reading it yields the bytes to store. */
    public InputStream apply(InputStream raw) throws IOException {
        return switch (this) {
            case NONE -> raw;
            case GUNZIP -> new GZIPInputStream(raw, 64 * 1024);
        };
    }

    /** Parses a manifest spelling; throws {@link IllegalArgumentException} naming the allowed values. */
    public static Transform parse(String text) {
        for (Transform t : values()) {
            if (t.manifestName().equals(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown transform '" + text + "' (allowed: "
                + Arrays.stream(values()).map(Transform::manifestName).collect(Collectors.joining(", ")) + ")");
    }
}
