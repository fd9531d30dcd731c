package org.spuriouslab.causal;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BalanceComparisonTest {

    /** Category 0 treated often; a noisy proxy of the category (right 70 % of the time). */
    private static final int N = 3000;
    private static final int[] CATEGORY = SyntheticGroups.categories(N, new double[]{1, 1, 1}, 21);
    private static final boolean[] TREATED = new boolean[N];
    private static final int[] PROXY = new int[N];

    static {
        int[] noise = SyntheticGroups.categories(N, new double[]{1, 1, 1}, 22);
        for (int i = 0; i < N; i++) {
            TREATED[i] = CATEGORY[i] == 0 ? i % 2 == 0 : i % 6 == 0;
            PROXY[i] = i % 10 < 7 ? CATEGORY[i] : noise[i];
        }
    }

    @Test
    void aProxyRemovesPartOfTheImbalanceTheTruthAllOfIt() {
        List<String> names = List.of("a", "b", "c");
        TreatmentGroups truth = TreatmentGroups.split(Covariates.oneHot(CATEGORY, names), TREATED);
        TreatmentGroups proxy = TreatmentGroups.split(Covariates.oneHot(PROXY, List.of("p", "q", "r")), TREATED);
        BalancingResult onTruth = truth.balance(EntropyBalancing.defaults());
        BalancingResult onProxy = proxy.balance(EntropyBalancing.defaults());
        BalanceComparison c = BalanceComparison.of(truth).with("proxy", onProxy.weights())
                .with("truth", onTruth.weights());

        assertEquals(List.of("unweighted", "proxy", "truth"), c.labels());
        double[] max = c.maxAbsSmd();
        assertEquals(onTruth.maxAbsSmdBefore(), max[0], 1e-12, "unweighted = the balancing's own 'before'");
        assertTrue(max[2] < 1e-8, "exact on the truth: " + max[2]);
        assertTrue(max[1] < 0.8 * max[0] && max[1] > 0.1, "the proxy removes part: " + Arrays.toString(max));
        double[] ess = c.effectiveSampleSizes();
        assertEquals(truth.controls().size(), ess[0], 1e-9);
        assertEquals(onTruth.effectiveSampleSize(), ess[2], 1e-9);

        Table t = c.table();
        assertEquals(List.of("covariate", "treated mean", "mean: unweighted", "mean: proxy", "mean: truth",
                "SMD: unweighted", "SMD: proxy", "SMD: truth"), t.columnNames());
        assertEquals(3, t.rowCount());
        assertEquals(t.doubleColumn("treated mean").get(0), t.doubleColumn("mean: truth").get(0), 1e-4);
        Table s = c.summary();
        assertEquals(3, s.rowCount());
        assertEquals(0, s.intColumn("|SMD| > 0.1").get(2));
        assertTrue(s.intColumn("|SMD| > 0.1").get(0) >= 1);

        BufferedImage love = c.lovePlot("truth under each weighting");
        assertEquals(720, love.getWidth());
        assertTrue(count(love, 0xFF7F0E) > 30 && count(love, 0x1F77B4) > 30 && count(love, 0x2CA02C) > 30,
                "one colour per weighting");
        BufferedImage bars = c.meansChart("shares");
        assertEquals(720, bars.getWidth());
        assertTrue(bars.getHeight() >= 400);
    }

    @Test
    void badWeightingsAreRejected() {
        TreatmentGroups g = TreatmentGroups.split(Covariates.oneHot(CATEGORY, List.of("a", "b", "c")), TREATED);
        BalanceComparison c = BalanceComparison.of(g);
        assertThrows(IllegalArgumentException.class, () -> c.with("short", new double[3]));
        double[] w = new double[g.controls().size()];
        Arrays.fill(w, 1.0);
        assertThrows(IllegalArgumentException.class, () -> c.with("unweighted", w));
        w[0] = -1;
        assertThrows(IllegalArgumentException.class, () -> c.with("negative", w));
        w[0] = 1;
        assertArrayEquals(c.smd()[0], c.with("ones", w).smd()[1], 1e-12, "equal weights = unweighted");
    }

    private static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return n;
    }
}
