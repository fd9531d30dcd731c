package org.spuriouslab.discovery;

import org.junit.jupiter.api.Test;
import org.spuriouslab.data.DatasetKind;
import org.spuriouslab.data.ImageDataset;
import org.spuriouslab.data.ImageSet;
import org.spuriouslab.patterns.Patterns;
import org.spuriouslab.patterns.PlantSpec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscoverySetupTest {

    /** 10 classes × perClass random 28×28 images. */
    static ImageSet images(int perClass, long seed) {
        Random r = new Random(seed);
        int n = 10 * perClass;
        float[] px = new float[n * 784];
        for (int i = 0; i < px.length; i++) {
            px[i] = r.nextFloat() * 0.5f;
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
        }
        return new ImageSet(px, labels, 28, 28);
    }

    static ImageDataset dataset() {
        return new ImageDataset(DatasetKind.MNIST, images(100, 1), images(20, 2), List.of(), Path.of("."));
    }

    @Test
    void preparesRelabelledTrainingSetAndPlantedPool() {
        DiscoverySetup setup = DiscoverySetup.builder().classesOfInterest(2, 5, 7)
                .plant(PlantSpec.of(Patterns.s3()).inClass(5, 40))
                .poolRate(0.25).trainSize(0).poolSize(400).seed(3).build();
        DiscoveryData d = setup.prepare(dataset());
        assertEquals(3, d.numClasses());
        assertEquals(List.of("2", "5", "7"), d.classNames());
        assertEquals(300, d.train().images().size());
        assertArrayEquals(new int[]{100, 100, 100}, d.train().images().classCounts(3));
        // the 40 carriers are all of original class 5 = label 1
        int[] carriers = d.train().indicesCarrying(0);
        assertEquals(40, carriers.length);
        assertTrue(Arrays.stream(carriers).allMatch(i -> d.train().images().label(i) == 1));
        // pool: only the 7 other classes, a quarter of each class carries the pattern
        assertArrayEquals(new int[]{0, 1, 3, 4, 6, 8, 9}, d.poolClasses());
        assertEquals(400, d.pool().images().size());
        assertTrue(Arrays.stream(d.pool().images().labels()).noneMatch(l -> l == 2 || l == 5 || l == 7));
        int[] poolCounts = d.pool().images().classCounts(10);
        int expected = 0;
        for (int c : d.poolClasses()) {
            expected += (int) Math.floor(poolCounts[c] * 0.25 + 0.5);
        }
        assertEquals(expected, d.pool().countCarrying(0));
        // test set: classes of interest, relabelled
        assertArrayEquals(new int[]{20, 20, 20}, d.test().classCounts(3));
        assertEquals(700, d.embeddingImages().size());
        PlantedTarget t = d.targets().get(0);
        assertEquals(5, t.originalClass());
        assertEquals(1, t.label());
        assertEquals(3, d.summary().rowCount()); // training, pool, test
    }

    @Test
    void sameSeedSameSets() {
        DiscoverySetup setup = DiscoverySetup.builder().plant(PlantSpec.of(Patterns.s2()).inClass(1, 10))
                .trainSize(200).poolSize(100).build();
        DiscoveryData a = setup.prepare(dataset());
        DiscoveryData b = setup.prepare(dataset());
        assertArrayEquals(a.train().images().toFloatArray(), b.train().images().toFloatArray());
        assertArrayEquals(a.pool().mask(0), b.pool().mask(0));
    }

    @Test
    void impossibleDesignsAreClearErrors() {
        IllegalArgumentException notOfInterest = assertThrows(IllegalArgumentException.class,
                () -> DiscoverySetup.builder().plant(PlantSpec.of(Patterns.s3()).inClass(8, 10)).build());
        assertTrue(notOfInterest.getMessage().contains("not a class of interest"), notOfInterest.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DiscoverySetup.builder().build());
        assertThrows(IllegalArgumentException.class, () -> DiscoverySetup.builder().poolRate(1.5)
                .plant(PlantSpec.of(Patterns.s3()).inClass(1, 10)).build());
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> DiscoverySetup.builder().plant(PlantSpec.of(Patterns.s3()).inClass(1, 10))
                        .trainSize(0).poolSize(10_000).build().prepare(dataset()));
        assertTrue(tooMany.getMessage().contains("pool"), tooMany.getMessage());
        IllegalArgumentException all = assertThrows(IllegalArgumentException.class,
                () -> DiscoverySetup.builder().classesOfInterest(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)
                        .plant(PlantSpec.of(Patterns.s3()).inClass(1, 10)).trainSize(0).build().prepare(dataset()));
        assertTrue(all.getMessage().contains("no unrelated pool"), all.getMessage());
    }
}
