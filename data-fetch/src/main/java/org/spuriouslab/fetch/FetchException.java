package org.spuriouslab.fetch;

import java.util.List;
import java.util.Optional;

/**
 * No source produced a verified copy of a file. The message names every source tried and why it failed, followed by
 * the manifest's advice for that dataset (for example an offline alternative), if any.
 */
public class FetchException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient ManifestEntry entry;
    private final transient List<FailedAttempt> attempts;

    public FetchException(ManifestEntry entry, List<FailedAttempt> attempts) {
        super(message(entry, attempts));
        this.entry = entry;
        this.attempts = List.copyOf(attempts);
    }

    /** For failures that are not about sources (for example the data directory cannot be created). */
    public FetchException(ManifestEntry entry, String message, Throwable cause) {
        super(message, cause);
        this.entry = entry;
        this.attempts = List.of();
    }

    /** The file that could not be fetched. */
    public ManifestEntry entry() {
        return entry;
    }

    /** Every source tried, in order, with the reason it failed. */
    public List<FailedAttempt> attempts() {
        return attempts;
    }

    /** The manifest's advice for when no source works, if any. */
    public Optional<String> advice() {
        return entry.ifUnavailable();
    }

    private static String message(ManifestEntry entry, List<FailedAttempt> attempts) {
        StringBuilder sb = new StringBuilder();
        sb.append("could not fetch ").append(entry.label()).append(": ")
                .append(attempts.size() == 1 ? "its only source failed" : "all " + attempts.size() + " sources failed");
        for (FailedAttempt a : attempts) {
            sb.append("\n  - ").append(a.source().spec()).append("\n      ").append(a.reason());
        }
        entry.ifUnavailable().ifPresent(advice -> sb.append('\n').append(advice));
        return sb.toString();
    }
}
