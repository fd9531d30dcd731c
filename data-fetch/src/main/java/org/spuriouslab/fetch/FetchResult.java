package org.spuriouslab.fetch;

/**
 * What happened to one file.
 *
 * @param entry   the manifest entry
 * @param outcome whether it was already there or had to be fetched
 * @param source  the source spec used (for files already present: the one recorded in FETCHED.tsv, if known)
 */
public record FetchResult(ManifestEntry entry, Outcome outcome, String source) {

    /** How a file came to be verified. */
    public enum Outcome {
        /** Present with the right size and SHA-256; nothing was downloaded. */
        ALREADY_VERIFIED,
        /** Missing before; fetched and verified. */
        FETCHED,
        /** Present but with the wrong size or SHA-256; fetched again and replaced. */
        REPLACED
    }

    /** One human-readable line, e.g. {@code train-images-idx3-ubyte: ok (already verified)}. */
    public String line() {
        return entry.file() + ": " + switch (outcome) {
            case ALREADY_VERIFIED -> "ok (already verified)";
            case FETCHED -> "fetched and verified (" + Fetcher.humanSize(entry.size()) + " from " + source + ")";
            case REPLACED -> "replaced the mismatching file; fetched and verified ("
                    + Fetcher.humanSize(entry.size()) + " from " + source + ")";
        };
    }
}
