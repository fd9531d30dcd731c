package org.spuriouslab.patterns;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlantSpecTest {

    @Test
    void fluentCallsReturnNewSpecs() {
        PlantSpec base = PlantSpec.of(Patterns.s3());
        PlantSpec s = base.inClass(3, 500).inClassRate(1, 0.2).inOtherClasses(0.05);
        assertEquals(Map.of(), base.countPerClass());
        assertEquals(0.0, base.otherClassesRate());
        assertEquals(Map.of(3, 500), s.countPerClass());
        assertEquals(Map.of(1, 0.2), s.ratePerClass());
        assertEquals(0.05, s.otherClassesRate());
        assertTrue(s.names(3) && s.names(1) && !s.names(0));
        assertThrows(UnsupportedOperationException.class, () -> s.countPerClass().put(4, 1));
    }

    @Test
    void countsComeFromCountThenRateThenOtherRate() {
        PlantSpec s = PlantSpec.of(Patterns.s2()).inClass(3, 7).inClassRate(1, 0.25).inOtherClasses(0.15);
        assertEquals(7, s.countFor(3, 100));
        assertEquals(3, s.countFor(1, 10), "0.25 · 10 = 2.5 rounds up");
        assertEquals(2, s.countFor(1, 9), "0.25 · 9 = 2.25 rounds down");
        assertEquals(2, s.countFor(0, 10), "0.15 · 10 = 1.5 rounds up (decimal, not binary)");
        assertEquals(0, s.countFor(0, 3), "0.15 · 3 = 0.45 rounds down");
        assertEquals(4, PlantSpec.roundHalfUp(0.35, 10));
        assertEquals(10, PlantSpec.roundHalfUp(1.0, 10));
        assertEquals(0, PlantSpec.roundHalfUp(0.0, 10));
    }

    @Test
    void rejectsBadCountsRatesAndRepeats() {
        PlantSpec s = PlantSpec.of(Patterns.s1());
        assertEquals("count for class 3 must be ≥ 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> s.inClass(3, -1)).getMessage());
        assertEquals("rate for class 2 must be in [0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> s.inClassRate(2, 1.5)).getMessage());
        assertEquals("rate for class 2 must be in [0, 1], got -0.1",
                assertThrows(IllegalArgumentException.class, () -> s.inClassRate(2, -0.1)).getMessage());
        assertEquals("other-classes rate must be in [0, 1], got 2.0",
                assertThrows(IllegalArgumentException.class, () -> s.inOtherClasses(2)).getMessage());
        assertEquals("class must be ≥ 0, got -4",
                assertThrows(IllegalArgumentException.class, () -> s.inClass(-4, 1)).getMessage());
        assertEquals("class 3 is already named in this plant of S1",
                assertThrows(IllegalArgumentException.class, () -> s.inClass(3, 1).inClassRate(3, 0.5)).getMessage());
        assertEquals("class 3 has both a count and a rate; give one",
                assertThrows(IllegalArgumentException.class,
                        () -> new PlantSpec(Patterns.s1(), Map.of(3, 1), Map.of(3, 0.5), 0)).getMessage());
        assertThrows(NullPointerException.class, () -> PlantSpec.of(null));
    }

    @Test
    void injectionSpecNeedsAPlant() {
        assertEquals("an injection needs at least one plant, got none",
                assertThrows(IllegalArgumentException.class, InjectionSpec::of).getMessage());
        InjectionSpec one = InjectionSpec.of(PlantSpec.of(Patterns.s1()).inClass(0, 1));
        InjectionSpec two = one.and(PlantSpec.of(Patterns.s3()).inClass(1, 1));
        assertEquals(1, one.plants().size());
        assertEquals(java.util.List.of(Patterns.s1(), Patterns.s3()), two.patterns());
    }
}
