package org.spuriouslab.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Test payloads: random bytes, gzip, npm-style tarballs. */
final class TestData {
    private TestData() {
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] gzip(byte[] data) {
        var bytes = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A gzip-compressed ustar archive with the given path → content entries. */
    static byte[] tgz(Map<String, byte[]> entries) {
        var tar = new ByteArrayOutputStream();
        for (var e : new LinkedHashMap<>(entries).entrySet()) {
            byte[] header = new byte[512];
            put(header, 0, e.getKey());
            put(header, 100, "0000644\0");
            put(header, 108, "0000000\0");
            put(header, 116, "0000000\0");
            put(header, 124, String.format("%011o\0", e.getValue().length));
            put(header, 136, "00000000000\0");
            put(header, 148, "        ");
            header[156] = '0';
            put(header, 257, "ustar\0");
            put(header, 263, "00");
            int sum = 0;
            for (byte b : header) {
                sum += b & 0xff;
            }
            put(header, 148, String.format("%06o\0 ", sum));
            tar.writeBytes(header);
            tar.writeBytes(e.getValue());
            tar.writeBytes(new byte[(512 - e.getValue().length % 512) % 512]);
        }
        tar.writeBytes(new byte[1024]);
        return gzip(tar.toByteArray());
    }

    private static void put(byte[] block, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, block, off, b.length);
    }
}
