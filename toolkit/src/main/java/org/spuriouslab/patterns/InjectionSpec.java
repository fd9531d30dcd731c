package org.spuriouslab.patterns;

import java.util.List;

/**
 * One or more plants, applied in order by {@link Injector#inject}. Each plant's images are
 * chosen independently, so an image may carry several patterns.
 *
 * @param plants the plants, at least one
 */
public record InjectionSpec(List<PlantSpec> plants) {

    /** Copies the list; it must not be empty. */
    public InjectionSpec {
        plants = List.copyOf(plants);
        if (plants.isEmpty()) {
            throw new IllegalArgumentException("an injection needs at least one plant, got none");
        }
    }

    /** The spec of these plants, in this order. */
    public static InjectionSpec of(PlantSpec... plants) {
        return new InjectionSpec(List.of(plants));
    }

    /** This spec with one more plant at the end. */
    public InjectionSpec and(PlantSpec plant) {
        java.util.ArrayList<PlantSpec> all = new java.util.ArrayList<>(plants);
        all.add(plant);
        return new InjectionSpec(all);
    }

    /** The patterns of the plants, in plant order. */
    public List<Pattern> patterns() {
        return plants.stream().map(PlantSpec::pattern).toList();
    }
}
