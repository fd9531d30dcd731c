package org.spuriouslab.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress lines for long work (training epochs, sweeps): step count, percent, elapsed time and
 * an estimate of the time left, plus a detail such as the current loss. Prints one line per step
 * when there are few steps and otherwise about every 5% or 10 seconds, so notebook output stays
 * readable. Plain lines (no carriage returns) render the same in every kernel and in saved HTML.
 *
 * <pre>{@code
 * Progress p = Progress.start("epochs", 10);
 * for (...) { ...; p.step(String.format("loss %.4f", loss)); }
 * p.done();
 * }</pre>
 */
public final class Progress {

    private static final int ALWAYS_PRINT_UP_TO = 25;
    private static final long PRINT_EVERY_NANOS = 10_000_000_000L;

    private final String task;
    private final int total;
    private final PrintStream out;
    private final LongSupplier clock;
    private final long startNanos;
    private int done;
    private long lastPrintNanos;
    private int lastPrintPercent = -100;

    Progress(String task, int total, PrintStream out, LongSupplier clock) {
        if (total <= 0) {
            throw new IllegalArgumentException("total steps must be positive, got " + total);
        }
        this.task = task;
        this.total = total;
        this.out = out;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        this.lastPrintNanos = startNanos;
    }

    /** Starts reporting on {@code total} steps to standard output. */
    public static Progress start(String task, int total) {
        return new Progress(task, total, System.out, System::nanoTime);
    }

    /** Records one finished step with an optional detail (may be empty); prints when due. */
    public void step(String detail) {
        done = Math.min(done + 1, total);
        long now = clock.getAsLong();
        int percent = (int) (100L * done / total);
        boolean due = total <= ALWAYS_PRINT_UP_TO || done == total || percent - lastPrintPercent >= 5
                || now - lastPrintNanos >= PRINT_EVERY_NANOS;
        if (due) {
            out.print(line(now, detail) + "\n");
            out.flush();
            lastPrintNanos = now;
            lastPrintPercent = percent;
        }
    }

    /** Steps finished so far. */
    public int done() {
        return done;
    }

    /** Seconds since the start. */
    public double elapsedSeconds() {
        return (clock.getAsLong() - startNanos) / 1e9;
    }

    /** Prints the closing line with the total time. */
    public void done(String summary) {
        // one write per line: kernels send every write as its own output, and a printf writes in pieces
        out.print(String.format(Locale.ROOT, "%s: finished %d/%d in %.1f s%s%n", task, done, total, elapsedSeconds(),
                summary == null || summary.isEmpty() ? "" : " | " + summary));
        out.flush();
    }

    String line(long now, String detail) {
        double elapsed = (now - startNanos) / 1e9;
        double left = done == 0 ? Double.NaN : elapsed / done * (total - done);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s %d/%d (%d%%) %.1f s", task, done, total, 100L * done / total, elapsed));
        if (done < total && !Double.isNaN(left)) {
            sb.append(String.format(Locale.ROOT, ", ~%.0f s left", left));
        }
        if (detail != null && !detail.isEmpty()) {
            sb.append(" | ").append(detail);
        }
        return sb.toString();
    }
}
