package org.spuriouslab.bench;

import static org.spuriouslab.bench.BenchSupport.require;
import static org.spuriouslab.bench.BenchSupport.status;

import org.spuriouslab.data.Datasets;
import org.spuriouslab.data.ImageDataset;
import org.spuriouslab.data.ImageSet;
import org.spuriouslab.models.Classifier;
import org.spuriouslab.models.ClassifierSpec;
import org.spuriouslab.models.EpochStats;
import org.spuriouslab.models.Vae;
import org.spuriouslab.models.VaeEpoch;
import org.spuriouslab.models.VaeSpec;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Java half of {@code scripts/bench-training.sh}: trains the toolkit's default MLP classifier,
 * CNN or VAE for a few epochs on the first N training images and prints seconds per epoch. The
 * PyTorch half ({@code scripts/bench/torch_bench.py}) trains the same networks on the same files.
 *
 * <pre>
 * java ... org.spuriouslab.bench.TrainingBenchmark [--dataset fashion-mnist] [--n 60000] [--epochs 3] [--models mlp,vae]
 * </pre>
 *
 * Output: progress lines, then per model {@code RESULT <model> <median s/epoch without the first> <all>},
 * and finally {@code MEMORY <VmHWM kB> <VmRSS kB>} (peak and current resident memory of this JVM).
 */
public final class TrainingBenchmark {

    private TrainingBenchmark() {
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        String dataset = null;
        int n = 60_000;
        int epochs = 3;
        List<String> models = List.of("mlp", "vae");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--dataset" -> dataset = require(args[i], value);
                case "--n" -> n = Integer.parseInt(require(args[i], value));
                case "--epochs" -> epochs = Integer.parseInt(require(args[i], value));
                case "--models" -> models = Arrays.asList(require(args[i], value).split(","));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --dataset ID, --n N, --epochs E, --models mlp,cnn,vae");
            }
            i++;
        }
        if (epochs < 2) {
            throw new IllegalArgumentException("--epochs must be at least 2 (the first epoch is left out), got " + epochs);
        }
        ImageDataset ds = dataset == null ? Datasets.load() : Datasets.load(dataset);
        if (n < 1 || n > ds.train().size()) {
            throw new IllegalArgumentException("--n must be in 1.." + ds.train().size() + ", got " + n);
        }
        ImageSet train = n == ds.train().size() ? ds.train() : ds.train().head(n);
        ds = null; // let the unused splits go
        System.out.printf(Locale.ROOT, "DJL on %s: %d images, %d epochs, Java %s%n", dataset == null ? "default dataset"
                : dataset, train.size(), epochs, System.getProperty("java.version"));
        for (String model : models) {
            double[] seconds = switch (model) {
                case "mlp" -> classifier(ClassifierSpec.mlp().epochs(epochs).build(), train);
                case "cnn" -> classifier(ClassifierSpec.cnn().epochs(epochs).build(), train);
                case "vae" -> vae(VaeSpec.builder().epochs(epochs).build(), train);
                default -> throw new IllegalArgumentException("unknown model " + model + "; use mlp, cnn, vae");
            };
            System.out.printf(Locale.ROOT, "RESULT %s %.4f %s%n", model, medianWithoutFirst(seconds),
                    Arrays.stream(seconds).mapToObj(s -> String.format(Locale.ROOT, "%.4f", s))
                            .collect(Collectors.joining(",")));
        }
        System.out.printf("MEMORY %d %d%n", status("VmHWM"), status("VmRSS"));
    }

    private static double[] classifier(ClassifierSpec spec, ImageSet train) {
        try (Classifier c = Classifier.train(spec, train)) {
            return c.history().epochs().stream().mapToDouble(EpochStats::seconds).toArray();
        }
    }

    private static double[] vae(VaeSpec spec, ImageSet train) {
        try (Vae v = Vae.train(spec, train)) {
            return v.history().epochs().stream().mapToDouble(VaeEpoch::seconds).toArray();
        }
    }

    /** Median of all values but the first (warm-up); the first value alone when there is only one. */
    static double medianWithoutFirst(double[] values) {
        double[] v = values.length > 1 ? Arrays.copyOfRange(values, 1, values.length) : values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
