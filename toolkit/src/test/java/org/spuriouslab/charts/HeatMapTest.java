package org.spuriouslab.charts;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeatMapTest {

    @Test
    void positiveValuesUseTheSequentialScaleEnds() {
        BufferedImage img = HeatMap.of("scores", new double[][]{{0, 1}, {0.5, Double.NaN}}, List.of("r0", "r1"), List.of("c0", "c1"));
        assertEquals(Charts.WIDTH, img.getWidth());
        assertEquals(Charts.HEIGHT, img.getHeight());
        assertTrue(ScatterChartTest.contains(img, new Color(0x440154)), "minimum cell is dark purple");
        assertTrue(ScatterChartTest.contains(img, new Color(0xFDE725)), "maximum cell is yellow");
        assertTrue(ScatterChartTest.contains(img, new Color(0xDDDDDD)), "NaN cell is grey");
        assertFalse(ScatterChartTest.contains(img, new Color(0xB2182B)), "no diverging red for positive data");
    }

    @Test
    void signedValuesUseTheDivergingScale() {
        BufferedImage img = HeatMap.of("signed", new double[][]{{-2, 1}, {0, 2}}, null, null);
        assertTrue(ScatterChartTest.contains(img, new Color(0x2166AC)), "−max is blue");
        assertTrue(ScatterChartTest.contains(img, new Color(0xB2182B)), "+max is red");
        assertTrue(ScatterChartTest.contains(img, new Color(0xF7F7F7)), "0 is white-ish");
    }

    @Test
    void manyColumnsStillRender() {
        double[][] v = new double[6][150];
        List<String> cols = new ArrayList<>();
        for (int c = 0; c < 150; c++) {
            cols.add("neuron " + c);
            for (int r = 0; r < 6; r++) {
                v[r][c] = Math.sin(r + c * 0.1);
            }
        }
        BufferedImage img = HeatMap.of("many", v, null, cols);
        assertEquals(Charts.WIDTH, img.getWidth());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> HeatMap.of("t", new double[0][0], null, null));
        assertThrows(IllegalArgumentException.class, () -> HeatMap.of("t", new double[][]{{1, 2}, {3}}, null, null));
        assertThrows(IllegalArgumentException.class, () -> HeatMap.of("t", new double[][]{{1, 2}}, List.of("a", "b"), null));
        assertThrows(IllegalArgumentException.class, () -> HeatMap.of("t", new double[][]{{1, 2}}, null, List.of("a")));
    }
}
