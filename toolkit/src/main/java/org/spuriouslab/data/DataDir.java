package org.spuriouslab.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where datasets live: the environment variable {@value #ENV} (also read by {@code data-fetch}),
 * else the system property {@value #PROPERTY}, else {@code data/} in the enclosing repository
 * (found by walking up from the working directory to the folder holding {@code data-fetch/}).
 */
public final class DataDir {

    /** Environment variable naming the data directory. */
    public static final String ENV = "SPURIOUS_DATA";
    /** System property naming the data directory. */
    public static final String PROPERTY = "spurious.data";

    private DataDir() {
    }

    /** The data directory (it may not exist yet). */
    public static Path root() {
        return configured(ENV, PROPERTY, "data");
    }

    /**
     * A project folder that users may move: the environment variable {@code env} if set, else the
     * system property {@code property}, else {@link #inRepository(String) inRepository(name)}.
     */
    public static Path configured(String env, String property, String name) {
        String fromEnv = System.getenv(env);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        String fromProperty = System.getProperty(property);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return Path.of(fromProperty).toAbsolutePath();
        }
        return inRepository(name);
    }

    /**
     * The folder {@code name} in the enclosing repository — found by walking up from the working
     * directory to the folder holding {@code data-fetch/manifest.tsv} — else in the working directory.
     */
    public static Path inRepository(String name) {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("data-fetch/manifest.tsv"))) {
                return p.resolve(name);
            }
        }
        return dir.resolve(name);
    }

    /** The folder of one dataset, e.g. {@code data/mnist}. */
    public static Path of(String dataset) {
        return root().resolve(dataset);
    }
}
