package org.spuriouslab.models;

import org.spuriouslab.data.DataDir;
import org.spuriouslab.data.ImageSet;
import org.spuriouslab.text.LmCorpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Trains a model once and reloads it afterwards, so re-running a notebook is fast and changing a
 * setting retrains:
 *
 * <pre>{@code
 * Classifier model = ModelCache.classifier(ClassifierSpec.mlp().build(), ds.train());
 * Vae vae = ModelCache.vae(VaeSpec.builder().build(), ds.train());
 * }</pre>
 *
 * An entry is the folder {@code <root>/<kind>-<key16>/} where the key is the SHA-256 of the model
 * format version, the spec's {@code toString()} and the {@link #fingerprint} of the training set.
 * New entries are saved into a temporary folder and renamed into place, so an interrupted run
 * never leaves a half-written entry; an unreadable entry is reported, deleted and retrained.
 */
public final class ModelCache {

    /** Environment variable naming the cache folder. */
    public static final String ENV = "SPURIOUS_CACHE";
    /** System property naming the cache folder. */
    public static final String PROPERTY = "spurious.cache";

    private ModelCache() {
    }

    /**
     * The cache folder: {@value #ENV}, else the system property {@value #PROPERTY}, else
     * {@code cache/} in the enclosing repository (the folder holding {@code data-fetch/manifest.tsv}),
     * else {@code ./cache}.
     */
    public static Path root() {
        return DataDir.configured(ENV, PROPERTY, "cache");
    }

    /** The cached classifier for this spec and training set, training and saving it first if needed. */
    public static Classifier classifier(ClassifierSpec spec, ImageSet train) throws IOException {
        return get(Classifier.KIND, spec.toString(), train, Classifier::load, () -> Classifier.train(spec, train),
                Classifier::save, Classifier::close);
    }

    /** The cached VAE for this spec and training set, training and saving it first if needed. */
    public static Vae vae(VaeSpec spec, ImageSet train) throws IOException {
        return get(Vae.KIND, spec.toString(), train, Vae::load, () -> Vae.train(spec, train), Vae::save, Vae::close);
    }

    /** The cached language model for this spec and corpus, training and saving it first if needed. */
    public static LanguageModel languageModel(LanguageModelSpec spec, LmCorpus corpus) throws IOException {
        return get(LanguageModel.KIND, spec.toString(), corpus.fingerprint(), dir -> {
            LanguageModel lm = LanguageModel.load(dir);
            if (!lm.corpusFingerprint().equals(corpus.fingerprint())) {
                lm.close();
                throw new ModelFormatException(dir, "was trained on another corpus");
            }
            return lm;
        }, () -> LanguageModel.train(spec, corpus), LanguageModel::save, LanguageModel::close);
    }

    /** The folder an entry for this kind ({@code "classifier"} or {@code "vae"}), spec and data would use. */
    public static Path entry(String kind, Object spec, ImageSet train) {
        return root().resolve(kind + "-" + key(spec, train).substring(0, 16));
    }

    /**
     * The full cache key (64 hex digits): SHA-256 over the model format version, {@code spec.toString()}
     * and {@link #fingerprint(ImageSet) fingerprint(train)}.
     */
    public static String key(Object spec, ImageSet train) {
        return key(spec.toString(), fingerprint(train));
    }

    private static String key(String spec, String fingerprint) {
        MessageDigest d = ModelFiles.sha256();
        d.update(("format " + ModelFiles.FORMAT_VERSION + "\n").getBytes(StandardCharsets.UTF_8));
        d.update((spec + "\n").getBytes(StandardCharsets.UTF_8));
        d.update(fingerprint.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d.digest());
    }

    /**
     * SHA-256 (hex) of an image set: its size, image height and width, every label and the exact
     * bits of every pixel. Any change to the data changes the fingerprint.
     */
    public static String fingerprint(ImageSet set) {
        MessageDigest d = ModelFiles.sha256();
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(set.size()).putInt(set.rows()).putInt(set.cols());
        d.update(header.array());
        ByteBuffer labels = ByteBuffer.allocate(4 * set.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < set.size(); i++) {
            labels.putInt(set.label(i));
        }
        d.update(labels.array());
        ByteBuffer px = ByteBuffer.allocate(4 * set.pixelsPerImage()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < set.size(); i++) {
            px.clear();
            px.asFloatBuffer().put(set.image(i));
            d.update(px.array());
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private interface Loader<M> {
        M load(Path dir) throws IOException;
    }

    private interface Saver<M> {
        void save(M model, Path dir) throws IOException;
    }

    private static <M> M get(String kind, String spec, ImageSet train, Loader<M> loader,
                             java.util.function.Supplier<M> trainer, Saver<M> saver,
                             java.util.function.Consumer<M> closer) throws IOException {
        return get(kind, spec, fingerprint(train), loader, trainer, saver, closer);
    }

    private static <M> M get(String kind, String spec, String dataFingerprint, Loader<M> loader,
                             java.util.function.Supplier<M> trainer, Saver<M> saver,
                             java.util.function.Consumer<M> closer) throws IOException {
        Path root = root();
        String key = key(spec, dataFingerprint);
        Path dir = root.resolve(kind + "-" + key.substring(0, 16));
        if (Files.exists(dir)) {
            try {
                M m = loader.load(dir);
                System.out.println("loaded " + kind + " from cache (" + dir + ")");
                return m;
            } catch (ModelFormatException e) {
                System.out.println("warning: unreadable cache entry: " + e.getMessage()
                        + ". Deleting it and training again.");
                deleteRecursively(dir);
            } catch (IOException | RuntimeException e) {
                System.out.println("warning: cache entry " + dir + " is unreadable (" + e
                        + "). Deleting it and training again.");
                deleteRecursively(dir);
            }
        }
        M model = trainer.get();
        try {
            Files.createDirectories(root);
            Path tmp = Files.createTempDirectory(root, "." + kind + "-" + key.substring(0, 16) + "-");
            try {
                saver.save(model, tmp);
                moveIntoPlace(tmp, dir);
                System.out.println("saved " + kind + " to cache (" + dir + ")");
            } finally {
                if (Files.exists(tmp)) {
                    deleteRecursively(tmp);
                }
            }
        } catch (IOException | RuntimeException e) {
            closer.accept(model);
            throw e;
        }
        return model;
    }

    private static void moveIntoPlace(Path tmp, Path dir) throws IOException {
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir);
        } catch (IOException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
            // another run saved the same entry meanwhile: same key, same model; keep theirs
            System.out.println("note: " + dir + " appeared while training; keeping the existing entry");
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
