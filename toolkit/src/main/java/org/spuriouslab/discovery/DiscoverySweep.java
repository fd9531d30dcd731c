package org.spuriouslab.discovery;

import org.spuriouslab.data.ImageDataset;
import org.spuriouslab.models.Classifier;
import org.spuriouslab.models.ClassifierSpec;
import org.spuriouslab.models.ModelCache;
import org.spuriouslab.models.Vae;
import org.spuriouslab.models.VaeSpec;
import org.spuriouslab.patterns.Pattern;
import org.spuriouslab.patterns.PlantSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs discovery over several settings — how many training images carry the pattern, how strong
 * it is, one pattern or several — training (or loading from the cache) a classifier and a VAE per
 * setting.
 */
public final class DiscoverySweep {

    private DiscoverySweep() {
    }

    /**
     * Every combination of planted count and pattern, each planted in {@code targetClass}.
     *
     * @param targetClass class of interest that carries the pattern (original label)
     * @param counts      numbers of training images to plant
     * @param strengths   series name → pattern
     * @param setupFor    builds the full setup around one plant
     */
    public static List<SweepCase> grid(int targetClass, int[] counts, Map<String, Pattern> strengths,
                                       Function<PlantSpec, DiscoverySetup> setupFor) {
        List<SweepCase> cases = new ArrayList<>();
        for (Map.Entry<String, Pattern> e : strengths.entrySet()) {
            for (int n : counts) {
                cases.add(new SweepCase(e.getKey(), n, setupFor.apply(PlantSpec.of(e.getValue()).inClass(targetClass, n))));
            }
        }
        return cases;
    }

    /**
     * Runs every case.
     *
     * @param dataset    the images
     * @param cases      the settings
     * @param classifier the classifier to train per case (its class count is set from the setup)
     * @param vae        the VAE to train per case
     * @param options    clustering options
     */
    public static SweepResult run(ImageDataset dataset, List<SweepCase> cases, ClassifierSpec classifier,
                                  VaeSpec vae, DiscoveryOptions options) {
        List<SweepRow> rows = new ArrayList<>();
        int i = 0;
        for (SweepCase c : cases) {
            i++;
            System.out.println(String.format("── sweep case %d/%d: %s, %d planted", i, cases.size(), c.strength(),
                    c.planted()));
            long t0 = System.nanoTime();
            DiscoveryData data = c.setup().prepare(dataset);
            ClassifierSpec spec = classifier.toBuilder().numClasses(data.numClasses()).build();
            try (Classifier model = ModelCache.classifier(spec, data.train().images());
                 Vae embed = ModelCache.vae(vae, data.embeddingImages())) {
                double accuracy = model.accuracy(data.test());
                DiscoveryResult r = Discovery.run(data, model, embed, options);
                double seconds = (System.nanoTime() - t0) / 1e9;
                for (PatternDiscovery p : r.patterns()) {
                    rows.add(new SweepRow(c.strength(), c.planted(), p, accuracy, seconds));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("model cache: " + e.getMessage(), e);
            }
        }
        return new SweepResult(rows);
    }
}
