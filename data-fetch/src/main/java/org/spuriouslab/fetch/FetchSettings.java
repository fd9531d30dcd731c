package org.spuriouslab.fetch;

import java.net.URI;
import java.time.Duration;

/**
 * Network knobs.
 *
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param requestTimeout how long to wait for the response headers once connected
 * @param stallTimeout   how long a download may receive no data before it is abandoned
 * @param npmRegistry    base URL of the npm registry, ending in {@code /}
 */
public record FetchSettings(Duration connectTimeout, Duration requestTimeout, Duration stallTimeout, URI npmRegistry) {

    /** 10 s to connect, 30 s for the response, 60 s without data; npm registry from {@code npm_config_registry}. */
    public static FetchSettings defaults() {
        String registry = System.getenv("npm_config_registry");
        if (registry == null || registry.isBlank()) {
            registry = System.getenv("NPM_CONFIG_REGISTRY");
        }
        if (registry == null || registry.isBlank()) {
            registry = "https://registry.npmjs.org/";
        }
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
                URI.create(registry.endsWith("/") ? registry : registry + "/"));
    }

    /** A copy with another npm registry. */
    public FetchSettings withNpmRegistry(URI registry) {
        return new FetchSettings(connectTimeout, requestTimeout, stallTimeout, registry);
    }

    /** A copy with another stall timeout. */
    public FetchSettings withStallTimeout(Duration timeout) {
        return new FetchSettings(connectTimeout, requestTimeout, timeout, npmRegistry);
    }
}
