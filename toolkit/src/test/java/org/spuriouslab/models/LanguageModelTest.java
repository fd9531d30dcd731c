package org.spuriouslab.models;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spuriouslab.causal.MediationAnalysis;
import org.spuriouslab.causal.MediationResult;
import org.spuriouslab.causal.PromptMediation;
import org.spuriouslab.hooks.Hooks;
import org.spuriouslab.text.LmCorpus;
import org.spuriouslab.text.Prompts;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanguageModelTest {

    private static LmCorpus corpus;
    private static LanguageModel lm;

    @TempDir
    Path tmp;

    @BeforeAll
    static void train() {
        corpus = ToyLanguage.corpus(600, 1);
        lm = LanguageModel.train(ToyLanguage.spec().build(), corpus);
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    @Test
    void learnsTheLanguageAndThePlantedLink() {
        List<LmEpoch> h = lm.history();
        assertEquals(6, h.size());
        // a uniform guess over the vocabulary costs ln(V) nats; the model must do clearly better
        assertTrue(lm.keptEpoch().validationLoss() < Math.log(corpus.vocabularySize()) - 0.4, "history " + h);
        assertTrue(h.getLast().trainLoss() < h.getFirst().trainLoss());
        // a prompt with a toxic word predicts more toxic words: Y(treated) > Y(control)
        Prompts prompts = corpus.prompts(6);
        LexiconContinuation y = lm.continuation(corpus.lexiconIds(), 3);
        double treated = mean(LexiconContinuation.outcome().of(y.forward(prompts.rows(prompts.indices(true)))));
        double control = mean(LexiconContinuation.outcome().of(y.forward(prompts.rows(prompts.indices(false)))));
        assertTrue(treated > 1.5 * control, "Y treated " + treated + " vs control " + control);
        assertEquals(lm.spec().layers() * 3, lm.unitNames().size());
        assertEquals("layer 1 attention", lm.unitNames().getFirst());
        assertTrue(lm.historyChart().getWidth() > 0);
        assertEquals(6, lm.historyTable().rowCount());
    }

    @Test
    void passesAndTrainingFreeWhatTheyAllocate() {
        int before = lm.liveArrays();
        Prompts prompts = corpus.prompts(6);
        LexiconContinuation y = lm.continuation(corpus.lexiconIds(), 3);
        for (int i = 0; i < 3; i++) {
            y.forward(prompts.rows(new int[]{0, 1, 2}));
            y.record(List.of("layer 1 mlp"), prompts.rows(new int[]{0}));
            lm.nextTokenProbabilities(new int[][]{prompts.tokens()[0]});
        }
        assertEquals(before, lm.liveArrays(), "inference leaves no arrays behind");
        try (LanguageModel small = LanguageModel.train(ToyLanguage.spec().epochs(1).build(), ToyLanguage.corpus(100, 4))) {
            try (LanguageModel fresh = LanguageModel.untrained(ToyLanguage.spec().build(), small.vocabularySize())) {
                assertEquals(fresh.liveArrays(), small.liveArrays(), "after training only the parameters remain");
            }
        }
    }

    @Test
    void outcomesAreProbabilities() {
        Prompts prompts = corpus.prompts(5);
        float[][] masses = lm.continuation(corpus.lexiconIds(), 4).forward(prompts.rows(new int[]{0, 1, 2}));
        for (float[] row : masses) {
            assertEquals(4, row.length);
            for (float m : row) {
                assertTrue(m >= 0 && m <= 1 + 1e-6, "mass " + m);
            }
        }
        int[] everything = java.util.stream.IntStream.range(0, corpus.vocabularySize()).toArray();
        for (float m : lm.continuation(everything, 2).forward(prompts.rows(new int[]{0}))[0]) {
            assertEquals(1.0, m, 1e-4);
        }
        float[] p = lm.nextTokenProbabilities(new int[][]{prompts.tokens()[0]})[0];
        assertEquals(1.0, sum(p), 1e-4);
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }

    @Test
    void hooksRecordAndSetUnitsOnThePrompt() {
        Prompts prompts = corpus.prompts(6);
        LexiconContinuation y = lm.continuation(corpus.lexiconIds(), 3);
        float[][] rows = prompts.rows(new int[]{0, 1, 2, 3});
        float[][] plain = y.forward(rows);
        var recorded = y.record(List.of("layer 1 mlp", "layer 2 residual"), rows);
        assertEquals(6 * 32, recorded.get("layer 1 mlp")[0].length, "one row = prompt length × width");
        // setting a unit to the value it has anyway changes nothing
        try (Hooks hooks = y.hooks()) {
            y.intervene(hooks, "layer 1 mlp", null, recorded.get("layer 1 mlp")[0]);
            float[][] same = y.forward(new float[][]{rows[0]});
            assertArrayEquals(plain[0], same[0], 1e-5f);
        }
        // setting the last residual stream makes every prompt's first step identical
        try (Hooks hooks = y.hooks()) {
            y.intervene(hooks, "layer 2 residual", null, recorded.get("layer 2 residual")[0]);
            float[][] forced = y.forward(rows);
            for (float[] r : forced) {
                assertEquals(forced[0][0], r[0], 1e-5f);
            }
        }
        // and the hooks are gone afterwards
        assertArrayEquals(plain[1], y.forward(new float[][]{rows[1]})[0], 1e-6f);
    }

    @Test
    void mediationOnTheLanguageModelRuns() {
        Prompts prompts = corpus.prompts(6);
        LexiconContinuation y = lm.continuation(corpus.lexiconIds(), 3);
        MediationResult r = MediationAnalysis.builder().network(y).units(lm.unitNames())
                .outcome(LexiconContinuation.outcome())
                .treated(prompts.rows(prompts.indices(true))).controls(prompts.rows(prompts.indices(false)))
                .bootstrap(50).seed(1).build().run();
        assertEquals(lm.unitNames(), r.units());
        // replacing the last residual stream on the prompt by the controls' mean lowers the first step's toxic mass
        double last = r.effect("layer 2 residual").aie();
        assertTrue(last > 0.005, "AIE of the last residual stream " + last);
        for (var e : r.effects()) {
            assertTrue(e.lower() <= e.aie() && e.aie() <= e.upper(), e.toString());
        }
    }

    @Test
    void adjustingForTopicShrinksTheConfoundedGap() {
        Prompts prompts = corpus.prompts(6);
        PromptMediation study = PromptMediation.builder().model(lm).prompts(prompts).lexicon(corpus.lexiconIds())
                .confounderOfTexts(corpus.topics(), corpus.topicNames()).steps(3).bootstrap(20).seed(2).build();
        assertTrue(study.balance().maxAbsSmdAfter() < 1e-6, "controls balanced on topic");
        var total = study.totalEffectTable();
        double naive = total.doubleColumn("difference").get(0);
        double adjusted = total.doubleColumn("difference").get(1);
        // "rough" texts are toxic 7× as often and the model continues them more toxically:
        // the naive gap mixes that topic effect in, the balanced one does not
        assertTrue(naive > 0.01 && adjusted < 0.5 * naive, "adjusted " + adjusted + " vs naive " + naive);
        assertEquals(2, study.groupTable().rowCount());
        assertEquals(lm.unitNames(), study.adjusted().units());
        assertEquals(3, MediationResult.compareLocalization(study.unadjusted(), study.adjusted(), 2).rowCount());
        assertThrows(IllegalArgumentException.class, () -> PromptMediation.builder().model(lm).prompts(prompts)
                .lexicon(corpus.lexiconIds()).confounder(new int[3], List.of("a")).build());
    }

    @Test
    void sameSeedSameModelAndSavedModelsReloadExactly() throws IOException {
        LmCorpus small = ToyLanguage.corpus(200, 2);
        LanguageModelSpec spec = ToyLanguage.spec().epochs(2).build();
        int[][] probe = {small.prompts(5).tokens()[0]};
        try (LanguageModel a = LanguageModel.train(spec, small); LanguageModel b = LanguageModel.train(spec, small)) {
            assertEquals(a.history().getLast().validationLoss(), b.history().getLast().validationLoss(), 1e-6);
            a.save(tmp.resolve("lm"));
            try (LanguageModel c = LanguageModel.load(tmp.resolve("lm"))) {
                assertArrayEquals(a.nextTokenProbabilities(probe)[0], c.nextTokenProbabilities(probe)[0], 1e-7f);
                assertEquals(a.history(), c.history());
                assertEquals(small.fingerprint(), c.corpusFingerprint());
            }
        }
        try (RandomAccessFile f = new RandomAccessFile(tmp.resolve("lm").resolve(ModelFiles.PARAMETERS).toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> LanguageModel.load(tmp.resolve("lm")));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void badInputsGetClearErrors() {
        LexiconContinuation y = lm.continuation(corpus.lexiconIds(), 3);
        float[][] tooLong = {new float[23]};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> y.forward(tooLong));
        assertTrue(e.getMessage().contains("context"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> y.forward(new float[][]{{2, 1.5f, 4}}));
        assertThrows(IllegalArgumentException.class, () -> y.forward(new float[][]{{2, 99_999, 4}}));
        assertThrows(IllegalArgumentException.class, () -> y.forward(new float[][]{{2, 5}, {2, 5, 6}}));
        assertThrows(IllegalArgumentException.class, () -> lm.continuation(new int[0], 3));
        assertThrows(IllegalArgumentException.class, () -> y.record(List.of("layer 9 mlp"), new float[][]{{2, 5}}));
        assertThrows(IllegalArgumentException.class, () -> LanguageModelSpec.builder().width(30).heads(4).build());
        assertThrows(IllegalArgumentException.class, () -> LanguageModelSpec.builder().dropout(1).build());
        assertNotEquals(LanguageModelSpec.builder().build().toString(), LanguageModelSpec.builder().seed(1).build().toString());
    }
}
