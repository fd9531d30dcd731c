package org.spuriouslab.data;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;

/**
 * The real dataset for tests that need it. When it is missing such tests are skipped — unless
 * {@code SPURIOUS_REQUIRE_DATA=1} (set by {@code scripts/prepare.sh}, so CI runs them), then they fail.
 */
public final class RealData {

    private static ImageDataset cached;

    private RealData() {
    }

    /** The dataset {@link Datasets#load()} finds, loaded once per test JVM. */
    public static synchronized ImageDataset require() {
        if (cached != null) {
            return cached;
        }
        try {
            cached = Datasets.load();
            return cached;
        } catch (IOException e) {
            if ("1".equals(System.getenv("SPURIOUS_REQUIRE_DATA"))) {
                Assertions.fail("the dataset is required (SPURIOUS_REQUIRE_DATA=1) but could not be loaded: "
                        + e.getMessage(), e);
            }
            Assumptions.abort("no dataset on disk (" + e.getMessage() + ")");
            throw new AssertionError(e);
        }
    }
}
