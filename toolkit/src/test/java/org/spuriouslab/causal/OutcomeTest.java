package org.spuriouslab.causal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutcomeTest {

    static final float[][] ROWS = {{1, 2, 3}, {0, 0, 0}};

    @Test
    void columnAndProbability() {
        assertArrayEquals(new double[]{2, 0}, Outcome.column(1).of(ROWS), 0);
        double[] p = Outcome.probability(2).of(ROWS);
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertEquals(Math.exp(3) / z, p[0], 1e-12);
        assertEquals(1.0 / 3, p[1], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Outcome.column(-1));
        assertThrows(IllegalArgumentException.class, () -> Outcome.column(3).of(ROWS));
        assertThrows(IllegalArgumentException.class, () -> Outcome.probability(5).of(ROWS));
    }

    @Test
    void mediators() {
        Mediator whole = Mediator.unit("hidden 1");
        assertTrue(whole.wholeUnit());
        assertNull(whole.positions());
        Mediator n = Mediator.neuron("hidden 1", 4);
        assertFalse(n.wholeUnit());
        assertEquals("hidden 1[4]", n.name());
        assertEquals(n, Mediator.neuron("hidden 1", 4));
        assertThrows(IllegalArgumentException.class, () -> Mediator.neuron("hidden 1", -1));
        assertThrows(IllegalArgumentException.class, () -> new Mediator("m", "u", new int[]{1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new Mediator(" ", "u", null));
    }
}
