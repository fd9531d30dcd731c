package org.spuriouslab.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the MNIST format), raw or gzip-compressed (detected from the content).
 *
 * <p>Checks the magic number, the element type, the dimensions and that the data is exactly as
 * long as the header says. A truncated or corrupt file is an {@link IdxFormatException} naming
 * the file and the problem, never a silent partial read.
 */
public final class IdxReader {

    /** Largest number of dimensions accepted (the format allows 255; real data has 1 to 4). */
    public static final int MAX_DIMS = 8;

    private IdxReader() {
    }

    /** Reads a whole IDX file. */
    public static IdxArray read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "IDX file not found");
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            InputStream in = raw;
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                in = new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
            }
            return read(file, in);
        } catch (ZipException e) {
            throw new IdxFormatException(file, "corrupt gzip data (" + e.getMessage() + ")", e);
        } catch (EOFException e) {
            throw new IdxFormatException(file, "truncated: the file ends early (" + e.getMessage() + ")", e);
        }
    }

    private static IdxArray read(Path file, InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] magic = new byte[4];
        int got = in.readNBytes(magic, 0, 4);
        if (got < 4) {
            throw new IdxFormatException(file, "truncated: " + got + " bytes, shorter than the 4-byte magic number");
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new IdxFormatException(file, String.format(
                    "wrong magic number 0x%02x%02x%02x%02x: an IDX file starts with two zero bytes",
                    magic[0], magic[1], magic[2], magic[3]));
        }
        IdxType type = IdxType.ofCode(magic[2] & 0xff);
        if (type == null) {
            throw new IdxFormatException(file, String.format("unknown element type 0x%02x in the magic number", magic[2]));
        }
        int ndims = magic[3] & 0xff;
        if (ndims < 1 || ndims > MAX_DIMS) {
            throw new IdxFormatException(file, "implausible number of dimensions: " + ndims);
        }
        int[] dims = new int[ndims];
        long elements = 1;
        for (int i = 0; i < ndims; i++) {
            byte[] d = in.readNBytes(4);
            if (d.length < 4) {
                throw new IdxFormatException(file, "truncated inside the header (dimension " + (i + 1) + " of " + ndims + ")");
            }
            dims[i] = ((d[0] & 0xff) << 24) | ((d[1] & 0xff) << 16) | ((d[2] & 0xff) << 8) | (d[3] & 0xff);
            if (dims[i] <= 0) {
                throw new IdxFormatException(file, "dimension " + (i + 1) + " is " + dims[i] + ", must be positive");
            }
            elements *= dims[i];
        }
        long length = elements * type.bytes();
        if (length > Integer.MAX_VALUE - 16) {
            throw new IdxFormatException(file, "data of " + length + " bytes is too large to load into one array");
        }
        byte[] data = in.readNBytes((int) length);
        if (data.length < length) {
            throw new IdxFormatException(file, "truncated: header promises " + length + " data bytes, file has "
                    + data.length);
        }
        if (in.read() != -1) {
            throw new IdxFormatException(file, "corrupt: extra bytes after the " + length + " data bytes the header promises");
        }
        return new IdxArray(type, dims, data);
    }
}
