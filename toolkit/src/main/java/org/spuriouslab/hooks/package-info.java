/**
 * Forward hooks for DJL networks: name the units of a network ({@link org.spuriouslab.hooks.HookedBlock},
 * {@link org.spuriouslab.hooks.HookedNetwork}), then, inside a {@link org.spuriouslab.hooks.Hooks}
 * scope, record any unit's output or replace it during a forward pass (a fixed value for every row
 * of the batch, or a function of the output). Built for interventions such as causal mediation,
 * {@code Y(i) − Y(i; do(M_u := m_u⁰))}: one patched forward pass per unit.
 *
 * <pre>{@code
 * HookedNetwork net = classifier.hooked();
 * float[][] h;
 * try (Hooks hooks = net.hooks().record("hidden 1")) {
 *     net.forward(control);
 *     h = hooks.recorded("hidden 1");                 // control-group activations
 * }
 * try (Hooks hooks = net.hooks().replace("hidden 1", mean(h))) {
 *     float[][] patched = net.forward(images);        // do(hidden 1 := mean) for every image
 * }
 * }</pre>
 *
 * {@link org.spuriouslab.hooks.Forward} runs any initialised block on {@code float[][]} rows.
 * {@link org.spuriouslab.hooks.HookedModel} is what a mediation analysis needs of a model (units,
 * hooks, forward, record, intervene); {@code HookedNetwork} implements it for layer chains, and
 * {@code LanguageModel.continuation(...)} for the transformer's attention, MLP and residual units.
 */
package org.spuriouslab.hooks;
