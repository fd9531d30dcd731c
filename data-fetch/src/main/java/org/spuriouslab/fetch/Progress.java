package org.spuriouslab.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * Progress lines for one download: one per 10 % for network downloads of 1 MB or more, and one every few seconds
 * for anything slow, never a flood.
 */
final class Progress {
    private static final long MIN_BYTES_FOR_STEPS = 1 << 20;
    private static final long QUIET_NANOS = 5_000_000_000L;

    private final PrintStream out;
    private final String label;
    private final boolean remote;
    private long total = -1;
    private long done;
    private int lastTenth;
    private long lastLine;

    Progress(PrintStream out, String label, boolean remote) {
        this.out = out;
        this.label = label;
        this.remote = remote;
    }

    /** Wraps {@code in} so that reading it reports progress against {@code total} bytes ({@code -1} if unknown). */
    InputStream track(InputStream in, long total) {
        this.total = total;
        this.done = 0;
        this.lastTenth = 0;
        this.lastLine = System.nanoTime();
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    advance(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    advance(n);
                }
                return n;
            }
        };
    }

    private void advance(long n) {
        done += n;
        long now = System.nanoTime();
        if (remote && total >= MIN_BYTES_FOR_STEPS) {
            int tenth = (int) Math.min(10, done * 10 / total);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                print(now);
                return;
            }
        }
        if (now - lastLine >= QUIET_NANOS) {
            print(now);
        }
    }

    private void print(long now) {
        lastLine = now;
        if (total > 0) {
            out.printf("    %s: %3d%% (%s of %s)%n", label, Math.min(100, done * 100 / total), Fetcher.humanSize(done),
                    Fetcher.humanSize(total));
        } else {
            out.printf("    %s: %s so far%n", label, Fetcher.humanSize(done));
        }
        out.flush();
    }
}
