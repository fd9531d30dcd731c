package org.spuriouslab.discovery;

import org.junit.jupiter.api.Test;
import org.spuriouslab.clustering.Clustering;
import org.spuriouslab.data.ImageSet;
import org.spuriouslab.patterns.Patterns;
import org.spuriouslab.patterns.PlantedImages;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscoveryScoreTest {

    /** A pool of 8 images; images 1, 3, 4, 6 carry the pattern. */
    private static PlantedImages pool() {
        boolean[][] carries = {{false, true, false, true, true, false, true, false}};
        return new PlantedImages(new ImageSet(new float[8 * 4], new int[8], 2, 2), List.of(Patterns.s1()), carries);
    }

    private static final PlantedTarget TARGET = new PlantedTarget(0, Patterns.s1(), 3, 1, "three");

    @Test
    void picksTheClusterThatRanksCarriersFirst() {
        // the group holds pool images 1, 2, 3, 4, 5 (carriers 1, 3, 4); image 6 went elsewhere
        int[] members = {1, 2, 3, 4, 5};
        int[] assign = {1, 0, 1, 1, 0};
        double[][] scores = {{0.1, 0.9}, {0.8, 0.2}, {0.2, 0.8}, {0.3, 0.7}, {0.9, 0.1}};
        Clustering cl = new Clustering("test", 2, assign, new double[2][2], scores);
        ClassGroup g = new ClassGroup(1, "three", members, new double[5][2], cl, null, new float[0][]);
        PatternDiscovery p = Discovery.score(TARGET, pool(), new int[8], g);
        assertEquals(4, p.carryingInPool());
        assertEquals(3, p.pulledIn());
        assertEquals(0.75, p.pulledInShare(), 1e-12);
        assertEquals(0.6, p.prevalence(), 1e-12);
        assertEquals(1, p.bestCluster());
        assertEquals(3, p.bestClusterSize());
        assertEquals(1.0, p.averagePrecision(), 1e-12); // carriers score 0.9, 0.8, 0.7; others 0.2, 0.1
        assertEquals(1.0, p.scores().auroc(), 1e-12);
        assertEquals(1.0, p.purity(), 1e-12);
        assertEquals(1.0, p.nmi(), 1e-9);
    }

    @Test
    void noCarrierInTheGroupIsReportedNotScored() {
        int[] members = {0, 2, 5};
        Clustering cl = new Clustering("test", 2, new int[]{0, 1, 0}, new double[2][2],
                new double[][]{{1, 0}, {0, 1}, {1, 0}});
        ClassGroup g = new ClassGroup(1, "three", members, new double[3][2], cl, null, new float[0][]);
        PatternDiscovery p = Discovery.score(TARGET, pool(), new int[8], g);
        assertEquals(0, p.pulledIn());
        assertEquals(-1, p.bestCluster());
        assertTrue(Double.isNaN(p.averagePrecision()));
    }

    @Test
    void unclusteredGroupHasNoBestCluster() {
        ClassGroup g = new ClassGroup(1, "three", new int[]{1}, new double[1][2], null, null, new float[0][]);
        PatternDiscovery p = Discovery.score(TARGET, pool(), new int[8], g);
        assertEquals(1, p.pulledIn());
        assertEquals(0, p.k());
        assertTrue(Double.isNaN(p.purity()));
    }
}
