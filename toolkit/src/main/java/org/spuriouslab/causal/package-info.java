/**
 * Causal adjustment for a confounder: entropy balancing (Hainmueller 2012) reweights control units
 * so that chosen moments of their covariates (topic one-hot, embedding; means, optionally
 * variances) equal the treated group's, staying as close as possible to the base weights.
 *
 * <pre>{@code
 * Covariates controls = Covariates.oneHot(controlTopics, topicNames);
 * Covariates treated  = Covariates.oneHot(treatedTopics, topicNames);
 * BalancingResult r = EntropyBalancing.options().build().balance(controls, treated);
 * r.weights();             // positive, sum 1: use them for the control-side averages
 * r.balanceTable();        // SMD before / after per moment
 * r.lovePlot();            // |SMD| before and after, one row per moment
 * r.effectiveSampleSize(); // Kish's 1 / Σ w²
 * }</pre>
 *
 * {@link org.spuriouslab.causal.EntropyBalancing} documents the method, its numerics and the
 * special cases; {@link org.spuriouslab.causal.InfeasibleBalanceException} is raised, naming the
 * moments, when the targets lie outside the controls' convex hull; {@link
 * org.spuriouslab.causal.Balance} holds the diagnostics (weighted means, SMDs, effective sample size).
 * {@link org.spuriouslab.causal.TreatmentGroups} splits one covariate table into treated units and
 * controls; {@link org.spuriouslab.causal.BalanceComparison} shows the balance of one set of
 * covariates under several weightings (e.g. the true topics under weights fitted on found ones).
 * <p>
 * Causal mediation: {@link org.spuriouslab.causal.MediationAnalysis} computes
 * {@code NIE_i(u) = Y(i) − Y(i; do(M_u := m_u⁰))} and {@code AIE(u)} per unit of any
 * {@link org.spuriouslab.hooks.HookedModel}, with uniform (unadjusted) or balanced control weights,
 * bootstrap intervals and {@link org.spuriouslab.causal.Localization} measures;
 * {@link org.spuriouslab.causal.PromptMediation} runs both analyses for a language model's prompts;
 * {@link org.spuriouslab.causal.KnownTruthNetwork} and {@link org.spuriouslab.causal.KnownTruthSweep}
 * check the method where the answer is known.
 */
package org.spuriouslab.causal;
