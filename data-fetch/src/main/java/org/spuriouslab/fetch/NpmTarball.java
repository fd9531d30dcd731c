package org.spuriouslab.fetch;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Finds one file inside an npm package tarball (gzip-compressed tar, top directory usually {@code package/}). */
final class NpmTarball {
    private static final int BLOCK = 512;

    private NpmTarball() {
    }

    /** The registry's tarball URL: {@code REGISTRY/NAME/-/BASENAME-VERSION.tgz} (scoped names keep their scope). */
    static URI tarballUri(URI registry, String name, String version) {
        String base = name.contains("/") ? name.substring(name.indexOf('/') + 1) : name;
        return registry.resolve(name + "/-/" + base + "-" + version + ".tgz");
    }

    /**
     * Reads the (already decompressed) tar stream up to the file whose path, below the tarball's top directory, is
     * {@code path}; returns a stream of exactly that file's bytes.
     */
    static InputStream entry(InputStream tar, String path, String label) throws IOException {
        List<String> seen = new ArrayList<>();
        String longName = null;
        byte[] header = new byte[BLOCK];
        while (true) {
            if (tar.readNBytes(header, 0, BLOCK) < BLOCK || allZero(header)) {
                throw new SourceFailure(label + ": the package has no file '" + path + "'"
                        + (seen.isEmpty() ? "" : " (it has: " + String.join(", ", seen.subList(0, Math.min(20,
                        seen.size()))) + (seen.size() > 20 ? ", …" : "") + ")"));
            }
            String name = string(header, 0, 100);
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            if (string(header, 257, 5).equals("ustar")) {
                String prefix = string(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
            }
            long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
            if (type == 'L' || type == 'x') { // GNU long name, or pax header that may carry a path
                byte[] data = tar.readNBytes((int) size);
                tar.skipNBytes(padded - size);
                longName = type == 'L' ? string(data, 0, data.length) : paxPath(data, longName);
                continue;
            }
            if (longName != null) {
                name = longName;
                longName = null;
            }
            if (type == '0' || type == '\0') {
                String inPackage = stripTop(name);
                if (inPackage.equals(path)) {
                    return bounded(tar, size);
                }
                seen.add(inPackage);
            }
            tar.skipNBytes(padded);
        }
    }

    private static String stripTop(String name) {
        while (name.startsWith("./")) {
            name = name.substring(2);
        }
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    private static String paxPath(byte[] data, String current) {
        String text = new String(data, StandardCharsets.UTF_8);
        for (String record : text.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 6);
            }
        }
        return current;
    }

    private static InputStream bounded(InputStream in, long size) {
        return new FilterInputStream(in) {
            private long left = size;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b < 0) {
                    throw new EOFException("tarball ends inside the file");
                }
                left--;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n < 0) {
                    throw new EOFException("tarball ends inside the file");
                }
                left -= n;
                return n;
            }
        };
    }

    private static boolean allZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String string(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int off, int len) throws IOException {
        String s = string(b, off, len).trim();
        try {
            return s.isEmpty() ? 0 : Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw new SourceFailure("not a tar archive (bad size field '" + s + "')");
        }
    }
}
