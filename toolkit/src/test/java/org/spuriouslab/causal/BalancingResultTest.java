package org.spuriouslab.causal;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BalancingResultTest {

    private static BalancingResult result() {
        List<String> topics = List.of("politics", "science", "sports");
        Covariates controls = Covariates.oneHot(SyntheticGroups.categories(1200, new double[]{3, 2, 1}, 30), topics)
                .withColumns(Covariates.of(SyntheticGroups.gaussian(1200, 2, 0, 1, 31), List.of("e1", "e2")));
        Covariates treated = Covariates.oneHot(SyntheticGroups.categories(300, new double[]{1, 2, 3}, 32), topics)
                .withColumns(Covariates.of(SyntheticGroups.gaussian(300, 2, 0.3, 1, 33), List.of("e1", "e2")));
        return EntropyBalancing.options().moments(Moments.MEANS_AND_VARIANCES).build().balance(controls, treated);
    }

    @Test
    void tableHasOneRowPerMomentWithBeforeAndAfter() {
        BalancingResult r = result();
        Table t = r.balanceTable();
        assertEquals(List.of("moment", "treated mean", "control mean", "weighted mean", "SMD before", "SMD after",
                "lambda", "constant"), t.columnNames());
        assertEquals(List.of("politics", "science", "sports", "e1", "e2", "e1²", "e2²"),
                t.stringColumn("moment").asList());
        for (int j = 0; j < t.rowCount(); j++) {
            assertEquals(t.doubleColumn("treated mean").get(j), t.doubleColumn("weighted mean").get(j), 1e-8);
            assertTrue(Math.abs(t.doubleColumn("SMD after").get(j)) < 1e-7);
        }
        assertTrue(Math.abs(t.doubleColumn("SMD before").get(0)) > 0.3, "politics is imbalanced before");
        assertEquals(r.moments().get(2).smdBefore(), t.doubleColumn("SMD before").get(2));
        assertTrue(t.printAll().contains("politics"));
    }

    @Test
    void chartsAreDrawn() {
        BalancingResult r = result();
        BufferedImage love = r.lovePlot();
        assertEquals(720, love.getWidth());
        assertTrue(love.getHeight() >= 7 * 22, "one row per moment");
        assertTrue(countColour(love, 0x1F77B4) > 50, "after-weighting points drawn");
        assertTrue(countColour(love, 0xFF7F0E) > 50, "before-weighting points drawn");
        BufferedImage hist = r.weightHistogram();
        assertEquals(720, hist.getWidth());
        assertEquals(400, hist.getHeight());
        assertTrue(r.toString().contains("converged") && r.toString().contains("ESS"), r.toString());
    }

    @Test
    void weightsByGroupShowsEachGroupsShareBeforeAndAfter() {
        BalancingResult r = result();
        List<String> topics = List.of("politics", "science", "sports");
        Covariates groups = Covariates.oneHot(SyntheticGroups.categories(1200, new double[]{3, 2, 1}, 30), topics);
        Table t = r.weightsByGroup(groups);
        assertEquals(List.of("group", "controls", "share before", "share after", "mean n·w"), t.columnNames());
        assertEquals(1200, t.intColumn("controls").sum(), 1e-9);
        assertEquals(1.0, t.doubleColumn("share before").sum(), 1e-3);
        assertEquals(1.0, t.doubleColumn("share after").sum(), 1e-3);
        for (int j = 0; j < 3; j++) {
            // balanced on these indicators: the weight share equals the treated share
            assertEquals(r.moments().get(j).target(), t.doubleColumn("share after").get(j), 1e-4);
            assertEquals(t.doubleColumn("share after").get(j) / t.doubleColumn("share before").get(j),
                    t.doubleColumn("mean n·w").get(j), 2e-3);
        }
        assertTrue(t.doubleColumn("mean n·w").get(0) < 1, "politics, common among controls, is weighted down");
        assertTrue(t.doubleColumn("mean n·w").get(2) > 1, "sports, rare among controls, is weighted up");
        Covariates continuous = Covariates.of(SyntheticGroups.gaussian(1200, 1, 0, 1, 5), List.of("z"));
        assertThrows(IllegalArgumentException.class, () -> r.weightsByGroup(continuous));
        assertThrows(IllegalArgumentException.class, () -> r.weightsByGroup(groups.rows(new int[]{0, 1})));
    }

    private static int countColour(BufferedImage img, int rgb) {
        int count = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
