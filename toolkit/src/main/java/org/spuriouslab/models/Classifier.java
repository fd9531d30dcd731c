package org.spuriouslab.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.spuriouslab.data.ImageSet;
import org.spuriouslab.hooks.HookedNetwork;
import org.spuriouslab.progress.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * An image classifier: a feature extractor ({@code features}, everything up to the penultimate
 * layer) followed by a linear {@code head}. Train it with {@link #train}, or get it from
 * {@link ModelCache#classifier}; close it to free its native memory.
 *
 * <pre>{@code
 * try (Classifier model = Classifier.train(ClassifierSpec.mlp().epochs(3).build(), ds.train())) {
 *     double acc = model.accuracy(ds.test());
 *     float[][] penultimate = model.features(ds.test());   // n × featureDim
 * }
 * }</pre>
 *
 * Inputs are {@link ImageSet}s of the size the model was trained on; pixels are used as they are
 * (in [0, 1]). Same spec and same training data give the same parameters.
 */
public final class Classifier implements AutoCloseable {

    static final String KIND = "classifier";
    private static final long SPLIT_SALT = 0x5ca1ab1e_d00dL;

    private final ClassifierSpec spec;
    private final int rows;
    private final int cols;
    private final NDManager manager;
    private final SequentialBlock features;
    private final Linear head;
    private final SequentialBlock network;
    private final ParameterStore store;
    private TrainingHistory history;
    private boolean closed;

    /** Builds the network and initialises its parameters from the engine's (already seeded) generator. */
    private Classifier(ClassifierSpec spec, int rows, int cols) {
        this.spec = spec;
        this.rows = rows;
        this.cols = cols;
        this.features = buildFeatures(spec, rows, cols);
        this.head = Linear.builder().setUnits(spec.numClasses()).build();
        this.network = new SequentialBlock().add(features).add(head);
        this.manager = Djl.newManager();
        try {
            network.initialize(manager, DataType.FLOAT32, new Shape(1, (long) rows * cols));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        this.store = new ParameterStore(manager, false);
    }

    private static SequentialBlock buildFeatures(ClassifierSpec spec, int rows, int cols) {
        SequentialBlock f = new SequentialBlock();
        if (spec.architecture() == Architecture.CNN) {
            f.add(LambdaBlock.singleton(x -> x.reshape(-1, 1, rows, cols), "image"));
            for (int c : spec.channels()) {
                f.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(c).build());
                f.add(Activation.reluBlock());
                f.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
            }
        }
        if (spec.architecture() == Architecture.CNN) {
            f.add(Blocks.batchFlattenBlock()); // MLP inputs are (batch, rows·cols) already
        }
        for (int h : spec.hidden()) {
            f.add(Linear.builder().setUnits(h).build());
            f.add(Activation.reluBlock());
        }
        return f;
    }

    /**
     * Trains a classifier on {@code train} as the spec says, printing one progress line per epoch
     * (loss, accuracy, validation accuracy when early stopping, seconds).
     *
     * @throws IllegalArgumentException when a label lies outside {@code [0, numClasses)}, the set is
     *                                  too small, or the images are too small for the CNN's pooling
     */
    public static Classifier train(ClassifierSpec spec, ImageSet train) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(train, "train");
        checkLabels(train, spec.numClasses());
        int minSize = spec.earlyStopping() ? 2 : 1;
        if (train.size() < minSize) {
            throw new IllegalArgumentException("need at least " + minSize + " training images"
                    + (spec.earlyStopping() ? " (early stopping holds some out)" : "") + ", got " + train.size());
        }
        int pools = spec.channels().size();
        if (spec.architecture() == Architecture.CNN && ((train.rows() >> pools) < 1 || (train.cols() >> pools) < 1)) {
            throw new IllegalArgumentException("images of " + train.rows() + "×" + train.cols() + " are too small for "
                    + pools + " 2×2 pooling steps; use fewer channels entries or an MLP");
        }
        Djl.seed(spec.seed());
        Classifier c = new Classifier(spec, train.rows(), train.cols());
        try {
            c.history = c.fit(train);
            return c;
        } catch (RuntimeException | Error e) {
            c.close();
            throw e;
        }
    }

    static void checkLabels(ImageSet set, int numClasses) {
        for (int i = 0; i < set.size(); i++) {
            int l = set.label(i);
            if (l < 0 || l >= numClasses) {
                throw new IllegalArgumentException("label " + l + " of image " + i + " is outside 0.." + (numClasses - 1)
                        + " (numClasses = " + numClasses + ")");
            }
        }
    }

    private TrainingHistory fit(ImageSet data) {
        int n = data.size();
        int[] trainIdx;
        int[] valIdx = new int[0];
        if (spec.earlyStopping()) {
            int[] perm = ImageSet.permutation(n, spec.seed() ^ SPLIT_SALT);
            int v = (int) Math.min(n - 1, Math.max(1, Math.round(n * spec.validationShare())));
            valIdx = Arrays.copyOfRange(perm, 0, v);
            trainIdx = Arrays.copyOfRange(perm, v, n);
        } else {
            trainIdx = Tensors.all(n);
        }
        List<Parameter> params = parameters();
        List<EpochStats> epochs = new ArrayList<>();
        int bestEpoch = 0;
        double bestValidation = Double.NEGATIVE_INFINITY;
        boolean stopped = false;
        Progress progress = Progress.start("training " + spec.architecture() + " (" + trainIdx.length + " images)",
                spec.epochs());
        try (Djl.NoGrad noGrad = new Djl.NoGrad();
             NDManager dataManager = manager.newSubManager();
             FusedAdam adam = new FusedAdam(params, spec.learningRate(), dataManager)) {
            NDArray x = Tensors.images(data, trainIdx, dataManager);
            NDArray y = Tensors.labels(data, trainIdx, dataManager);
            NDManager snapshotManager = dataManager.newSubManager();
            List<NDArray> best = null;
            for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
                long t0 = System.nanoTime();
                double[] lossAndCorrect = runEpoch(x, y, ImageSet.permutation(trainIdx.length, spec.seed() + epoch), adam);
                double validation = Double.NaN;
                if (spec.earlyStopping()) {
                    validation = accuracy(data, valIdx);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                EpochStats s = new EpochStats(epoch, lossAndCorrect[0] / trainIdx.length,
                        lossAndCorrect[1] / trainIdx.length, validation, seconds);
                epochs.add(s);
                progress.step(String.format(Locale.ROOT, "loss %.4f, accuracy %.4f%s, %.1f s", s.trainLoss(),
                        s.trainAccuracy(), Double.isNaN(validation) ? "" : String.format(Locale.ROOT,
                                ", validation %.4f", validation), seconds));
                if (!spec.earlyStopping()) {
                    bestEpoch = epoch;
                } else if (validation > bestValidation) {
                    bestValidation = validation;
                    bestEpoch = epoch;
                    snapshotManager.close();
                    snapshotManager = dataManager.newSubManager();
                    best = new ArrayList<>();
                    for (Parameter p : params) {
                        NDArray copy = p.getArray().duplicate();
                        copy.attach(snapshotManager);
                        best.add(copy);
                    }
                } else if (epoch - bestEpoch >= spec.earlyStopPatience()) {
                    stopped = epoch < spec.epochs();
                    break;
                }
            }
            if (best != null && bestEpoch != epochs.size()) {
                for (int i = 0; i < params.size(); i++) {
                    Tensors.copyInto(params.get(i).getArray(), best.get(i));
                }
            }
        }
        TrainingHistory h = new TrainingHistory(epochs, bestEpoch, stopped);
        progress.done(String.format(Locale.ROOT, "kept epoch %d%s", bestEpoch,
                stopped ? " (stopped early)" : ""));
        return h;
    }

    /**
     * One pass over the shuffled training tensors; returns {summed loss, correct predictions}.
     * Per batch: one slice of the permutation, two gathers, the forward pass, five small loss ops,
     * backward, the fused Adam update, and two bookkeeping ops (the batch loss and the predicted
     * classes are written into epoch-long buffers that are read back once at the end).
     */
    private double[] runEpoch(NDArray x, NDArray y, int[] order, FusedAdam adam) {
        int n = order.length;
        int b = spec.batchSize();
        int batches = (n + b - 1) / b;
        try (NDManager em = x.getManager().newSubManager()) {
            long[] perm = new long[n];
            for (int i = 0; i < n; i++) {
                perm[i] = order[i];
            }
            NDArray permutation = em.create(perm);
            NDArray losses = em.zeros(new Shape(batches), DataType.FLOAT32);
            NDArray predicted = em.zeros(new Shape(n), DataType.INT64);
            for (int batch = 0, from = 0; from < n; batch++, from += b) {
                int to = Math.min(n, from + b);
                try (NDManager bm = em.newSubManager()) {
                    NDIndex rows = new NDIndex().addSliceDim(from, to);
                    NDArray idx = permutation.get(bm, rows);
                    NDArray xb = x.get(bm, new NDIndex("{}", idx));
                    NDArray yb = y.get(bm, new NDIndex("{}", idx));
                    NDArray logits;
                    NDArray loss;
                    try (GradientCollector gc = Djl.engine().newGradientCollector()) {
                        logits = network.forward(store, new NDList(xb), true).singletonOrThrow();
                        loss = logits.logSoftmax(1).gather(yb.reshape(-1, 1), 1).mean().neg();
                        gc.backward(loss);
                    }
                    adam.step();
                    losses.set(new NDIndex(batch), loss);
                    predicted.set(rows, logits.argMax(1));
                }
            }
            float[] batchLoss = losses.toFloatArray();
            double lossSum = 0;
            for (int i = 0; i < batches; i++) {
                lossSum += (double) batchLoss[i] * (Math.min(n, (i + 1) * b) - i * b);
            }
            long correct = predicted.eq(y.get(em, new NDIndex("{}", permutation))).sum().getLong();
            return new double[]{lossSum, correct};
        }
    }

    /** The network's parameters in a fixed order (features first, then head weight and bias). */
    private List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>();
        network.getParameters().forEach(pair -> out.add(pair.getValue()));
        return out;
    }

    // ---------------------------------------------------------------- inference

    /** Class probabilities (softmax of the logits), one row of {@code numClasses} per image. */
    public float[][] probabilities(ImageSet images) {
        checkInput(images);
        float[][] out = new float[images.size()][];
        runChunks(images, Tensors.all(images.size()), (from, x) ->
                Tensors.copyRows(network.forward(store, new NDList(x), false).singletonOrThrow().softmax(1), out, from));
        return out;
    }

    /** Raw scores before the softmax, one row of {@code numClasses} per image. */
    public float[][] logits(ImageSet images) {
        checkInput(images);
        float[][] out = new float[images.size()][];
        runChunks(images, Tensors.all(images.size()), (from, x) ->
                Tensors.copyRows(network.forward(store, new NDList(x), false).singletonOrThrow(), out, from));
        return out;
    }

    /** The most probable class of each image. */
    public int[] predict(ImageSet images) {
        checkInput(images);
        return predict(images, Tensors.all(images.size()));
    }

    private int[] predict(ImageSet images, int[] idx) {
        int[] out = new int[idx.length];
        runChunks(images, idx, (from, x) -> {
            long[] p = network.forward(store, new NDList(x), false).singletonOrThrow().argMax(1)
                    .toType(DataType.INT64, false).toLongArray();
            for (int i = 0; i < p.length; i++) {
                out[from + i] = (int) p[i];
            }
        });
        return out;
    }

    /** Share of images whose predicted class equals their label. */
    public double accuracy(ImageSet images) {
        checkInput(images);
        if (images.size() == 0) {
            throw new IllegalArgumentException("accuracy of an empty image set is undefined");
        }
        return accuracy(images, Tensors.all(images.size()));
    }

    private double accuracy(ImageSet images, int[] idx) {
        int[] p = predict(images, idx);
        int correct = 0;
        for (int i = 0; i < idx.length; i++) {
            correct += p[i] == images.label(idx[i]) ? 1 : 0;
        }
        return (double) correct / idx.length;
    }

    /** Penultimate-layer activations (the input of the head), one row of {@link #featureDim()} per image. */
    public float[][] features(ImageSet images) {
        checkInput(images);
        float[][] out = new float[images.size()][];
        runChunks(images, Tensors.all(images.size()), (from, x) ->
                Tensors.copyRows(features.forward(store, new NDList(x), false).singletonOrThrow(), out, from));
        return out;
    }

    /** Size of the penultimate layer: the number of neurons the head reads. */
    public int featureDim() {
        return spec.featureDim();
    }

    /** The head's weights, {@code numClasses × featureDim} (a copy). */
    public float[][] headWeights() {
        requireOpen();
        NDArray w = head.getParameters().get("weight").getArray();
        float[][] out = new float[spec.numClasses()][];
        Tensors.copyRows(w, out, 0);
        return out;
    }

    /** The head's biases, one per class (a copy). */
    public float[] headBias() {
        requireOpen();
        return head.getParameters().get("bias").getArray().toFloatArray();
    }

    /**
     * Replaces the head's weights and biases, e.g. with a head retrained on {@link #features}
     * (NeuronTune, last-layer retraining). Changes this model in place.
     *
     * @param weights {@code numClasses × featureDim}
     * @param bias    {@code numClasses}
     */
    public void setHead(float[][] weights, float[] bias) {
        requireOpen();
        if (weights.length != spec.numClasses() || bias.length != spec.numClasses()) {
            throw new IllegalArgumentException("the head needs " + spec.numClasses() + " weight rows and biases, got "
                    + weights.length + " and " + bias.length);
        }
        try (Djl.NoGrad noGrad = new Djl.NoGrad(); NDManager m = manager.newSubManager()) {
            Tensors.copyInto(head.getParameters().get("weight").getArray(), Tensors.matrix(weights, featureDim(), m));
            Tensors.copyInto(head.getParameters().get("bias").getArray(), m.create(bias));
        }
    }

    private interface Chunk {
        void accept(int from, NDArray x);
    }

    private void runChunks(ImageSet images, int[] idx, Chunk body) {
        requireOpen();
        try (Djl.NoGrad noGrad = new Djl.NoGrad()) {
            Tensors.forEachChunk(images, idx, Tensors.CHUNK, manager, (from, to, x, m) -> body.accept(from, x));
        }
    }

    private void checkInput(ImageSet images) {
        Objects.requireNonNull(images, "images");
        requireOpen();
        if (images.rows() != rows || images.cols() != cols) {
            throw new IllegalArgumentException("this model takes " + rows + "×" + cols + " images, got "
                    + images.rows() + "×" + images.cols());
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this classifier has been closed");
        }
    }

    // ---------------------------------------------------------------- accessors

    /** The spec it was trained with. */
    public ClassifierSpec spec() {
        return spec;
    }

    /** Loss and accuracy per epoch. */
    public TrainingHistory history() {
        return history;
    }

    /** Image height the model takes. */
    public int rows() {
        return rows;
    }

    /** Image width the model takes. */
    public int cols() {
        return cols;
    }

    /**
     * This classifier as a chain of named units for forward hooks (recording or replacing any
     * layer's output; see {@link HookedNetwork}). Unit names: CNN {@code image}, then per
     * convolution {@code conv i}, {@code conv i relu}, {@code pool i}, then {@code flatten}; per
     * hidden layer {@code linear i} (before the ReLU) and {@code hidden i} (after it); finally
     * {@code head} (the logits). Inputs are images of {@code rows·cols} pixels. The parameters are
     * shared, not copied: use the result while this classifier is open.
     */
    public HookedNetwork hooked() {
        List<String> names = new ArrayList<>();
        if (spec.architecture() == Architecture.CNN) {
            names.add("image");
            for (int i = 1; i <= spec.channels().size(); i++) {
                names.add("conv " + i);
                names.add("conv " + i + " relu");
                names.add("pool " + i);
            }
            names.add("flatten");
        }
        for (int i = 1; i <= spec.hidden().size(); i++) {
            names.add("linear " + i);
            names.add("hidden " + i);
        }
        names.add("head");
        return HookedNetwork.of(List.of(featuresBlock(), headBlock()), names, new Shape((long) rows() * cols()));
    }

    /**
     * The DJL feature-extractor block (input: float32 {@code (batch, rows·cols)}). Its parameters
     * live in this model's manager; use it only while the model is open.
     */
    public Block featuresBlock() {
        return features;
    }

    /** The DJL linear head block (input: {@code (batch, featureDim)}). */
    public Linear headBlock() {
        return head;
    }

    // ---------------------------------------------------------------- persistence

    /**
     * Saves the model into {@code dir} (created if needed): parameters, training history and a
     * properties file with the spec, the input size and checksums.
     */
    public void save(Path dir) throws java.io.IOException {
        requireOpen();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spec", spec.toString());
        p.put("architecture", spec.architecture().name());
        p.put("hidden", ModelFiles.intList(spec.hidden()));
        p.put("channels", ModelFiles.intList(spec.channels()));
        p.put("numClasses", String.valueOf(spec.numClasses()));
        p.put("epochs", String.valueOf(spec.epochs()));
        p.put("batchSize", String.valueOf(spec.batchSize()));
        p.put("learningRate", String.valueOf(spec.learningRate()));
        p.put("seed", String.valueOf(spec.seed()));
        p.put("earlyStopPatience", String.valueOf(spec.earlyStopPatience()));
        p.put("validationShare", String.valueOf(spec.validationShare()));
        p.put("rows", String.valueOf(rows));
        p.put("cols", String.valueOf(cols));
        p.put("bestEpoch", String.valueOf(history.bestEpoch()));
        p.put("stoppedEarly", String.valueOf(history.stoppedEarly()));
        List<String> lines = new ArrayList<>();
        for (EpochStats e : history.epochs()) {
            lines.add(e.epoch() + "\t" + e.trainLoss() + "\t" + e.trainAccuracy() + "\t" + e.validationAccuracy()
                    + "\t" + e.seconds());
        }
        ModelFiles.save(dir, KIND, p, List.of(network), lines);
    }

    /**
     * Loads a model saved with {@link #save}. Checks kind, format version, spec, input size and
     * the files' checksums.
     *
     * @throws ModelFormatException when the folder is missing, truncated, corrupt or holds something else
     */
    public static Classifier load(Path dir) throws java.io.IOException {
        Properties p = ModelFiles.read(dir, KIND);
        ClassifierSpec spec;
        try {
            Architecture a = Architecture.valueOf(ModelFiles.string(dir, p, "architecture"));
            ClassifierSpec.Builder b = a == Architecture.MLP ? ClassifierSpec.mlp() : ClassifierSpec.cnn();
            spec = b.hidden(ModelFiles.intList(dir, p, "hidden"))
                    .channels(ModelFiles.intList(dir, p, "channels"))
                    .numClasses(ModelFiles.intProperty(dir, p, "numClasses"))
                    .epochs(ModelFiles.intProperty(dir, p, "epochs"))
                    .batchSize(ModelFiles.intProperty(dir, p, "batchSize"))
                    .learningRate(ModelFiles.doubleProperty(dir, p, "learningRate"))
                    .seed(ModelFiles.longProperty(dir, p, "seed"))
                    .earlyStopPatience(ModelFiles.intProperty(dir, p, "earlyStopPatience"))
                    .validationShare(ModelFiles.doubleProperty(dir, p, "validationShare"))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(dir, "the saved spec is invalid: " + e.getMessage(), e);
        }
        ModelFiles.checkSpec(dir, p, spec);
        int[] size = ModelFiles.inputSize(dir, p);
        int rows = size[0];
        int cols = size[1];
        List<EpochStats> epochs = new ArrayList<>();
        for (double[] r : ModelFiles.historyRows(dir, 5)) {
            epochs.add(new EpochStats((int) r[0], r[1], r[2], r[3], r[4]));
        }
        TrainingHistory history;
        try {
            history = new TrainingHistory(epochs, ModelFiles.intProperty(dir, p, "bestEpoch"),
                    Boolean.parseBoolean(p.getProperty("stoppedEarly")));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(dir, "bad training history: " + e.getMessage(), e);
        }
        Classifier c = new Classifier(spec, rows, cols);
        try {
            ModelFiles.loadParameters(dir, List.of(c.network), c.manager);
        } catch (ModelFormatException | RuntimeException e) {
            c.close();
            throw e;
        }
        c.history = history;
        return c;
    }

    /** Native arrays this model currently owns (its parameters once training is over); for leak tests. */
    int liveArrays() {
        return manager.getManagedArrays().size();
    }

    /** Number of parameter tensors (weights and biases). */
    int parameterCount() {
        return parameters().size();
    }

    /** Frees the native memory of the parameters; the model cannot be used afterwards. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }

    @Override
    public String toString() {
        return "Classifier[" + spec.architecture() + " " + rows + "×" + cols + " → " + spec.hidden() + " → "
                + spec.numClasses() + (history == null ? "" : ", " + history.epochs().size() + " epochs") + "]";
    }
}
