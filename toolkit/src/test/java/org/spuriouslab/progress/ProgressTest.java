package org.spuriouslab.progress;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {

    @Test
    void fewStepsPrintEveryStepWithEstimate() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        Progress p = new Progress("epochs", 4, new PrintStream(bytes, true), clock::get);
        for (int i = 0; i < 4; i++) {
            clock.addAndGet(2_000_000_000L);
            p.step("loss 0.1");
        }
        p.done("");
        String[] lines = bytes.toString().split("\n");
        assertEquals(5, lines.length);
        assertEquals("epochs 1/4 (25%) 2.0 s, ~6 s left | loss 0.1", lines[0]);
        assertTrue(lines[3].startsWith("epochs 4/4 (100%) 8.0 s | loss"), lines[3]);
        assertTrue(lines[4].contains("finished 4/4 in 8.0 s"), lines[4]);
    }

    @Test
    void manyStepsAreThrottled() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress("batches", 1000, new PrintStream(bytes, true), () -> 0L);
        for (int i = 0; i < 1000; i++) {
            p.step("");
        }
        long lines = bytes.toString().lines().count();
        assertTrue(lines >= 20 && lines <= 21, "about one line per 5%: " + lines);
    }

    @Test
    void zeroTotalIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Progress.start("x", 0));
    }
}
