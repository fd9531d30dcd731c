package org.spuriouslab.models;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a VAE's training went, epoch by epoch.
 *
 * @param epochs one entry per epoch
 */
public record VaeHistory(List<VaeEpoch> epochs) {

    /** Copies the list; it must not be empty. */
    public VaeHistory {
        epochs = List.copyOf(epochs);
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("a VAE history needs at least one epoch");
        }
    }

    /** The last epoch's statistics. */
    public VaeEpoch last() {
        return epochs.getLast();
    }

    /** Total training time in seconds. */
    public double totalSeconds() {
        return epochs.stream().mapToDouble(VaeEpoch::seconds).sum();
    }

    /** Two panels: the ELBO per epoch; its two parts, reconstruction error and KL, per epoch. */
    public BufferedImage chart() {
        int[] x = epochs.stream().mapToInt(VaeEpoch::epoch).toArray();
        Map<String, double[]> elbo = new LinkedHashMap<>();
        elbo.put("ELBO", epochs.stream().mapToDouble(VaeEpoch::elbo).toArray());
        Map<String, double[]> parts = new LinkedHashMap<>();
        parts.put("reconstruction", epochs.stream().mapToDouble(VaeEpoch::reconstruction).toArray());
        parts.put("KL", epochs.stream().mapToDouble(VaeEpoch::kl).toArray());
        return Panels.stack(
                Panels.panel("ELBO per image (higher is better)", "nats", x, elbo),
                Panels.panel("Loss parts per image", "nats", x, parts));
    }

    /** One row per epoch: epoch, ELBO, reconstruction, KL, seconds. */
    public Table table() {
        return Table.create("VAE training history",
                IntColumn.create("epoch", epochs.stream().mapToInt(VaeEpoch::epoch).toArray()),
                DoubleColumn.create("ELBO", epochs.stream().mapToDouble(e -> TrainingHistory.round(e.elbo(), 2))),
                DoubleColumn.create("reconstruction",
                        epochs.stream().mapToDouble(e -> TrainingHistory.round(e.reconstruction(), 2))),
                DoubleColumn.create("KL", epochs.stream().mapToDouble(e -> TrainingHistory.round(e.kl(), 2))),
                DoubleColumn.create("seconds", epochs.stream().mapToDouble(e -> TrainingHistory.round(e.seconds(), 2))));
    }
}
