package org.spuriouslab.fetch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Command line: {@code data-fetch/fetch [--data DIR] [--manifest FILE] DATASET…}, {@code --list}, {@code --help}.
 * Exit status 0 when every named dataset is verified, 1 when one could not be fetched, 2 for usage or manifest
 * errors.
 */
public final class Fetch {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            usage: data-fetch/fetch [--data DIR] [--manifest FILE] DATASET...
                   data-fetch/fetch --list
                   data-fetch/fetch --help

            Fetches the named datasets of data-fetch/manifest.tsv into DATA/<dataset>/, where DATA is
            --data, else $SPURIOUS_DATA, else <repo>/data. Every file is checked against the size and
            SHA-256 in the manifest; files already present and verified are not fetched again. Sources
            are tried in order (https/http, file:///, deb:PACKAGE:/path, npm:NAME@VERSION:path); a
            missing Debian package is installed with apt-get when running as root. When a dataset is
            complete, DATA/<dataset>/FETCHED.tsv lists its files, sizes, SHA-256 and sources.

            options:
              --list           list the datasets in the manifest and whether each is fetched
              --data DIR       data directory (overrides $SPURIOUS_DATA)
              --manifest FILE  manifest (default <repo>/data-fetch/manifest.tsv)
              --repo DIR       repository root (the data-fetch/fetch script passes it)
              -h, --help       this text

            exit status: 0 all named datasets verified, 1 a dataset could not be fetched,
                         2 usage or manifest error
            """;

    private Fetch() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv("SPURIOUS_DATA"),
                AptInstaller.forThisMachine(System.out), FetchSettings.defaults()));
    }

    /** Runs the command line; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err, String dataEnv, PackageInstaller installer,
                   FetchSettings settings) {
        Path repo = null;
        Path data = null;
        Path manifestPath = null;
        boolean list = false;
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    out.print(USAGE_TEXT);
                    return OK;
                }
                case "--list" -> list = true;
                case "--data", "--manifest", "--repo" -> {
                    if (i + 1 >= args.length) {
                        err.println("error: " + a + " needs a value\n" + USAGE_TEXT.lines().limit(3)
                                .collect(Collectors.joining("\n")));
                        return USAGE;
                    }
                    Path p = Path.of(args[++i]);
                    switch (a) {
                        case "--data" -> data = p;
                        case "--manifest" -> manifestPath = p;
                        default -> repo = p;
                    }
                }
                default -> {
                    if (a.startsWith("-")) {
                        err.println("error: unknown option " + a + " (see --help)");
                        return USAGE;
                    }
                    names.add(a);
                }
            }
        }
        if (repo == null) {
            repo = guessRepo();
        }
        if (manifestPath == null) {
            manifestPath = repo.resolve("data-fetch").resolve("manifest.tsv");
        }
        if (data == null) {
            data = dataEnv != null && !dataEnv.isBlank() ? Path.of(dataEnv) : repo.resolve("data");
        }
        data = data.toAbsolutePath().normalize();

        Manifest manifest;
        try {
            manifest = Manifest.load(manifestPath);
        } catch (ManifestException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        }
        Map<String, List<ManifestEntry>> datasets = manifest.byDataset();
        if (list) {
            list(out, datasets, data);
            return OK;
        }
        if (names.isEmpty()) {
            err.println("error: name at least one dataset (known: " + String.join(", ", datasets.keySet())
                    + "); see --help");
            return USAGE;
        }
        List<String> unknown = names.stream().filter(n -> !datasets.containsKey(n)).toList();
        if (!unknown.isEmpty()) {
            err.println("error: unknown dataset" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + "; the manifest " + manifestPath + " lists: " + String.join(", ", datasets.keySet()));
            return USAGE;
        }

        List<String> summaries = new ArrayList<>();
        boolean allOk = true;
        try (Fetcher fetcher = new Fetcher(data, settings, installer, out, err)) {
            for (String name : names) {
                out.println(name + " → " + fetcher.directory(name));
                FetchReport report = fetcher.fetch(datasets.get(name));
                if (!report.ok()) {
                    allOk = false;
                    err.println("error: " + report.failure().get().getMessage());
                }
                out.println(report.summary());
                summaries.add(report.summary());
            }
        }
        if (names.size() > 1) {
            out.println();
            summaries.forEach(out::println);
        }
        return allOk ? OK : FAILED;
    }

    private static void list(PrintStream out, Map<String, List<ManifestEntry>> datasets, Path data) {
        out.println("datasets in the manifest (data directory " + data + "):");
        for (var e : datasets.entrySet()) {
            List<ManifestEntry> files = e.getValue();
            long bytes = files.stream().mapToLong(ManifestEntry::size).sum();
            String firstSources = files.getFirst().sources().stream()
                    .map(s -> switch (s) {
                        case Source.Http h -> h.uri().getHost();
                        case Source.LocalFile f -> "file";
                        case Source.Deb d -> "deb:" + d.pkg();
                        case Source.Npm n -> "npm:" + n.name() + "@" + n.version();
                    })
                    .distinct().collect(Collectors.joining(", "));
            String state;
            try {
                state = FetchedFile.read(data.resolve(e.getKey())).size() == files.size() ? "fetched" : "not fetched";
            } catch (IOException ex) {
                state = "unreadable FETCHED.tsv";
            }
            out.printf("  %-16s %d files, %9s  %-13s  sources: %s%n", e.getKey(), files.size(),
                    Fetcher.humanSize(bytes), "[" + state + "]", firstSources);
        }
    }

    /** The repository root: the current directory or its parent, whichever has data-fetch/manifest.tsv. */
    private static Path guessRepo() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("data-fetch").resolve("manifest.tsv"))) {
                return p;
            }
        }
        return cwd;
    }
}
