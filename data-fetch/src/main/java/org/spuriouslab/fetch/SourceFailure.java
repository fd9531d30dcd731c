package org.spuriouslab.fetch;

import java.io.IOException;

/** A source failed for a reason already phrased for the user (HTTP status, checksum mismatch, missing file…). */
class SourceFailure extends IOException {
    private static final long serialVersionUID = 1L;

    SourceFailure(String reason) {
        super(reason);
    }

    SourceFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
