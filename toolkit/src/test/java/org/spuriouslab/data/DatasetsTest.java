package org.spuriouslab.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetsTest {

    @TempDir
    Path dir;

    private void writeDataset(boolean gz) throws IOException {
        String ext = gz ? ".gz" : "";
        IdxTestFiles.writeImages(dir.resolve("train-images-idx3-ubyte" + ext), dir.resolve("train-labels-idx1-ubyte" + ext),
                20, 4, 3, gz);
        IdxTestFiles.writeImages(dir.resolve("t10k-images-idx3-ubyte" + ext), dir.resolve("t10k-labels-idx1-ubyte" + ext),
                10, 4, 3, gz);
        List<String> lines = new ArrayList<>(List.of("file\tsize\tsha256\tsource"));
        for (String f : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte")) {
            Path p = dir.resolve(f + ext);
            lines.add(p.getFileName() + "\t" + Files.size(p) + "\t" + Datasets.sha256(p) + "\ttest");
        }
        Files.write(dir.resolve(Datasets.FETCHED), lines);
    }

    @Test
    void loadsVerifiedDatasetWithSplitsAndChecksums() throws Exception {
        writeDataset(true);
        ImageDataset ds = Datasets.load(DatasetKind.MNIST, dir);
        assertEquals("MNIST", ds.name());
        assertEquals(20, ds.train().size());
        assertEquals(10, ds.test().size());
        assertEquals(4, ds.train().rows());
        assertEquals(3, ds.train().cols());
        assertEquals(3, ds.train().label(13));
        assertEquals(30 / 255f, ds.train().image(3)[5], 1e-6);
        assertEquals(4, ds.files().size());
        assertEquals(64, ds.files().get(0).sha256().length());
        assertEquals(2, ds.summary().rowCount());
        assertEquals(10, ds.classTable().rowCount());
    }

    @Test
    void loadsUncompressedFiles() throws Exception {
        writeDataset(false);
        assertEquals(20, Datasets.load(DatasetKind.FASHION_MNIST, dir).train().size());
    }

    @Test
    void corruptFileFailsChecksumAndSaysHowToFix() throws Exception {
        writeDataset(true);
        Path f = dir.resolve("train-labels-idx1-ubyte.gz");
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 0x55;
        Files.write(f, b);
        IOException e = assertThrows(IOException.class, () -> Datasets.load(DatasetKind.MNIST, dir));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertTrue(e.getMessage().contains("data-fetch/fetch mnist"), e.getMessage());
    }

    @Test
    void truncatedFileFailsOnSize() throws Exception {
        writeDataset(false);
        Path f = dir.resolve("t10k-images-idx3-ubyte");
        Files.write(f, java.util.Arrays.copyOf(Files.readAllBytes(f), 50));
        IOException e = assertThrows(IOException.class, () -> Datasets.load(DatasetKind.MNIST, dir));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void missingDatasetNamesTheFetchCommand() {
        DatasetMissingException e = assertThrows(DatasetMissingException.class,
                () -> Datasets.load(DatasetKind.FASHION_MNIST, dir.resolve("empty")));
        assertTrue(e.getMessage().contains("data-fetch/fetch fashion-mnist"), e.getMessage());
    }

    @Test
    void labelCountMismatchIsAnError() throws Exception {
        Path img = dir.resolve("i");
        Path lab = dir.resolve("l");
        IdxTestFiles.writeImages(img, dir.resolve("unused"), 5, 2, 2, false);
        IdxTestFiles.writeImages(dir.resolve("unused2"), lab, 4, 2, 2, false);
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> Datasets.images(img, lab, DatasetKind.MNIST));
        assertTrue(e.getMessage().contains("4 labels for 5 images"), e.getMessage());
    }

    @Test
    void wrongShapeIsAnError() throws Exception {
        Path img = dir.resolve("flat");
        Files.write(img, IdxTestFiles.idx(0x08, new int[]{4}, new byte[4]));
        Path lab = dir.resolve("lab");
        Files.write(lab, IdxTestFiles.idx(0x08, new int[]{4}, new byte[4]));
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> Datasets.images(img, lab, DatasetKind.MNIST));
        assertTrue(e.getMessage().contains("N×rows×cols"), e.getMessage());
    }
}
