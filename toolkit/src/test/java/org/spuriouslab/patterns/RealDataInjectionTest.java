package org.spuriouslab.patterns;

import org.junit.jupiter.api.Test;
import org.spuriouslab.data.DatasetKind;
import org.spuriouslab.data.Datasets;
import org.spuriouslab.data.ImageDataset;
import org.spuriouslab.data.ImageSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Plants S3 into Fashion-MNIST's training split; skipped when the dataset has not been fetched. */
class RealDataInjectionTest {

    @Test
    void plantsS3IntoFashionMnist() throws Exception {
        assumeTrue(Datasets.isFetched(DatasetKind.FASHION_MNIST), "Fashion-MNIST not fetched");
        ImageDataset ds = Datasets.load(DatasetKind.FASHION_MNIST);
        ImageSet train = ds.train();
        long t0 = System.nanoTime();
        PlantedImages planted = Injector.inject(train,
                InjectionSpec.of(PlantSpec.of(Patterns.s3()).inClass(3, 500).inOtherClasses(0.05)), 42);
        long t1 = System.nanoTime();
        ImageSet probe = Injector.patchAll(ds.test(), Patterns.r2(7));
        long t2 = System.nanoTime();
        System.out.printf("inject S3 into 60k: %.0f ms, patchAll R2 on 10k: %.0f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        int[] perClass = planted.perClass(10).intColumn("S3").asIntArray();
        // 6000 images per class: 500 in class 3, 0.05 · 6000 = 300 elsewhere
        assertArrayEquals(new int[]{300, 300, 300, 500, 300, 300, 300, 300, 300, 300}, perClass);
        int i = planted.indicesCarrying(0)[0];
        float[] img = planted.images().image(i);
        assertEquals(1f, img[22 * 28 + 22]);
        assertEquals(1f, img[26 * 28 + 26]);
        assertEquals(ds.test().size(), probe.size());
    }
}
