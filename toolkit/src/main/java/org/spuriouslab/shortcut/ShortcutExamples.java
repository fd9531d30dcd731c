package org.spuriouslab.shortcut;

import org.spuriouslab.charts.ImageGrid;
import org.spuriouslab.data.ImageSet;
import org.spuriouslab.models.Classifier;
import org.spuriouslab.patterns.Injector;
import org.spuriouslab.patterns.Pattern;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Pictures of the shortcut at work: test images that the pattern alone turns into the target class. */
public final class ShortcutExamples {

    private ShortcutExamples() {
    }

    /**
     * Up to {@code count} test images of other classes, correctly classified when clean, that the
     * model assigns to the target class once the pattern is added; each shown clean (top) and
     * patched (bottom) with the prediction.
     *
     * @throws IllegalStateException when no image flips (the model did not take the shortcut)
     */
    public static BufferedImage flipped(Classifier model, ImageSet test, Pattern pattern, int targetClass, int count,
                                        List<String> classNames) {
        ImageSet patched = Injector.patchAll(test, pattern);
        int[] before = model.predict(test);
        int[] after = model.predict(patched);
        List<float[]> top = new ArrayList<>();
        List<float[]> bottom = new ArrayList<>();
        List<String> topCaps = new ArrayList<>();
        List<String> bottomCaps = new ArrayList<>();
        for (int i = 0; i < test.size() && top.size() < count; i++) {
            if (test.label(i) != targetClass && before[i] == test.label(i) && after[i] == targetClass) {
                top.add(test.image(i));
                topCaps.add(shortName(classNames, before[i]));
                bottom.add(patched.image(i));
                bottomCaps.add("→ " + shortName(classNames, after[i]));
            }
        }
        if (top.isEmpty()) {
            throw new IllegalStateException("no correctly classified test image is turned into class " + targetClass
                    + " by " + pattern.id() + ": the model did not take this shortcut");
        }
        List<float[]> images = new ArrayList<>(top);
        images.addAll(bottom);
        List<String> captions = new ArrayList<>(topCaps);
        captions.addAll(bottomCaps);
        return ImageGrid.of(images, test.rows(), test.cols(), captions, top.size(), 3);
    }

    private static String shortName(List<String> names, int label) {
        String n = label < names.size() ? names.get(label) : String.valueOf(label);
        return n.length() > 10 ? n.substring(0, 10) : n;
    }
}
