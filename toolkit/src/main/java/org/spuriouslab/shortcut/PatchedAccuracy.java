package org.spuriouslab.shortcut;

import org.spuriouslab.data.ImageSet;
import org.spuriouslab.models.Classifier;
import org.spuriouslab.patterns.Injector;
import org.spuriouslab.patterns.Pattern;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * Accuracy on the clean test set and on the same images with the pattern added to every one, and
 * the share of other-class images that the pattern turns into a target-class prediction.
 *
 * @param model              a name for the model
 * @param clean              accuracy on the clean test images
 * @param patched            accuracy on the patched test images
 * @param flippedToTarget      share of images not of the target class predicted as the target once patched
 * @param cleanPredictedTarget share of the same images predicted as the target without the pattern
 */
public record PatchedAccuracy(String model, double clean, double patched, double flippedToTarget,
                              double cleanPredictedTarget) {

    /** Measures one model. */
    public static PatchedAccuracy measure(String name, Classifier model, ImageSet test, Pattern pattern,
                                          int targetClass) {
        ImageSet patchedSet = Injector.patchAll(test, pattern);
        int[] clean = model.predict(test);
        int[] patched = model.predict(patchedSet);
        int correctClean = 0;
        int correctPatched = 0;
        int others = 0;
        int toTarget = 0;
        int cleanTarget = 0;
        for (int i = 0; i < clean.length; i++) {
            int y = test.label(i);
            correctClean += clean[i] == y ? 1 : 0;
            correctPatched += patched[i] == y ? 1 : 0;
            if (y != targetClass) {
                others++;
                toTarget += patched[i] == targetClass ? 1 : 0;
                cleanTarget += clean[i] == targetClass ? 1 : 0;
            }
        }
        double n = Math.max(1, others);
        return new PatchedAccuracy(name, correctClean / (double) clean.length, correctPatched / (double) clean.length,
                toTarget / n, cleanTarget / n);
    }

    /** One row per model. */
    public static Table table(List<PatchedAccuracy> rows) {
        return Table.create("accuracy on clean vs patched test images",
                StringColumn.create("model", rows.stream().map(PatchedAccuracy::model).toList()),
                DoubleColumn.create("clean accuracy", rows.stream().mapToDouble(r -> round(r.clean())).toArray()),
                DoubleColumn.create("patched accuracy", rows.stream().mapToDouble(r -> round(r.patched())).toArray()),
                DoubleColumn.create("other classes → target (clean)",
                        rows.stream().mapToDouble(r -> round(r.cleanPredictedTarget())).toArray()),
                DoubleColumn.create("other classes → target (patched)",
                        rows.stream().mapToDouble(r -> round(r.flippedToTarget())).toArray()));
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
