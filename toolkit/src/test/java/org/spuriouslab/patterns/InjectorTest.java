package org.spuriouslab.patterns;

import org.junit.jupiter.api.Test;
import org.spuriouslab.data.ImageSet;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InjectorTest {

    /** 4 classes of 40, 30, 20, 10 images, 10×10 pixels. */
    private static final ImageSet SET = Synthetic.images(10, 10, 40, 30, 20, 10);

    private static int[] perClass(PlantedImages planted, int pattern) {
        int[] counts = new int[4];
        for (int i : planted.indicesCarrying(pattern)) {
            counts[SET.label(i)]++;
        }
        return counts;
    }

    @Test
    void plantsExactlyNImagesOfTheChosenClassOnly() {
        PlantedImages planted = Injector.inject(SET, InjectionSpec.of(PlantSpec.of(Patterns.s2()).inClass(1, 12)), 42);
        assertArrayEquals(new int[]{0, 12, 0, 0}, perClass(planted, 0));
        assertEquals(12, planted.countCarrying(0));
        assertArrayEquals(SET.labels(), planted.images().labels());
        assertEquals(SET.size(), planted.images().size());
    }

    @Test
    void chosenImagesChangeAndOthersStayByteIdentical() {
        Square s2 = Patterns.s2();
        PlantedImages planted = Injector.inject(SET,
                InjectionSpec.of(PlantSpec.of(s2).inClass(0, 15).inClassRate(2, 0.5)), 3);
        int carrying = 0;
        for (int i = 0; i < SET.size(); i++) {
            float[] before = SET.image(i);
            float[] after = planted.images().image(i);
            if (planted.carries(0, i)) {
                carrying++;
                assertArrayEquals(s2.apply(before, 10, 10), after);
                assertFalse(Arrays.equals(before, after), "image " + i + " must change");
            } else {
                assertArrayEquals(before, after, "image " + i + " must be untouched");
            }
        }
        assertEquals(25, carrying);
    }

    @Test
    void sameSeedSameImagesOtherSeedOtherImages() {
        InjectionSpec spec = InjectionSpec.of(PlantSpec.of(Patterns.s1(10, 10)).inClass(0, 10).inOtherClasses(0.3));
        PlantedImages a = Injector.inject(SET, spec, 1);
        PlantedImages b = Injector.inject(SET, spec, 1);
        PlantedImages c = Injector.inject(SET, spec, 2);
        assertArrayEquals(a.mask(0), b.mask(0));
        assertArrayEquals(a.images().toFloatArray(), b.images().toFloatArray());
        assertFalse(Arrays.equals(a.mask(0), c.mask(0)));
        assertArrayEquals(perClass(a, 0), perClass(c, 0), "same counts whatever the seed");
    }

    @Test
    void smallerCountWithSameSeedIsASubset() {
        PlantedImages small = Injector.inject(SET, InjectionSpec.of(PlantSpec.of(Patterns.s2()).inClass(0, 5)), 9);
        PlantedImages large = Injector.inject(SET, InjectionSpec.of(PlantSpec.of(Patterns.s2()).inClass(0, 20)), 9);
        for (int i : small.indicesCarrying(0)) {
            assertTrue(large.carries(0, i));
        }
    }

    @Test
    void ratesRoundHalfUpPerClass() {
        PlantedImages planted = Injector.inject(SET,
                InjectionSpec.of(PlantSpec.of(Patterns.s2()).inClassRate(3, 0.25)), 5);
        assertArrayEquals(new int[]{0, 0, 0, 3}, perClass(planted, 0), "0.25 · 10 = 2.5 → 3");
        PlantedImages all = Injector.inject(SET, InjectionSpec.of(PlantSpec.of(Patterns.s2()).inClassRate(2, 1.0)), 5);
        assertArrayEquals(new int[]{0, 0, 20, 0}, perClass(all, 0));
    }

    @Test
    void otherClassesRateAppliesToEveryUnnamedClass() {
        PlantedImages planted = Injector.inject(SET,
                InjectionSpec.of(PlantSpec.of(Patterns.s3()).inClass(1, 25).inClassRate(2, 0.1).inOtherClasses(0.05)), 5);
        // class 0: 0.05·40 = 2; class 3: 0.05·10 = 0.5 → 1
        assertArrayEquals(new int[]{2, 25, 2, 1}, perClass(planted, 0));
        PlantedImages onlyOthers = Injector.inject(SET,
                InjectionSpec.of(PlantSpec.of(Patterns.s3()).inOtherClasses(0.5)), 5);
        assertArrayEquals(new int[]{20, 15, 10, 5}, perClass(onlyOthers, 0));
    }

    @Test
    void severalPatternsInSeveralClassesAreChosenIndependentlyAndStack() {
        Square s3 = Patterns.s3();
        NoisePatch patch = Patterns.patch(0, 0, 3, 1.0, 4);
        OnePixel s1 = Patterns.s1(10, 10);
        InjectionSpec spec = InjectionSpec.of(
                PlantSpec.of(s3).inClass(0, 30).inClass(2, 5),
                PlantSpec.of(patch).inClass(0, 30).inClass(1, 10),
                PlantSpec.of(s1).inClassRate(3, 1.0));
        PlantedImages planted = Injector.inject(SET, spec, 11);
        assertEquals(3, planted.patterns().size());
        assertArrayEquals(new int[]{30, 0, 5, 0}, perClass(planted, 0));
        assertArrayEquals(new int[]{30, 10, 0, 0}, perClass(planted, 1));
        assertArrayEquals(new int[]{0, 0, 0, 10}, perClass(planted, 2));
        assertNotEquals(Arrays.toString(planted.indicesCarrying(0)), Arrays.toString(planted.indicesCarrying(1)),
                "plants choose independently");
        int both = 0;
        for (int i = 0; i < SET.size(); i++) {
            float[] expected = SET.image(i);
            if (planted.carries(0, i)) {
                expected = s3.apply(expected, 10, 10);
            }
            if (planted.carries(1, i)) {
                expected = patch.apply(expected, 10, 10);
                both += planted.carries(0, i) ? 1 : 0;
            }
            if (planted.carries(2, i)) {
                expected = s1.apply(expected, 10, 10);
            }
            assertArrayEquals(expected, planted.images().image(i), "image " + i);
            assertEquals(planted.carries(0, i) || planted.carries(1, i) || planted.carries(2, i), planted.carriesAny(i));
        }
        // 30 of 40 and 30 of 40 chosen independently overlap in at least 20
        assertTrue(both >= 20, "overlap " + both);
    }

    @Test
    void orderOfPlantsDecidesHowPatternsStack() {
        // a bright-noise patch then a white square differs from the square then the patch where they overlap
        Square sq = new Square(3, Corner.TOP_LEFT, 0);
        NoisePatch noise = new NoisePatch(0, 0, 3, 0.5, 2);
        PlantedImages a = Injector.inject(SET, InjectionSpec.of(PlantSpec.of(noise).inClassRate(0, 1.0),
                PlantSpec.of(sq).inClassRate(0, 1.0)), 1);
        assertArrayEquals(sq.apply(noise.apply(SET.image(0), 10, 10), 10, 10), a.images().image(0));
        assertEquals(1f, a.images().image(0)[0]);
    }

    @Test
    void errorsSayWhatIsWrong() {
        assertEquals("asked for 25 images of class 3 but it has 10",
                assertThrows(IllegalArgumentException.class, () -> Injector.inject(SET,
                        InjectionSpec.of(PlantSpec.of(Patterns.s2()).inClass(3, 25)), 1)).getMessage());
        assertEquals("plant of S2 names class 7 but the images have no such label (labels present: 0..3)",
                assertThrows(IllegalArgumentException.class, () -> Injector.inject(SET,
                        InjectionSpec.of(PlantSpec.of(Patterns.s2()).inClassRate(7, 0.1)), 1)).getMessage());
        assertEquals("plant of S2 names class 1 but the images have no such label (labels present: 0, 2, 3)",
                assertThrows(IllegalArgumentException.class, () -> Injector.inject(SET.ofClasses(0, 2, 3),
                        InjectionSpec.of(PlantSpec.of(Patterns.s2()).inClass(1, 1)), 1)).getMessage());
        assertEquals("plant of S3 chooses no images: name a class with inClass/inClassRate or give inOtherClasses a rate > 0",
                assertThrows(IllegalArgumentException.class, () -> Injector.inject(SET,
                        InjectionSpec.of(PlantSpec.of(Patterns.s3())), 1)).getMessage());
        IllegalArgumentException fit = assertThrows(IllegalArgumentException.class, () -> Injector.inject(SET,
                InjectionSpec.of(PlantSpec.of(Patterns.s1()).inClass(0, 1)), 1));
        assertEquals("pattern S1 one pixel at (25,25) lies outside the 10×10 image (rows 0..9, cols 0..9)",
                fit.getMessage());
        // a failing second plant leaves nothing half done: the error comes before any work
        assertThrows(IllegalArgumentException.class, () -> Injector.inject(SET, InjectionSpec.of(
                PlantSpec.of(Patterns.s2()).inClass(0, 1), PlantSpec.of(Patterns.s2()).inClass(2, 21)), 1));
        assertEquals("pattern S11x11 11×11 square (top-left, margin 0) needs at least 11×11 pixels (size 11 + margin 0) "
                + "but the image is a 10×10", assertThrows(IllegalArgumentException.class,
                () -> Injector.patchAll(SET, new Square(11, Corner.TOP_LEFT, 0))).getMessage());
    }

    @Test
    void zeroCountPlantsNothing() {
        PlantedImages planted = Injector.inject(SET, InjectionSpec.of(PlantSpec.of(Patterns.s2()).inClass(0, 0)), 1);
        assertEquals(0, planted.countCarrying(0));
        assertArrayEquals(SET.toFloatArray(), planted.images().toFloatArray());
    }

    @Test
    void patchAllChangesEveryImageAndKeepsLabels() {
        NoiseImage r1 = Patterns.r1(8);
        ImageSet all = Injector.patchAll(SET, r1);
        assertEquals(SET.size(), all.size());
        assertArrayEquals(SET.labels(), all.labels());
        for (int i = 0; i < SET.size(); i += 7) {
            assertArrayEquals(r1.apply(SET.image(i), 10, 10), all.image(i));
            assertFalse(Arrays.equals(SET.image(i), all.image(i)));
        }
        float[] original = SET.toFloatArray();
        Injector.patchAll(SET, Patterns.s2());
        assertArrayEquals(original, SET.toFloatArray(), "input untouched");
    }
}
