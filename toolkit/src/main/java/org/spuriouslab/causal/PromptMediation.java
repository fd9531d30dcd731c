package org.spuriouslab.causal;

import org.spuriouslab.charts.Charts;
import org.spuriouslab.models.LanguageModel;
import org.spuriouslab.models.LexiconContinuation;
import org.spuriouslab.tables.Tables;
import org.spuriouslab.text.Prompts;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Confounder-adjusted causal mediation of a language model's toxic continuations, in one object:
 * prompts with treatment {@code T} (the prompt contains a lexicon word) and a confounder {@code X}
 * (a topic per prompt, e.g. found by clustering), outcome {@code Y} = mean lexicon probability
 * mass over the next greedy steps ({@link LexiconContinuation}), mediators = the model's units.
 *
 * <pre>{@code
 * PromptMediation study = PromptMediation.builder().model(lm).prompts(prompts).lexicon(corpus.lexiconIds())
 *         .confounder(topicOfPrompt, topicNames).steps(4).bootstrap(200).seed(7).build();
 * study.groupTable();  study.balance().lovePlot();
 * MediationResult.compare(study.unadjusted(), study.adjusted());
 * }</pre>
 *
 * The adjusted analysis (labelled {@code "balanced on <confounder label>"}) weights the control prompts by entropy balancing on the confounder's
 * one-hot (means), so the controls' topic shares equal the treated prompts'. The analyses run on
 * first use and are kept.
 */
public final class PromptMediation {

    private final LanguageModel model;
    private final Prompts prompts;
    private final LexiconContinuation continuation;
    private final int[] confounder;
    private final List<String> confounderNames;
    private final int bootstrap;
    private final long seed;
    private final String confounderLabel;
    private final int[] treated;
    private final int[] controls;
    private double[] outcomes;
    private BalancingResult balance;
    private MediationResult unadjusted;
    private MediationResult adjusted;

    private PromptMediation(Builder b) {
        this.model = Objects.requireNonNull(b.model, "model is not set");
        this.prompts = Objects.requireNonNull(b.prompts, "prompts are not set");
        Objects.requireNonNull(b.lexicon, "lexicon is not set");
        Objects.requireNonNull(b.confounder, "confounder is not set");
        if (b.confounder.length != prompts.size()) {
            throw new IllegalArgumentException("the confounder has " + b.confounder.length + " values for "
                    + prompts.size() + " prompts");
        }
        this.confounder = b.confounder.clone();
        this.confounderNames = List.copyOf(b.confounderNames);
        for (int c : confounder) {
            if (c < 0 || c >= confounderNames.size()) {
                throw new IllegalArgumentException("confounder value " + c + " has no name (names: " + confounderNames + ")");
            }
        }
        this.continuation = model.continuation(b.lexicon, b.steps);
        this.bootstrap = b.bootstrap;
        this.seed = b.seed;
        this.confounderLabel = b.confounderLabel;
        this.treated = prompts.indices(true);
        this.controls = prompts.indices(false);
        if (treated.length == 0 || controls.length == 0) {
            throw new IllegalArgumentException("need treated and control prompts, got " + treated.length + " treated and "
                    + controls.length + " controls");
        }
    }

    /** A new builder; model, prompts, lexicon and confounder are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The outcome Y of every prompt (mean lexicon mass over the greedy steps), computed once. */
    public double[] outcomes() {
        if (outcomes == null) {
            outcomes = LexiconContinuation.outcome().of(continuation.forward(prompts.rows(
                    java.util.stream.IntStream.range(0, prompts.size()).toArray())));
        }
        return outcomes.clone();
    }

    /** The confounder of the treated or the control prompts. */
    private int[] confounderOf(int[] group) {
        int[] out = new int[group.length];
        for (int k = 0; k < group.length; k++) {
            out[k] = confounder[group[k]];
        }
        return out;
    }

    /**
     * Entropy-balancing weights of the control prompts: their confounder shares equal the treated prompts'.
     *
     * @throws InfeasibleBalanceException when a confounder value occurs among the treated but not the controls
     */
    public BalancingResult balance() {
        if (balance == null) {
            balance = EntropyBalancing.options().moments(Moments.MEANS).build().balance(
                    Covariates.oneHot(confounderOf(controls), confounderNames),
                    Covariates.oneHot(confounderOf(treated), confounderNames));
        }
        return balance;
    }

    /** Mediation with uniformly weighted controls. */
    public MediationResult unadjusted() {
        if (unadjusted == null) {
            unadjusted = analysis(null, "unadjusted");
        }
        return unadjusted;
    }

    /** Mediation with entropy-balanced controls ({@link #balance()}). */
    public MediationResult adjusted() {
        if (adjusted == null) {
            adjusted = analysis(balance().weights(), "balanced on " + confounderLabel);
        }
        return adjusted;
    }

    private MediationResult analysis(double[] weights, String label) {
        return MediationAnalysis.builder().network(continuation).units(model.unitNames())
                .outcome(LexiconContinuation.outcome()).treated(prompts.rows(treated)).controls(prompts.rows(controls))
                .controlWeights(weights).bootstrap(bootstrap).seed(seed).label(label).build().run();
    }

    /**
     * Per confounder value: prompts, treated prompts, treated share, mean Y of treated and of control
     * prompts — the confounding X → T and X → Y in numbers.
     */
    public Table groupTable() {
        double[] y = outcomes();
        int k = confounderNames.size();
        int[] n = new int[k];
        int[] nt = new int[k];
        double[] yt = new double[k];
        double[] yc = new double[k];
        for (int p = 0; p < prompts.size(); p++) {
            int c = confounder[p];
            n[c]++;
            if (prompts.treated()[p]) {
                nt[c]++;
                yt[c] += y[p];
            } else {
                yc[c] += y[p];
            }
        }
        StringColumn name = StringColumn.create("topic");
        IntColumn count = IntColumn.create("prompts");
        IntColumn treatedCount = IntColumn.create("treated");
        DoubleColumn share = DoubleColumn.create("treated share");
        DoubleColumn meanT = DoubleColumn.create("mean Y treated");
        DoubleColumn meanC = DoubleColumn.create("mean Y control");
        for (int c = 0; c < k; c++) {
            name.append(confounderNames.get(c));
            count.append(n[c]);
            treatedCount.append(nt[c]);
            share.append(n[c] == 0 ? Double.NaN : nt[c] / (double) n[c]);
            meanT.append(nt[c] == 0 ? Double.NaN : yt[c] / nt[c]);
            meanC.append(n[c] - nt[c] == 0 ? Double.NaN : yc[c] / (n[c] - nt[c]));
        }
        return Tables.compact(Table.create("Prompts by topic: treatment and outcome", name, count, treatedCount, share, meanT, meanC));
    }

    /**
     * The total effect of a toxic prompt on Y: mean Y of treated minus mean Y of controls, with
     * uniform control weights (naive) and with the entropy-balanced weights (adjusted for the confounder).
     */
    public Table totalEffectTable() {
        double[] y = outcomes();
        double treatedMean = 0;
        for (int p : treated) {
            treatedMean += y[p] / treated.length;
        }
        double naive = 0;
        double balanced = 0;
        double[] w = balance().weights();
        for (int j = 0; j < controls.length; j++) {
            naive += y[controls[j]] / controls.length;
            balanced += w[j] * y[controls[j]];
        }
        Map<String, double[]> rows = new LinkedHashMap<>();
        rows.put("naive (uniform control weights)", new double[]{treatedMean, naive, treatedMean - naive});
        rows.put("entropy-balanced controls", new double[]{treatedMean, balanced, treatedMean - balanced});
        StringColumn how = StringColumn.create("comparison", new ArrayList<>(rows.keySet()));
        DoubleColumn a = DoubleColumn.create("mean Y treated", rows.values().stream().mapToDouble(r -> r[0]));
        DoubleColumn b = DoubleColumn.create("mean Y controls", rows.values().stream().mapToDouble(r -> r[1]));
        DoubleColumn d = DoubleColumn.create("difference", rows.values().stream().mapToDouble(r -> r[2]));
        return Tables.compact(Table.create(String.format(Locale.ROOT, "Total effect of a toxic prompt on Y (%d treated, %d controls)",
                treated.length, controls.length), how, a, b, d));
    }

    /** Mean Y of treated and control prompts per topic, as grouped bars. */
    public BufferedImage groupChart() {
        Table t = groupTable();
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("treated (toxic prompt)", t.doubleColumn("mean Y treated").asDoubleArray());
        series.put("control", t.doubleColumn("mean Y control").asDoubleArray());
        return Charts.bars("Outcome Y by topic and treatment", "topic", "mean Y (lexicon mass)", confounderNames, series);
    }

    /** Number of treated prompts. */
    public int treatedCount() {
        return treated.length;
    }

    /** Number of control prompts. */
    public int controlCount() {
        return controls.length;
    }

    @Override
    public String toString() {
        return "PromptMediation[" + treated.length + " treated, " + controls.length + " control prompts, "
                + model.unitNames().size() + " units, " + continuation.steps() + " greedy steps, confounder "
                + confounderNames + "]";
    }

    /** Configuration of a {@link PromptMediation}. */
    public static final class Builder {
        private LanguageModel model;
        private Prompts prompts;
        private int[] lexicon;
        private int[] confounder;
        private List<String> confounderNames = List.of();
        private int steps = 4;
        private int bootstrap = MediationAnalysis.DEFAULT_BOOTSTRAP;
        private long seed = 42;
        private String confounderLabel = "topic";

        private Builder() {
        }

        /** The language model whose units are the mediators. */
        public Builder model(LanguageModel model) {
            this.model = model;
            return this;
        }

        /** The prompts, with their treatment. */
        public Builder prompts(Prompts prompts) {
            this.prompts = prompts;
            return this;
        }

        /** Token ids whose probability mass is the outcome. */
        public Builder lexicon(int[] lexicon) {
            this.lexicon = lexicon;
            return this;
        }

        /** The confounder of every prompt (values {@code 0..names.size()−1}) and the names of its values. */
        public Builder confounder(int[] perPrompt, List<String> names) {
            this.confounder = perPrompt;
            this.confounderNames = Objects.requireNonNull(names, "names");
            return this;
        }

        /**
         * The confounder of every <em>text</em> (e.g. {@code topics.assignments()}); each prompt takes the
         * value of the text it was cut from.
         */
        public Builder confounderOfTexts(int[] perText, List<String> names) {
            Objects.requireNonNull(prompts, "set the prompts before the confounder of their texts");
            int[] perPrompt = new int[prompts.size()];
            for (int p = 0; p < perPrompt.length; p++) {
                int text = prompts.texts()[p];
                if (text >= perText.length) {
                    throw new IllegalArgumentException("prompt " + p + " comes from text " + text + " but only "
                            + perText.length + " texts have a confounder value");
                }
                perPrompt[p] = perText[text];
            }
            return confounder(perPrompt, names);
        }

        /** What the confounder is called in labels, e.g. {@code "found topics"} (default {@code "topic"}). */
        public Builder confounderLabel(String label) {
            this.confounderLabel = Objects.requireNonNull(label, "label");
            return this;
        }

        /** Greedy steps the outcome averages over (default 4). */
        public Builder steps(int steps) {
            this.steps = steps;
            return this;
        }

        /** Bootstrap resamples of the intervals (default {@value MediationAnalysis#DEFAULT_BOOTSTRAP}). */
        public Builder bootstrap(int resamples) {
            this.bootstrap = resamples;
            return this;
        }

        /** Seed of the bootstrap (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Checks the configuration. */
        public PromptMediation build() {
            return new PromptMediation(this);
        }
    }
}
