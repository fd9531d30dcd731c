package org.spuriouslab.causal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalizationTest {

    @Test
    void oneUnitHoldingEverythingIsFullyLocalised() {
        Localization l = Localization.of(new double[]{0, -3, 0, 0});
        assertEquals(1.0, l.topKShare(1), 0);
        assertEquals(1.0, l.topKShare(4), 0);
        assertEquals(3.0 / 4.0, l.gini(), 1e-12, "Gini (U−1)/U");
        assertEquals(0.0, l.normalisedEntropy(), 1e-12);
    }

    @Test
    void uniformEffectsAreNotLocalised() {
        Localization l = Localization.of(new double[]{2, -2, 2, 2, -2});
        assertEquals(0.2, l.topKShare(1), 1e-12);
        assertEquals(0.6, l.topKShare(3), 1e-12);
        assertEquals(0.0, l.gini(), 1e-12);
        assertEquals(1.0, l.normalisedEntropy(), 1e-12);
    }

    @Test
    void handCase() {
        // |x| = 1, 3 → shares 0.75, 0.25; Gini = (|1−3| + |3−1|)/(2·2·4) = 0.25
        Localization l = Localization.of(new double[]{1, -3});
        assertEquals(0.75, l.topKShare(1), 1e-12);
        assertEquals(0.25, l.gini(), 1e-12);
        double h = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
        assertEquals(h / Math.log(2), l.normalisedEntropy(), 1e-12);
        assertTrue(l.normalisedEntropy() > 0 && l.normalisedEntropy() < 1);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Localization.of(new double[]{0, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> Localization.of(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Localization.of(new double[]{1, Double.NaN}));
        Localization l = Localization.of(new double[]{1, 2});
        assertThrows(IllegalArgumentException.class, () -> l.topKShare(0));
        assertThrows(IllegalArgumentException.class, () -> l.topKShare(3));
    }
}
