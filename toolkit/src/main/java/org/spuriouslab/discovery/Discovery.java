package org.spuriouslab.discovery;

import org.spuriouslab.clustering.Clustering;
import org.spuriouslab.clustering.KChoice;
import org.spuriouslab.clustering.KSelection;
import org.spuriouslab.data.ImageSet;
import org.spuriouslab.metrics.ClusterAgreement;
import org.spuriouslab.metrics.RankingMetrics;
import org.spuriouslab.metrics.RankingScores;
import org.spuriouslab.models.Classifier;
import org.spuriouslab.models.Vae;
import org.spuriouslab.patterns.PlantedImages;
import org.spuriouslab.progress.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs discovery: predicts every pool image's class, embeds the pool with the VAE, clusters each
 * predicted class's latent codes and, for every planted pattern, finds the cluster whose
 * membership ranking recovers the pattern's carriers best.
 */
public final class Discovery {

    private Discovery() {
    }

    /**
     * @param data       the experiment's sets
     * @param classifier trained on {@code data.train()}
     * @param vae        trained on {@code data.embeddingImages()} (or any images of the same size)
     * @param options    clustering options
     */
    public static DiscoveryResult run(DiscoveryData data, Classifier classifier, Vae vae, DiscoveryOptions options) {
        if (classifier.spec().numClasses() != data.numClasses()) {
            throw new IllegalArgumentException("the classifier has " + classifier.spec().numClasses()
                    + " classes but the experiment has " + data.numClasses() + " classes of interest");
        }
        ImageSet pool = data.pool().images();
        int[] predicted = classifier.predict(pool);
        float[][] z = vae.encode(pool);
        Progress progress = Progress.start("clustering each predicted class", data.numClasses());
        List<ClassGroup> groups = new ArrayList<>();
        for (int c = 0; c < data.numClasses(); c++) {
            final int label = c;
            int[] members = IntStream.range(0, predicted.length).filter(i -> predicted[i] == label).toArray();
            double[][] latents = new double[members.length][];
            for (int j = 0; j < members.length; j++) {
                latents[j] = toDouble(z[members[j]]);
            }
            groups.add(cluster(label, data.classNames().get(label), members, latents, vae, options));
            ClassGroup g = groups.getLast();
            progress.step(g.className() + ": " + g.size() + " images"
                    + (g.clustered() ? ", k=" + g.clustering().k() : ", too few to cluster"));
        }
        progress.done("clustered " + groups.stream().filter(ClassGroup::clustered).count() + " classes");
        List<PatternDiscovery> found = new ArrayList<>();
        for (PlantedTarget t : data.targets()) {
            found.add(score(t, data.pool(), predicted, groups.get(t.label())));
        }
        return new DiscoveryResult(data, groups, found, options);
    }

    private static ClassGroup cluster(int label, String name, int[] members, double[][] latents, Vae vae,
                                      DiscoveryOptions options) {
        if (members.length < Math.max(options.minGroupSize(), options.kMin() + 1)) {
            return new ClassGroup(label, name, members, latents, null, null, new float[0][]);
        }
        Clustering clustering;
        KChoice choice = null;
        if (options.fixedK() > 0) {
            int k = Math.min(options.fixedK(), members.length - 1);
            clustering = options.clusterer().fit(latents, k, options.seed());
        } else {
            int kMax = Math.min(options.kMax(), members.length - 1);
            int kMin = Math.min(options.kMin(), kMax);
            choice = options.selection() == DiscoveryOptions.KCriterion.BIC
                    ? KSelection.byBic(latents, kMin, kMax, options.seed())
                    : KSelection.bySilhouette(latents, options.clusterer(), kMin, kMax, options.seed());
            clustering = choice.best();
        }
        double[][] centroids = clustering.centroids();
        float[][] zc = new float[centroids.length][];
        for (int j = 0; j < centroids.length; j++) {
            zc[j] = toFloat(centroids[j]);
        }
        return new ClassGroup(label, name, members, latents, clustering, choice, vae.decode(zc));
    }

    static PatternDiscovery score(PlantedTarget t, PlantedImages pool, int[] predicted, ClassGroup group) {
        boolean[] carries = pool.mask(t.patternIndex());
        int inPool = 0;
        for (boolean b : carries) {
            inPool += b ? 1 : 0;
        }
        boolean[] relevant = new boolean[group.size()];
        int pulled = 0;
        for (int j = 0; j < relevant.length; j++) {
            relevant[j] = carries[group.poolIndices()[j]];
            pulled += relevant[j] ? 1 : 0;
        }
        RankingScores none = new RankingScores(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        if (!group.clustered() || pulled == 0) {
            int k = group.clustered() ? group.clustering().k() : 0;
            return new PatternDiscovery(t, inPool, pulled, group.size(), k, -1, 0, none, Double.NaN, Double.NaN);
        }
        Clustering cl = group.clustering();
        int best = -1;
        RankingScores bestScores = null;
        double bestPurity = -1;
        for (int c = 0; c < cl.k(); c++) {
            RankingScores s = rank(cl.scoresFor(c), relevant);
            double purity = purity(cl.members(c), relevant);
            if (best < 0 || s.averagePrecision() > bestScores.averagePrecision()
                    || (s.averagePrecision() == bestScores.averagePrecision() && purity > bestPurity)) {
                best = c;
                bestScores = s;
                bestPurity = purity;
            }
        }
        int[] truth = new int[relevant.length];
        for (int j = 0; j < truth.length; j++) {
            truth[j] = relevant[j] ? 1 : 0;
        }
        double nmi = ClusterAgreement.nmi(cl.assignments(), truth);
        return new PatternDiscovery(t, inPool, pulled, group.size(), cl.k(), best, cl.size(best), bestScores,
                bestPurity, nmi);
    }

    /** Ranking scores, with AUROC NaN when every image of the group carries the pattern. */
    private static RankingScores rank(double[] scores, boolean[] relevant) {
        boolean allRelevant = true;
        for (boolean b : relevant) {
            allRelevant &= b;
        }
        if (!allRelevant) {
            return RankingScores.of(scores, relevant);
        }
        return new RankingScores(RankingMetrics.precisionAt(10, scores, relevant),
                RankingMetrics.precisionAt(25, scores, relevant), 1.0, Double.NaN);
    }

    private static double purity(int[] members, boolean[] relevant) {
        if (members.length == 0) {
            return 0;
        }
        int hit = 0;
        for (int m : members) {
            hit += relevant[m] ? 1 : 0;
        }
        return hit / (double) members.length;
    }

    static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
