package org.spuriouslab.models;

import java.io.IOException;
import java.nio.file.Path;

/** A saved model folder that cannot be read: missing, truncated, corrupt or of another kind or format. */
public class ModelFormatException extends IOException {

    /** @param dir the model folder; the message says what is wrong and how to fix it */
    public ModelFormatException(Path dir, String message) {
        super(dir + ": " + message);
    }

    /** With the underlying cause. */
    public ModelFormatException(Path dir, String message, Throwable cause) {
        super(dir + ": " + message, cause);
    }
}
