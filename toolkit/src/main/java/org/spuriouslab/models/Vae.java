package org.spuriouslab.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.spuriouslab.data.ImageSet;
import org.spuriouslab.progress.Progress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * A variational autoencoder (Kingma &amp; Welling 2014) with MLP encoder and decoder, for
 * embedding images in a small latent space:
 *
 * <pre>{@code
 * try (Vae vae = Vae.train(VaeSpec.builder().epochs(5).build(), ds.train())) {
 *     float[][] z = vae.encode(ds.test());          // n × latentDim (the means μ)
 *     ImageSet recon = vae.reconstruct(ds.test().head(16));
 * }
 * }</pre>
 *
 * Encoder: pixels → hidden (ReLU) → (μ, log σ²); decoder: z → hidden (ReLU) → pixels (sigmoid).
 * Training samples z = μ + σ·ε with ε from the engine's generator, seeded with the spec's seed.
 */
public final class Vae implements AutoCloseable {

    static final String KIND = "vae";

    private final VaeSpec spec;
    private final int rows;
    private final int cols;
    private final NDManager manager;
    private final SequentialBlock encoder;
    private final SequentialBlock decoder;
    private final ParameterStore store;
    private VaeHistory history;
    private boolean closed;

    private Vae(VaeSpec spec, int rows, int cols) {
        this.spec = spec;
        this.rows = rows;
        this.cols = cols;
        this.encoder = new SequentialBlock()
                .add(Linear.builder().setUnits(spec.hidden()).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(2L * spec.latent()).build());
        this.decoder = new SequentialBlock()
                .add(Linear.builder().setUnits(spec.hidden()).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits((long) rows * cols).build());
        this.manager = Djl.newManager();
        try {
            encoder.initialize(manager, DataType.FLOAT32, new Shape(1, (long) rows * cols));
            decoder.initialize(manager, DataType.FLOAT32, new Shape(1, spec.latent()));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        this.store = new ParameterStore(manager, false);
    }

    /** Trains a VAE on the images of {@code train} (labels are ignored), one progress line per epoch. */
    public static Vae train(VaeSpec spec, ImageSet train) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(train, "train");
        if (train.size() < 1) {
            throw new IllegalArgumentException("need at least one training image, got 0");
        }
        Djl.seed(spec.seed());
        Vae v = new Vae(spec, train.rows(), train.cols());
        try {
            v.history = v.fit(train);
            return v;
        } catch (RuntimeException | Error e) {
            v.close();
            throw e;
        }
    }

    private VaeHistory fit(ImageSet data) {
        int n = data.size();
        List<Parameter> params = new ArrayList<>();
        encoder.getParameters().forEach(p -> params.add(p.getValue()));
        decoder.getParameters().forEach(p -> params.add(p.getValue()));
        List<VaeEpoch> epochs = new ArrayList<>();
        Progress progress = Progress.start("training VAE (" + n + " images)", spec.epochs());
        try (Djl.NoGrad noGrad = new Djl.NoGrad();
             NDManager dataManager = manager.newSubManager();
             FusedAdam adam = new FusedAdam(params, spec.learningRate(), dataManager)) {
            NDArray x = Tensors.images(data, Tensors.all(n), dataManager);
            for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
                long t0 = System.nanoTime();
                double[] sums = runEpoch(x, ImageSet.permutation(n, spec.seed() + epoch), adam);
                double recon = sums[0] / n;
                double kl = sums[1] / n;
                double seconds = (System.nanoTime() - t0) / 1e9;
                VaeEpoch e = new VaeEpoch(epoch, -(recon + spec.beta() * kl), recon, kl, seconds);
                epochs.add(e);
                progress.step(String.format(Locale.ROOT, "ELBO %.2f (reconstruction %.2f, KL %.2f), %.1f s",
                        e.elbo(), recon, kl, seconds));
            }
        }
        VaeHistory h = new VaeHistory(epochs);
        progress.done(String.format(Locale.ROOT, "ELBO %.2f per image", h.last().elbo()));
        return h;
    }

    /** One pass over the shuffled data; returns {summed reconstruction error, summed KL}. */
    private double[] runEpoch(NDArray x, int[] order, FusedAdam adam) {
        int n = order.length;
        int b = spec.batchSize();
        int latent = spec.latent();
        float beta = (float) spec.beta();
        try (NDManager em = x.getManager().newSubManager()) {
            long[] perm = new long[n];
            for (int i = 0; i < n; i++) {
                perm[i] = order[i];
            }
            NDArray permutation = em.create(perm);
            NDArray reconSum = em.zeros(new Shape(), DataType.FLOAT32);
            NDArray klSum = em.zeros(new Shape(), DataType.FLOAT32);
            for (int from = 0; from < n; from += b) {
                int to = Math.min(n, from + b);
                try (NDManager bm = em.newSubManager()) {
                    NDArray idx = permutation.get(bm, new NDIndex("{}:{}", from, to));
                    NDArray xb = x.get(bm, new NDIndex("{}", idx));
                    NDArray eps = bm.randomNormal(new Shape(to - from, latent));
                    NDArray recon;
                    NDArray kl;
                    try (GradientCollector gc = Djl.engine().newGradientCollector()) {
                        NDList stats = encoder.forward(store, new NDList(xb), true).singletonOrThrow().split(2, 1);
                        NDArray mu = stats.get(0);
                        NDArray logVar = stats.get(1);
                        NDArray z = mu.add(eps.mul(logVar.mul(0.5f).exp()));
                        NDArray logits = decoder.forward(store, new NDList(z), true).singletonOrThrow();
                        // binary cross-entropy with logits, summed over pixels: softplus(l) − x·l
                        recon = Activation.softPlus(logits).sub(xb.mul(logits)).sum();
                        // KL(N(μ, σ²) ‖ N(0, 1)) = −½ Σ (1 + log σ² − μ² − σ²)
                        kl = logVar.add(1f).sub(mu.square()).sub(logVar.exp()).sum().mul(-0.5f);
                        NDArray loss = (beta == 1f ? recon.add(kl) : recon.add(kl.mul(beta))).div(to - from);
                        gc.backward(loss);
                    }
                    adam.step();
                    reconSum.addi(recon);
                    klSum.addi(kl);
                }
            }
            return new double[]{reconSum.getFloat(), klSum.getFloat()};
        }
    }

    // ---------------------------------------------------------------- inference

    /** The latent means μ of the images, one row of {@link #latentDim()} per image. */
    public float[][] encode(ImageSet images) {
        checkInput(images);
        float[][] out = new float[images.size()][];
        int latent = spec.latent();
        try (Djl.NoGrad noGrad = new Djl.NoGrad()) {
            Tensors.forEachChunk(images, Tensors.all(images.size()), Tensors.CHUNK, manager, (from, to, x, m) -> {
                NDArray stats = encoder.forward(store, new NDList(x), false).singletonOrThrow();
                Tensors.copyRows(stats.get(new NDIndex(":, 0:{}", latent)), out, from);
            });
        }
        return out;
    }

    /** Decoded images (pixel probabilities in [0, 1]), one row of rows·cols per latent vector. */
    public float[][] decode(float[][] z) {
        requireOpen();
        Objects.requireNonNull(z, "z");
        float[][] out = new float[z.length][];
        try (Djl.NoGrad noGrad = new Djl.NoGrad()) {
            for (int from = 0; from < z.length; from += Tensors.CHUNK) {
                int to = Math.min(z.length, from + Tensors.CHUNK);
                try (NDManager m = manager.newSubManager()) {
                    NDArray zb = Tensors.matrix(java.util.Arrays.copyOfRange(z, from, to), spec.latent(), m);
                    Tensors.copyRows(Activation.sigmoid(decoder.forward(store, new NDList(zb), false).singletonOrThrow()), out,
                            from);
                }
            }
        }
        return out;
    }

    /** decode(encode(images)) as an image set with the original labels. */
    public ImageSet reconstruct(ImageSet images) {
        float[][] d = decode(encode(images));
        int p = rows * cols;
        float[] pixels = new float[d.length * p];
        for (int i = 0; i < d.length; i++) {
            System.arraycopy(d[i], 0, pixels, i * p, p);
        }
        return new ImageSet(pixels, images.labels(), rows, cols);
    }

    private void checkInput(ImageSet images) {
        Objects.requireNonNull(images, "images");
        requireOpen();
        if (images.rows() != rows || images.cols() != cols) {
            throw new IllegalArgumentException("this VAE takes " + rows + "×" + cols + " images, got "
                    + images.rows() + "×" + images.cols());
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this VAE has been closed");
        }
    }

    /** Size of the latent space. */
    public int latentDim() {
        return spec.latent();
    }

    /** The spec it was trained with. */
    public VaeSpec spec() {
        return spec;
    }

    /** ELBO, reconstruction error and KL per epoch. */
    public VaeHistory history() {
        return history;
    }

    /** Image height. */
    public int rows() {
        return rows;
    }

    /** Image width. */
    public int cols() {
        return cols;
    }

    // ---------------------------------------------------------------- persistence

    /** Saves parameters, history and spec into {@code dir} (created if needed). */
    public void save(Path dir) throws IOException {
        requireOpen();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spec", spec.toString());
        p.put("hidden", String.valueOf(spec.hidden()));
        p.put("latent", String.valueOf(spec.latent()));
        p.put("beta", String.valueOf(spec.beta()));
        p.put("epochs", String.valueOf(spec.epochs()));
        p.put("batchSize", String.valueOf(spec.batchSize()));
        p.put("learningRate", String.valueOf(spec.learningRate()));
        p.put("seed", String.valueOf(spec.seed()));
        p.put("rows", String.valueOf(rows));
        p.put("cols", String.valueOf(cols));
        List<String> lines = new ArrayList<>();
        for (VaeEpoch e : history.epochs()) {
            lines.add(e.epoch() + "\t" + e.elbo() + "\t" + e.reconstruction() + "\t" + e.kl() + "\t" + e.seconds());
        }
        ModelFiles.save(dir, KIND, p, List.of(encoder, decoder), lines);
    }

    /**
     * Loads a VAE saved with {@link #save}.
     *
     * @throws ModelFormatException when the folder is missing, truncated, corrupt or holds something else
     */
    public static Vae load(Path dir) throws IOException {
        Properties p = ModelFiles.read(dir, KIND);
        VaeSpec spec;
        try {
            spec = VaeSpec.builder().hidden(ModelFiles.intProperty(dir, p, "hidden"))
                    .latent(ModelFiles.intProperty(dir, p, "latent"))
                    .beta(ModelFiles.doubleProperty(dir, p, "beta"))
                    .epochs(ModelFiles.intProperty(dir, p, "epochs"))
                    .batchSize(ModelFiles.intProperty(dir, p, "batchSize"))
                    .learningRate(ModelFiles.doubleProperty(dir, p, "learningRate"))
                    .seed(ModelFiles.longProperty(dir, p, "seed"))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(dir, "the saved spec is invalid: " + e.getMessage(), e);
        }
        ModelFiles.checkSpec(dir, p, spec);
        int[] size = ModelFiles.inputSize(dir, p);
        int rows = size[0];
        int cols = size[1];
        List<VaeEpoch> epochs = new ArrayList<>();
        for (double[] r : ModelFiles.historyRows(dir, 5)) {
            epochs.add(new VaeEpoch((int) r[0], r[1], r[2], r[3], r[4]));
        }
        VaeHistory history;
        try {
            history = new VaeHistory(epochs);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(dir, "bad training history: " + e.getMessage(), e);
        }
        Vae v = new Vae(spec, rows, cols);
        try {
            ModelFiles.loadParameters(dir, List.of(v.encoder, v.decoder), v.manager);
        } catch (ModelFormatException | RuntimeException e) {
            v.close();
            throw e;
        }
        v.history = history;
        return v;
    }

    /** Native arrays this VAE currently owns (its parameters once training is over); for leak tests. */
    int liveArrays() {
        return manager.getManagedArrays().size();
    }

    /** Frees the native memory of the parameters; the VAE cannot be used afterwards. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }

    @Override
    public String toString() {
        return "Vae[" + rows + "×" + cols + " → " + spec.hidden() + " → " + spec.latent() + " latent"
                + (history == null ? "" : ", " + history.epochs().size() + " epochs") + "]";
    }
}
