package org.spuriouslab.hooks;

import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.spuriouslab.data.ImageSet;
import org.spuriouslab.models.Classifier;
import org.spuriouslab.models.ClassifierSpec;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hooks on trained {@link Classifier}s (synthetic 8×8 images, a few seconds). */
class HookedClassifierTest {

    /** Noise in [0, 0.3] plus one bright 2×2 block whose position encodes the class (4 classes). */
    static ImageSet blocks(int n, long seed) {
        Random rnd = new Random(seed);
        float[] px = new float[n * 64];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(4);
            labels[i] = c;
            for (int j = 0; j < 64; j++) {
                px[i * 64 + j] = rnd.nextFloat() * 0.3f;
            }
            for (int d = 0; d < 4; d++) {
                px[i * 64 + (2 * c + d / 2) * 8 + 2 * c + d % 2] = 1f;
            }
        }
        return new ImageSet(px, labels, 8, 8);
    }

    @Test
    void mlpHiddenLayersCanBeRecordedAndReplaced() {
        ImageSet train = blocks(400, 1);
        ImageSet test = blocks(50, 2);
        ClassifierSpec spec = ClassifierSpec.mlp().hidden(16, 8).numClasses(4).epochs(3).batchSize(32)
                .learningRate(1e-2).seed(7).build();
        try (Classifier model = Classifier.train(spec, train)) {
            assertTrue(model.accuracy(test) > 0.9, "the model learned the task");
            HookedNetwork net = model.hooked();
            assertEquals(List.of("linear 1", "hidden 1", "linear 2", "hidden 2", "head"), net.units());
            assertEquals("hidden 2", net.penultimate());
            assertEquals(new Shape(8), net.outputShape("hidden 2"));
            assertEquals(new Shape(4), net.outputShape("head"));

            float[][] logits = model.logits(test);
            float[][] features = model.features(test);
            assertArrayEquals(logits, net.forward(test), "unhooked pass = the classifier's logits");
            try (Hooks hooks = net.hooks().record("hidden 2", "head")) {
                assertArrayEquals(logits, net.forward(test));
                assertArrayEquals(features, hooks.recorded("hidden 2"), "hidden 2 = the penultimate features");
                assertArrayEquals(logits, hooks.recorded("head"));
            }

            float[][] fromFeatures = net.forwardFrom("hidden 2", features);
            for (int i = 0; i < logits.length; i++) {
                assertArrayEquals(logits[i], fromFeatures[i], 1e-5f, "head(features) = logits");
            }

            // do(penultimate := 0): every row's logits are the head bias
            float[] bias = model.headBias();
            try (Hooks hooks = net.hooks().replace(net.penultimate(), new float[model.featureDim()]).record("hidden 1")) {
                float[][] patched = net.forward(test);
                for (float[] row : patched) {
                    assertArrayEquals(bias, row, 0f);
                }
                assertEquals(test.size(), hooks.recordedRows("hidden 1"));
            }
            // replacing an earlier layer by its mean over the test set: downstream = head(relu(linear 2(mean)))
            float[] mean = new float[16];
            try (Hooks hooks = net.hooks().record("hidden 1")) {
                net.forward(test);
                for (float[] r : hooks.recorded("hidden 1")) {
                    for (int j = 0; j < 16; j++) {
                        mean[j] += r[j] / test.size();
                    }
                }
            }
            try (Hooks hooks = net.hooks().replace("hidden 1", mean)) {
                float[][] patched = net.forward(test);
                for (float[] row : patched) {
                    assertArrayEquals(patched[0], row, 1e-6f, "all rows get the same logits");
                }
                assertTrue(!java.util.Arrays.equals(patched[0], logits[0]));
            }
            assertArrayEquals(logits, model.logits(test), "the classifier itself is never hooked");
            ImageSet small = new ImageSet(new float[16], new int[]{0}, 4, 4);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.forward(small));
            assertTrue(e.getMessage().contains("64"), e.getMessage());
        }
    }

    @Test
    void cnnUnitsAreNamedAndHookable() {
        ImageSet train = blocks(200, 4);
        ClassifierSpec spec = ClassifierSpec.cnn().channels(4).hidden(6).numClasses(4).epochs(1).batchSize(32)
                .learningRate(1e-2).seed(3).build();
        try (Classifier model = Classifier.train(spec, train)) {
            HookedNetwork net = model.hooked();
            assertEquals(List.of("image", "conv 1", "conv 1 relu", "pool 1", "flatten", "linear 1", "hidden 1", "head"),
                    net.units());
            assertEquals(new Shape(4, 4, 4), net.outputShape("pool 1"));
            ImageSet test = blocks(20, 5);
            try (Hooks hooks = net.hooks().record("pool 1", "hidden 1")) {
                assertArrayEquals(model.logits(test), net.forward(test));
                assertEquals(new Shape(4, 4, 4), hooks.recordedShape("pool 1"));
                assertEquals(64, hooks.recorded("pool 1")[0].length);
                assertArrayEquals(model.features(test), hooks.recorded("hidden 1"));
            }
            float[] zeros = new float[64];
            try (Hooks hooks = net.hooks().replace("pool 1", zeros).record("flatten")) {
                float[][] patched = net.forward(test);
                for (float[] row : patched) {
                    assertArrayEquals(patched[0], row, 1e-6f, "all rows get the same logits");
                }
                assertArrayEquals(zeros, hooks.recorded("flatten")[3], 0f);
            }
        }
    }
}
