package org.spuriouslab.discovery;

import org.spuriouslab.charts.ImageGrid;
import org.spuriouslab.charts.ScatterChart;
import org.spuriouslab.clustering.Clustering;
import org.spuriouslab.clustering.Projection;
import org.spuriouslab.data.ImageSet;
import org.spuriouslab.patterns.Pattern;
import org.spuriouslab.patterns.PlantedImages;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * What discovery found: the clusters of every predicted class and, per planted pattern, how well
 * its best-matching cluster recovers the images carrying it; with tables and pictures.
 *
 * @param data     the experiment's sets
 * @param groups   one group per predicted class
 * @param patterns one entry per planted (pattern, class)
 * @param options  the clustering options used
 */
public record DiscoveryResult(DiscoveryData data, List<ClassGroup> groups, List<PatternDiscovery> patterns,
                              DiscoveryOptions options) {

    /** Copies. */
    public DiscoveryResult {
        groups = List.copyOf(groups);
        patterns = List.copyOf(patterns);
    }

    /** The entry for a planted pattern (index into {@link #patterns()}). */
    public PatternDiscovery pattern(int index) {
        return patterns.get(index);
    }

    /** One row per planted pattern: how many carriers were pulled in, and the best cluster's scores. */
    public Table table() {
        return Table.create("discovery of each planted pattern (best-matching cluster)",
                StringColumn.create("pattern", patterns.stream().map(p -> p.target().pattern().id()).toList()),
                StringColumn.create("class", patterns.stream().map(p -> p.target().className()).toList()),
                IntColumn.create("carriers in pool", patterns.stream().mapToInt(PatternDiscovery::carryingInPool).toArray()),
                IntColumn.create("pulled into class", patterns.stream().mapToInt(PatternDiscovery::pulledIn).toArray()),
                IntColumn.create("class group", patterns.stream().mapToInt(PatternDiscovery::groupSize).toArray()),
                col("base rate", PatternDiscovery::prevalence),
                IntColumn.create("k", patterns.stream().mapToInt(PatternDiscovery::k).toArray()),
                IntColumn.create("best cluster size", patterns.stream().mapToInt(PatternDiscovery::bestClusterSize).toArray()),
                col("P@10", p -> p.scores().precisionAt10()),
                col("P@25", p -> p.scores().precisionAt25()),
                col("AP", PatternDiscovery::averagePrecision),
                col("AUROC", p -> p.scores().auroc()),
                col("purity", PatternDiscovery::purity),
                col("NMI", PatternDiscovery::nmi));
    }

    /** One row per predicted class: pool images, carriers of any pattern, k and cluster sizes. */
    public Table groupTable() {
        PlantedImages pool = data.pool();
        return Table.create("pool images per predicted class",
                StringColumn.create("predicted class", groups.stream().map(ClassGroup::className).toList()),
                IntColumn.create("pool images", groups.stream().mapToInt(ClassGroup::size).toArray()),
                IntColumn.create("carrying a pattern", groups.stream()
                        .mapToInt(g -> (int) Arrays.stream(g.poolIndices()).filter(pool::carriesAny).count()).toArray()),
                IntColumn.create("k", groups.stream().mapToInt(g -> g.clustered() ? g.clustering().k() : 0).toArray()),
                StringColumn.create("cluster sizes", groups.stream().map(DiscoveryResult::sizes).toList()));
    }

    /** The decoded centroids of a predicted class's clusters, captioned with size and share of carriers. */
    public BufferedImage centroids(int label) {
        ClassGroup g = requireClustered(label);
        PlantedImages pool = data.pool();
        List<float[]> images = List.of(g.decodedCentroids());
        List<String> captions = new ArrayList<>();
        for (int c = 0; c < g.clustering().k(); c++) {
            int[] m = g.clustering().members(c);
            long carriers = Arrays.stream(m).filter(j -> pool.carriesAny(g.poolIndices()[j])).count();
            captions.add("c" + c + " n=" + m.length + " " + Math.round(100.0 * carriers / Math.max(1, m.length)) + "%");
        }
        ImageSet pix = data.pool().images();
        return ImageGrid.of(images, pix.rows(), pix.cols(), captions, images.size(), 4);
    }

    /**
     * For a planted pattern: the mean image of its best cluster, the mean of the rest of the class
     * group, their difference (red = brighter in the cluster) and the pattern's true footprint.
     */
    public BufferedImage meanDifference(int patternIndex) {
        PatternDiscovery p = patterns.get(patternIndex);
        ClassGroup g = requireClustered(p.target().label());
        if (p.bestCluster() < 0) {
            throw new IllegalStateException("pattern " + p.target().pattern().id()
                    + " has no carriers in class " + p.target().className() + ": nothing to show");
        }
        ImageSet pool = data.pool().images();
        int n = pool.pixelsPerImage();
        float[] in = new float[n];
        float[] out = new float[n];
        int[] a = g.clustering().assignments();
        int nin = 0;
        int nout = 0;
        for (int j = 0; j < a.length; j++) {
            float[] img = pool.image(g.poolIndices()[j]);
            float[] acc = a[j] == p.bestCluster() ? in : out;
            for (int q = 0; q < n; q++) {
                acc[q] += img[q];
            }
            if (a[j] == p.bestCluster()) {
                nin++;
            } else {
                nout++;
            }
        }
        float[] diff = new float[n];
        for (int q = 0; q < n; q++) {
            in[q] /= Math.max(1, nin);
            out[q] /= Math.max(1, nout);
            diff[q] = in[q] - out[q];
        }
        Pattern pattern = p.target().pattern();
        float[] footprint = pattern.footprint(pool.rows(), pool.cols());
        int scale = 4;
        BufferedImage grey = ImageGrid.of(List.of(in, out, footprint), pool.rows(), pool.cols(),
                List.of("best cluster", "rest of class", "true pattern"), 3, scale);
        BufferedImage signed = ImageGrid.signed(List.of(diff), pool.rows(), pool.cols(),
                List.of("difference"), 1, scale);
        return sideBySide(grey, signed);
    }

    /** The pool images the best cluster ranks highest for a pattern, captioned ✓ when they carry it. */
    public BufferedImage topImages(int patternIndex, int count) {
        PatternDiscovery p = patterns.get(patternIndex);
        ClassGroup g = requireClustered(p.target().label());
        if (p.bestCluster() < 0) {
            throw new IllegalStateException("pattern " + p.target().pattern().id() + " has no best cluster");
        }
        double[] s = g.clustering().scoresFor(p.bestCluster());
        Integer[] order = IntStream.range(0, s.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -s[j]));
        List<float[]> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        PlantedImages pool = data.pool();
        for (int r = 0; r < Math.min(count, order.length); r++) {
            int i = g.poolIndices()[order[r]];
            images.add(pool.images().image(i));
            captions.add("#" + (r + 1) + (pool.carries(p.target().patternIndex(), i) ? " ✓" : " ✗"));
        }
        return ImageGrid.of(images, pool.images().rows(), pool.images().cols(), captions, Math.min(10, images.size()), 2);
    }

    /** PCA of a predicted class's latent codes, coloured by cluster. */
    public BufferedImage scatterByCluster(int label) {
        ClassGroup g = requireClustered(label);
        List<String> names = IntStream.range(0, g.clustering().k()).mapToObj(c -> "cluster " + c).toList();
        return ScatterChart.of("Latent codes of pool images predicted '" + g.className() + "' (PCA), by cluster",
                Projection.pca2(g.latents()), g.clustering().assignments(), names);
    }

    /** PCA of a predicted class's latent codes, coloured by which planted pattern each image carries. */
    public BufferedImage scatterByPattern(int label) {
        ClassGroup g = requireClustered(label);
        PlantedImages pool = data.pool();
        return ScatterChart.of("Latent codes of pool images predicted '" + g.className() + "' (PCA), by pattern",
                Projection.pca2(g.latents()), pool.firstPatternOf(g.poolIndices()), pool.patternGroupNames());
    }

    /** The chart of the k-selection criterion for a predicted class (when k was chosen). */
    public BufferedImage kChart(int label) {
        ClassGroup g = requireClustered(label);
        if (g.choice() == null) {
            throw new IllegalStateException("k was fixed at " + g.clustering().k() + " for class " + g.className());
        }
        return g.choice().chart();
    }

    private ClassGroup requireClustered(int label) {
        if (label < 0 || label >= groups.size()) {
            throw new IllegalArgumentException("class " + label + " outside 0.." + (groups.size() - 1));
        }
        ClassGroup g = groups.get(label);
        if (!g.clustered()) {
            throw new IllegalStateException("class " + g.className() + " has only " + g.size()
                    + " pool images and was not clustered");
        }
        return g;
    }

    private static String sizes(ClassGroup g) {
        if (!g.clustered()) {
            return "—";
        }
        Clustering c = g.clustering();
        return Arrays.toString(IntStream.range(0, c.k()).map(c::size).toArray());
    }

    private DoubleColumn col(String name, ToDoubleFunction<PatternDiscovery> f) {
        return DoubleColumn.create(name, patterns.stream().mapToDouble(p -> round(f.applyAsDouble(p))).toArray());
    }

    static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 1000) / 1000.0;
    }

    private static BufferedImage sideBySide(BufferedImage a, BufferedImage b) {
        BufferedImage out = new BufferedImage(a.getWidth() + b.getWidth(), Math.max(a.getHeight(), b.getHeight()),
                BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(a, 0, 0, null);
        g.drawImage(b, a.getWidth(), 0, null);
        g.dispose();
        return out;
    }
}
