package org.spuriouslab.fetch;

/** One source that did not yield a verified file, and why (HTTP status, connection error, checksum mismatch…). */
public record FailedAttempt(Source source, String reason) {
    @Override
    public String toString() {
        return source.spec() + ": " + reason;
    }
}
