package org.spuriouslab.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spuriouslab.data.IdxTestFiles.gzip;
import static org.spuriouslab.data.IdxTestFiles.idx;

class IdxReaderTest {

    @TempDir
    Path dir;

    private final byte[] data = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    @Test
    void readsRawFile() throws Exception {
        Path f = dir.resolve("a.idx");
        Files.write(f, idx(0x08, new int[]{3, 2, 2}, data));
        IdxArray a = IdxReader.read(f);
        assertEquals(IdxType.UNSIGNED_BYTE, a.type());
        assertArrayEquals(new int[]{3, 2, 2}, a.dims());
        assertArrayEquals(data, a.data());
        assertEquals("3×2×2", a.shape());
    }

    @Test
    void readsGzipFileDetectedFromContent() throws Exception {
        Path f = dir.resolve("a.idx.gz");
        Files.write(f, gzip(idx(0x08, new int[]{12}, data)));
        assertArrayEquals(data, IdxReader.read(f).data());
    }

    @Test
    void truncatedDataNamesFileAndCounts() throws Exception {
        Path f = dir.resolve("short.idx");
        Files.write(f, idx(0x08, new int[]{3, 2, 2}, Arrays.copyOf(data, 7)));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(f));
        assertTrue(e.getMessage().contains("short.idx"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("12") && e.getMessage().contains("7"), e.getMessage());
        assertEquals(f, e.file());
    }

    @Test
    void truncatedGzipIsAnError() throws Exception {
        byte[] gz = gzip(idx(0x08, new int[]{3, 2, 2}, data));
        Path f = dir.resolve("cut.gz");
        Files.write(f, Arrays.copyOf(gz, gz.length - 12));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(f));
        assertTrue(e.getMessage().contains("cut.gz"), e.getMessage());
    }

    @Test
    void truncatedHeaderIsAnError() throws Exception {
        Path f = dir.resolve("header.idx");
        Files.write(f, Arrays.copyOf(idx(0x08, new int[]{3, 2, 2}, data), 9));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(f));
        assertTrue(e.getMessage().contains("header"), e.getMessage());
    }

    @Test
    void wrongMagicIsAnError() throws Exception {
        Path f = dir.resolve("magic.idx");
        byte[] bytes = idx(0x08, new int[]{12}, data);
        bytes[0] = 0x50; // e.g. a PNG or text file
        Files.write(f, bytes);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(f));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
    }

    @Test
    void unknownElementTypeIsAnError() throws Exception {
        Path f = dir.resolve("type.idx");
        Files.write(f, idx(0x07, new int[]{12}, data));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(f));
        assertTrue(e.getMessage().contains("element type"), e.getMessage());
    }

    @Test
    void extraBytesAfterDataAreAnError() throws Exception {
        Path f = dir.resolve("long.idx");
        byte[] bytes = idx(0x08, new int[]{10}, data); // header promises 10, file has 12
        Files.write(f, bytes);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(f));
        assertTrue(e.getMessage().contains("extra bytes"), e.getMessage());
    }

    @Test
    void zeroDimensionIsAnError() throws Exception {
        Path f = dir.resolve("zero.idx");
        Files.write(f, idx(0x08, new int[]{0, 2}, new byte[0]));
        assertThrows(IdxFormatException.class, () -> IdxReader.read(f));
    }

    @Test
    void missingFileIsNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> IdxReader.read(dir.resolve("nope.idx")));
    }

    @Test
    void multiByteTypesKeepTheirLength() throws Exception {
        Path f = dir.resolve("int.idx");
        Files.write(f, idx(0x0C, new int[]{3}, data)); // 3 ints = 12 bytes
        IdxArray a = IdxReader.read(f);
        assertEquals(IdxType.INT, a.type());
        assertEquals(3, a.elementCount());
    }
}
