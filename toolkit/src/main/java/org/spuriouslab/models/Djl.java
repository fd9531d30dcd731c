package org.spuriouslab.models;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

/** The DJL engine this package uses (PyTorch, CPU) and the few engine-level switches it needs. */
final class Djl {

    static final String ENGINE = "PyTorch";

    private Djl() {
    }

    static Engine engine() {
        return Engine.getEngine(ENGINE);
    }

    /** A new top-level manager on the CPU; close it to free everything it owns. */
    static NDManager newManager() {
        return engine().newBaseManager(Device.cpu());
    }

    /** Seeds the engine's random generator (parameter initialisation, normal noise). */
    static void seed(long seed) {
        engine().setRandomSeed(Long.hashCode(seed));
    }

    /**
     * Turns gradient recording off for the current thread until {@link #close()}. PyTorch's grad
     * mode is per thread and on by default in new threads (a notebook kernel may run cells on any
     * thread), so inference and metric bookkeeping would otherwise build autograd graphs.
     */
    static final class NoGrad implements AutoCloseable {
        private final boolean previous;

        NoGrad() {
            engine(); // loads the native library
            previous = JniUtils.isGradMode();
            JniUtils.setGradMode(false);
        }

        @Override
        public void close() {
            JniUtils.setGradMode(previous);
        }
    }
}
