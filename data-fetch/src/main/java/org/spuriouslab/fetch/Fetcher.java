package org.spuriouslab.fetch;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Fetches the files of a dataset into {@code <data>/<dataset>/}: skips files whose size and SHA-256 already match,
 * otherwise tries each source in order, downloading to a temporary file in the same directory, verifying size and
 * SHA-256 (after the transform), and renaming it into place atomically. Writes {@code FETCHED.tsv} once the whole
 * dataset is verified.
 */
public final class Fetcher implements AutoCloseable {
    /** Name of the per-dataset record of verified files. */
    public static final String FETCHED_FILE = "FETCHED.tsv";

    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> IN_PROGRESS.forEach(p -> {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort on Ctrl-C
            }
        }), "data-fetch-cleanup"));
    }

    private final Path dataDir;
    private final PackageInstaller installer;
    private final PrintStream log;
    private final PrintStream progressOut;
    private final FetchSettings settings;
    private final HttpDownloader http;

    /**
     * @param dataDir     the data directory; datasets go to sub-directories
     * @param settings    network timeouts and registries
     * @param installer   used for {@code deb:} sources whose file is missing
     * @param log         per-file lines
     * @param progressOut progress lines and "trying the next source" notes
     */
    public Fetcher(Path dataDir, FetchSettings settings, PackageInstaller installer, PrintStream log,
                   PrintStream progressOut) {
        this.dataDir = dataDir;
        this.settings = settings;
        this.installer = installer;
        this.log = log;
        this.progressOut = progressOut;
        this.http = new HttpDownloader(settings);
    }

    /** Where a dataset's files are stored. */
    public Path directory(String dataset) {
        return dataDir.resolve(dataset);
    }

    /**
     * Makes every file of one dataset present and verified. Stops at the first file that no source can provide; then
     * the report carries the {@link FetchException} and any stale FETCHED.tsv is removed.
     */
    public FetchReport fetch(List<ManifestEntry> entries) {
        if (entries.isEmpty() || entries.stream().map(ManifestEntry::dataset).distinct().count() != 1) {
            throw new IllegalArgumentException("fetch() needs the entries of exactly one dataset");
        }
        long start = System.nanoTime();
        String dataset = entries.getFirst().dataset();
        Path dir = directory(dataset);
        List<FetchResult> results = new ArrayList<>();
        Optional<FetchException> failure = Optional.empty();
        try {
            Files.createDirectories(dir);
            List<FetchedFile> recorded = FetchedFile.read(dir);
            for (ManifestEntry entry : entries) {
                FetchResult result = fetchFile(entry, dir, recorded);
                log.println("  " + result.line());
                results.add(result);
            }
            writeFetched(dir, dataset, results);
        } catch (FetchException e) {
            failure = Optional.of(e);
        } catch (IOException e) {
            ManifestEntry at = entries.get(Math.min(results.size(), entries.size() - 1));
            failure = Optional.of(new FetchException(at, "cannot write to " + dir + ": " + e, e));
        }
        if (failure.isPresent()) {
            try {
                Files.deleteIfExists(dir.resolve(FETCHED_FILE));
                try (var left = Files.list(dir)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(dir); // leave no empty dataset directory behind
                    }
                }
            } catch (IOException ignored) {
                // the summary already says the dataset is incomplete
            }
        }
        return new FetchReport(dataset, dir, entries.size(), results, failure,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private FetchResult fetchFile(ManifestEntry entry, Path dir, List<FetchedFile> recorded)
            throws FetchException, IOException {
        Path target = dir.resolve(entry.file());
        boolean replacing = false;
        if (Files.exists(target)) {
            Optional<String> problem = mismatch(target, entry);
            if (problem.isEmpty()) {
                String source = recorded.stream()
                        .filter(r -> r.file().equals(entry.file()) && r.sha256().equals(entry.sha256()))
                        .map(FetchedFile::source).findFirst().orElse("already present");
                return new FetchResult(entry, FetchResult.Outcome.ALREADY_VERIFIED, source);
            }
            log.println("  " + entry.file() + ": present but " + problem.get() + "; fetching it again");
            replacing = true;
        }
        List<FailedAttempt> failures = new ArrayList<>();
        List<Source> sources = entry.sources();
        for (int i = 0; i < sources.size(); i++) {
            Source source = sources.get(i);
            try {
                download(entry, source, target);
                return new FetchResult(entry, replacing ? FetchResult.Outcome.REPLACED : FetchResult.Outcome.FETCHED,
                        source.spec());
            } catch (IOException e) {
                FailedAttempt attempt = new FailedAttempt(source, reason(e));
                failures.add(attempt);
                if (i + 1 < sources.size()) {
                    progressOut.println("    " + entry.file() + ": source " + (i + 1) + " of " + sources.size() + " failed ("
                            + attempt.reason() + "); trying the next");
                }
            }
        }
        throw new FetchException(entry, failures);
    }

    /** Downloads one source into a temporary file, verifies it and renames it to {@code target}. */
    private void download(ManifestEntry entry, Source source, Path target) throws IOException {
        Path dir = target.getParent();
        Path tmp = Files.createTempFile(dir, "." + entry.file() + ".", ".part");
        IN_PROGRESS.add(tmp);
        try {
            Progress progress = new Progress(progressOut, entry.file(), source.remote());
            MessageDigest md = Checksums.sha256();
            long written = 0;
            try (InputStream raw = open(source, progress);
                 InputStream in = entry.transform().apply(raw);
                 FileOutputStream out = new FileOutputStream(tmp.toFile())) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) != -1; ) {
                    written += n;
                    if (written > entry.size()) {
                        throw new SourceFailure("size mismatch: more than the expected " + entry.size() + " bytes"
                                + (entry.transform() == Transform.NONE ? "" : " after " + entry.transform().manifestName()));
                    }
                    md.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
                out.getFD().sync();
            }
            String actual = Checksums.hex(md.digest());
            if (written != entry.size() || !actual.equals(entry.sha256())) {
                throw new SourceFailure("checksum mismatch: expected " + entry.size() + " bytes with sha256 "
                        + entry.sha256() + ", got " + written + " bytes with sha256 " + actual);
            }
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
            IN_PROGRESS.remove(tmp);
        }
    }

    /** Opens a source's raw bytes (before the transform), with progress tracking. */
    private InputStream open(Source source, Progress progress) throws IOException {
        return switch (source) {
            case Source.Http h -> {
                HttpDownloader.Body body = http.open(h.uri());
                yield progress.track(body.in(), body.length());
            }
            case Source.LocalFile f -> openLocal(f.path(), progress);
            case Source.Deb d -> {
                if (!Files.exists(d.path())) {
                    installer.install(d.pkg());
                    if (!Files.exists(d.path())) {
                        throw new SourceFailure("Debian package " + d.pkg() + " is installed but has no file "
                                + d.path() + " (dpkg -L " + d.pkg() + " lists its files)");
                    }
                }
                yield openLocal(d.path(), progress);
            }
            case Source.Npm n -> {
                HttpDownloader.Body body = http.open(NpmTarball.tarballUri(settings.npmRegistry(), n.name(),
                        n.version()));
                InputStream tar = new GZIPInputStream(progress.track(body.in(), body.length()), 1 << 16);
                try {
                    yield NpmTarball.entry(tar, n.path(), n.name() + "@" + n.version());
                } catch (IOException | RuntimeException e) {
                    tar.close();
                    throw e;
                }
            }
        };
    }

    private static InputStream openLocal(Path path, Progress progress) throws IOException {
        try {
            return progress.track(Files.newInputStream(path), Files.size(path));
        } catch (NoSuchFileException e) {
            throw new SourceFailure("no such file " + path);
        } catch (AccessDeniedException e) {
            throw new SourceFailure("permission denied reading " + path);
        }
    }

    /** Why a present file does not match its entry, or empty if it does. */
    private static Optional<String> mismatch(Path file, ManifestEntry entry) throws IOException {
        long size = Files.size(file);
        if (size != entry.size()) {
            return Optional.of("has " + size + " bytes instead of " + entry.size());
        }
        String sha = Checksums.sha256(file);
        if (!sha.equals(entry.sha256())) {
            return Optional.of("has sha256 " + sha + " instead of " + entry.sha256());
        }
        return Optional.empty();
    }

    private static String reason(IOException e) {
        if (e instanceof SourceFailure) {
            return e.getMessage();
        }
        if (e instanceof ZipException) {
            return "not valid gzip data (" + e.getMessage() + ")";
        }
        if (e instanceof java.io.EOFException) {
            return "data ends early (truncated download?)" + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static void writeFetched(Path dir, String dataset, List<FetchResult> results) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# data-fetch: every file of dataset ").append(dataset).append(" verified (size and SHA-256) at ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        sb.append(FetchedFile.HEADER).append('\n');
        for (FetchResult r : results) {
            ManifestEntry e = r.entry();
            sb.append(new FetchedFile(e.file(), e.size(), e.sha256(), r.source()).line()).append('\n');
        }
        Path tmp = Files.createTempFile(dir, "." + FETCHED_FILE + ".", ".part");
        try {
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.move(tmp, dir.resolve(FETCHED_FILE), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Sizes for people: {@code 47.0 MB}, {@code 28.9 kB}, {@code 512 B} (decimal units). */
    public static String humanSize(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        if (bytes < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }

    /** Durations for people: {@code 60 s}, {@code 500 ms}. */
    static String humanDuration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() {
        http.close();
    }
}
