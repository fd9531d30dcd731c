package org.spuriouslab.clustering;

import org.junit.jupiter.api.Test;
import org.spuriouslab.charts.Charts;
import org.spuriouslab.metrics.ClusterAgreement;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KSelectionTest {

    private static final Blobs THREE = Blobs.of(120, 6, 3, 7.0, 3);

    @Test
    void silhouettePicksThreeForKMeansAndMixture() {
        for (Clusterer c : new Clusterer[]{new KMeansClusterer(), new GaussianMixtureClusterer()}) {
            KChoice choice = KSelection.bySilhouette(THREE.x(), c, 2, 6, 11);
            assertEquals(3, choice.k(), c.name() + ": " + choice);
            assertEquals("silhouette", choice.criterion());
            assertArrayEquals(new int[]{2, 3, 4, 5, 6}, choice.ks());
            assertEquals(3, choice.best().k());
            assertTrue(ClusterAgreement.ari(choice.best().assignments(), THREE.truth()) > 0.95);
            for (double v : choice.values()) {
                assertTrue(v <= choice.chosenValue());
            }
        }
    }

    @Test
    void bicPicksThree() {
        KChoice choice = KSelection.byBic(THREE.x(), 1, 6, 11);
        assertEquals(3, choice.k(), choice.toString());
        assertEquals("BIC", choice.criterion());
        for (double v : choice.values()) {
            assertTrue(v >= choice.chosenValue());
        }
        assertEquals("gaussian-mixture", choice.best().method());
        assertTrue(ClusterAgreement.ari(choice.best().assignments(), THREE.truth()) > 0.95);
    }

    @Test
    void sameSeedSameChoice() {
        Blobs b = Blobs.of(80, 4, 4, 2.5, 5);
        KChoice one = KSelection.bySilhouette(b.x(), new KMeansClusterer(), 2, 6, 3);
        KChoice two = KSelection.bySilhouette(b.x(), new KMeansClusterer(), 2, 6, 3);
        assertArrayEquals(one.values(), two.values(), 0.0);
        assertArrayEquals(one.best().assignments(), two.best().assignments());
        assertArrayEquals(KSelection.byBic(b.x(), 2, 6, 3).values(), KSelection.byBic(b.x(), 2, 6, 3).values(), 0.0);
    }

    @Test
    void tableAndChart() {
        KChoice choice = KSelection.bySilhouette(THREE.x(), new KMeansClusterer(), 2, 5, 1);
        Table t = choice.table();
        assertEquals(4, t.rowCount());
        assertEquals(3, t.intColumn("k").get(1));
        assertTrue(t.stringColumn("chosen").get(1).contains("chosen"));
        assertEquals("", t.stringColumn("chosen").get(0));
        BufferedImage img = choice.chart();
        assertEquals(Charts.WIDTH, img.getWidth());
        assertEquals(Charts.HEIGHT, img.getHeight());
    }

    @Test
    void rejectsBadRanges() {
        KMeansClusterer km = new KMeansClusterer();
        assertThrows(IllegalArgumentException.class, () -> KSelection.bySilhouette(THREE.x(), km, 1, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> KSelection.bySilhouette(THREE.x(), km, 4, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> KSelection.bySilhouette(new double[5][2], km, 2, 4, 1));
        double[][] few = {{0}, {1}, {2}, {3}};
        assertThrows(IllegalArgumentException.class, () -> KSelection.bySilhouette(few, km, 2, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> KSelection.byBic(few, 0, 2, 1));
        assertEquals(4, KSelection.bySilhouette(few, km, 2, 3, 1).ks().length + 2);
    }
}
