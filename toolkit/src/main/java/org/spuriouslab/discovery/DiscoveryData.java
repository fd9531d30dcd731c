package org.spuriouslab.discovery;

import org.spuriouslab.data.ImageDataset;
import org.spuriouslab.data.ImageSet;
import org.spuriouslab.patterns.PlantSpec;
import org.spuriouslab.patterns.PlantedImages;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sets of one discovery experiment.
 *
 * @param source     the dataset they were drawn from
 * @param setup      the design that drew them
 * @param train      training images of the classes of interest, labels renumbered 0..k-1, with the
 *                   planted patterns and their ground-truth mask
 * @param cleanTrain the same training images before planting (for a clean reference model)
 * @param pool       unrelated images (other classes, original labels), a share carrying each pattern
 * @param test       clean test images of the classes of interest, labels renumbered 0..k-1
 * @param classNames names of the classes of interest, in label order
 * @param poolClasses the original classes the pool was drawn from
 */
public record DiscoveryData(ImageDataset source, DiscoverySetup setup, PlantedImages train, ImageSet cleanTrain,
                            PlantedImages pool, ImageSet test, List<String> classNames, int[] poolClasses) {

    /** Copies. */
    public DiscoveryData {
        classNames = List.copyOf(classNames);
        poolClasses = poolClasses.clone();
    }

    @Override
    public int[] poolClasses() {
        return poolClasses.clone();
    }

    /** Number of classes the classifier learns. */
    public int numClasses() {
        return classNames.size();
    }

    /** Everything the VAE embeds and learns from: the training images followed by the pool. */
    public ImageSet embeddingImages() {
        return train.images().concat(pool.images());
    }

    /** One (pattern, class) pair per planted class of every plant, classes renumbered. */
    public List<PlantedTarget> targets() {
        List<PlantedTarget> out = new ArrayList<>();
        List<PlantSpec> plants = setup.plants();
        for (int k = 0; k < plants.size(); k++) {
            for (int c : DiscoverySetup.plantedClasses(plants.get(k))) {
                int label = setup.indexOf(c);
                out.add(new PlantedTarget(k, plants.get(k).pattern(), c, label, classNames.get(label)));
            }
        }
        return out;
    }

    /** What was drawn and planted: one row per set and pattern. */
    public Table summary() {
        List<String> set = new ArrayList<>();
        List<String> pattern = new ArrayList<>();
        List<Integer> images = new ArrayList<>();
        List<Integer> carrying = new ArrayList<>();
        for (int k = 0; k < train.patterns().size(); k++) {
            set.add("training (" + String.join(", ", classNames) + ")");
            pattern.add(train.patterns().get(k).name());
            images.add(train.images().size());
            carrying.add(train.countCarrying(k));
        }
        for (int k = 0; k < pool.patterns().size(); k++) {
            set.add("unrelated pool (classes " + Arrays.toString(poolClasses) + ")");
            pattern.add(pool.patterns().get(k).name());
            images.add(pool.images().size());
            carrying.add(pool.countCarrying(k));
        }
        set.add("clean test (" + String.join(", ", classNames) + ")");
        pattern.add("—");
        images.add(test.size());
        carrying.add(0);
        return Table.create("discovery data on " + source.name(),
                StringColumn.create("set", set), StringColumn.create("pattern", pattern),
                IntColumn.create("images", images.stream().mapToInt(Integer::intValue).toArray()),
                IntColumn.create("carrying the pattern", carrying.stream().mapToInt(Integer::intValue).toArray()));
    }
}
