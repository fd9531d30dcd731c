package org.spuriouslab.mitigation;

import org.spuriouslab.charts.Charts;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How well a model does on each group (class × pattern present) of a split.
 * Average accuracy is the share of all images classified correctly; worst-group accuracy (WGA) is
 * the lowest accuracy over the groups that have images.
 *
 * @param model              a name for the model, e.g. {@code "ERM"}
 * @param groupNames         one name per group
 * @param groupAccuracy      accuracy per group; NaN for a group without images
 * @param groupCounts        images per group
 * @param averageAccuracy    accuracy over all images
 * @param worstGroupAccuracy lowest group accuracy
 * @param worstGroup         index of the worst group
 */
public record GroupReport(String model, List<String> groupNames, double[] groupAccuracy, int[] groupCounts,
                          double averageAccuracy, double worstGroupAccuracy, int worstGroup) {

    /** Checks the lengths and copies the arrays. */
    public GroupReport {
        Objects.requireNonNull(model, "model");
        groupNames = List.copyOf(groupNames);
        if (groupAccuracy.length != groupNames.size() || groupCounts.length != groupNames.size()) {
            throw new IllegalArgumentException(groupNames.size() + " group names, " + groupAccuracy.length
                    + " accuracies, " + groupCounts.length + " counts: all must be equal");
        }
        groupAccuracy = groupAccuracy.clone();
        groupCounts = groupCounts.clone();
    }

    /**
     * The report of predictions on a grouped split.
     *
     * @throws IllegalArgumentException when the lengths differ or the split is empty
     */
    public static GroupReport of(String model, int[] predictions, GroupedSet set, List<String> groupNames) {
        if (predictions.length != set.size()) {
            throw new IllegalArgumentException(predictions.length + " predictions for " + set.size() + " images");
        }
        if (set.size() == 0) {
            throw new IllegalArgumentException("cannot report on an empty split");
        }
        if (groupNames.size() != set.numGroups()) {
            throw new IllegalArgumentException(groupNames.size() + " group names for " + set.numGroups() + " groups");
        }
        int[] groups = set.groups();
        int[] labels = set.labels();
        int[] counts = new int[set.numGroups()];
        int[] correct = new int[set.numGroups()];
        int total = 0;
        for (int i = 0; i < groups.length; i++) {
            counts[groups[i]]++;
            if (predictions[i] == labels[i]) {
                correct[groups[i]]++;
                total++;
            }
        }
        double[] acc = new double[counts.length];
        int worst = -1;
        for (int g = 0; g < acc.length; g++) {
            acc[g] = counts[g] == 0 ? Double.NaN : (double) correct[g] / counts[g];
            if (counts[g] > 0 && (worst < 0 || acc[g] < acc[worst])) {
                worst = g;
            }
        }
        return new GroupReport(model, groupNames, acc, counts, (double) total / groups.length, acc[worst], worst);
    }

    /** A copy of the per-group accuracies. */
    @Override
    public double[] groupAccuracy() {
        return groupAccuracy.clone();
    }

    /** A copy of the per-group counts. */
    @Override
    public int[] groupCounts() {
        return groupCounts.clone();
    }

    /** Name of the worst group. */
    public String worstGroupName() {
        return groupNames.get(worstGroup);
    }

    /** This report under another model name. */
    public GroupReport named(String name) {
        return new GroupReport(name, groupNames, groupAccuracy, groupCounts, averageAccuracy, worstGroupAccuracy,
                worstGroup);
    }

    /** One row per report: model, average accuracy, worst-group accuracy and the worst group. */
    public static Table summary(List<GroupReport> reports) {
        return Table.create("average and worst-group accuracy",
                StringColumn.create("model", reports.stream().map(GroupReport::model).toList()),
                DoubleColumn.create("average accuracy", reports.stream().mapToDouble(r -> round(r.averageAccuracy())).toArray()),
                DoubleColumn.create("worst-group accuracy", reports.stream().mapToDouble(r -> round(r.worstGroupAccuracy())).toArray()),
                StringColumn.create("worst group", reports.stream().map(GroupReport::worstGroupName).toList()));
    }

    /** One row per group (its name and size), one accuracy column per report. */
    public static Table perGroup(List<GroupReport> reports) {
        requireSameGroups(reports);
        GroupReport first = reports.getFirst();
        Table t = Table.create("accuracy per group",
                StringColumn.create("group", first.groupNames()),
                IntColumn.create("images", first.groupCounts()));
        for (GroupReport r : reports) {
            double[] a = r.groupAccuracy();
            for (int g = 0; g < a.length; g++) {
                a[g] = round(a[g]);
            }
            t.addColumns(DoubleColumn.create(unique(t, r.model()), a));
        }
        return t;
    }

    /** Grouped bars: one group of bars per group, one bar per report. */
    public static BufferedImage chart(String title, List<GroupReport> reports) {
        requireSameGroups(reports);
        Map<String, double[]> series = new LinkedHashMap<>();
        for (GroupReport r : reports) {
            double[] a = r.groupAccuracy();
            for (int g = 0; g < a.length; g++) {
                a[g] = Double.isNaN(a[g]) ? 0 : a[g];
            }
            String name = r.model();
            while (series.containsKey(name)) {
                name = name + "'";
            }
            series.put(name, a);
        }
        return Charts.bars(title, "group", "accuracy", reports.getFirst().groupNames(), series);
    }

    private static String unique(Table t, String name) {
        String n = name;
        while (t.columnNames().contains(n)) {
            n = n + "'";
        }
        return n;
    }

    private static void requireSameGroups(List<GroupReport> reports) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("need at least one report");
        }
        for (GroupReport r : reports) {
            if (!r.groupNames().equals(reports.getFirst().groupNames())) {
                throw new IllegalArgumentException("reports '" + reports.getFirst().model() + "' and '" + r.model()
                        + "' are on different groups");
            }
        }
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 10000) / 10000.0;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "GroupReport[%s: average %.4f, WGA %.4f (%s)]", model,
                averageAccuracy, worstGroupAccuracy, worstGroupName());
    }
}
