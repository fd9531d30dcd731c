package org.spuriouslab.causal;

import java.util.Arrays;
import java.util.Objects;

/**
 * A mediator {@code M_u} of a mediation analysis: the whole output of a hooked unit (layer), or
 * some positions of it (e.g. one neuron), shown under {@code name}.
 *
 * @param name      display name, e.g. {@code "hidden 1"} or {@code "topic unit"}
 * @param unit      the hooked network's unit whose output is (partly) the mediator
 * @param positions positions within one flattened output row, or {@code null} for the whole row
 */
public record Mediator(String name, String unit, int[] positions) {

    /** Checks names and positions. */
    public Mediator {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a mediator needs a non-blank name");
        }
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("mediator '" + name + "' needs a non-blank unit name");
        }
        if (positions != null) {
            if (positions.length == 0) {
                throw new IllegalArgumentException("mediator '" + name + "' has an empty position list; use null for the whole unit");
            }
            positions = positions.clone();
            for (int p : positions) {
                if (p < 0) {
                    throw new IllegalArgumentException("mediator '" + name + "' has position " + p + "; positions must be ≥ 0");
                }
            }
            if (Arrays.stream(positions).distinct().count() != positions.length) {
                throw new IllegalArgumentException("mediator '" + name + "' repeats positions " + Arrays.toString(positions));
            }
        }
    }

    /** The whole output of unit {@code unit}, named like the unit. */
    public static Mediator unit(String unit) {
        return new Mediator(Objects.requireNonNull(unit, "unit"), unit, null);
    }

    /** Neuron {@code index} (position in the flattened row) of unit {@code unit}, named {@code name}. */
    public static Mediator neuron(String unit, int index, String name) {
        return new Mediator(name, unit, new int[]{index});
    }

    /** Neuron {@code index} of unit {@code unit}, named {@code "unit[index]"}. */
    public static Mediator neuron(String unit, int index) {
        return neuron(unit, index, unit + "[" + index + "]");
    }

    /** Whether the mediator is the unit's whole output row. */
    public boolean wholeUnit() {
        return positions == null;
    }

    @Override
    public int[] positions() {
        return positions == null ? null : positions.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mediator m && name.equals(m.name) && unit.equals(m.unit) && Arrays.equals(positions, m.positions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, unit, Arrays.hashCode(positions));
    }

    @Override
    public String toString() {
        return name + (positions == null ? " (" + unit + ")" : " (" + unit + " " + Arrays.toString(positions) + ")");
    }
}
