package org.spuriouslab.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetchCliTest {
    @TempDir
    Path dir;

    private TestServer server;
    private Path manifest;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final byte[] body = TestData.random(1234, 42);

    @BeforeEach
    void setUp() throws IOException {
        server = new TestServer().file("/good/a.bin", body);
        String sha = Checksums.sha256(body);
        manifest = Files.writeString(dir.resolve("manifest.tsv"), "# test\n" + String.join("\t", Manifest.COLUMNS)
                + "\ngood\ta.bin\t1234\t" + sha + "\tnone\t" + server.url("/good/a.bin") + "\n"
                + "gone\ta.bin\t1234\t" + sha + "\tnone\t" + server.url("/gone/a.bin") + "\tTry the good one.\n");
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private int run(String dataEnv, String... args) {
        var settings = new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5),
                URI.create(server.base()));
        return Fetch.run(args, new PrintStream(out, true), new PrintStream(err, true), dataEnv,
                PackageInstaller.manual(), settings);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void fetchesIntoSpuriousDataAndPrintsOneSummaryLine() {
        int status = run(dir.resolve("data").toString(), "--manifest", manifest.toString(), "good");

        assertEquals(0, status, err());
        assertTrue(Files.isRegularFile(dir.resolve("data/good/a.bin")));
        assertEquals(1, out().lines().filter(l -> l.startsWith("good: ok — 1 files")).count(), out());
    }

    @Test
    void dataOptionOverridesTheEnvironment() {
        int status = run(dir.resolve("env").toString(), "--manifest", manifest.toString(), "--data",
                dir.resolve("opt").toString(), "good");

        assertEquals(0, status, err());
        assertTrue(Files.isRegularFile(dir.resolve("opt/good/a.bin")));
    }

    @Test
    void failureExitsNonZeroWithTheSourcesAndTheAdvice() {
        int status = run(dir.resolve("data").toString(), "--manifest", manifest.toString(), "good", "gone");

        assertEquals(1, status);
        assertTrue(err().contains(server.url("/gone/a.bin") + "\n      HTTP 404 Not Found"), err());
        assertTrue(err().contains("Try the good one."), err());
        assertTrue(out().contains("gone: FAILED — 0 of 1 files verified"), out());
    }

    @Test
    void unknownDatasetListsTheKnownOnes() {
        int status = run(null, "--manifest", manifest.toString(), "mnsit");

        assertEquals(2, status);
        assertTrue(err().contains("unknown dataset mnsit; the manifest " + manifest + " lists: good, gone"), err());
    }

    @Test
    void listAndHelp() {
        assertEquals(0, run(dir.resolve("data").toString(), "--manifest", manifest.toString(), "--list"));
        assertTrue(out().contains("good") && out().contains("[not fetched]"), out());
        assertEquals(0, run(null, "--help"));
        assertTrue(out().contains("usage: data-fetch/fetch"));
    }

    @Test
    void badManifestIsAUsageError() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.tsv"), String.join("\t", Manifest.COLUMNS) + "\nds\tf\n");

        assertEquals(2, run(null, "--manifest", bad.toString(), "ds"));
        assertTrue(err().contains(bad + " line 2: expected 6 or 7 tab-separated fields"), err());
    }
}
