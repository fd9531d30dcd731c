package org.spuriouslab.mitigation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Head retraining, group reports and the whole NeuronTune pipeline on constructed activations:
 * neuron 0 is a shortcut (on for class 1 in the majority groups, flipped in the minority groups),
 * neuron 1 carries the class weakly but reliably.
 */
class HeadRetrainingTest {

    /** Features, labels and pattern flags of a synthetic grouped split. */
    record Synthetic(float[][] features, int[] labels, boolean[] carries) {
    }

    /** Pattern on {@code rate} of class 1 and {@code 1 - rate} of class 0; neuron 0 = pattern, neuron 1 = class + noise. */
    static Synthetic synthetic(int n, double rate, long seed) {
        Random rnd = new Random(seed);
        float[][] f = new float[n][3];
        int[] y = new int[n];
        boolean[] c = new boolean[n];
        for (int s = 0; s < n; s++) {
            y[s] = s % 2;
            c[s] = rnd.nextDouble() < (y[s] == 1 ? rate : 1 - rate);
            f[s][0] = (c[s] ? 3f : 0f) + 0.1f * (float) rnd.nextGaussian();
            f[s][1] = y[s] + 0.3f * (float) rnd.nextGaussian();
            f[s][2] = 0.5f + 0.1f * (float) rnd.nextGaussian();
        }
        return new Synthetic(f, y, c);
    }

    private static GroupedSet set(Synthetic s) {
        float[] px = new float[s.labels().length];
        return new GroupedSet(new org.spuriouslab.data.ImageSet(px, s.labels(), 1, 1), s.carries(), 2);
    }

    @Test
    void silencedNeuronsGetZeroWeightAndTheHeadIsDeterministic() {
        Synthetic d = synthetic(600, 0.95, 1);
        boolean[] mask = {true, false, false};
        HeadRetraining.Options o = HeadRetraining.Options.defaults().withSteps(300);
        LinearHead h = HeadRetraining.fit(d.features(), d.labels(), d.labels(), 2, mask, o);
        assertEquals(0f, h.weights()[0][0]);
        assertEquals(0f, h.weights()[1][0]);
        LinearHead again = HeadRetraining.fit(d.features(), d.labels(), d.labels(), 2, mask, o);
        assertArrayEquals(h.weights()[1], again.weights()[1]);
        LinearHead other = HeadRetraining.fit(d.features(), d.labels(), d.labels(), 2, mask, o.withSeed(9));
        assertTrue(other.weights()[1][1] != h.weights()[1][1], "another seed samples other batches");
        assertEquals(1, h.silencedCount());
    }

    @Test
    void silencingTheShortcutRaisesWorstGroupAccuracy() {
        Synthetic train = synthetic(2000, 0.95, 1);
        Synthetic test = synthetic(2000, 0.5, 2);
        HeadRetraining.Options o = HeadRetraining.Options.defaults().withSteps(400);
        List<String> names = List.of("0 no", "0 yes", "1 no", "1 yes");
        LinearHead erm = HeadRetraining.fit(train.features(), train.labels(), train.labels(), 2, new boolean[3], o);
        LinearHead tuned = HeadRetraining.fit(train.features(), train.labels(), train.labels(), 2,
                new boolean[]{true, false, false}, o);
        GroupReport before = GroupReport.of("ERM", erm.predict(test.features()), set(test), names);
        GroupReport after = GroupReport.of("tuned", tuned.predict(test.features()), set(test), names);
        assertTrue(before.worstGroupAccuracy() < 0.5, before.toString());
        assertTrue(after.worstGroupAccuracy() > 0.85, after.toString());
        assertEquals(2000, java.util.Arrays.stream(after.groupCounts()).sum());
        assertEquals(2, GroupReport.summary(List.of(before, after)).rowCount());
        assertEquals(4, GroupReport.perGroup(List.of(before, after)).rowCount());
        assertEquals(720, GroupReport.chart("per group", List.of(before, after)).getWidth());
    }

    @Test
    void groupReportCountsAndWorstGroup() {
        boolean[] carries = {false, true, false, true, false, false};
        int[] labels = {0, 0, 1, 1, 1, 1};
        int[] pred = {0, 1, 1, 0, 1, 0};
        GroupedSet set = new GroupedSet(new org.spuriouslab.data.ImageSet(new float[6], labels, 1, 1), carries, 2);
        GroupReport r = GroupReport.of("m", pred, set, List.of("a", "b", "c", "d"));
        assertArrayEquals(new int[]{1, 1, 3, 1}, r.groupCounts());
        assertArrayEquals(new double[]{1, 0, 2.0 / 3, 0}, r.groupAccuracy(), 1e-12);
        assertEquals(0.5, r.averageAccuracy());
        assertEquals(0, r.worstGroupAccuracy());
        assertEquals("b", r.worstGroupName());
    }

    @Test
    void badInputsAreClearErrors() {
        Synthetic d = synthetic(20, 0.9, 1);
        HeadRetraining.Options o = HeadRetraining.Options.defaults();
        IllegalArgumentException all = assertThrows(IllegalArgumentException.class,
                () -> HeadRetraining.fit(d.features(), d.labels(), d.labels(), 2, new boolean[]{true, true, true}, o));
        assertTrue(all.getMessage().contains("silenced"), all.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> HeadRetraining.fit(new float[0][], new int[0], new int[0], 2, new boolean[3], o));
        assertThrows(IllegalArgumentException.class,
                () -> HeadRetraining.fit(d.features(), d.labels(), d.labels(), 1, new boolean[3], o));
        assertThrows(IllegalArgumentException.class, () -> new HeadRetraining.Options(0, 1, 0.1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new HeadRetraining.Options(1, 1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new HeadRetraining.Options(1, 1, 0.1, -1, 0));
    }
}
