package org.spuriouslab.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageSetTest {

    /** n 2×2 images, image i filled with i/100, label i % 3. */
    static ImageSet set(int n) {
        float[] px = new float[n * 4];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            for (int j = 0; j < 4; j++) {
                px[i * 4 + j] = i / 100f;
            }
        }
        return new ImageSet(px, labels, 2, 2);
    }

    @Test
    void wrongShapeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ImageSet(new float[7], new int[2], 2, 2));
    }

    @Test
    void subsetKeepsPixelsWithLabels() {
        ImageSet s = set(10).subset(new int[]{7, 2, 7});
        assertArrayEquals(new int[]{1, 2, 1}, s.labels());
        assertEquals(0.07f, s.image(0)[3], 1e-7);
        assertEquals(0.02f, s.image(1)[0], 1e-7);
        assertThrows(IndexOutOfBoundsException.class, () -> set(3).subset(new int[]{3}));
    }

    @Test
    void sameSeedSameOrderOtherSeedOtherOrder() {
        ImageSet base = set(50);
        assertArrayEquals(base.shuffled(42).labels(), base.shuffled(42).labels());
        assertArrayEquals(base.shuffled(42).toFloatArray(), base.shuffled(42).toFloatArray());
        assertNotEquals(java.util.Arrays.toString(base.shuffled(42).toFloatArray()),
                java.util.Arrays.toString(base.shuffled(43).toFloatArray()));
    }

    @Test
    void shuffleIsAPermutation() {
        int[] p = ImageSet.permutation(100, 1);
        int[] sorted = p.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < 100; i++) {
            assertEquals(i, sorted[i]);
        }
    }

    @Test
    void sampleHeadAndClasses() {
        ImageSet base = set(30);
        assertEquals(5, base.sample(5, 9).size());
        assertThrows(IllegalArgumentException.class, () -> base.sample(31, 9));
        assertEquals(30, base.head(100).size());
        assertEquals(10, base.ofClasses(2).size());
        assertArrayEquals(new int[]{10, 10, 10}, base.classCounts(3));
        assertThrows(IllegalArgumentException.class, () -> base.classCounts(2));
    }

    @Test
    void classMeanAveragesPixels() {
        ImageSet base = set(6); // class 0: images 0 and 3
        assertEquals(0.015f, base.classMean(0)[2], 1e-6);
    }

    @Test
    void concatAndRelabel() {
        ImageSet a = set(3);
        ImageSet b = set(5).subset(new int[]{4});
        ImageSet joined = a.concat(b);
        assertEquals(4, joined.size());
        assertArrayEquals(new int[]{0, 1, 2, 1}, joined.labels());
        assertEquals(0.04f, joined.image(3)[0], 1e-7);
        ImageSet relabelled = joined.withLabels(new int[]{9, 8, 7, 6});
        assertArrayEquals(new int[]{9, 8, 7, 6}, relabelled.labels());
        assertArrayEquals(joined.toFloatArray(), relabelled.toFloatArray());
        assertThrows(IllegalArgumentException.class, () -> joined.withLabels(new int[3]));
        assertThrows(IllegalArgumentException.class,
                () -> a.concat(new ImageSet(new float[9], new int[1], 3, 3)));
    }

    @Test
    void compactSetsGiveTheSameFloatsAndStayCompact() {
        byte[] raw = {0, (byte) 255, (byte) 128, 7, 1, 2, 3, 4};
        ImageSet compact = ImageSet.ofBytes(raw, new int[]{0, 1}, 2, 2);
        assertEquals(true, compact.isCompact());
        assertArrayEquals(new float[]{0f, 1f, 128 / 255f, 7 / 255f}, compact.image(0));
        assertEquals(128 / 255f, compact.toFloatArray()[2]);
        ImageSet picked = compact.subset(new int[]{1, 1});
        assertEquals(true, picked.isCompact());
        assertArrayEquals(compact.image(1), picked.image(1));
        assertEquals(true, compact.concat(compact).isCompact());
        ImageSet mixed = compact.concat(set(1));
        assertEquals(false, mixed.isCompact());
        assertArrayEquals(compact.image(1), mixed.image(1));
        assertEquals(1 / 255f, compact.classMean(1)[0], 1e-7);
        assertThrows(IllegalArgumentException.class, () -> ImageSet.ofBytes(new byte[7], new int[2], 2, 2));
    }
}
