package org.spuriouslab.models;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The on-disk layout of a saved model folder: {@value #PARAMETERS} (DJL's parameter stream),
 * {@value #HISTORY} (one tab-separated line per epoch) and {@value #PROPERTIES} (kind, format
 * version, spec, input size, sizes and SHA-256 of the other two files). The properties file is
 * written last, so a folder without it is an interrupted save.
 */
final class ModelFiles {

    /** Version of this layout; part of the model cache key, so a format change retrains. */
    static final int FORMAT_VERSION = 1;
    static final String PROPERTIES = "model.properties";
    static final String PARAMETERS = "parameters.bin";
    static final String HISTORY = "history.tsv";

    private ModelFiles() {
    }

    /** Writes the three files into {@code dir} (created if needed; existing files are replaced). */
    static void save(Path dir, String kind, Map<String, String> properties, List<Block> blocks, List<String> historyLines)
            throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(PROPERTIES));
        MessageDigest paramDigest = sha256();
        try (OutputStream os = Files.newOutputStream(dir.resolve(PARAMETERS));
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new DigestOutputStream(os, paramDigest)))) {
            for (Block block : blocks) {
                block.saveParameters(out);
            }
        }
        byte[] history = (String.join("\n", historyLines) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve(HISTORY), history);
        Properties p = new Properties();
        p.setProperty("kind", kind);
        p.setProperty("format", String.valueOf(FORMAT_VERSION));
        properties.forEach(p::setProperty);
        p.setProperty("parameters.bytes", String.valueOf(Files.size(dir.resolve(PARAMETERS))));
        p.setProperty("parameters.sha256", HexFormat.of().formatHex(paramDigest.digest()));
        p.setProperty("history.sha256", HexFormat.of().formatHex(sha256().digest(history)));
        try (Writer w = Files.newBufferedWriter(dir.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
            p.store(w, "Spurious Lab " + kind + " (format " + FORMAT_VERSION + ")");
        }
    }

    /**
     * Reads and checks {@value #PROPERTIES}: right kind and format, parameter and history files
     * present with the recorded size and SHA-256.
     */
    static Properties read(Path dir, String kind) throws ModelFormatException {
        if (!Files.isDirectory(dir)) {
            throw new ModelFormatException(dir, "no such folder (nothing was saved here)");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(dir, "no " + PROPERTIES + ": not a saved model, or the save was interrupted");
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelFormatException(dir, PROPERTIES + " is unreadable: " + e.getMessage(), e);
        }
        String k = p.getProperty("kind");
        if (!kind.equals(k)) {
            throw new ModelFormatException(dir, "holds a " + k + ", not a " + kind);
        }
        String f = p.getProperty("format");
        if (!String.valueOf(FORMAT_VERSION).equals(f)) {
            throw new ModelFormatException(dir, "model format " + f + " is not the supported " + FORMAT_VERSION
                    + "; train the model again");
        }
        Path params = dir.resolve(PARAMETERS);
        long expected = longProperty(dir, p, "parameters.bytes");
        try {
            long size = Files.size(params);
            if (size != expected) {
                throw new ModelFormatException(dir, PARAMETERS + " has " + size + " bytes but " + expected
                        + " were saved (truncated or replaced); delete the folder and train again");
            }
            String sha = HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(params)));
            if (!sha.equals(p.getProperty("parameters.sha256"))) {
                throw new ModelFormatException(dir, PARAMETERS + " does not match its recorded SHA-256 (corrupt); "
                        + "delete the folder and train again");
            }
            byte[] history = Files.readAllBytes(dir.resolve(HISTORY));
            if (!HexFormat.of().formatHex(sha256().digest(history)).equals(p.getProperty("history.sha256"))) {
                throw new ModelFormatException(dir, HISTORY + " does not match its recorded SHA-256 (corrupt); "
                        + "delete the folder and train again");
            }
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(dir, "missing " + e.getFile() + "; delete the folder and train again");
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException(dir, "cannot read the model files: " + e.getMessage(), e);
        }
        return p;
    }

    /** Loads the parameters into {@code blocks} (already built and initialised with the same shapes). */
    static void loadParameters(Path dir, List<Block> blocks, NDManager manager) throws ModelFormatException {
        List<String> names = new ArrayList<>();
        List<Shape> expected = new ArrayList<>();
        List<NDArray> initial = new ArrayList<>();
        for (Block block : blocks) {
            block.getParameters().forEach(p -> {
                names.add(p.getKey());
                expected.add(p.getValue().getArray().getShape());
                initial.add(p.getValue().getArray());
            });
        }
        try (InputStream is = Files.newInputStream(dir.resolve(PARAMETERS));
             DataInputStream in = new DataInputStream(new BufferedInputStream(is))) {
            for (Block block : blocks) {
                block.loadParameters(manager, in);
            }
            if (in.read() != -1) {
                throw new ModelFormatException(dir, PARAMETERS + " has data after the last parameter: it was saved "
                        + "from a different network");
            }
            int i = 0;
            for (Block block : blocks) {
                for (var p : block.getParameters()) {
                    Shape actual = p.getValue().getArray().getShape();
                    if (!actual.equals(expected.get(i))) {
                        throw new ModelFormatException(dir, PARAMETERS + " does not fit the network described in "
                                + PROPERTIES + ": parameter " + names.get(i) + " has shape " + actual + ", expected "
                                + expected.get(i));
                    }
                    if (p.getValue().getArray() != initial.get(i)) {
                        initial.get(i).close(); // the randomly initialised array the loaded one replaced
                    }
                    i++;
                }
            }
        } catch (ModelFormatException e) {
            throw e;
        } catch (MalformedModelException | IOException | RuntimeException e) {
            throw new ModelFormatException(dir, PARAMETERS + " does not fit the network described in " + PROPERTIES
                    + ": " + e.getMessage(), e);
        }
    }

    /** The lines of {@value #HISTORY} (already checksum-verified by {@link #read}). */
    static List<String[]> readHistory(Path dir) throws ModelFormatException {
        try {
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve(HISTORY), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    rows.add(line.split("\t"));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new ModelFormatException(dir, "cannot read " + HISTORY + ": " + e.getMessage(), e);
        }
    }

    static String string(Path dir, Properties p, String key) throws ModelFormatException {
        String v = p.getProperty(key);
        if (v == null) {
            throw new ModelFormatException(dir, PROPERTIES + " lacks '" + key + "'");
        }
        return v;
    }

    static long longProperty(Path dir, Properties p, String key) throws ModelFormatException {
        try {
            return Long.parseLong(string(dir, p, key).trim());
        } catch (NumberFormatException e) {
            throw new ModelFormatException(dir, PROPERTIES + ": '" + key + "' is not a whole number");
        }
    }

    static int intProperty(Path dir, Properties p, String key) throws ModelFormatException {
        return Math.toIntExact(longProperty(dir, p, key));
    }

    static double doubleProperty(Path dir, Properties p, String key) throws ModelFormatException {
        try {
            return Double.parseDouble(string(dir, p, key).trim());
        } catch (NumberFormatException e) {
            throw new ModelFormatException(dir, PROPERTIES + ": '" + key + "' is not a number");
        }
    }

    static int[] intList(Path dir, Properties p, String key) throws ModelFormatException {
        String v = string(dir, p, key).trim();
        if (v.isEmpty()) {
            return new int[0];
        }
        try {
            return java.util.Arrays.stream(v.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        } catch (NumberFormatException e) {
            throw new ModelFormatException(dir, PROPERTIES + ": '" + key + "' is not a comma-separated list of numbers");
        }
    }

    static String intList(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    static double parseDouble(Path dir, String[] row, int i) throws ModelFormatException {
        try {
            return Double.parseDouble(row[i]);
        } catch (RuntimeException e) {
            throw new ModelFormatException(dir, HISTORY + ": bad row " + String.join("\t", row));
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
    /** Checks that the spec rebuilt from the saved fields prints exactly as the saved {@code spec} line. */
    static void checkSpec(Path dir, Properties p, Object rebuilt) throws ModelFormatException {
        if (!rebuilt.toString().equals(p.getProperty("spec"))) {
            throw new ModelFormatException(dir, "the saved fields give " + rebuilt + " but the file says "
                    + p.getProperty("spec"));
        }
    }

    /** The saved input size {rows, cols}, checked for plausibility. */
    static int[] inputSize(Path dir, Properties p) throws ModelFormatException {
        int rows = intProperty(dir, p, "rows");
        int cols = intProperty(dir, p, "cols");
        if (rows < 1 || cols < 1 || rows > 4096 || cols > 4096) {
            throw new ModelFormatException(dir, "implausible input size " + rows + "×" + cols);
        }
        return new int[]{rows, cols};
    }

    /** The training history's rows as numbers, each with exactly {@code columns} values. */
    static List<double[]> historyRows(Path dir, int columns) throws ModelFormatException {
        List<double[]> out = new java.util.ArrayList<>();
        for (String[] r : readHistory(dir)) {
            if (r.length != columns) {
                throw new ModelFormatException(dir, HISTORY + ": expected " + columns + " columns, got " + r.length);
            }
            double[] v = new double[columns];
            for (int i = 0; i < columns; i++) {
                v[i] = parseDouble(dir, r, i);
            }
            out.add(v);
        }
        return out;
    }
}
