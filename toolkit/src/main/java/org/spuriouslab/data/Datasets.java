package org.spuriouslab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Loads the image datasets that {@code data-fetch} put under the data directory.
 *
 * <pre>{@code
 * ImageDataset ds = Datasets.load();           // MNIST when fetched, else Fashion-MNIST
 * ImageSet train = ds.train().sample(10_000, 42);
 * }</pre>
 *
 * Every file is checked against the size and SHA-256 that {@code data-fetch} recorded before it
 * is parsed; a missing dataset is a {@link DatasetMissingException} naming the command that
 * fetches it.
 */
public final class Datasets {

    /** The manifest of verified files that {@code data-fetch} writes into each dataset folder. */
    public static final String FETCHED = "FETCHED.tsv";

    private static final String[] ROLES = {
        "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

    private Datasets() {
    }

    /** MNIST when it has been fetched, otherwise Fashion-MNIST; says which in {@link ImageDataset#name()}. */
    public static ImageDataset load() throws IOException {
        if (isFetched(DatasetKind.MNIST)) {
            return load(DatasetKind.MNIST);
        }
        if (isFetched(DatasetKind.FASHION_MNIST)) {
            return load(DatasetKind.FASHION_MNIST);
        }
        throw new DatasetMissingException("no image dataset in " + DataDir.root() + ". Run 'data-fetch/fetch mnist' "
                + "(needs internet) or, offline, 'data-fetch/fetch fashion-mnist' (Debian's dataset-fashion-mnist).");
    }

    /** True when {@code data-fetch} completed this dataset (its {@value #FETCHED} exists). */
    public static boolean isFetched(DatasetKind kind) {
        return Files.isRegularFile(DataDir.of(kind.id()).resolve(FETCHED));
    }

    /** Loads one dataset by name ({@code "mnist"} or {@code "fashion-mnist"}). */
    public static ImageDataset load(String id) throws IOException {
        return load(DatasetKind.ofId(id));
    }

    /** Loads one dataset from the data directory. */
    public static ImageDataset load(DatasetKind kind) throws IOException {
        return load(kind, DataDir.of(kind.id()));
    }

    /** Loads one dataset from a given folder holding its IDX files and {@value #FETCHED}. */
    public static ImageDataset load(DatasetKind kind, Path dir) throws IOException {
        Path fetched = dir.resolve(FETCHED);
        if (!Files.isRegularFile(fetched)) {
            throw new DatasetMissingException(kind.displayName() + " is not in " + dir + " (no " + FETCHED
                    + "). Run 'data-fetch/fetch " + kind.id() + "'.");
        }
        List<DataFile> recorded = readFetched(fetched);
        List<DataFile> used = new ArrayList<>();
        Path[] paths = new Path[ROLES.length];
        for (int r = 0; r < ROLES.length; r++) {
            String role = ROLES[r];
            DataFile f = recorded.stream().filter(d -> d.file().equals(role) || d.file().equals(role + ".gz"))
                    .findFirst().orElseThrow(() -> new DatasetMissingException(fetched + " lists no " + role
                            + "; run 'data-fetch/fetch " + kind.id() + "' again."));
            paths[r] = dir.resolve(f.file());
            verify(paths[r], f, kind);
            used.add(f);
        }
        ImageSet train = images(paths[0], paths[1], kind);
        ImageSet test = images(paths[2], paths[3], kind);
        return new ImageDataset(kind, train, test, List.copyOf(used), dir);
    }

    /** Reads an images file and a labels file into an {@link ImageSet}, checking shapes and label range. */
    public static ImageSet images(Path imagesFile, Path labelsFile, DatasetKind kind) throws IOException {
        IdxArray img = IdxReader.read(imagesFile);
        IdxArray lab = IdxReader.read(labelsFile);
        if (img.type() != IdxType.UNSIGNED_BYTE || img.dims().length != 3) {
            throw new IdxFormatException(imagesFile, "expected unsigned bytes of shape N×rows×cols, got " + img);
        }
        if (lab.type() != IdxType.UNSIGNED_BYTE || lab.dims().length != 1) {
            throw new IdxFormatException(labelsFile, "expected unsigned bytes of shape N, got " + lab);
        }
        if (img.dims()[0] != lab.dims()[0]) {
            throw new IdxFormatException(labelsFile, lab.dims()[0] + " labels for " + img.dims()[0] + " images in "
                    + imagesFile.getFileName());
        }
        byte[] raw = img.data();
        byte[] rawLabels = lab.data();
        int[] labels = new int[rawLabels.length];
        int numClasses = kind.classNames().size();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rawLabels[i] & 0xff;
            if (labels[i] >= numClasses) {
                throw new IdxFormatException(labelsFile, "label " + labels[i] + " at position " + i
                        + " is outside 0.." + (numClasses - 1));
            }
        }
        return ImageSet.ofBytes(raw, labels, img.dims()[1], img.dims()[2]);
    }

    /** Parses a {@value #FETCHED} file: tab-separated file, size, sha256, source; '#' comments and a header allowed. */
    public static List<DataFile> readFetched(Path fetched) throws IOException {
        List<DataFile> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(fetched)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("file\t")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length < 3) {
                    throw new IOException(fetched + " line " + n + ": expected file, size, sha256[, source]: " + line);
                }
                try {
                    out.add(new DataFile(f[0], Long.parseLong(f[1].trim()), f[2].trim().toLowerCase(),
                            f.length > 3 ? f[3].trim() : ""));
                } catch (NumberFormatException e) {
                    throw new IOException(fetched + " line " + n + ": size is not a number: " + f[1]);
                }
            }
        }
        return out;
    }

    private static void verify(Path file, DataFile expected, DatasetKind kind) throws IOException {
        String fix = " Run 'data-fetch/fetch " + kind.id() + "' to fetch it again.";
        if (!Files.isRegularFile(file)) {
            throw new DatasetMissingException(file + " is missing." + fix);
        }
        long size = Files.size(file);
        if (size != expected.size()) {
            throw new IdxFormatException(file, "size " + size + " bytes, expected " + expected.size()
                    + " (truncated or replaced)." + fix);
        }
        String actual = sha256(file);
        if (!actual.equals(expected.sha256())) {
            throw new IdxFormatException(file, "SHA-256 " + actual + " does not match the recorded "
                    + expected.sha256() + " (corrupt)." + fix);
        }
    }

    /** SHA-256 of a file as lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
