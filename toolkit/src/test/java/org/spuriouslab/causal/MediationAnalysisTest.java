package org.spuriouslab.causal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mediation on {@link KnownTruthNetwork}: hand computations, bootstrap, the confounded known-truth check, errors. */
class MediationAnalysisTest {

    // treated (x, t): two of topic 1, one of topic 0; controls: one of topic 1, three of topic 0
    static final float[][] TREATED = {{1, 1}, {1, 1}, {0, 1}};
    static final float[][] CONTROLS = {{1, 0}, {0, 0}, {0, 0}, {0, 0}};

    KnownTruthNetwork truth;

    @BeforeEach
    void build() {
        truth = KnownTruthNetwork.build();
    }

    @AfterEach
    void free() {
        truth.close();
    }

    private MediationAnalysis.Builder analysis() {
        return MediationAnalysis.builder().network(truth.network()).outcome(truth.outcome())
                .treated(TREATED).controls(CONTROLS);
    }

    @Test
    void networkComputesTheHandFormula() {
        float[][] out = truth.network().forward(new float[][]{{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        assertEquals(truth.output(0, 0), out[0][0], 1e-6);
        assertEquals(truth.output(0, 1), out[1][0], 1e-6);
        assertEquals(truth.output(1, 0), out[2][0], 1e-6);
        assertEquals(truth.output(1, 1), out[3][0], 1e-6);
    }

    @Test
    void aieEqualsHandComputation() {
        MediationResult r = analysis().mediators(truth.mediators()).units("hidden", "pre").bootstrap(0).build().run();
        double a = truth.topicWeight();
        double b = truth.toxicityWeight();
        double treatedTopic = (2 * truth.topicUnit(1) + truth.topicUnit(0)) / 3;
        double controlTopic = (truth.topicUnit(1) + 3 * truth.topicUnit(0)) / 4;
        double topic = a * (treatedTopic - controlTopic);
        double tox = b * (truth.toxicityUnit(1) - truth.toxicityUnit(0));
        assertEquals(topic, r.effect("topic unit").aie(), 1e-5);
        assertEquals(tox, r.effect("toxicity unit").aie(), 1e-5);
        // whole hidden layer replaced: both paths together
        assertEquals(topic + tox, r.effect("hidden").aie(), 1e-5);
        // whole pre-activation replaced by the control mean of (1.5x − 0.5, 2t − 1)
        double meanY = 0;
        for (float[] in : TREATED) {
            meanY += truth.output(in[0], in[1]) / TREATED.length;
        }
        double pre0 = (1.5 * 1 - 0.5 + 3 * (-0.5)) / 4;
        double pre1 = -1;
        double patched = a * Math.tanh(pre0) + b * Math.tanh(pre1);
        assertEquals(meanY - patched, r.effect("pre").aie(), 1e-5);
        assertTrue(Double.isNaN(r.effect("pre").lower()), "no bootstrap → NaN interval");
        // per-input NIE of the toxicity unit is the same for every treated input
        for (double v : r.nie()[1]) {
            assertEquals(tox, v, 1e-5);
        }
        assertEquals(List.of("topic unit", "toxicity unit", "hidden", "pre"), r.units());
    }

    @Test
    void weightedControlMeanUsesTheWeights() {
        // all weight on the one topic-1 control: m⁰_topic = topicUnit(1)
        MediationResult r = analysis().mediators(truth.mediators()).controlWeights(new double[]{1, 0, 0, 0})
                .bootstrap(0).build().run();
        double treatedTopic = (2 * truth.topicUnit(1) + truth.topicUnit(0)) / 3;
        assertEquals(truth.topicWeight() * (treatedTopic - truth.topicUnit(1)), r.effect("topic unit").aie(), 1e-5);
        assertEquals("weighted", r.label());
    }

    @Test
    void bootstrapIntervalsContainTheEstimateAndAreDeterministic() {
        KnownTruthData data = KnownTruthData.generate(400, 0.6, 3);
        MediationAnalysis.Builder base = MediationAnalysis.builder().network(truth.network()).outcome(truth.outcome())
                .mediators(truth.mediators()).treated(data.treatedInputs()).controls(data.controlInputs()).bootstrap(300);
        MediationResult r1 = base.seed(11).build().run();
        MediationResult r2 = base.seed(11).build().run();
        MediationResult r3 = base.seed(12).build().run();
        for (UnitEffect e : r1.effects()) {
            assertTrue(e.covers(e.aie()), e + " interval must contain the estimate");
        }
        UnitEffect topic = r1.effect("topic unit");
        assertTrue(topic.upper() > topic.lower(), "topic NIE varies over treated inputs: a real interval");
        assertEquals(r1.effects(), r2.effects(), "same seed, same intervals");
        assertNotEquals(r1.effect("topic unit").lower(), r3.effect("topic unit").lower(), "other seed, other resamples");
        assertEquals(r1.effect("topic unit").aie(), r3.effect("topic unit").aie(), 0, "point estimate does not depend on the seed");
    }

    @Test
    void knownTruthAdjustmentRemovesTheConfoundedTopicEffect() {
        KnownTruthData data = KnownTruthData.generate(2000, 0.8, 5);
        assertTrue(data.topicShare(1) - data.topicShare(0) > 0.6, "topic confounds treatment");
        BalancingResult balance = data.balance();
        MediationAnalysis.Builder base = MediationAnalysis.builder().network(truth.network()).outcome(truth.outcome())
                .mediators(truth.mediators()).treated(data.treatedInputs()).controls(data.controlInputs())
                .bootstrap(200).seed(1);
        MediationResult unadjusted = base.label("unadjusted").build().run();
        MediationResult adjusted = base.label("entropy-balanced").controlWeights(balance.weights()).build().run();

        double tox = truth.trueToxicityEffect();
        double naiveTopic = truth.topicWeight() * (data.topicShare(1) - data.topicShare(0))
                * (truth.topicUnit(1) - truth.topicUnit(0));
        // unadjusted: credits the topic unit with the topic difference between the groups
        assertEquals(naiveTopic, unadjusted.effect("topic unit").aie(), 1e-4);
        assertTrue(unadjusted.effect("topic unit").aie() > 0.5 * tox, "confounding credits the topic unit");
        assertTrue(unadjusted.effect("topic unit").lower() > 0, "and its interval excludes 0");
        // adjusted: the topic unit's effect vanishes, the toxicity unit's stays
        assertEquals(0.0, adjusted.effect("topic unit").aie(), 1e-5);
        assertEquals(tox, adjusted.effect("toxicity unit").aie(), 1e-5);
        assertEquals(tox, unadjusted.effect("toxicity unit").aie(), 1e-5);
        assertTrue(adjusted.effect("topic unit").covers(0.0));

        Localization u = unadjusted.localization();
        Localization a = adjusted.localization();
        assertTrue(a.topKShare(1) > 0.9999 && a.topKShare(1) > u.topKShare(1), "adjustment localises the effect");
        assertTrue(a.normalisedEntropy() < u.normalisedEntropy());

        Table t = MediationResult.compare(unadjusted, adjusted);
        assertEquals(2, t.rowCount());
        assertEquals(adjusted.effect("topic unit").aie(), t.doubleColumn("AIE entropy-balanced").get(0), 0);
        assertEquals(5, adjusted.table().columnCount());
        BufferedImage chart = MediationResult.compareChart(unadjusted, adjusted);
        assertTrue(chart.getWidth() > 0 && adjusted.chart().getHeight() > 0);
        // one row per measure, two analyses (twice the same one gets a distinct legend label)
        BufferedImage loc = MediationResult.localizationChart(1, unadjusted, adjusted, adjusted);
        assertTrue(loc.getHeight() > MediationResult.localizationChart(1, unadjusted).getHeight() - 1);
        assertThrows(IllegalArgumentException.class, () -> MediationResult.localizationChart(1));
    }

    @Test
    void rejectsBadConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> analysis().mediators(truth.mediators()).treated(new float[0][]).build());
        assertThrows(IllegalArgumentException.class, () -> analysis().mediators(truth.mediators()).controls(new float[0][]).build());
        assertThrows(IllegalArgumentException.class, () -> analysis().mediators(truth.mediators()).controls(null).build());
        assertThrows(IllegalArgumentException.class, () -> analysis().units("no such unit").build());
        assertThrows(IllegalArgumentException.class, () -> analysis().build(), "no mediators");
        assertThrows(IllegalArgumentException.class, () -> analysis().mediators(List.of(Mediator.neuron("hidden", 2))).build());
        assertThrows(IllegalArgumentException.class,
                () -> analysis().mediators(truth.mediators()).controlWeights(new double[]{0.5, 0.2, 0.2, 0.2}).build());
        assertThrows(IllegalArgumentException.class,
                () -> analysis().mediators(truth.mediators()).controlWeights(new double[]{0.5, 0.5}).build());
        assertThrows(IllegalArgumentException.class,
                () -> analysis().mediators(truth.mediators()).controlWeights(new double[]{1.5, -0.5, 0, 0}).build());
        assertThrows(IllegalArgumentException.class, () -> analysis().mediators(truth.mediators()).bootstrap(-1).build());
        assertThrows(IllegalArgumentException.class, () -> KnownTruthData.generate(100, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> KnownTruthData.generate(2, 0.5, 1));
    }

    @Test
    void sweepShowsSpuriousCreditGrowingWithConfoundingAndAdjustmentRemovingIt() {
        KnownTruthSweep sweep = KnownTruthSweep.run(truth, 2000, 5, 0.0, 0.4, 0.8);
        assertEquals(3, sweep.rows().size());
        double previous = -1;
        for (KnownTruthSweep.Row r : sweep.rows()) {
            assertEquals(0.0, r.adjustedTopic(), 1e-5, "balanced: no credit to the topic unit at " + r.confounding());
            assertEquals(truth.trueToxicityEffect(), r.adjustedToxicity(), 1e-5);
            assertTrue(r.unadjustedTopic() > previous, "unadjusted credit grows with confounding");
            previous = r.unadjustedTopic();
        }
        assertTrue(sweep.rows().get(2).unadjustedTopic() > 0.5 * truth.trueToxicityEffect());
        assertEquals(6, sweep.table().columnCount());
        assertTrue(sweep.chart().getWidth() > 0);
        assertThrows(IllegalArgumentException.class, () -> KnownTruthSweep.run(truth, 100, 1));
    }
}
