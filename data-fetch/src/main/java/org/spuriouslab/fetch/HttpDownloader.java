package org.spuriouslab.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Opens HTTP(S) downloads with {@link HttpClient}: connect and response timeouts, redirects followed, a watchdog
 * that abandons stalled transfers, and failures turned into one-line reasons.
 */
final class HttpDownloader implements AutoCloseable {
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(410, "Gone"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private final FetchSettings settings;
    private final HttpClient client;

    HttpDownloader(FetchSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** A response body and its announced length ({@code -1} if unknown). */
    record Body(InputStream in, long length) {
    }

    /** Sends a GET; returns the body of a 2xx response or throws an {@link IOException} with a one-line reason. */
    Body open(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("User-Agent", "spuriouslab-data-fetch (java.net.http)")
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (IOException e) {
            throw new SourceFailure(describe(e, uri), e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            response.body().close();
            String where = response.uri().equals(uri) ? "" : " (after redirect to " + response.uri() + ")";
            throw new SourceFailure("HTTP " + status + " " + REASONS.getOrDefault(status, "") + where);
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new Body(new StallGuard(response.body(), settings.stallTimeout()), length);
    }

    /** A one-line reason for a failed connection or request. */
    String describe(Throwable e, URI uri) {
        String host = uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "cannot resolve host " + uri.getHost()
                        + " (DNS lookup failed: no network, or the host is not reachable from here)";
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "connection to " + host + " timed out after " + Fetcher.humanDuration(settings.connectTimeout());
            }
            if (t instanceof HttpTimeoutException) {
                return "no response from " + host + " within " + Fetcher.humanDuration(settings.requestTimeout());
            }
            if (t instanceof SSLException) {
                return "TLS failure with " + host + ": " + t.getMessage();
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                String msg = t.getMessage();
                if (msg == null || msg.isBlank() || msg.toLowerCase(java.util.Locale.ROOT).contains("refused")) {
                    return "connection refused by " + host;
                }
                return "cannot connect to " + host + ": " + msg;
            }
        }
        return "request to " + host + " failed: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @Override
    public void close() {
        client.close();
    }

    /**
     * Abandons a transfer that receives no data for a while: a watchdog closes the stream and interrupts the reader,
     * whose read then fails with "stalled".
     */
    static final class StallGuard extends FilterInputStream {
        private final Duration timeout;
        private final Thread reader = Thread.currentThread();
        private final Thread watchdog;
        private volatile long lastData = System.nanoTime();
        private volatile boolean stalled;
        private volatile boolean closed;

        StallGuard(InputStream in, Duration timeout) {
            super(in);
            this.timeout = timeout;
            this.watchdog = Thread.ofPlatform().daemon().name("data-fetch-stall-guard").start(this::watch);
        }

        private void watch() {
            long tick = Math.max(50, Math.min(1000, timeout.toMillis() / 4));
            while (!closed) {
                try {
                    Thread.sleep(tick);
                } catch (InterruptedException e) {
                    return;
                }
                if (!closed && System.nanoTime() - lastData > timeout.toNanos()) {
                    stalled = true;
                    reader.interrupt();
                    try {
                        in.close();
                    } catch (IOException ignored) {
                        // the reader sees the failure
                    }
                    return;
                }
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = super.read(b, off, len);
                lastData = System.nanoTime();
                return n;
            } catch (IOException e) {
                if (stalled) {
                    Thread.interrupted();
                    throw new SourceFailure("download stalled: no data for " + Fetcher.humanDuration(timeout), e);
                }
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            closed = true;
            watchdog.interrupt();
            try {
                super.close();
            } finally {
                if (stalled) {
                    Thread.interrupted();
                }
            }
        }
    }
}
