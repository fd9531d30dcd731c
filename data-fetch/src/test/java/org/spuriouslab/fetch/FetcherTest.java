package org.spuriouslab.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetcherTest {
    private static final String ADVICE = "Offline alternative: data-fetch/fetch fashion-mnist (uses Debian's "
            + "dataset-fashion-mnist package; the toolkit falls back to it automatically).";

    @TempDir
    Path data;

    private TestServer server;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    private final List<String> installed = new ArrayList<>();
    private PackageInstaller installer = pkg -> {
        installed.add(pkg);
        throw new IOException("test installer: " + pkg + " not available");
    };
    private FetchSettings settings;

    @BeforeEach
    void start() throws IOException {
        server = new TestServer();
        settings = new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5),
                URI.create(server.base()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FetchReport fetch(String manifestBody) {
        Manifest manifest = Manifest.parse(String.join("\t", Manifest.COLUMNS) + "\n" + manifestBody, "test manifest");
        try (Fetcher fetcher = new Fetcher(data, settings, installer, new PrintStream(log, true),
                new PrintStream(progress, true))) {
            return fetcher.fetch(manifest.entries());
        }
    }

    private static String line(String dataset, String file, byte[] stored, String transform, String... sources) {
        return dataset + "\t" + file + "\t" + stored.length + "\t" + Checksums.sha256(stored) + "\t" + transform + "\t"
                + String.join(" ", sources) + "\n";
    }

    private List<String> listing(String dataset) throws IOException {
        try (Stream<Path> s = Files.list(data.resolve(dataset))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void goodFileIsDownloadedVerifiedAndRecorded() throws IOException {
        byte[] body = TestData.random(3_000_000, 1);
        server.file("/d/a.bin", body);

        FetchReport report = fetch(line("ds", "a.bin", body, "none", server.url("/d/a.bin")));

        assertTrue(report.ok(), () -> report.failure().get().getMessage());
        assertArrayEquals(body, Files.readAllBytes(data.resolve("ds/a.bin")));
        assertEquals(List.of("FETCHED.tsv", "a.bin"), listing("ds"));
        List<FetchedFile> rows = FetchedFile.read(data.resolve("ds"));
        assertEquals(List.of(new FetchedFile("a.bin", body.length, Checksums.sha256(body), server.url("/d/a.bin"))),
                rows);
        assertEquals(FetchResult.Outcome.FETCHED, report.results().getFirst().outcome());
        assertTrue(report.summary().startsWith("ds: ok — 1 files"), report.summary());
        String progressText = progress.toString(StandardCharsets.UTF_8);
        assertTrue(progressText.contains("100%"), progressText);
        assertTrue(progressText.lines().count() <= 12, "no flood of progress lines: " + progressText);
    }

    @Test
    void wrongChecksumFailsAndLeavesNoFile() throws IOException {
        byte[] expected = TestData.random(1000, 2);
        byte[] served = TestData.random(1000, 3);
        server.file("/bad.bin", served);

        FetchReport report = fetch(line("ds", "bad.bin", expected, "none", server.url("/bad.bin")));

        assertFalse(report.ok());
        String message = report.failure().get().getMessage();
        assertTrue(message.contains(server.url("/bad.bin")), message);
        assertTrue(message.contains("checksum mismatch"), message);
        assertTrue(message.contains(Checksums.sha256(expected)) && message.contains(Checksums.sha256(served)),
                "names expected and actual: " + message);
        assertFalse(Files.exists(data.resolve("ds")), "no final file, temp file, FETCHED.tsv or empty directory");
        assertTrue(report.summary().contains("FAILED"), report.summary());
    }

    @Test
    void tooLargeDownloadIsCutShort() throws IOException {
        byte[] expected = TestData.random(100, 4);
        server.file("/big.bin", TestData.random(200_000, 5));

        FetchReport report = fetch(line("ds", "big.bin", expected, "none", server.url("/big.bin")));

        assertTrue(report.failure().get().getMessage().contains("more than the expected 100 bytes"));
        assertFalse(Files.exists(data.resolve("ds")));
    }

    @Test
    void serverDownNamesEverySourceAndTheOfflineAlternative() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String first = "http://127.0.0.1:" + port + "/mnist/x.gz";
        String second = "http://127.0.0.1:" + port + "/mirror2/x.gz";
        byte[] stored = TestData.random(10, 6);
        String manifestLine = line("mnist", "x.gz", stored, "none", first, second).strip() + "\t" + ADVICE + "\n";

        long start = System.nanoTime();
        FetchReport report = fetch(manifestLine);

        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "fails fast");
        String message = report.failure().get().getMessage();
        assertTrue(message.contains(first) && message.contains(second), message);
        assertTrue(message.contains("connection refused by 127.0.0.1:" + port), message);
        assertTrue(message.contains("all 2 sources failed"), message);
        assertTrue(message.endsWith(ADVICE), message);
        assertFalse(Files.exists(data.resolve("mnist")), "no empty dataset directory left behind");
    }

    @Test
    void fallsBackFromAFailingSourceToTheNextOne() throws IOException {
        byte[] body = TestData.random(5000, 7);
        server.status("/first/a.bin", 503).file("/second/a.bin", body);

        FetchReport report = fetch(line("ds", "a.bin", body, "none", server.url("/missing/a.bin"),
                server.url("/first/a.bin"), server.url("/second/a.bin")));

        assertTrue(report.ok(), () -> report.failure().get().getMessage());
        assertEquals(server.url("/second/a.bin"), report.results().getFirst().source());
        assertArrayEquals(body, Files.readAllBytes(data.resolve("ds/a.bin")));
        String notes = progress.toString(StandardCharsets.UTF_8);
        assertTrue(notes.contains("source 1 of 3 failed (HTTP 404 Not Found)"), notes);
        assertTrue(notes.contains("source 2 of 3 failed (HTTP 503 Service Unavailable)"), notes);
        assertEquals(List.of("FETCHED.tsv", "a.bin"), listing("ds"));
    }

    @Test
    void verifiedFileIsSkippedWithoutAnyRequest() throws IOException {
        byte[] body = TestData.random(2000, 8);
        Files.createDirectories(data.resolve("ds"));
        Files.write(data.resolve("ds/a.bin"), body);

        FetchReport report = fetch(line("ds", "a.bin", body, "none", server.url("/a.bin")));

        assertTrue(report.ok());
        assertEquals(FetchResult.Outcome.ALREADY_VERIFIED, report.results().getFirst().outcome());
        assertEquals(List.of(), server.requests());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("a.bin: ok (already verified)"));
        assertEquals("already present", FetchedFile.read(data.resolve("ds")).getFirst().source());
    }

    @Test
    void skippingKeepsTheRecordedSource() throws IOException {
        byte[] body = TestData.random(2000, 9);
        server.file("/a.bin", body);
        String manifest = line("ds", "a.bin", body, "none", server.url("/a.bin"));
        fetch(manifest);

        FetchReport again = fetch(manifest);

        assertEquals(FetchResult.Outcome.ALREADY_VERIFIED, again.results().getFirst().outcome());
        assertEquals(server.url("/a.bin"), FetchedFile.read(data.resolve("ds")).getFirst().source());
        assertEquals(1, server.requests().size());
    }

    @Test
    void corruptPresentFileIsReportedAndFetchedAgain() throws IOException {
        byte[] body = TestData.random(2000, 10);
        byte[] corrupt = body.clone();
        corrupt[100] ^= 1;
        Files.createDirectories(data.resolve("ds"));
        Files.write(data.resolve("ds/a.bin"), corrupt);
        server.file("/a.bin", body);

        FetchReport report = fetch(line("ds", "a.bin", body, "none", server.url("/a.bin")));

        assertTrue(report.ok());
        assertEquals(FetchResult.Outcome.REPLACED, report.results().getFirst().outcome());
        assertArrayEquals(body, Files.readAllBytes(data.resolve("ds/a.bin")));
        String out = log.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("a.bin: present but has sha256 " + Checksums.sha256(corrupt)), out);
    }

    @Test
    void gunzipTransformStoresAndVerifiesTheDecompressedContent() throws IOException {
        byte[] content = TestData.random(100_000, 11);
        server.file("/a.bin.gz", TestData.gzip(content));

        FetchReport report = fetch(line("ds", "a.bin", content, "gunzip", server.url("/a.bin.gz")));

        assertTrue(report.ok(), () -> report.failure().get().getMessage());
        assertArrayEquals(content, Files.readAllBytes(data.resolve("ds/a.bin")));
    }

    @Test
    void gunzipOfNonGzipDataFailsClearly() throws IOException {
        byte[] content = TestData.random(1000, 12);
        server.file("/a.bin.gz", content);

        FetchReport report = fetch(line("ds", "a.bin", content, "gunzip", server.url("/a.bin.gz")));

        assertTrue(report.failure().get().getMessage().contains("not valid gzip data"));
        assertFalse(Files.exists(data.resolve("ds")));
    }

    @Test
    void localFileSource() throws IOException {
        byte[] body = TestData.random(500, 13);
        Path source = Files.write(Files.createTempFile("data-fetch-test", ".bin"), body);
        try {
            FetchReport report = fetch(line("ds", "a.bin", body, "none", source.toUri().toString()));
            assertTrue(report.ok(), () -> report.failure().get().getMessage());
        } finally {
            Files.delete(source);
        }
    }

    @Test
    void debSourceInstallsTheMissingPackageThenReadsTheFile(@TempDir Path root) throws IOException {
        byte[] content = TestData.random(4000, 14);
        Path shipped = root.resolve("usr/share/datasets/x/a.bin.gz");
        installer = pkg -> {
            installed.add(pkg);
            Files.createDirectories(shipped.getParent());
            Files.write(shipped, TestData.gzip(content));
        };

        FetchReport report = fetch(line("ds", "a.bin", content, "gunzip", "deb:dataset-x:" + shipped));

        assertTrue(report.ok(), () -> report.failure().get().getMessage());
        assertEquals(List.of("dataset-x"), installed);
        assertArrayEquals(content, Files.readAllBytes(data.resolve("ds/a.bin")));
    }

    @Test
    void debSourceThatCannotBeInstalledSaysWhatToRun(@TempDir Path root) throws IOException {
        byte[] content = TestData.random(100, 15);
        installer = PackageInstaller.manual();

        FetchReport report = fetch(line("ds", "a.bin", content, "gunzip",
                "deb:dataset-x:" + root.resolve("missing.gz")));

        String message = report.failure().get().getMessage();
        assertTrue(message.contains("sudo apt-get install dataset-x"), message);
    }

    @Test
    void stalledDownloadIsAbandoned() throws IOException {
        settings = settings.withStallTimeout(Duration.ofMillis(500));
        byte[] body = TestData.random(10_000, 16);
        server.stalling("/slow.bin", body, 1000);

        long start = System.nanoTime();
        FetchReport report = fetch(line("ds", "slow.bin", body, "none", server.url("/slow.bin")));

        String message = report.failure().get().getMessage();
        assertTrue(message.contains("download stalled: no data for 500 ms"), message);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
        assertFalse(Files.exists(data.resolve("ds")));
        assertFalse(Thread.currentThread().isInterrupted(), "interrupt flag cleared");
    }

    @Test
    void npmSourceExtractsOneFileFromThePackageTarball() throws IOException {
        byte[] words = "alpha\nbeta\ngamma\n".getBytes(StandardCharsets.UTF_8);
        server.file("/naughty-words/-/naughty-words-1.2.3.tgz", TestData.tgz(Map.of(
                "package/package.json", "{}".getBytes(StandardCharsets.UTF_8),
                "package/data/en.txt", words)));

        FetchReport report = fetch(line("words", "en.txt", words, "none", "npm:naughty-words@1.2.3:data/en.txt"));

        assertTrue(report.ok(), () -> report.failure().get().getMessage());
        assertArrayEquals(words, Files.readAllBytes(data.resolve("words/en.txt")));
        assertEquals("npm:naughty-words@1.2.3:data/en.txt", report.results().getFirst().source());
    }

    @Test
    void npmSourceNamesTheFilesWhenThePathIsWrong() {
        byte[] words = "x".getBytes(StandardCharsets.UTF_8);
        server.file("/w/-/w-1.0.0.tgz", TestData.tgz(Map.of("package/en.txt", words)));

        FetchReport report = fetch(line("words", "en.txt", words, "none", "npm:w@1.0.0:data/en.txt"));

        String message = report.failure().get().getMessage();
        assertTrue(message.contains("has no file 'data/en.txt' (it has: en.txt)"), message);
    }

    @Test
    void aFailingFileStopsTheDatasetAndRemovesAStaleRecord() throws IOException {
        byte[] a = TestData.random(100, 17);
        byte[] b = TestData.random(100, 18);
        server.file("/a.bin", a);
        Files.createDirectories(data.resolve("ds"));
        Files.writeString(data.resolve("ds/FETCHED.tsv"), "# stale\n");

        FetchReport report = fetch(line("ds", "a.bin", a, "none", server.url("/a.bin"))
                + line("ds", "b.bin", b, "none", server.url("/b.bin"))
                + line("ds", "c.bin", b, "none", server.url("/c.bin")));

        assertFalse(report.ok());
        assertEquals(1, report.results().size());
        assertEquals("b.bin", report.failure().get().entry().file());
        assertTrue(report.failure().get().getMessage().contains("its only source failed"));
        assertFalse(server.requests().contains("/c.bin"), "stops at the first failing file");
        assertEquals(List.of("a.bin"), listing("ds"));
        assertTrue(report.summary().contains("1 of 3 files verified"), report.summary());
    }
}
