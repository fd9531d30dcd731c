package org.spuriouslab.data;

import java.io.IOException;

/** A dataset that is not on disk; the message says which {@code data-fetch} command fixes it. */
public class DatasetMissingException extends IOException {
    public DatasetMissingException(String message) {
        super(message);
    }
}
