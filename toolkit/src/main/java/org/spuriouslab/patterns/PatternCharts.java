package org.spuriouslab.patterns;

import org.spuriouslab.charts.ImageGrid;
import org.spuriouslab.data.ImageSet;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Pictures of patterns as {@link BufferedImage}s (built with {@link ImageGrid}). */
public final class PatternCharts {

    /** Screen pixels per image pixel. */
    private static final int SCALE = 3;
    private static final int MAX_COLUMNS = 8;

    private PatternCharts() {
    }

    /** The clean base image first (captioned {@code clean}), then each pattern applied to it, captioned by id. */
    public static BufferedImage gallery(List<Pattern> patterns, float[] baseImage, int rows, int cols) {
        requireSome(patterns);
        List<float[]> imgs = new ArrayList<>();
        List<String> caps = new ArrayList<>();
        imgs.add(baseImage.clone());
        caps.add("clean");
        for (Pattern p : patterns) {
            imgs.add(p.apply(baseImage, rows, cols));
            caps.add(p.id());
        }
        return ImageGrid.of(imgs, rows, cols, caps, Math.min(imgs.size(), MAX_COLUMNS), SCALE);
    }

    /**
     * Two rows: the first {@code count} images carrying pattern {@code patternIndex} as they were
     * in {@code original}, then the same images after planting. Captions give the image index.
     */
    public static BufferedImage beforeAfter(ImageSet original, PlantedImages planted, int patternIndex, int count) {
        if (original.size() != planted.images().size()) {
            throw new IllegalArgumentException("original has " + original.size() + " images but the planted set has "
                    + planted.images().size());
        }
        if (count <= 0) {
            throw new IllegalArgumentException("count must be > 0, got " + count);
        }
        int[] idx = planted.indicesCarrying(patternIndex);
        if (idx.length == 0) {
            throw new IllegalArgumentException("no image carries pattern " + patternIndex + " ("
                    + planted.patterns().get(patternIndex).id() + ")");
        }
        int k = Math.min(count, idx.length);
        String id = planted.patterns().get(patternIndex).id();
        List<float[]> imgs = new ArrayList<>();
        List<String> caps = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            imgs.add(original.image(idx[j]));
            caps.add("#" + idx[j]);
        }
        for (int j = 0; j < k; j++) {
            imgs.add(planted.images().image(idx[j]));
            caps.add(id + " #" + idx[j]);
        }
        return ImageGrid.of(imgs, original.rows(), original.cols(), caps, k, SCALE);
    }

    /** Each pattern's {@link Pattern#footprint footprint} (white = changed most), captioned by id. */
    public static BufferedImage footprints(List<Pattern> patterns, int rows, int cols) {
        requireSome(patterns);
        List<float[]> imgs = new ArrayList<>();
        List<String> caps = new ArrayList<>();
        for (Pattern p : patterns) {
            imgs.add(p.footprint(rows, cols));
            caps.add(p.id());
        }
        return ImageGrid.of(imgs, rows, cols, caps, Math.min(imgs.size(), MAX_COLUMNS), SCALE);
    }

    private static void requireSome(List<Pattern> patterns) {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("no patterns to show");
        }
    }
}
