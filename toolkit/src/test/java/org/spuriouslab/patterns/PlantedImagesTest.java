package org.spuriouslab.patterns;

import org.junit.jupiter.api.Test;
import org.spuriouslab.data.ImageSet;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlantedImagesTest {

    private static final ImageSet SET = Synthetic.images(6, 6, 5, 3);

    @Test
    void queriesAgreeWithTheMask() {
        boolean[][] carries = {
            {true, false, false, true, false, false, false, false},
            {false, false, false, true, true, false, false, false}};
        PlantedImages p = new PlantedImages(SET, List.of(Patterns.s1(6, 6), Patterns.s2()), carries);
        assertTrue(p.carries(0, 0));
        assertFalse(p.carries(1, 0));
        assertArrayEquals(new int[]{0, 3}, p.indicesCarrying(0));
        assertArrayEquals(new int[]{3, 4}, p.indicesCarrying(1));
        assertEquals(2, p.countCarrying(1));
        assertTrue(p.carriesAny(4));
        assertFalse(p.carriesAny(5));
        assertThrows(IndexOutOfBoundsException.class, () -> p.mask(2));
    }

    @Test
    void masksAreDefensiveCopies() {
        boolean[][] carries = {{true, false, false, false, false, false, false, false}};
        PlantedImages p = new PlantedImages(SET, List.of(Patterns.s2()), carries);
        carries[0][1] = true;
        assertFalse(p.carries(0, 1), "constructor copies");
        p.mask(0)[2] = true;
        p.carries()[0][3] = true;
        assertEquals(1, p.countCarrying(0), "accessors copy");
        assertEquals(new PlantedImages(SET, List.of(Patterns.s2()), p.carries()), p);
    }

    @Test
    void rejectsMasksOfTheWrongShape() {
        assertEquals("1 masks for 2 patterns", assertThrows(IllegalArgumentException.class,
                () -> new PlantedImages(SET, List.of(Patterns.s2(), Patterns.s3()), new boolean[1][8])).getMessage());
        assertEquals("mask 0 has 3 flags for 8 images", assertThrows(IllegalArgumentException.class,
                () -> new PlantedImages(SET, List.of(Patterns.s2()), new boolean[1][3])).getMessage());
    }

    @Test
    void summaryAndPerClassTables() {
        ImageSet set = Synthetic.images(6, 6, 20, 10, 10);
        PlantedImages p = Injector.inject(set, InjectionSpec.of(
                PlantSpec.of(Patterns.s2()).inClass(0, 8).inOtherClasses(0.2),
                PlantSpec.of(Patterns.patch(0, 0, 2, 0.5, 1)).inClass(1, 4),
                PlantSpec.of(Patterns.patch(2, 2, 2, 0.5, 1)).inClass(2, 5)), 3);
        Table s = p.summary();
        assertEquals(3, s.rowCount());
        assertEquals(List.of("S2", "patch", "patch"), s.stringColumn("id").asList());
        assertEquals(12, s.intColumn("images carrying").get(0));
        assertEquals(12 / 40.0, s.doubleColumn("share").get(0), 1e-12);
        Table pc = p.perClass(3);
        assertEquals(List.of("class", "images", "S2", "patch", "patch #3"), pc.columnNames());
        assertArrayEquals(new int[]{20, 10, 10}, pc.intColumn("images").asIntArray());
        assertArrayEquals(new int[]{8, 2, 2}, pc.intColumn("S2").asIntArray());
        assertArrayEquals(new int[]{0, 4, 0}, pc.intColumn("patch").asIntArray());
        assertArrayEquals(new int[]{0, 0, 5}, pc.intColumn("patch #3").asIntArray());
        Table named = p.perClass(List.of("a", "b", "c"));
        assertEquals(List.of("a", "b", "c"), named.stringColumn("class name").asList());
        assertTrue(p.toString().contains("S2=12"));
    }
}
