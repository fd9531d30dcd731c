package org.spuriouslab.models;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a classifier's training went, epoch by epoch.
 *
 * @param epochs       one entry per epoch that ran
 * @param bestEpoch    1-based epoch whose parameters the model keeps (the last one without early stopping)
 * @param stoppedEarly true when early stopping ended training before the last planned epoch
 */
public record TrainingHistory(List<EpochStats> epochs, int bestEpoch, boolean stoppedEarly) {

    /** Copies the list and checks that {@code bestEpoch} is one of the epochs. */
    public TrainingHistory {
        epochs = List.copyOf(epochs);
        if (epochs.isEmpty() || bestEpoch < 1 || bestEpoch > epochs.size()) {
            throw new IllegalArgumentException("bestEpoch must be in 1.." + epochs.size() + ", got " + bestEpoch);
        }
    }

    /** The statistics of the epoch whose parameters were kept. */
    public EpochStats best() {
        return epochs.get(bestEpoch - 1);
    }

    /** Total training time in seconds. */
    public double totalSeconds() {
        return epochs.stream().mapToDouble(EpochStats::seconds).sum();
    }

    /** Two panels: training loss per epoch; training (and validation) accuracy per epoch. */
    public BufferedImage chart() {
        int[] x = epochs.stream().mapToInt(EpochStats::epoch).toArray();
        Map<String, double[]> loss = new LinkedHashMap<>();
        loss.put("train loss", epochs.stream().mapToDouble(EpochStats::trainLoss).toArray());
        Map<String, double[]> acc = new LinkedHashMap<>();
        acc.put("train", epochs.stream().mapToDouble(EpochStats::trainAccuracy).toArray());
        acc.put("validation", epochs.stream().mapToDouble(EpochStats::validationAccuracy).toArray());
        String note = stoppedEarly ? " (stopped early, kept epoch " + bestEpoch + ")" : "";
        return Panels.stack(
                Panels.panel("Training loss" + note, "cross-entropy", x, loss),
                Panels.panel("Accuracy", "accuracy", x, acc));
    }

    /** One row per epoch: epoch, train loss, train accuracy, validation accuracy, seconds. */
    public Table table() {
        return Table.create("training history" + (stoppedEarly ? " (stopped early, kept epoch " + bestEpoch + ")" : ""),
                IntColumn.create("epoch", epochs.stream().mapToInt(EpochStats::epoch).toArray()),
                DoubleColumn.create("train loss", epochs.stream().mapToDouble(e -> round(e.trainLoss(), 4))),
                DoubleColumn.create("train accuracy", epochs.stream().mapToDouble(e -> round(e.trainAccuracy(), 4))),
                DoubleColumn.create("validation accuracy",
                        epochs.stream().mapToDouble(e -> round(e.validationAccuracy(), 4))),
                DoubleColumn.create("seconds", epochs.stream().mapToDouble(e -> round(e.seconds(), 2))));
    }

    static double round(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
