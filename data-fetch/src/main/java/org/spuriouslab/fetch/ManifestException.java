package org.spuriouslab.fetch;

/** The manifest could not be read or has a malformed line; the message names the file and line. */
public class ManifestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ManifestException(String message) {
        super(message);
    }

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
