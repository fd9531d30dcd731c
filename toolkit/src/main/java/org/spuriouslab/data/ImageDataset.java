package org.spuriouslab.data;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.List;

/**
 * A named image dataset with its train and test splits and the verified files it was read from.
 *
 * @param kind  which dataset (MNIST or Fashion-MNIST)
 * @param train the training split
 * @param test  the test split
 * @param files the files read, with their sizes and SHA-256 checksums
 * @param dir   the folder they were read from
 */
public record ImageDataset(DatasetKind kind, ImageSet train, ImageSet test, List<DataFile> files, Path dir) {

    /** Display name, e.g. {@code MNIST}. */
    public String name() {
        return kind.displayName();
    }

    /** Class names, index = label. */
    public List<String> classNames() {
        return kind.classNames();
    }

    public int numClasses() {
        return kind.classNames().size();
    }

    /** One row per split: images, image size, classes. */
    public Table summary() {
        Table t = Table.create(name() + " splits",
                StringColumn.create("split", "train", "test"),
                IntColumn.create("images", train.size(), test.size()),
                StringColumn.create("image size", train.rows() + "×" + train.cols(), test.rows() + "×" + test.cols()),
                IntColumn.create("classes", numClasses(), numClasses()));
        return t;
    }

    /** One row per file: name, bytes, SHA-256 and source. */
    public Table fileTable() {
        return Table.create(name() + " files (verified SHA-256)",
                StringColumn.create("file", files.stream().map(DataFile::file).toList()),
                LongColumn.create("bytes", files.stream().mapToLong(DataFile::size).toArray()),
                StringColumn.create("sha256", files.stream().map(DataFile::sha256).toList()),
                StringColumn.create("source", files.stream().map(DataFile::source).toList()));
    }

    /** Images per class in both splits. */
    public Table classTable() {
        int[] tr = train.classCounts(numClasses());
        int[] te = test.classCounts(numClasses());
        int[] labels = java.util.stream.IntStream.range(0, numClasses()).toArray();
        return Table.create(name() + " images per class",
                IntColumn.create("label", labels),
                StringColumn.create("class", classNames()),
                IntColumn.create("train", tr),
                IntColumn.create("test", te));
    }

    @Override
    public String toString() {
        return name() + " (train " + train.size() + ", test " + test.size() + ", from " + dir + ")";
    }
}
