package org.spuriouslab.shortcut;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShortcutComparisonTest {

    private static SpuriousScore score(double... rises) {
        int above = 0;
        double sum = 0;
        for (double r : rises) {
            above += r > SpuriousScore.THRESHOLD ? 1 : 0;
            sum += r;
        }
        return new SpuriousScore("S3", 3, rises.length, above / (double) rises.length, sum / rises.length, rises);
    }

    @Test
    void welchTestMatchesHandComputation() {
        // x = 1..4: mean 2.5, s² = 5/3; y = 2,4,..,10: mean 6, s² = 10
        // se² = (5/3)/4 + 10/5 = 2.41667; t = -3.5 / 1.55456 = -2.25144
        // df = 2.41667² / ((5/12)²/3 + 2²/4) = 5.84028 / 1.05787 = 5.52080
        ShortcutComparison c = ShortcutComparison.of(score(1, 2, 3, 4), score(2, 4, 6, 8, 10));
        assertEquals(-2.25144, c.t(), 1e-4);
        assertEquals(5.52080, c.df(), 1e-4);
        assertTrue(c.pValue() > 0.05 && c.pValue() < 0.1, "p = " + c.pValue());
    }

    @Test
    void identicalConstantRisesGiveNoTest() {
        ShortcutComparison c = ShortcutComparison.of(score(0, 0, 0), score(0, 0, 0));
        assertTrue(Double.isNaN(c.t()));
        assertThrows(IllegalArgumentException.class, () -> ShortcutComparison.of(score(1), score(0, 0)));
    }

    @Test
    void tableAndChartShowBothModels() {
        ShortcutComparison c = ShortcutComparison.of(score(0.9, 0.8, 0.0, 0.95), score(0.01, -0.02, 0.0, 0.03));
        assertEquals(2, c.table().rowCount());
        assertEquals(0.75, c.table().doubleColumn("spurious score").get(0), 1e-9);
        assertEquals(0.0, c.table().doubleColumn("spurious score").get(1), 1e-9);
        BufferedImage img = c.chart();
        assertTrue(img.getWidth() > 100 && img.getHeight() > 100);
    }

    @Test
    void risesAreCopied() {
        double[] r = {0.5, 0.2};
        SpuriousScore s = score(r);
        r[0] = 9;
        assertEquals(0.5, s.rises()[0]);
        s.rises()[1] = 9;
        assertEquals(0.2, s.rises()[1]);
    }
}
