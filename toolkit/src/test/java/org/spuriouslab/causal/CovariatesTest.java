package org.spuriouslab.causal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CovariatesTest {

    @Test
    void oneHotHasOneColumnPerCategory() {
        Covariates c = Covariates.oneHot(new int[]{2, 0, 1, 2}, List.of("a", "b", "c"));
        assertEquals(4, c.size());
        assertEquals(3, c.dimension());
        assertArrayEquals(new double[]{0, 0, 1}, c.row(0));
        assertArrayEquals(new double[]{1, 0, 0}, c.row(1));
        assertArrayEquals(new double[]{0.25, 0.25, 0.5}, c.means(), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Covariates.oneHot(new int[]{0, 3}, List.of("a", "b", "c")));
        assertTrue(e.getMessage().contains("category 3") && e.getMessage().contains("0..2"), e.getMessage());
    }

    @Test
    void withSquaresAppendsNamedSquares() {
        Covariates c = Covariates.of(new double[][]{{1, -2}, {3, 0.5}}, List.of("age", "score")).withSquares();
        assertEquals(List.of("age", "score", "age²", "score²"), c.names());
        assertArrayEquals(new double[]{1, -2, 1, 4}, c.row(0));
        assertArrayEquals(new double[]{3, 0.5, 9, 0.25}, c.row(1));
    }

    @Test
    void factoriesCopyAndAccessorsAgree() {
        double[][] x = {{1, 2}, {3, 4}, {5, 6}};
        Covariates c = Covariates.of(x);
        x[0][0] = 99;
        assertEquals(1, c.get(0, 0));
        assertEquals(List.of("x1", "x2"), c.names());
        assertArrayEquals(new double[]{2, 4, 6}, c.column(1));
        assertArrayEquals(new double[]{5, 6}, c.rows(new int[]{2, 0}).row(0));
        Covariates flat = Covariates.ofRowMajor(new double[]{1, 2, 3, 4, 5, 6}, List.of("u", "v"));
        assertArrayEquals(new double[][]{{1, 2}, {3, 4}, {5, 6}}, flat.values());
        assertArrayEquals(new double[]{4.0, 5.0}, flat.means(new double[]{0, 1, 1}), 1e-15);
        Covariates joined = flat.withColumns(Covariates.oneHot(new int[]{0, 1, 0}, List.of("k0", "k1")));
        assertEquals(List.of("u", "v", "k0", "k1"), joined.names());
        assertArrayEquals(new double[]{3, 4, 0, 1}, joined.row(1));
    }

    @Test
    void badInputIsRejectedWithAReason() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Covariates.of(new double[][]{{1, 2}, {3}}, List.of("a", "b"))).getMessage().contains("row 1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Covariates.of(new double[][]{{1, Double.NaN}}, List.of("a", "b"))).getMessage().contains("finite"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Covariates.of(new double[][]{{1, 2}}, List.of("a", "a"))).getMessage().contains("twice"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Covariates.ofRowMajor(new double[]{1, 2, 3}, List.of("a", "b"))).getMessage().contains("multiple"));
        assertThrows(IllegalArgumentException.class, () -> Covariates.of(new double[0][], List.of("a")));
        Covariates c = Covariates.of(new double[][]{{1}});
        assertThrows(IllegalArgumentException.class, () -> c.withColumns(Covariates.of(new double[][]{{1}, {2}}, List.of("y"))));
        assertThrows(IllegalArgumentException.class, () -> c.withColumns(c));
        assertThrows(IllegalArgumentException.class, () -> c.rows(new int[]{1}));
    }
}
