package org.spuriouslab.mitigation;

import org.spuriouslab.patterns.Pattern;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A planted-pattern benchmark with groups (class × pattern present): a training split (to train the
 * model and retrain its head), a held-out identification split (NeuronTune scores neurons on it;
 * the oracle retrains on it) and a test split (where the pattern is independent of the class).
 * Build one with {@link SpuriousBenchmark}.
 *
 * @param train          training split
 * @param identification held-out identification (validation) split
 * @param test           test split
 * @param classNames     one name per class 0..k-1
 * @param pattern        the planted pattern
 * @param biasedClass    the class (0..k-1) that carries the pattern most often in training
 */
public record GroupedSplits(GroupedSet train, GroupedSet identification, GroupedSet test, List<String> classNames,
                            Pattern pattern, int biasedClass) {

    /** Checks that the three splits and the names agree on the number of classes. */
    public GroupedSplits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(identification, "identification");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(pattern, "pattern");
        classNames = List.copyOf(classNames);
        int k = classNames.size();
        if (train.numClasses() != k || identification.numClasses() != k || test.numClasses() != k) {
            throw new IllegalArgumentException("splits have " + train.numClasses() + "/" + identification.numClasses()
                    + "/" + test.numClasses() + " classes but there are " + k + " class names");
        }
        if (biasedClass < 0 || biasedClass >= k) {
            throw new IllegalArgumentException("biasedClass must be in 0.." + (k - 1) + ", got " + biasedClass);
        }
    }

    /** Number of classes. */
    public int numClasses() {
        return classNames.size();
    }

    /** Number of groups ({@code 2 · numClasses}). */
    public int numGroups() {
        return 2 * numClasses();
    }

    /** Group names, index = group id, e.g. {@code "Coat + S3"} and {@code "Coat, no S3"}. */
    public List<String> groupNames() {
        List<String> out = new ArrayList<>();
        for (String c : classNames) {
            out.add(c + ", no " + pattern.id());
            out.add(c + " + " + pattern.id());
        }
        return out;
    }

    /** One row per group: its name and how many images it has in each split. */
    public Table summary() {
        return Table.create("groups (class × pattern present)",
                StringColumn.create("group", groupNames()),
                IntColumn.create("train", train.groupCounts()),
                IntColumn.create("identification", identification.groupCounts()),
                IntColumn.create("test", test.groupCounts()));
    }
}
