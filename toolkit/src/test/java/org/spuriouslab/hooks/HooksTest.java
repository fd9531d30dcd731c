package org.spuriouslab.hooks;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hooks on a tiny network with known weights: Linear 4→3, ReLU, Linear 3→2. */
class HooksTest {

    static final float[][] W1 = {{1, 0, -1, 2}, {0.5f, 1, 0, -1}, {-1, 1, 1, 0}};
    static final float[] B1 = {0.1f, -0.2f, 0.3f};
    static final float[][] W2 = {{1, -2, 0.5f}, {0, 1, 1}};
    static final float[] B2 = {0.25f, -0.5f};
    static final float[][] X = {{1, 2, 3, 4}, {-1, 0.5f, 2, -3}, {0, 0, 0, 0}, {2, -1, 0.5f, 1}};

    NDManager manager;
    SequentialBlock plain;

    @BeforeEach
    void build() {
        manager = Engine.getEngine("PyTorch").newBaseManager(Device.cpu());
        Linear l1 = Linear.builder().setUnits(3).build();
        Linear l2 = Linear.builder().setUnits(2).build();
        plain = new SequentialBlock().add(l1).add(Activation.reluBlock()).add(l2);
        plain.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
        set(l1, W1, B1);
        set(l2, W2, B2);
    }

    @AfterEach
    void free() {
        manager.close();
    }

    private static void set(Linear l, float[][] w, float[] b) {
        float[] flat = new float[w.length * w[0].length];
        for (int i = 0; i < w.length; i++) {
            System.arraycopy(w[i], 0, flat, i * w[0].length, w[0].length);
        }
        l.getParameters().get("weight").getArray().set(flat);
        l.getParameters().get("bias").getArray().set(b);
    }

    static float[] affine(float[][] w, float[] b, float[] x) {
        float[] y = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            double s = b[i];
            for (int j = 0; j < x.length; j++) {
                s += (double) w[i][j] * x[j];
            }
            y[i] = (float) s;
        }
        return y;
    }

    static float[] relu(float[] x) {
        float[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.max(0, y[i]);
        }
        return y;
    }

    static void assertRowsClose(float[][] expected, float[][] actual) {
        assertEquals(expected.length, actual.length, "rows");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 1e-5f, "row " + i);
        }
    }

    @Test
    void namesUnitsAndKnowsShapes() {
        HookedNetwork net = HookedNetwork.wrap(plain);
        assertEquals(List.of("linear 1", "relu 1", "linear 2"), net.units());
        assertEquals(new Shape(4), net.inputShape());
        assertEquals(new Shape(3), net.outputShape("relu 1"));
        assertEquals(new Shape(2), net.outputShape("linear 2"));
        assertEquals("relu 1", net.penultimate());
    }

    @Test
    void recordsHiddenOutputsAsComputedByHand() {
        HookedNetwork net = HookedNetwork.wrap(plain, List.of("pre", "hidden", "out"));
        float[][] out;
        try (Hooks hooks = net.hooks().record("pre", "hidden")) {
            out = net.forward(X);
            assertEquals(X.length, hooks.recordedRows("hidden"));
            assertEquals(new Shape(3), hooks.recordedShape("hidden"));
            float[][] pre = hooks.recorded("pre");
            float[][] hidden = hooks.recorded("hidden");
            for (int i = 0; i < X.length; i++) {
                float[] z = affine(W1, B1, X[i]);
                assertArrayEquals(z, pre[i], 1e-5f, "pre-activation row " + i);
                assertArrayEquals(relu(z), hidden[i], 1e-5f, "hidden row " + i);
                assertArrayEquals(affine(W2, B2, relu(z)), out[i], 1e-5f, "output row " + i);
            }
        }
    }

    @Test
    void replacingHiddenByAConstantGivesTheHeadOfThatConstantForEveryRow() {
        HookedNetwork net = HookedNetwork.wrap(plain, List.of("pre", "hidden", "out"));
        float[] c = {2f, -1f, 0.5f};
        float[] expected = affine(W2, B2, c); // {4.5, -1.0}
        try (Hooks hooks = net.hooks().record("pre", "hidden").replace("hidden", c)) {
            float[][] out = net.forward(X);
            for (int i = 0; i < X.length; i++) {
                assertArrayEquals(expected, out[i], 1e-6f, "row " + i);
                // the unit before is untouched; the replaced unit passes the constant on
                assertArrayEquals(affine(W1, B1, X[i]), hooks.recorded("pre")[i], 1e-5f);
                assertArrayEquals(c, hooks.recorded("hidden")[i], 0f);
            }
        }
        assertArrayEquals(new float[]{4.5f, -1f}, expected, 1e-6f);
    }

    @Test
    void replacingByAnNDArrayAndByAFunction() {
        HookedNetwork net = HookedNetwork.wrap(plain);
        float[][] unhooked = Forward.run(plain, X);
        try (Hooks hooks = net.hooks()) {
            hooks.replace("relu 1", manager.create(new float[]{1, 1, 1}));
            hooks.replaceWith("linear 2", y -> y.mul(2));
            float[][] out = net.forward(X);
            float[] expected = affine(W2, B2, new float[]{1, 1, 1});
            for (float[] row : out) {
                assertArrayEquals(new float[]{2 * expected[0], 2 * expected[1]}, row, 1e-6f);
            }
        }
        try (Hooks hooks = net.hooks().replaceWith("linear 2", y -> y.mul(2))) {
            float[][] out = net.forward(X);
            for (int i = 0; i < X.length; i++) {
                assertArrayEquals(new float[]{2 * unhooked[i][0], 2 * unhooked[i][1]}, out[i], 0f);
            }
        }
    }

    @Test
    void replacingOneNeuronKeepsTheOthersExactly() {
        HookedNetwork net = HookedNetwork.wrap(plain);
        float[][] before;
        try (Hooks hooks = net.hooks().record("relu 1")) {
            net.forward(X);
            before = hooks.recorded("relu 1");
        }
        try (Hooks hooks = net.hooks().replaceAt("relu 1", new int[]{1}, new float[]{5f}).record("relu 1")) {
            float[][] out = net.forward(X);
            float[][] after = hooks.recorded("relu 1");
            for (int i = 0; i < X.length; i++) {
                float[] h = relu(affine(W1, B1, X[i]));
                h[1] = 5f;
                assertArrayEquals(affine(W2, B2, h), out[i], 1e-5f, "row " + i);
                assertEquals(5f, after[i][1]);
                assertEquals(before[i][0], after[i][0]);
                assertEquals(before[i][2], after[i][2]);
            }
            assertThrows(IllegalArgumentException.class, () -> hooks.replaceAt("relu 1", new int[]{3}, new float[]{1}));
            assertThrows(IllegalArgumentException.class, () -> hooks.replaceAt("relu 1", new int[]{0, 1}, new float[]{1}));
            assertThrows(IllegalArgumentException.class, () -> hooks.replaceAt("relu 1", new int[]{1, 1}, new float[]{1, 2}));
        }
    }

    @Test
    void hooksWithoutReplacementReproduceTheUnhookedOutputBitForBit() {
        float[][] unhooked = Forward.run(plain, X);
        HookedNetwork net = HookedNetwork.wrap(plain);
        assertArrayEquals(unhooked, net.forward(X));
        try (Hooks hooks = net.hooks()) {
            assertArrayEquals(unhooked, net.forward(X));
            hooks.record("linear 1", "relu 1", "linear 2");
            assertArrayEquals(unhooked, net.forward(X));
            assertArrayEquals(unhooked, hooks.recorded("linear 2"));
        }
    }

    @Test
    void hooksActOnlyInsideTheirScope() {
        float[][] unhooked = Forward.run(plain, X);
        HookedNetwork net = HookedNetwork.wrap(plain);
        Hooks hooks = net.hooks().record("relu 1").replace("relu 1", new float[3]);
        float[][] patched = net.forward(X);
        assertFalse(java.util.Arrays.deepEquals(unhooked, patched));
        hooks.close();
        assertTrue(hooks.isClosed());
        assertArrayEquals(unhooked, net.forward(X), "after close the network runs unhooked");
        assertEquals(X.length, hooks.recordedRows("relu 1"), "no recording after close");
        assertThrows(IllegalStateException.class, () -> hooks.record("relu 1"));
        hooks.close(); // twice is fine
        // on another thread the open hooks do not act
        try (Hooks open = net.hooks().replace("relu 1", new float[3])) {
            float[][][] other = new float[1][][];
            Thread t = new Thread(() -> other[0] = net.forward(X));
            t.start();
            t.join();
            assertArrayEquals(unhooked, other[0]);
            assertFalse(java.util.Arrays.deepEquals(unhooked, net.forward(X)));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aHookedBlockInsideAnyDjlBlockWorksWithPlainForward() {
        // wrap the trained layers into a new block: parameters are shared, not re-initialised
        Linear l1 = (Linear) plain.getChildren().get(0).getValue();
        HookedBlock hidden = new HookedBlock("hidden", plain.getChildren().get(1).getValue());
        SequentialBlock net = new SequentialBlock().add(l1).add(hidden).add(plain.getChildren().get(2).getValue());
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 4)); // keeps the trained parameters
        assertArrayEquals(Forward.run(plain, X), Forward.run(net, X));
        try (NDManager m = manager.newSubManager(); Hooks hooks = Hooks.on(hidden)) {
            hooks.record("hidden").replace("hidden", new float[]{0, 0, 0});
            float[] y = net.forward(new ParameterStore(m, false), new NDList(m.create(X[0], new Shape(1, 4))), false)
                    .singletonOrThrow().toFloatArray();
            assertArrayEquals(B2, y, 1e-6f);
            assertArrayEquals(new float[3], hooks.recorded("hidden")[0], 0f);
        }
    }

    @Test
    void wrappingKeepsParametersAndSavedFiles() throws IOException {
        HookedNetwork net = HookedNetwork.wrap(plain);
        var a = plain.getParameters().values();
        var b = net.block().getParameters().values();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertSame(a.get(i), b.get(i));
        }
        assertArrayEquals(bytes(plain), bytes(net.block()));
    }

    private static byte[] bytes(SequentialBlock block) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (DataOutputStream os = new DataOutputStream(bos)) {
            block.saveParameters(os);
        }
        return bos.toByteArray();
    }

    @Test
    void clearErrors() {
        HookedNetwork net = HookedNetwork.wrap(plain);
        try (Hooks hooks = net.hooks()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> hooks.record("hidden 9"));
            assertTrue(e.getMessage().contains("hidden 9") && e.getMessage().contains("relu 1"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> hooks.replace("nope", new float[3]));
            assertThrows(IllegalArgumentException.class, () -> hooks.recorded("linear 1"), "not recorded");
            e = assertThrows(IllegalArgumentException.class, () -> hooks.replace("relu 1", new float[4]));
            assertTrue(e.getMessage().contains("4 values") && e.getMessage().contains("3 values"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> hooks.replace("relu 1", manager.create(new float[3]).reshape(3, 1)));
            hooks.replaceWith("relu 1", y -> y.get(":, :2"));
            e = assertThrows(IllegalArgumentException.class, () -> net.forward(X));
            assertTrue(e.getMessage().contains("relu 1"), e.getMessage());
            assertThrows(IllegalStateException.class, net::hooks, "one scope per thread");
        }
        assertThrows(IllegalArgumentException.class, () -> net.unit("x"));
        assertThrows(IllegalArgumentException.class, () -> net.forward(new float[][]{{1, 2, 3}}));
        assertThrows(IllegalArgumentException.class, () -> HookedNetwork.wrap(plain, List.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> HookedNetwork.wrap(plain, List.of("a", "a", "b")));
        // free-standing units: shapes are not known up front, a wrong size fails in the pass
        HookedBlock hidden = new HookedBlock("hidden", Activation.reluBlock());
        SequentialBlock seq = new SequentialBlock().add(plain.getChildren().get(0).getValue()).add(hidden);
        try (Hooks hooks = Hooks.on(hidden).replace("hidden", new float[5])) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Forward.run(seq, X));
            assertTrue(e.getMessage().contains("5 values") && e.getMessage().contains("(3)"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new HookedBlock(" ", hidden.block()));
        assertThrows(IllegalArgumentException.class, () -> new HookedBlock("again", hidden));
    }

    @Test
    void forwardFromALaterUnitSkipsTheEarlierOnes() {
        HookedNetwork net = HookedNetwork.wrap(plain);
        float[][] hidden;
        float[][] out;
        try (Hooks hooks = net.hooks().record("relu 1")) {
            out = net.forward(X);
            hidden = hooks.recorded("relu 1");
        }
        assertRowsClose(out, net.forwardFrom("relu 1", hidden));
        float[][] constant = {{2f, -1f, 0.5f}, {2f, -1f, 0.5f}};
        assertRowsClose(new float[][]{{4.5f, -1f}, {4.5f, -1f}}, net.forwardFrom("relu 1", constant));
        try (Hooks hooks = net.hooks().replaceWith("linear 2", y -> y.mul(0))) {
            assertArrayEquals(new float[2], net.forwardFrom("relu 1", hidden)[0], 0f);
        }
        // hooks on the starting unit act on the fed rows, as in a full pass
        try (Hooks hooks = net.hooks().replace("relu 1", new float[]{2f, -1f, 0.5f}).record("relu 1")) {
            float[][] patched = net.forwardFrom("relu 1", hidden);
            for (float[] row : patched) {
                assertArrayEquals(new float[]{4.5f, -1f}, row, 1e-6f);
            }
            assertArrayEquals(new float[]{2f, -1f, 0.5f}, hooks.recorded("relu 1")[0], 0f);
            assertRowsClose(net.forward(X), patched);
        }
        assertThrows(IllegalArgumentException.class, () -> net.forwardFrom("relu 1", new float[][]{{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> net.forwardFrom("linear 2", out));
    }

    @Test
    void recordingsAppendOverPassesAndChunks() {
        HookedNetwork net = HookedNetwork.wrap(plain);
        int n = Forward.CHUNK + 7;
        float[][] many = new float[n][];
        for (int i = 0; i < n; i++) {
            many[i] = X[i % X.length];
        }
        try (Hooks hooks = net.hooks().record("relu 1")) {
            net.forward(many);
            net.forward(X);
            float[][] h = hooks.recorded("relu 1");
            assertEquals(n + X.length, h.length);
            assertArrayEquals(relu(affine(W1, B1, X[(n - 1) % X.length])), h[n - 1], 1e-5f);
            assertArrayEquals(relu(affine(W1, B1, X[3])), h[n + 3], 1e-5f);
        }
    }
}
