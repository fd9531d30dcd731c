package org.spuriouslab.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import org.spuriouslab.charts.Charts;
import org.spuriouslab.hooks.HookedBlock;
import org.spuriouslab.progress.Progress;
import org.spuriouslab.text.LmCorpus;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.SplittableRandom;

/**
 * A small decoder-only transformer language model (see {@link LanguageModelSpec}), trained with
 * DJL on the token stream of an {@link LmCorpus}; its units ({@code "layer i attention"},
 * {@code "layer i mlp"}, {@code "layer i residual"}) can be recorded and set through
 * {@link org.spuriouslab.hooks.Hooks} for causal mediation:
 *
 * <pre>{@code
 * LanguageModel lm = ModelCache.languageModel(LanguageModelSpec.builder().build(), corpus);
 * lm.historyChart();                                  // training and validation loss per epoch
 * LexiconContinuation y = lm.continuation(corpus.lexiconIds(), 4);
 * }</pre>
 *
 * Training: one text in ten (seeded) is held out for the validation loss; the other texts'
 * token streams are cut into windows of {@code context + 1} tokens (stride {@code context}), whose
 * first {@code context} tokens predict the next ones; Adam with gradients clipped to norm 1; the
 * windows are reshuffled each epoch; the parameters of the epoch with the lowest validation loss are kept.
 */
public final class LanguageModel implements AutoCloseable {

    static final String KIND = "language-model";
    /** Held-out share of texts for the validation loss. */
    static final int VALIDATION_EVERY = 10;
    /** Gradients are clipped to this global L2 norm. */
    static final double MAX_GRAD_NORM = 1.0;

    private final LanguageModelSpec spec;
    private final int vocabulary;
    private final NDManager manager;
    private final SequentialBlock network;
    private final List<TransformerLayer> layers = new ArrayList<>();
    private final ParameterStore store;
    private List<LmEpoch> history = List.of();
    private String corpusFingerprint = "";
    private boolean closed;

    private LanguageModel(LanguageModelSpec spec, int vocabulary) {
        this.spec = spec;
        this.vocabulary = vocabulary;
        TokenEmbedding embedding = new TokenEmbedding(vocabulary, spec.context(), spec.width(), spec.dropout());
        this.network = new SequentialBlock().add(embedding);
        for (int i = 1; i <= spec.layers(); i++) {
            TransformerLayer layer = new TransformerLayer(i, spec);
            layers.add(layer);
            network.add(layer);
        }
        network.add(new LayerNormalization(spec.width()));
        network.add(embedding.readOut());
        network.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        this.manager = Djl.newManager();
        try {
            network.initialize(manager, DataType.FLOAT32, new Shape(1, spec.context()));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        this.store = new ParameterStore(manager, false);
    }

    /**
     * Trains a model on the corpus, one progress line per epoch (training and validation loss).
     *
     * @throws IllegalArgumentException when the corpus is too small for one training window
     */
    public static LanguageModel train(LanguageModelSpec spec, LmCorpus corpus) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(corpus, "corpus");
        int[][] split = split(corpus.size());
        int[] trainStream = corpus.stream(split[0]);
        int[] validStream = corpus.stream(split[1]);
        int[][] trainWindows = windows(trainStream, spec.context());
        int[][] validWindows = windows(validStream, spec.context());
        if (trainWindows.length == 0 || validWindows.length == 0) {
            throw new IllegalArgumentException("the corpus (" + corpus.tokenCount() + " tokens) is too small for windows of "
                    + (spec.context() + 1) + " tokens in both the training and the validation texts");
        }
        Djl.seed(spec.seed());
        LanguageModel lm = new LanguageModel(spec, corpus.vocabularySize());
        try {
            lm.corpusFingerprint = corpus.fingerprint();
            lm.history = lm.fit(trainWindows, validWindows);
            return lm;
        } catch (RuntimeException | Error e) {
            lm.close();
            throw e;
        }
    }

    /**
     * A model with freshly initialised (seeded) parameters and no training, reading a vocabulary of
     * {@code vocabulary} tokens: for benchmarks and for tests of the machinery around a model.
     */
    public static LanguageModel untrained(LanguageModelSpec spec, int vocabulary) {
        Objects.requireNonNull(spec, "spec");
        if (vocabulary < 1) {
            throw new IllegalArgumentException("vocabulary must be at least 1, got " + vocabulary);
        }
        Djl.seed(spec.seed());
        return new LanguageModel(spec, vocabulary);
    }

    /** {training texts, validation texts}: every {@value #VALIDATION_EVERY}th text of a fixed shuffle is held out. */
    static int[][] split(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(20_240_611L);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> valid = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            (k % VALIDATION_EVERY == VALIDATION_EVERY - 1 ? valid : train).add(order[k]);
        }
        return new int[][]{train.stream().mapToInt(Integer::intValue).sorted().toArray(),
                valid.stream().mapToInt(Integer::intValue).sorted().toArray()};
    }

    /** Windows of {@code context + 1} tokens with stride {@code context}. */
    static int[][] windows(int[] stream, int context) {
        List<int[]> out = new ArrayList<>();
        for (int from = 0; from + context + 1 <= stream.length; from += context) {
            out.add(Arrays.copyOfRange(stream, from, from + context + 1));
        }
        return out.toArray(new int[0][]);
    }

    private List<LmEpoch> fit(int[][] trainWindows, int[][] validWindows) {
        List<Parameter> params = new ArrayList<>();
        network.getParameters().forEach(p -> params.add(p.getValue()));
        List<LmEpoch> epochs = new ArrayList<>();
        Progress progress = Progress.start(String.format(Locale.ROOT, "training language model (%d windows of %d tokens)",
                trainWindows.length, spec.context()), spec.epochs());
        try (Djl.NoGrad noGrad = new Djl.NoGrad();
             NDManager dataManager = manager.newSubManager();
             NDManager bestManager = manager.newSubManager();
             FusedAdam adam = new FusedAdam(params, spec.learningRate(), MAX_GRAD_NORM, dataManager)) {
            List<NDArray> best = null;
            double bestLoss = Double.POSITIVE_INFINITY;
            for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
                long t0 = System.nanoTime();
                int[] order = org.spuriouslab.data.ImageSet.permutation(trainWindows.length, spec.seed() + epoch);
                double trainLoss = runEpoch(trainWindows, order, adam, dataManager);
                double validLoss = loss(validWindows, dataManager);
                if (!Double.isFinite(trainLoss) || !Double.isFinite(validLoss)) {
                    throw new IllegalStateException("training diverged in epoch " + epoch + " (loss " + trainLoss
                            + "); lower the learning rate (now " + spec.learningRate() + ")");
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                LmEpoch e = new LmEpoch(epoch, trainLoss, validLoss, seconds);
                epochs.add(e);
                if (validLoss < bestLoss) {
                    bestLoss = validLoss;
                    if (best != null) {
                        best.forEach(NDArray::close);
                    }
                    best = new ArrayList<>();
                    for (Parameter p : params) {
                        NDArray copy = p.getArray().duplicate();
                        copy.attach(bestManager);
                        best.add(copy);
                    }
                }
                progress.step(String.format(Locale.ROOT, "loss %.3f, validation %.3f (perplexity %.1f), %.1f s",
                        trainLoss, validLoss, e.validationPerplexity(), seconds));
            }
            for (int i = 0; i < params.size(); i++) {
                Tensors.copyInto(params.get(i).getArray(), best.get(i));
            }
        }
        LmEpoch kept = best(epochs);
        progress.done(String.format(Locale.ROOT, "kept epoch %d (lowest validation loss, perplexity %.1f)",
                kept.epoch(), kept.validationPerplexity()));
        return List.copyOf(epochs);
    }

    private double runEpoch(int[][] windows, int[] order, FusedAdam adam, NDManager parent) {
        int b = spec.batchSize();
        double sum = 0;
        long tokens = 0;
        int skipped = 0;
        int skippedLoss = 0;
        for (int from = 0; from < order.length; from += b) {
            int to = Math.min(order.length, from + b);
            try (NDManager bm = parent.newSubManager()) {
                int[][] batch = new int[to - from][];
                for (int i = from; i < to; i++) {
                    batch[i - from] = windows[order[i]];
                }
                NDArray[] xy = inputsAndTargets(batch, bm);
                NDArray loss;
                try (GradientCollector gc = Djl.engine().newGradientCollector()) {
                    loss = crossEntropy(logits(xy[0], true), xy[1]);
                    gc.backward(loss);
                }
                float value = loss.getFloat();
                boolean lossFinite = Float.isFinite(value);
                if (!adam.step() || !lossFinite) {
                    skipped++;
                    skippedLoss += lossFinite ? 0 : 1;
                    continue;
                }
                long n = (long) (to - from) * spec.context();
                sum += value * n;
                tokens += n;
            }
        }
        if (skipped > 0) {
            System.out.println("note: " + skipped + " of " + (order.length + b - 1) / b
                    + " training steps skipped (" + skippedLoss + " with a non-finite loss, "
                    + (skipped - skippedLoss) + " with a finite loss but non-finite gradients)");
        }
        return tokens == 0 ? Double.NaN : sum / tokens;
    }

    /** Mean next-token cross-entropy over windows, without training. */
    private double loss(int[][] windows, NDManager parent) {
        double sum = 0;
        long tokens = 0;
        for (int from = 0; from < windows.length; from += 256) {
            int to = Math.min(windows.length, from + 256);
            try (NDManager bm = parent.newSubManager()) {
                NDArray[] xy = inputsAndTargets(Arrays.copyOfRange(windows, from, to), bm);
                long n = (long) (to - from) * spec.context();
                sum += crossEntropy(logits(xy[0], false), xy[1]).getFloat() * n;
                tokens += n;
            }
        }
        return sum / tokens;
    }

    private NDArray[] inputsAndTargets(int[][] windows, NDManager m) {
        int c = spec.context();
        long[] x = new long[windows.length * c];
        long[] y = new long[windows.length * c];
        for (int i = 0; i < windows.length; i++) {
            for (int j = 0; j < c; j++) {
                x[i * c + j] = windows[i][j];
                y[i * c + j] = windows[i][j + 1];
            }
        }
        return new NDArray[]{m.create(x, new Shape(windows.length, c)), m.create(y, new Shape((long) windows.length * c, 1))};
    }

    /** Mean of −log softmax(logits)[target] over all positions. */
    private NDArray crossEntropy(NDArray logits, NDArray targets) {
        NDArray logp = logits.reshape(-1, vocabulary).logSoftmax(1);
        return logp.gather(targets, 1).mean().neg();
    }

    /** {@code (batch, T)} int64 token ids → {@code (batch, T, vocabulary)} logits. Hooks open on this thread act. */
    NDArray logits(NDArray ids, boolean training) {
        return network.forward(store, new NDList(ids), training).singletonOrThrow();
    }

    /** Token ids as an int64 array of shape {@code (rows, length)}. */
    NDArray ids(int[][] rows, NDManager m) {
        int len = rows[0].length;
        long[] flat = new long[rows.length * len];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != len) {
                throw new IllegalArgumentException("sequences in one batch must have equal length: " + len + " and " + rows[i].length);
            }
            for (int j = 0; j < len; j++) {
                int t = rows[i][j];
                if (t < 0 || t >= vocabulary) {
                    throw new IllegalArgumentException("token id " + t + " is outside the vocabulary 0.." + (vocabulary - 1));
                }
                flat[i * len + j] = t;
            }
        }
        return m.create(flat, new Shape(rows.length, len));
    }

    // ---------------------------------------------------------------- inference

    /**
     * The next-token distribution after each sequence (softmax of the last position's logits),
     * one row of {@link #vocabularySize()} probabilities per sequence (sequences of equal length).
     */
    public float[][] nextTokenProbabilities(int[][] sequences) {
        requireOpen();
        Objects.requireNonNull(sequences, "sequences");
        float[][] out = new float[sequences.length][];
        try (Djl.NoGrad noGrad = new Djl.NoGrad(); NDManager m = manager.newSubManager()) {
            NDArray logits = logits(ids(sequences, m), false);
            long t = logits.getShape().get(1);
            NDArray p = logits.get(new NDIndex(":, {}, :", t - 1)).softmax(-1);
            Tensors.copyRows(p, out, 0);
        }
        return out;
    }

    /** Greedy continuation: appends the most probable next token {@code steps} times; returns the new tokens. */
    public int[] greedy(int[] prompt, int steps) {
        requireOpen();
        checkLength(prompt.length, steps);
        int[] seq = prompt.clone();
        int[] added = new int[steps];
        for (int s = 0; s < steps; s++) {
            float[] p = nextTokenProbabilities(new int[][]{seq})[0];
            int best = 0;
            for (int v = 1; v < p.length; v++) {
                if (p[v] > p[best]) {
                    best = v;
                }
            }
            added[s] = best;
            seq = Arrays.copyOf(seq, seq.length + 1);
            seq[seq.length - 1] = best;
        }
        return added;
    }

    void checkLength(int promptLength, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (promptLength < 1) {
            throw new IllegalArgumentException("a prompt needs at least one token");
        }
        if (promptLength + steps - 1 > spec.context()) {
            throw new IllegalArgumentException("a prompt of " + promptLength + " tokens plus " + steps
                    + " greedy steps needs a context of " + (promptLength + steps - 1) + " tokens; the model reads "
                    + spec.context());
        }
    }

    /**
     * Greedy continuations of the first {@code count} treated and the first {@code count} control
     * prompts: prompt, continuation of {@code steps} tokens, treated or not.
     */
    public Table continuations(LmCorpus corpus, org.spuriouslab.text.Prompts prompts, int count, int steps) {
        requireOpen();
        StringColumn prompt = StringColumn.create("prompt");
        StringColumn next = StringColumn.create("greedy continuation");
        StringColumn group = StringColumn.create("prompt has a lexicon word");
        for (boolean treated : new boolean[]{true, false}) {
            int[] idx = prompts.indices(treated);
            for (int k = 0; k < Math.min(count, idx.length); k++) {
                int[] p = prompts.tokens()[idx[k]];
                prompt.append(corpus.decode(p));
                next.append(corpus.decode(greedy(p, steps)));
                group.append(treated ? "yes" : "no");
            }
        }
        return Table.create("Greedy continuations", group, prompt, next);
    }

    /**
     * Each text's <em>mean hidden state</em>: the residual stream after the last layer, averaged over
     * the text's positions (its first {@code context} tokens) — the model's own text embedding.
     */
    public double[][] meanHiddenStates(LmCorpus corpus) {
        requireOpen();
        String last = "layer " + spec.layers() + " residual";
        double[][] out = new double[corpus.size()][];
        Map<Integer, List<Integer>> byLength = new LinkedHashMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            byLength.computeIfAbsent(Math.min(spec.context(), corpus.sequence(i).length), k -> new ArrayList<>()).add(i);
        }
        for (var e : byLength.entrySet()) {
            int len = e.getKey();
            List<Integer> texts = e.getValue();
            for (int from = 0; from < texts.size(); from += 256) {
                List<Integer> chunk = texts.subList(from, Math.min(texts.size(), from + 256));
                int[][] rows = new int[chunk.size()][];
                for (int k = 0; k < rows.length; k++) {
                    rows[k] = Arrays.copyOf(corpus.sequence(chunk.get(k)), len);
                }
                float[][] h;
                try (org.spuriouslab.hooks.Hooks hooks = org.spuriouslab.hooks.Hooks.on(units()).record(last);
                     Djl.NoGrad noGrad = new Djl.NoGrad(); NDManager m = manager.newSubManager()) {
                    logits(ids(rows, m), false);
                    h = hooks.recorded(last);
                }
                int d = spec.width();
                for (int k = 0; k < rows.length; k++) {
                    double[] mean = new double[d];
                    for (int t = 0; t < len; t++) {
                        for (int j = 0; j < d; j++) {
                            mean[j] += h[k][t * d + j] / len;
                        }
                    }
                    out[chunk.get(k)] = mean;
                }
            }
        }
        return out;
    }

    /**
     * The outcome model of a mediation analysis: for prompts of equal length, the probability mass the
     * model puts on {@code lexicon} tokens at each of {@code steps} greedy steps.
     */
    public LexiconContinuation continuation(int[] lexicon, int steps) {
        requireOpen();
        return new LexiconContinuation(this, lexicon, steps);
    }

    /** The hooked units, in forward order: per layer attention, MLP, residual stream. */
    public List<HookedBlock> units() {
        List<HookedBlock> out = new ArrayList<>();
        for (TransformerLayer l : layers) {
            out.addAll(l.units());
        }
        return out;
    }

    /** Names of the hooked units, in forward order. */
    public List<String> unitNames() {
        return units().stream().map(HookedBlock::name).toList();
    }

    NDManager manager() {
        return manager;
    }

    /** Native arrays the model's manager currently owns (its parameters between passes); for leak tests. */
    int liveArrays() {
        return manager.getManagedArrays().size();
    }

    // ---------------------------------------------------------------- description

    /** The spec it was trained with. */
    public LanguageModelSpec spec() {
        return spec;
    }

    /** Vocabulary size it reads and predicts. */
    public int vocabularySize() {
        return vocabulary;
    }

    /** Number of trained parameters. */
    public long parameterCount() {
        long n = 0;
        for (var p : network.getParameters()) {
            n += p.getValue().getShape().size();
        }
        return n;
    }

    /** The epoch whose parameters the model kept: the one with the lowest validation loss. */
    public LmEpoch keptEpoch() {
        return best(history);
    }

    private static LmEpoch best(List<LmEpoch> epochs) {
        LmEpoch best = epochs.getFirst();
        for (LmEpoch e : epochs) {
            if (e.validationLoss() < best.validationLoss()) {
                best = e;
            }
        }
        return best;
    }

    /** Loss per epoch. */
    public List<LmEpoch> history() {
        return history;
    }

    /** SHA-256 of the corpus it was trained on ({@link LmCorpus#fingerprint()}). */
    public String corpusFingerprint() {
        return corpusFingerprint;
    }

    /** Training and validation loss (nats per token) per epoch. */
    public BufferedImage historyChart() {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("training loss", history.stream().mapToDouble(LmEpoch::trainLoss).toArray());
        series.put("validation loss", history.stream().mapToDouble(LmEpoch::validationLoss).toArray());
        return Charts.lines("Language model: next-token cross-entropy", "epoch", "nats per token", series);
    }

    /** One row per epoch: losses, validation perplexity, seconds. */
    public Table historyTable() {
        return Table.create("training history",
                IntColumn.create("epoch", history.stream().mapToInt(LmEpoch::epoch).toArray()),
                DoubleColumn.create("train loss", history.stream().mapToDouble(e -> TrainingHistory.round(e.trainLoss(), 3))),
                DoubleColumn.create("validation loss", history.stream().mapToDouble(e -> TrainingHistory.round(e.validationLoss(), 3))),
                DoubleColumn.create("validation perplexity", history.stream().mapToDouble(e -> TrainingHistory.round(e.validationPerplexity(), 1))),
                DoubleColumn.create("seconds", history.stream().mapToDouble(e -> TrainingHistory.round(e.seconds(), 1))));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LanguageModel[%d layers, width %d, %d heads, vocabulary %d, %,d parameters%s]",
                spec.layers(), spec.width(), spec.heads(), vocabulary, parameterCount(),
                history.isEmpty() ? "" : String.format(Locale.ROOT, ", validation perplexity %.1f (epoch %d)",
                        keptEpoch().validationPerplexity(), keptEpoch().epoch()));
    }

    // ---------------------------------------------------------------- persistence

    /** Saves parameters, history, spec and the corpus fingerprint into {@code dir}. */
    public void save(Path dir) throws IOException {
        requireOpen();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spec", spec.toString());
        p.put("layers", String.valueOf(spec.layers()));
        p.put("width", String.valueOf(spec.width()));
        p.put("heads", String.valueOf(spec.heads()));
        p.put("mlpWidth", String.valueOf(spec.mlpWidth()));
        p.put("context", String.valueOf(spec.context()));
        p.put("epochs", String.valueOf(spec.epochs()));
        p.put("batchSize", String.valueOf(spec.batchSize()));
        p.put("dropout", String.valueOf(spec.dropout()));
        p.put("learningRate", String.valueOf(spec.learningRate()));
        p.put("seed", String.valueOf(spec.seed()));
        p.put("vocabulary", String.valueOf(vocabulary));
        p.put("corpus", corpusFingerprint);
        List<String> lines = new ArrayList<>();
        for (LmEpoch e : history) {
            lines.add(e.epoch() + "\t" + e.trainLoss() + "\t" + e.validationLoss() + "\t" + e.seconds());
        }
        ModelFiles.save(dir, KIND, p, List.of(network), lines);
    }

    /**
     * Loads a model saved with {@link #save}.
     *
     * @throws ModelFormatException when the folder is missing, truncated, corrupt or holds something else
     */
    public static LanguageModel load(Path dir) throws IOException {
        Properties p = ModelFiles.read(dir, KIND);
        LanguageModelSpec spec;
        try {
            spec = LanguageModelSpec.builder().layers(ModelFiles.intProperty(dir, p, "layers"))
                    .width(ModelFiles.intProperty(dir, p, "width"))
                    .heads(ModelFiles.intProperty(dir, p, "heads"))
                    .mlpWidth(ModelFiles.intProperty(dir, p, "mlpWidth"))
                    .context(ModelFiles.intProperty(dir, p, "context"))
                    .epochs(ModelFiles.intProperty(dir, p, "epochs"))
                    .batchSize(ModelFiles.intProperty(dir, p, "batchSize"))
                    .dropout(ModelFiles.doubleProperty(dir, p, "dropout"))
                    .learningRate(ModelFiles.doubleProperty(dir, p, "learningRate"))
                    .seed(ModelFiles.longProperty(dir, p, "seed"))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(dir, "the saved spec is invalid: " + e.getMessage(), e);
        }
        ModelFiles.checkSpec(dir, p, spec);
        int vocabulary = ModelFiles.intProperty(dir, p, "vocabulary");
        List<LmEpoch> epochs = new ArrayList<>();
        for (double[] r : ModelFiles.historyRows(dir, 4)) {
            epochs.add(new LmEpoch((int) r[0], r[1], r[2], r[3]));
        }
        LanguageModel lm = new LanguageModel(spec, vocabulary);
        try {
            ModelFiles.loadParameters(dir, List.of(lm.network), lm.manager);
        } catch (ModelFormatException | RuntimeException e) {
            lm.close();
            throw e;
        }
        lm.history = List.copyOf(epochs);
        lm.corpusFingerprint = ModelFiles.string(dir, p, "corpus");
        return lm;
    }

    void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this language model has been closed");
        }
    }

    /** Frees the native memory of the parameters; the model cannot be used afterwards. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }
}
