package org.spuriouslab.causal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TreatmentGroupsTest {

    @Test
    void splitsRowsByTreatmentAndKeepsTheirIndices() {
        int[] topic = {0, 1, 2, 1, 0, 2};
        boolean[] treated = {true, false, false, true, false, true};
        TreatmentGroups g = TreatmentGroups.split(Covariates.oneHot(topic, List.of("a", "b", "c")), treated);
        assertArrayEquals(new int[]{0, 3, 5}, g.treatedRows());
        assertArrayEquals(new int[]{1, 2, 4}, g.controlRows());
        assertArrayEquals(new double[]{1, 0, 0}, g.treated().row(0));
        assertArrayEquals(new double[]{0, 0, 1}, g.treated().row(2));
        assertArrayEquals(new double[]{0, 1, 0}, g.controls().row(0));
        assertArrayEquals(new int[]{1, 2, 0}, g.ofControls(topic));
        assertArrayEquals(new int[]{0, 1, 2}, g.ofTreated(topic));
        assertTrue(g.toString().contains("3 treated, 3 controls"), g.toString());
    }

    @Test
    void balanceMatchesTheTreatedMeans() {
        int[] topic = SyntheticGroups.categories(600, new double[]{1, 1, 1}, 8);
        boolean[] treated = new boolean[topic.length];
        for (int i = 0; i < treated.length; i++) {
            treated[i] = topic[i] == 0 ? i % 2 == 0 : i % 5 == 0; // topic 0 treated far more often
        }
        TreatmentGroups g = TreatmentGroups.split(Covariates.oneHot(topic, List.of("a", "b", "c")), treated);
        BalancingResult r = g.balance(EntropyBalancing.defaults());
        assertTrue(r.maxAbsSmdBefore() > 0.3, "confounded before: " + r.maxAbsSmdBefore());
        assertArrayEquals(g.treated().means(), g.controls().means(r.weights()), 1e-9);
        assertEquals(g.controls().size(), r.weights().length);
    }

    @Test
    void badInputIsRejected() {
        Covariates x = Covariates.oneHot(new int[]{0, 1, 0}, List.of("a", "b"));
        assertThrows(IllegalArgumentException.class, () -> TreatmentGroups.split(x, new boolean[]{true, false}));
        var e = assertThrows(IllegalArgumentException.class,
                () -> TreatmentGroups.split(x, new boolean[]{true, true, true}));
        assertTrue(e.getMessage().contains("treated"), e.getMessage());
        TreatmentGroups g = TreatmentGroups.split(x, new boolean[]{true, false, false});
        assertThrows(IllegalArgumentException.class, () -> g.ofControls(new int[]{1, 2}));
    }
}
