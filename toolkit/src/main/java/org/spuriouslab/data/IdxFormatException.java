package org.spuriouslab.data;

import java.io.IOException;
import java.nio.file.Path;

/** An IDX file that is truncated, corrupt or not of the expected shape. The message names the file. */
public class IdxFormatException extends IOException {

    private final Path file;

    public IdxFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public IdxFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }
}
