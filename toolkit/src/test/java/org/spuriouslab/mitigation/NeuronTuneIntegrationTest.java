package org.spuriouslab.mitigation;

import org.junit.jupiter.api.Test;
import org.spuriouslab.data.ImageDataset;
import org.spuriouslab.data.RealData;
import org.spuriouslab.models.Classifier;
import org.spuriouslab.models.ClassifierSpec;
import org.spuriouslab.patterns.Patterns;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NeuronTune on a small planted Fashion-MNIST benchmark (sandal / sneaker / ankle boot, S3 on 90%
 * of training sneakers and 5% of the others, 50% everywhere in test); skipped when the dataset is missing.
 */
class NeuronTuneIntegrationTest {

    @Test
    void raisesWorstGroupAccuracyOverErm() {
        ImageDataset ds = RealData.require();
        GroupedSplits splits = SpuriousBenchmark.builder()
                .classes(5, 7, 9).biasedClass(7).pattern(Patterns.s3())
                .biasedRate(0.9).otherRate(0.05).testRate(0.5)
                .trainPerClass(1200).identificationPerClass(400).testPerClass(400).seed(7)
                .build(ds);
        assertEquals(1080, splits.train().groupCounts()[GroupedSet.group(1, true)]);
        assertEquals(60, splits.train().groupCounts()[GroupedSet.group(0, true)]);
        assertEquals(200, splits.test().groupCounts()[GroupedSet.group(2, true)]);
        ClassifierSpec spec = ClassifierSpec.mlp().hidden(128, 64).numClasses(3).epochs(4).seed(3).build();
        try (Classifier erm = Classifier.train(spec, splits.train().images())) {
            SplitFeatures f = SplitFeatures.of(erm, splits);
            NeuronTune.Options opts = NeuronTune.Options.defaults();
            NeuronTuneResult any = NeuronTune.run(f, splits, opts);
            NeuronTuneResult any25 = NeuronTune.run(f, splits, opts.withLambda(0.25));
            NeuronTuneResult all = NeuronTune.run(f, splits, opts.withRule(SelectionRule.ALL));
            OracleRetraining.Result oracle = OracleRetraining.run(f, splits, opts.retraining());
            System.out.println(GroupReport.perGroup(List.of(any.before(), any.after(), any25.after(), all.after(),
                    oracle.report())).printAll());
            System.out.println(String.format(Locale.ROOT, "ERM avg %.4f WGA %.4f | ANY λ=0: %d silenced, avg %.4f WGA %.4f"
                            + " | ANY λ=0.25: %d silenced, avg %.4f WGA %.4f | ALL λ=0: %d silenced, avg %.4f WGA %.4f"
                            + " | oracle avg %.4f WGA %.4f",
                    any.before().averageAccuracy(), any.before().worstGroupAccuracy(), any.selection().count(),
                    any.after().averageAccuracy(), any.after().worstGroupAccuracy(), any25.selection().count(),
                    any25.after().averageAccuracy(), any25.after().worstGroupAccuracy(), all.selection().count(),
                    all.after().averageAccuracy(), all.after().worstGroupAccuracy(),
                    oracle.report().averageAccuracy(), oracle.report().worstGroupAccuracy()));
            // the benchmark works: ERM fails on a minority group, the oracle does far better
            assertTrue(any.before().worstGroupAccuracy() < 0.7, "ERM should fail on a group: " + any.before());
            assertTrue(oracle.report().worstGroupAccuracy() > any.before().worstGroupAccuracy() + 0.15, oracle.report().toString());
            // NeuronTune with the default settings and with λ = 0.25 beats ERM's worst group
            assertTrue(any.after().worstGroupAccuracy() > any.before().worstGroupAccuracy(),
                    "NeuronTune WGA " + any.after() + " should beat ERM's " + any.before());
            assertTrue(any25.after().worstGroupAccuracy() > any.before().worstGroupAccuracy() + 0.1, any25.after().toString());
            assertTrue(any.selection().count() > 0);
            // same inputs and seeds, same outcome
            NeuronTuneResult again = NeuronTune.run(f, splits, opts);
            assertArrayEquals(any.selection().selected(), again.selection().selected());
            assertEquals(any.after().worstGroupAccuracy(), again.after().worstGroupAccuracy());
        }
    }
}
