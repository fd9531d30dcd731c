package org.spuriouslab.models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spuriouslab.data.ImageDataset;
import org.spuriouslab.data.ImageSet;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassifierTest {

    @TempDir
    Path tmp;

    private static final ClassifierSpec SMALL = ClassifierSpec.mlp().hidden(64, 32).epochs(2).batchSize(32)
            .learningRate(1e-2).build();

    @Test
    void mlpLearnsRealImagesWellAboveChance() {
        ImageDataset ds = TestData.real();
        ImageSet train = ds.train().head(6000);
        ImageSet test = ds.test().head(2000);
        try (Classifier model = Classifier.train(ClassifierSpec.mlp().epochs(2).build(), train)) {
            double acc = model.accuracy(test);
            assertTrue(acc > 0.75, ds.name() + " test accuracy after 2 epochs on 6000 images: " + acc);
            TrainingHistory h = model.history();
            assertEquals(2, h.epochs().size());
            assertEquals(2, h.bestEpoch());
            assertFalse(h.stoppedEarly());
            assertTrue(h.epochs().get(1).trainLoss() < h.epochs().get(0).trainLoss(), h.toString());
            assertTrue(Double.isNaN(h.epochs().get(0).validationAccuracy()));
            assertEquals(2, h.table().rowCount());
            BufferedImage chart = h.chart();
            assertTrue(chart.getWidth() >= 600 && chart.getHeight() >= 500);

            float[][] p = model.probabilities(test.head(300));
            assertEquals(300, p.length);
            int[] predicted = model.predict(test.head(300));
            for (int i = 0; i < p.length; i++) {
                assertEquals(10, p[i].length);
                double sum = 0;
                int argmax = 0;
                for (int k = 0; k < p[i].length; k++) {
                    assertTrue(p[i][k] >= 0 && p[i][k] <= 1);
                    sum += p[i][k];
                    argmax = p[i][k] > p[i][argmax] ? k : argmax;
                }
                assertEquals(1.0, sum, 1e-5);
                assertEquals(argmax, predicted[i]);
            }
            float[][] f = model.features(test.head(50));
            assertEquals(50, f.length);
            assertEquals(256, model.featureDim());
            assertEquals(256, f[0].length);
            for (float[] row : f) {
                for (float v : row) {
                    assertTrue(v >= 0, "features come after a ReLU");
                }
            }
        }
    }

    @Test
    void sameSeedSameModelOtherSeedOtherModel() {
        ImageSet data = TestData.blocks(600, 10, 1);
        ImageSet probe = TestData.blocks(100, 10, 2);
        float[][] p1;
        float[][] p2;
        float[][] p3;
        TrainingHistory h1;
        TrainingHistory h2;
        try (Classifier a = Classifier.train(SMALL, data); Classifier b = Classifier.train(SMALL, data);
             Classifier c = Classifier.train(SMALL.toBuilder().seed(43).build(), data)) {
            p1 = a.probabilities(probe);
            p2 = b.probabilities(probe);
            p3 = c.probabilities(probe);
            h1 = a.history();
            h2 = b.history();
            assertEquals(a.accuracy(probe), b.accuracy(probe));
        }
        for (int i = 0; i < p1.length; i++) {
            assertArrayEquals(p1[i], p2[i], "same seed, same data: identical probabilities");
        }
        assertEquals(h1.epochs().get(1).trainLoss(), h2.epochs().get(1).trainLoss());
        assertFalse(Arrays.deepEquals(p1, p3), "another seed gives another model");
    }

    @Test
    void noNativeArraysAreLeftBehind() {
        ImageSet data = TestData.blocks(500, 10, 20);
        try (Classifier model = Classifier.train(SMALL.toBuilder().epochs(3).earlyStopPatience(5).build(), data)) {
            assertEquals(model.parameterCount(), model.liveArrays(), "after training only the parameters remain");
            model.probabilities(data);
            model.features(data);
            model.accuracy(data);
            model.setHead(model.headWeights(), model.headBias());
            assertEquals(model.parameterCount(), model.liveArrays(), "inference leaves nothing behind");
        }
        try (Vae vae = Vae.train(VaeSpec.builder().hidden(16).latent(2).epochs(2).build(), data)) {
            int before = vae.liveArrays();
            vae.reconstruct(data);
            assertEquals(before, vae.liveArrays());
            assertEquals(8, before, "encoder and decoder: 4 weights, 4 biases");
        }
    }

    @Test
    void anotherThreadTrainsAndPredictsTheSame() throws Exception {
        // notebook kernels may run cells on any thread; PyTorch's grad mode is per thread
        ImageSet data = TestData.blocks(400, 10, 21);
        float[][] here;
        try (Classifier model = Classifier.train(SMALL, data)) {
            here = model.probabilities(data.head(20));
        }
        float[][][] there = new float[1][][];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(() -> {
            try (Classifier model = Classifier.train(SMALL, data)) {
                there[0] = model.probabilities(data.head(20));
                assertEquals(model.parameterCount(), model.liveArrays());
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        t.start();
        t.join();
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
        for (int i = 0; i < here.length; i++) {
            assertArrayEquals(here[i], there[0][i]);
        }
    }

    @Test
    void invalidLabelsAndInputsAreRejected() {
        ImageSet data = TestData.blocks(50, 10, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Classifier.train(SMALL.toBuilder().numClasses(3).build(), data));
        assertTrue(e.getMessage().matches("label \\d+ of image \\d+ is outside 0..2.*"), e.getMessage());
        int[] labels = data.labels();
        labels[7] = -1;
        ImageSet negative = new ImageSet(data.toFloatArray(), labels, 8, 8);
        e = assertThrows(IllegalArgumentException.class, () -> Classifier.train(SMALL, negative));
        assertTrue(e.getMessage().startsWith("label -1 of image 7"), e.getMessage());
        IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                () -> Classifier.train(ClassifierSpec.cnn().channels(4, 4, 4, 4).build(), data));
        assertTrue(tooSmall.getMessage().contains("too small"), tooSmall.getMessage());
        try (Classifier model = Classifier.train(SMALL.toBuilder().epochs(1).build(), data)) {
            ImageSet wrongSize = new ImageSet(new float[2 * 4 * 4], new int[2], 4, 4);
            assertThrows(IllegalArgumentException.class, () -> model.predict(wrongSize));
            model.close();
            assertThrows(IllegalStateException.class, () -> model.predict(data));
        }
    }

    @Test
    void cnnHasTheRightShapesAndLearns() {
        ImageSet data = TestData.blocks(800, 10, 3);
        ImageSet probe = TestData.blocks(200, 10, 4);
        ClassifierSpec spec = ClassifierSpec.cnn().channels(4, 8).hidden(32).epochs(1).batchSize(32)
                .learningRate(1e-2).build();
        try (Classifier cnn = Classifier.train(spec, data)) {
            float[][] p = cnn.probabilities(probe);
            assertEquals(200, p.length);
            assertEquals(10, p[0].length);
            assertEquals(32, cnn.features(probe)[0].length);
            double acc = cnn.accuracy(probe);
            assertTrue(acc > 0.5, "CNN accuracy on the easy synthetic set after one epoch: " + acc);
        }
    }

    @Test
    void cnnOnRealImages() {
        ImageDataset ds = TestData.real();
        ClassifierSpec spec = ClassifierSpec.cnn().epochs(1).build();
        try (Classifier cnn = Classifier.train(spec, ds.train().head(2000))) {
            assertEquals(128, cnn.features(ds.test().head(10))[0].length);
            double acc = cnn.accuracy(ds.test().head(1000));
            assertTrue(acc > 0.4, "CNN after one epoch on 2000 images: " + acc);
        }
    }

    @Test
    void earlyStoppingKeepsTheBestEpoch() {
        // the easy set reaches 100 % validation accuracy in the first epoch, so epoch 2 cannot improve on it
        ImageSet data = TestData.blocks(600, 10, 5);
        ClassifierSpec oneEpoch = SMALL.toBuilder().epochs(1).earlyStopPatience(1).build();
        ClassifierSpec stopping = SMALL.toBuilder().epochs(4).earlyStopPatience(1).build();
        ImageSet probe = TestData.blocks(100, 10, 6);
        try (Classifier a = Classifier.train(oneEpoch, data); Classifier b = Classifier.train(stopping, data)) {
            assertEquals(1.0, a.history().epochs().get(0).validationAccuracy());
            TrainingHistory h = b.history();
            assertEquals(2, h.epochs().size(), "stops after one epoch without improvement");
            assertTrue(h.stoppedEarly());
            assertEquals(1, h.bestEpoch());
            assertEquals(1.0, h.best().validationAccuracy());
            float[][] pa = a.probabilities(probe);
            float[][] pb = b.probabilities(probe);
            for (int i = 0; i < pa.length; i++) {
                assertArrayEquals(pa[i], pb[i], "the kept parameters are those of epoch 1");
            }
            assertTrue(h.table().name().contains("stopped early"));
        }
    }

    @Test
    void saveLoadRoundTripGivesIdenticalPredictions() throws IOException {
        ImageSet data = TestData.blocks(400, 10, 7);
        ImageSet probe = TestData.blocks(100, 10, 8);
        Path dir = tmp.resolve("model");
        float[][] before;
        try (Classifier model = Classifier.train(SMALL, data)) {
            before = model.probabilities(probe);
            model.save(dir);
        }
        try (Classifier loaded = Classifier.load(dir)) {
            assertEquals(SMALL, loaded.spec());
            assertEquals(8, loaded.rows());
            float[][] after = loaded.probabilities(probe);
            for (int i = 0; i < before.length; i++) {
                assertArrayEquals(before[i], after[i]);
            }
            assertEquals(2, loaded.history().epochs().size());
            assertEquals(loaded.parameterCount(), loaded.liveArrays(), "no initial parameters left behind");
        }
    }

    @Test
    void truncatedOrCorruptFilesAreClearErrors() throws IOException {
        ImageSet data = TestData.blocks(200, 10, 9);
        Path dir = tmp.resolve("model");
        try (Classifier model = Classifier.train(SMALL.toBuilder().epochs(1).build(), data)) {
            model.save(dir);
        }
        Path params = dir.resolve(ModelFiles.PARAMETERS);
        byte[] original = Files.readAllBytes(params);
        try (RandomAccessFile f = new RandomAccessFile(params.toFile(), "rw")) {
            f.setLength(original.length / 2);
        }
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Classifier.load(dir));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());

        byte[] flipped = original.clone();
        flipped[flipped.length - 3] ^= 0x55;
        Files.write(params, flipped);
        e = assertThrows(ModelFormatException.class, () -> Classifier.load(dir));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());

        Files.write(params, original);
        Classifier.load(dir).close();
        Path props = dir.resolve(ModelFiles.PROPERTIES);
        String text = Files.readString(props);
        Files.writeString(props, text.replace("hidden=64,32", "hidden=64,16").replace("hidden\\=[64,32]", "hidden\\=[64,16]"));
        e = assertThrows(ModelFormatException.class, () -> Classifier.load(dir));
        assertTrue(e.getMessage().contains("does not fit the network"), e.getMessage());
        Files.writeString(props, text.replace("hidden=64,32", "hidden=64,16"));
        e = assertThrows(ModelFormatException.class, () -> Classifier.load(dir));
        assertTrue(e.getMessage().contains("the saved fields give"), e.getMessage());
        Files.writeString(props, text);
        assertThrows(ModelFormatException.class, () -> Vae.load(dir), "a classifier folder is not a VAE");
        assertThrows(ModelFormatException.class, () -> Classifier.load(tmp.resolve("nothing-here")));
        Files.delete(dir.resolve(ModelFiles.PROPERTIES));
        e = assertThrows(ModelFormatException.class, () -> Classifier.load(dir));
        assertTrue(e.getMessage().contains("not a saved model"), e.getMessage());
    }

    @Test
    void headCanBeReadAndReplaced() {
        ImageSet data = TestData.blocks(300, 10, 10);
        try (Classifier model = Classifier.train(SMALL.toBuilder().epochs(1).build(), data)) {
            float[][] w = model.headWeights();
            float[] b = model.headBias();
            assertEquals(10, w.length);
            assertEquals(32, w[0].length);
            assertEquals(10, b.length);
            // a head that only knows class 3
            float[][] zeros = new float[10][32];
            float[] bias = new float[10];
            bias[3] = 5;
            model.setHead(zeros, bias);
            assertTrue(Arrays.stream(model.predict(data)).allMatch(p -> p == 3));
            model.setHead(w, b);
            assertArrayEquals(b, model.headBias());
            assertNotEquals(0, Arrays.stream(model.predict(data)).filter(p -> p != 3).count());
            assertThrows(IllegalArgumentException.class, () -> model.setHead(new float[9][32], new float[9]));
        }
    }
}
