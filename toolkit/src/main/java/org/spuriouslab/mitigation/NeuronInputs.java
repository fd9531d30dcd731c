package org.spuriouslab.mitigation;

import org.spuriouslab.charts.ImageGrid;
import org.spuriouslab.data.ImageSet;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * What a neuron responds to in input space: the mean image of the {@code topK} images on which it
 * fires most, minus the mean of all images. For a neuron that encodes a planted patch, the patch
 * lights up.
 */
public final class NeuronInputs {

    private NeuronInputs() {
    }

    /**
     * The mean of the {@code topK} most activating images minus the overall mean (one value per pixel).
     *
     * @param features activations of {@code images}, one row per image
     * @throws IllegalArgumentException for mismatched sizes, a neuron out of range or topK outside 1..n
     */
    public static float[] meanDifference(ImageSet images, float[][] features, int neuron, int topK) {
        int n = images.size();
        if (features.length != n) {
            throw new IllegalArgumentException(features.length + " activation rows for " + n + " images");
        }
        if (topK < 1 || topK > n) {
            throw new IllegalArgumentException("topK must be in 1.." + n + ", got " + topK);
        }
        if (neuron < 0 || neuron >= features[0].length) {
            throw new IllegalArgumentException("neuron " + neuron + " outside 0.." + (features[0].length - 1));
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Float.compare(features[b][neuron], features[a][neuron]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int ppi = images.pixelsPerImage();
        double[] top = new double[ppi];
        double[] all = new double[ppi];
        for (int r = 0; r < n; r++) {
            float[] img = images.image(order[r]);
            for (int j = 0; j < ppi; j++) {
                all[j] += img[j];
                if (r < topK) {
                    top[j] += img[j];
                }
            }
        }
        float[] out = new float[ppi];
        for (int j = 0; j < ppi; j++) {
            out[j] = (float) (top[j] / topK - all[j] / n);
        }
        return out;
    }

    /** {@link #meanDifference} of several neurons side by side (red = brighter than average, blue = darker). */
    public static BufferedImage grid(ImageSet images, float[][] features, int[] neurons, int topK) {
        if (neurons.length == 0) {
            throw new IllegalArgumentException("no neurons to show");
        }
        List<float[]> imgs = new ArrayList<>();
        List<String> caps = new ArrayList<>();
        for (int i : neurons) {
            imgs.add(meanDifference(images, features, i, topK));
            caps.add("n" + i);
        }
        return ImageGrid.signed(imgs, images.rows(), images.cols(), caps, Math.min(8, neurons.length), 4);
    }
}
