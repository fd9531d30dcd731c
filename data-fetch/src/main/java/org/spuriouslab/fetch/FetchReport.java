package org.spuriouslab.fetch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of fetching one dataset.
 *
 * @param dataset   dataset name
 * @param directory where its files are stored
 * @param expected  how many files the manifest lists for it
 * @param results   the files verified, in manifest order (stops at the first failure)
 * @param failure   why the dataset is incomplete, if it is
 * @param elapsed   wall-clock time taken
 */
public record FetchReport(String dataset, Path directory, int expected, List<FetchResult> results,
                          Optional<FetchException> failure, Duration elapsed) {

    public FetchReport {
        results = List.copyOf(results);
    }

    /** True when every file of the dataset is present and verified. */
    public boolean ok() {
        return failure.isEmpty();
    }

    /** The one-line summary printed per dataset. */
    public String summary() {
        if (failure.isPresent()) {
            return dataset + ": FAILED — " + results.size() + " of " + expected + " files verified; "
                    + failure.get().entry().file() + " could not be fetched (see the error above)";
        }
        long fetched = results.stream().filter(r -> r.outcome() != FetchResult.Outcome.ALREADY_VERIFIED).count();
        long bytes = results.stream().mapToLong(r -> r.entry().size()).sum();
        return dataset + ": ok — " + expected + " files, " + Fetcher.humanSize(bytes) + ", verified in " + directory
                + " (" + fetched + " fetched, " + (expected - fetched) + " already present; "
                + String.format("%.1f s", elapsed.toMillis() / 1000.0) + ")";
    }
}
