package org.spuriouslab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests. */
final class IdxTestFiles {

    private IdxTestFiles() {
    }

    /** IDX bytes: magic (type code, ndims), big-endian dims, then data. */
    static byte[] idx(int typeCode, int[] dims, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(0);
        out.write(typeCode);
        out.write(dims.length);
        for (int d : dims) {
            out.write(d >>> 24);
            out.write(d >>> 16);
            out.write(d >>> 8);
            out.write(d);
        }
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content);
        }
        return bytes.toByteArray();
    }

    /** n images of rows×cols where image i has every pixel = i*10 (mod 256); labels i % 10. */
    static void writeImages(Path images, Path labels, int n, int rows, int cols, boolean gz) throws IOException {
        byte[] px = new byte[n * rows * cols];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < rows * cols; j++) {
                px[i * rows * cols + j] = (byte) (i * 10);
            }
        }
        byte[] lab = new byte[n];
        for (int i = 0; i < n; i++) {
            lab[i] = (byte) (i % 10);
        }
        byte[] a = idx(0x08, new int[]{n, rows, cols}, px);
        byte[] b = idx(0x08, new int[]{n}, lab);
        Files.write(images, gz ? gzip(a) : a);
        Files.write(labels, gz ? gzip(b) : b);
    }
}
