package org.spuriouslab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Small helpers shared by the benchmark programs: argument checks and the process's memory figures. */
final class BenchSupport {

    private BenchSupport() {
    }

    /** The value following a command-line flag, or a clear error when it is missing. */
    static String require(String flag, String value) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return value;
    }

    /** A comma-separated list of positive integers given with {@code flag}, or a clear error. */
    static int[] ints(String flag, String list) {
        int[] v = Arrays.stream(list.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        for (int x : v) {
            if (x < 1) {
                throw new IllegalArgumentException(flag + " values must be positive, got " + list);
            }
        }
        return v;
    }

    /** A kB value from /proc/self/status, e.g. VmHWM (−1 where there is none, e.g. not on Linux). */
    static long status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
