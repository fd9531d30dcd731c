package org.spuriouslab.charts;

import org.spuriouslab.data.ImageDataset;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pictures of a whole {@link ImageDataset}: class histogram and mean image per class. */
public final class DatasetCharts {

    private DatasetCharts() {
    }

    /** Images per class, train and test side by side. */
    public static BufferedImage classHistogram(ImageDataset ds) {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("train", toDouble(ds.train().classCounts(ds.numClasses())));
        series.put("test", toDouble(ds.test().classCounts(ds.numClasses())));
        return Charts.bars(ds.name() + ": images per class", "class", "images", ds.classNames(), series);
    }

    /** The mean training image of every class, captioned with the class name. */
    public static BufferedImage classMeans(ImageDataset ds) {
        List<float[]> means = new ArrayList<>();
        for (int c = 0; c < ds.numClasses(); c++) {
            means.add(ds.train().classMean(c));
        }
        return ImageGrid.of(means, ds.train().rows(), ds.train().cols(), ds.classNames(), ds.numClasses(), 3);
    }

    private static double[] toDouble(int[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
