package org.spuriouslab.models;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spuriouslab.data.ImageSet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCacheTest {

    private static Path root;
    private static String previous;

    @BeforeAll
    static void useTempCache() throws IOException {
        root = Files.createTempDirectory("spurious-cache-test");
        previous = System.getProperty(ModelCache.PROPERTY);
        System.setProperty(ModelCache.PROPERTY, root.toString());
    }

    @AfterAll
    static void restore() throws IOException {
        if (previous == null) {
            System.clearProperty(ModelCache.PROPERTY);
        } else {
            System.setProperty(ModelCache.PROPERTY, previous);
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static final ClassifierSpec SPEC = ClassifierSpec.mlp().hidden(64, 32).epochs(2).batchSize(32)
            .learningRate(1e-2).build();

    private static String captured(IORunnable r) throws IOException {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        System.out.print(out);
        return out;
    }

    interface IORunnable {
        void run() throws IOException;
    }

    @Test
    void secondCallLoadsTheSameModel() throws IOException {
        assumeEnvDoesNotOverride();
        ImageSet data = TestData.blocks(2000, 10, 11);
        ImageSet probe = TestData.blocks(100, 10, 12);
        float[][][] p = new float[2][][];
        long[] nanos = new long[2];
        String first = captured(() -> {
            long t = System.nanoTime();
            try (Classifier c = ModelCache.classifier(SPEC, data)) {
                nanos[0] = System.nanoTime() - t;
                p[0] = c.probabilities(probe);
            }
        });
        assertTrue(first.contains("saved classifier to cache"), first);
        Path entry = ModelCache.entry("classifier", SPEC, data);
        assertTrue(Files.isRegularFile(entry.resolve(ModelFiles.PROPERTIES)), entry.toString());
        assertTrue(entry.startsWith(root));
        String second = captured(() -> {
            long t = System.nanoTime();
            try (Classifier c = ModelCache.classifier(SPEC, data)) {
                nanos[1] = System.nanoTime() - t;
                p[1] = c.probabilities(probe);
                assertEquals(SPEC, c.spec());
            }
        });
        assertTrue(second.startsWith("loaded classifier from cache (" + entry + ")"), second);
        assertTrue(nanos[1] < nanos[0], "loading (" + nanos[1] / 1e6 + " ms) is faster than training ("
                + nanos[0] / 1e6 + " ms)");
        for (int i = 0; i < p[0].length; i++) {
            assertArrayEquals(p[0][i], p[1][i]);
        }
        try (Stream<Path> s = Files.list(root)) {
            assertTrue(s.noneMatch(f -> f.getFileName().toString().startsWith(".")), "no temporary folders left");
        }
    }

    @Test
    void keyChangesWithSpecAndData() {
        ImageSet data = TestData.blocks(100, 10, 13);
        String k = ModelCache.key(SPEC, data);
        assertEquals(64, k.length());
        assertEquals(k, ModelCache.key(SPEC.toBuilder().build(), TestData.blocks(100, 10, 13)));
        assertNotEquals(k, ModelCache.key(SPEC.toBuilder().epochs(3).build(), data));
        assertNotEquals(k, ModelCache.key(SPEC.toBuilder().seed(1).build(), data));
        float[] px = data.toFloatArray();
        px[500] = Math.nextUp(px[500]);
        ImageSet onePixel = new ImageSet(px, data.labels(), 8, 8);
        assertNotEquals(ModelCache.fingerprint(data), ModelCache.fingerprint(onePixel));
        int[] labels = data.labels();
        labels[0] = (labels[0] + 1) % 10;
        assertNotEquals(ModelCache.fingerprint(data),
                ModelCache.fingerprint(new ImageSet(data.toFloatArray(), labels, 8, 8)));
        assertNotEquals(ModelCache.fingerprint(data),
                ModelCache.fingerprint(new ImageSet(data.toFloatArray(), data.labels(), 4, 16)));
        assertNotEquals(ModelCache.entry("classifier", SPEC, data), ModelCache.entry("vae", SPEC, data));
    }

    @Test
    void corruptEntryIsDeletedAndRetrained() throws IOException {
        assumeEnvDoesNotOverride();
        ImageSet data = TestData.blocks(300, 10, 14);
        ClassifierSpec spec = SPEC.toBuilder().epochs(1).build();
        float[][] before;
        try (Classifier c = ModelCache.classifier(spec, data)) {
            before = c.probabilities(data.head(10));
        }
        Path params = ModelCache.entry("classifier", spec, data).resolve(ModelFiles.PARAMETERS);
        try (RandomAccessFile f = new RandomAccessFile(params.toFile(), "rw")) {
            f.setLength(100);
        }
        String out = captured(() -> {
            try (Classifier c = ModelCache.classifier(spec, data)) {
                float[][] after = c.probabilities(data.head(10));
                for (int i = 0; i < after.length; i++) {
                    assertArrayEquals(before[i], after[i], "retrained with the same seed");
                }
            }
        });
        assertTrue(out.contains("warning: unreadable cache entry") && out.contains("truncated"), out);
        assertTrue(out.contains("saved classifier to cache"), out);
        String again = captured(() -> ModelCache.classifier(spec, data).close());
        assertTrue(again.startsWith("loaded classifier from cache"), again);
    }

    @Test
    void vaeIsCachedToo() throws IOException {
        assumeEnvDoesNotOverride();
        ImageSet data = TestData.blocks(200, 10, 15);
        VaeSpec spec = VaeSpec.builder().hidden(16).latent(2).epochs(1).build();
        ModelCache.vae(spec, data).close();
        String out = captured(() -> {
            try (Vae v = ModelCache.vae(spec, data)) {
                assertEquals(2, v.latentDim());
            }
        });
        assertTrue(out.startsWith("loaded vae from cache"), out);
    }

    private static void assumeEnvDoesNotOverride() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv(ModelCache.ENV) == null,
                ModelCache.ENV + " is set and overrides the test's cache folder");
    }
}
