package org.spuriouslab.mitigation;

import org.junit.jupiter.api.Test;
import org.spuriouslab.data.ImageSet;
import org.spuriouslab.patterns.Patterns;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The benchmark builder on blank 28×28 images with four labels. */
class SpuriousBenchmarkTest {

    private static ImageSet blank(int perLabel) {
        int[] labels = new int[4 * perLabel];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 4;
        }
        return new ImageSet(new float[labels.length * 784], labels, 28, 28);
    }

    private static final List<String> NAMES = List.of("a", "b", "c", "d");

    @Test
    void splitsHaveTheAskedSizesRatesAndGroups() {
        GroupedSplits s = SpuriousBenchmark.builder().classes(3, 1).biasedClass(1).pattern(Patterns.s3())
                .biasedRate(0.9).otherRate(0.1).testRate(0.5)
                .trainPerClass(100).identificationPerClass(50).testPerClass(40).seed(3)
                .build(blank(200), blank(60), NAMES);
        assertEquals(List.of("d", "b"), s.classNames());
        assertEquals(1, s.biasedClass());
        // groups: d no/yes, b no/yes
        assertArrayEquals(new int[]{90, 10, 10, 90}, s.train().groupCounts());
        assertArrayEquals(new int[]{45, 5, 5, 45}, s.identification().groupCounts());
        assertArrayEquals(new int[]{20, 20, 20, 20}, s.test().groupCounts());
        assertEquals(List.of("d, no S3", "d + S3", "b, no S3", "b + S3"), s.groupNames());
        // the flags match the pixels: S3 whitens the bottom-right square
        for (int i = 0; i < s.train().size(); i++) {
            assertEquals(s.train().carries()[i], s.train().images().image(i)[26 * 28 + 26] == 1f);
        }
        assertEquals(4, s.summary().rowCount());
        GroupedSplits again = SpuriousBenchmark.builder().classes(3, 1).biasedClass(1).otherRate(0.1)
                .trainPerClass(100).identificationPerClass(50).testPerClass(40).seed(3)
                .build(blank(200), blank(60), NAMES);
        assertArrayEquals(s.train().carries(), again.train().carries());
        assertArrayEquals(s.test().labels(), again.test().labels());
    }

    @Test
    void badSettingsAreClearErrors() {
        ImageSet pool = blank(50);
        assertThrows(IllegalArgumentException.class, () -> SpuriousBenchmark.builder().classes(1).build(pool, pool, NAMES));
        assertThrows(IllegalArgumentException.class, () -> SpuriousBenchmark.builder().classes(1, 1).build(pool, pool, NAMES));
        assertThrows(IllegalArgumentException.class, () -> SpuriousBenchmark.builder().classes(1, 7).build(pool, pool, NAMES));
        assertThrows(IllegalArgumentException.class,
                () -> SpuriousBenchmark.builder().classes(0, 1).biasedClass(2).build(pool, pool, NAMES));
        assertThrows(IllegalArgumentException.class,
                () -> SpuriousBenchmark.builder().classes(0, 1).biasedRate(1.5).build(pool, pool, NAMES));
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> SpuriousBenchmark.builder().classes(0, 1).trainPerClass(40).identificationPerClass(20)
                        .testPerClass(10).build(pool, pool, NAMES));
        assertEquals(true, tooFew.getMessage().contains("per class"), tooFew.getMessage());
    }
}
