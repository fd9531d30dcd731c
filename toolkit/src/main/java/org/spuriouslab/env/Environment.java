package org.spuriouslab.env;

import ai.djl.engine.Engine;
import org.spuriouslab.data.DataDir;
import org.spuriouslab.tables.Tables;
import tech.tablesaw.api.Table;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What this code runs on: JDK, kernel, memory, threads, the DJL engine and where data lives.
 * The kernel installer sets {@value #KERNEL_ENV} so a notebook can say which kernel runs it.
 */
public final class Environment {

    /** Environment variable with the kernel's name and version, set by {@code scripts/install-kernel.sh}. */
    public static final String KERNEL_ENV = "SPURIOUS_KERNEL";

    private Environment() {
    }

    /** Property/value rows describing the running JVM and deep-learning engine. Loads the engine. */
    public static Table report() {
        Map<String, String> rows = new LinkedHashMap<>();
        Runtime rt = Runtime.getRuntime();
        rows.put("kernel", System.getenv().getOrDefault(KERNEL_ENV, "not set (not started by scripts/install-kernel.sh)"));
        rows.put("java", System.getProperty("java.vm.vendor") + " " + Runtime.version());
        rows.put("java.home", System.getProperty("java.home"));
        rows.put("max heap", (rt.maxMemory() >> 20) + " MiB");
        rows.put("processors", Integer.toString(rt.availableProcessors()));
        Engine engine = Engine.getInstance();
        rows.put("DJL engine", engine.getEngineName() + " " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + ")");
        rows.put("DJL offline", String.valueOf(Boolean.getBoolean("ai.djl.offline")
                || "true".equalsIgnoreCase(System.getenv("DJL_OFFLINE"))));
        rows.put("torch threads", System.getProperty("ai.djl.pytorch.num_threads", "engine default"));
        rows.put("headless", String.valueOf(java.awt.GraphicsEnvironment.isHeadless()));
        rows.put("data directory", DataDir.root().toString());
        return Tables.keyValue("environment", "property", "value", rows);
    }
}
