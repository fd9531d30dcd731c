package org.spuriouslab.fetch;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Installs Debian packages with {@code apt-get install -y --no-install-recommends} when running as root (retrying once
 * after {@code apt-get update}); otherwise fails with the exact command for the user to run.
 */
public final class AptInstaller implements PackageInstaller {
    private static final long TIMEOUT_MINUTES = 20;

    private final boolean root;
    private final Optional<Path> aptGet;
    private final PrintStream log;
    private boolean updated;

    /**
     * @param root   whether this process runs as root
     * @param aptGet the apt-get executable, if there is one
     * @param log    where to say what is being run
     */
    public AptInstaller(boolean root, Optional<Path> aptGet, PrintStream log) {
        this.root = root;
        this.aptGet = aptGet;
        this.log = log;
    }

    /** An installer for this machine: root-ness from {@code /proc/self}, apt-get looked up on the PATH. */
    public static AptInstaller forThisMachine(PrintStream log) {
        return new AptInstaller(isRoot(), onPath("apt-get"), log);
    }

    @Override
    public void install(String pkg) throws IOException {
        String command = "apt-get install -y --no-install-recommends " + pkg;
        if (aptGet.isEmpty()) {
            throw new IOException("Debian package " + pkg + " is needed but this system has no apt-get "
                    + "(on Debian or Ubuntu: sudo apt-get install " + pkg + ")");
        }
        if (!root) {
            throw new IOException("Debian package " + pkg + " is not installed; install it with: sudo apt-get install "
                    + pkg);
        }
        log.println("  installing Debian package " + pkg + ": " + command);
        Run first = run(List.of("install", "-y", "--no-install-recommends", pkg));
        if (first.exit == 0) {
            return;
        }
        Run last = first;
        if (!updated) {
            updated = true;
            log.println("  " + command + " failed (exit " + first.exit + "); running apt-get update and retrying");
            Run update = run(List.of("update"));
            if (update.exit != 0) {
                log.println("  apt-get update failed (exit " + update.exit + ")");
            }
            last = run(List.of("install", "-y", "--no-install-recommends", pkg));
            if (last.exit == 0) {
                return;
            }
        }
        throw new IOException(command + " failed (exit " + last.exit + "); its last lines:\n" + last.tail);
    }

    private record Run(int exit, String tail) {
    }

    private Run run(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(aptGet.get().toString());
        cmd.addAll(args);
        Path output = Files.createTempFile("data-fetch-apt", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process p = pb.start();
            boolean done;
            try {
                done = p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                p.destroy();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + String.join(" ", cmd));
            }
            if (!done) {
                p.destroy();
                return new Run(-1, "timed out after " + TIMEOUT_MINUTES + " minutes");
            }
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()))
                    .lines().map(l -> "      | " + l).reduce((a, b) -> a + "\n" + b).orElse("      | (no output)");
            return new Run(p.exitValue(), tail);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Whether this process runs as root (owner of /proc/self; falls back to the user name). */
    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** An executable named {@code name} on the PATH, if any. */
    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
