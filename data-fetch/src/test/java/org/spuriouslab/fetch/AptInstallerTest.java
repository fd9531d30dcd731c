package org.spuriouslab.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Never runs the real apt-get: either no process at all, or a fake apt-get script. */
class AptInstallerTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @Test
    void notRootSaysTheExactCommand() {
        var installer = new AptInstaller(false, Optional.of(Path.of("/nonexistent/apt-get")), new PrintStream(log));
        IOException e = assertThrows(IOException.class, () -> installer.install("dataset-fashion-mnist"));
        assertEquals("Debian package dataset-fashion-mnist is not installed; install it with: "
                + "sudo apt-get install dataset-fashion-mnist", e.getMessage());
    }

    @Test
    void noAptGetSaysSo() {
        var installer = new AptInstaller(true, Optional.empty(), new PrintStream(log));
        IOException e = assertThrows(IOException.class, () -> installer.install("fortunes"));
        assertTrue(e.getMessage().contains("this system has no apt-get"), e.getMessage());
    }

    private Path fakeAptGet(String script) throws IOException {
        Path apt = dir.resolve("apt-get");
        Files.writeString(apt, "#!/bin/sh\necho \"$DEBIAN_FRONTEND $*\" >> '" + dir.resolve("calls") + "'\n" + script);
        Files.setPosixFilePermissions(apt, PosixFilePermissions.fromString("rwx------"));
        return apt;
    }

    private List<String> calls() throws IOException {
        return Files.readAllLines(dir.resolve("calls"));
    }

    @Test
    void failedInstallIsRetriedOnceAfterUpdate() throws IOException {
        // fails until "update" has run
        Path apt = fakeAptGet("if [ \"$1\" = update ]; then touch '" + dir.resolve("updated") + "'; exit 0; fi\n"
                + "[ -e '" + dir.resolve("updated") + "' ] || { echo 'E: Unable to locate package'; exit 100; }\n");
        var installer = new AptInstaller(true, Optional.of(apt), new PrintStream(log));

        installer.install("dataset-x");

        assertEquals(List.of("noninteractive install -y --no-install-recommends dataset-x", "noninteractive update",
                "noninteractive install -y --no-install-recommends dataset-x"), calls());
    }

    @Test
    void persistentFailureShowsAptOutput() throws IOException {
        Path apt = fakeAptGet("echo 'E: Unable to locate package dataset-x'; exit 100\n");
        var installer = new AptInstaller(true, Optional.of(apt), new PrintStream(log));

        IOException e = assertThrows(IOException.class, () -> installer.install("dataset-x"));

        assertTrue(e.getMessage().startsWith("apt-get install -y --no-install-recommends dataset-x failed (exit 100)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("| E: Unable to locate package dataset-x"), e.getMessage());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("running apt-get update and retrying"));
        assertEquals(3, calls().size());
    }
}
