package org.spuriouslab.causal;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import org.spuriouslab.hooks.HookedNetwork;

import java.util.List;

/**
 * A hand-built DJL network with known mediators, for checking mediation analyses. Input row
 * {@code (x, t)}: topic {@code x ∈ {0, 1}} and toxicity (treatment) {@code t ∈ {0, 1}}. Units:
 * {@code pre} (Linear 2→2, diagonal weights), {@code hidden} (tanh) and {@code output} (Linear 2→1):
 * <pre>
 *   topic unit    = hidden[0] = tanh(c·x + e)      (a function of x only)
 *   toxicity unit = hidden[1] = tanh(d·t + f)      (a function of t only)
 *   y             = a·topic unit + b·toxicity unit
 * </pre>
 * So the true indirect effect of {@code t} runs only through the toxicity unit:
 * {@code AIE(toxicity) = b·(tanh(d + f) − tanh(f))} when treated inputs have {@code t = 1} and controls
 * {@code t = 0}; {@code AIE(topic) = 0} once the controls' topic distribution matches the treated one.
 * Close the network to free its parameters.
 */
public final class KnownTruthNetwork implements AutoCloseable {

    /** Unit names of the network, in forward order. */
    public static final List<String> UNITS = List.of("pre", "hidden", "output");

    private final NDManager manager;
    private final HookedNetwork network;
    private final double a;
    private final double b;
    private final double c;
    private final double d;
    private final double e;
    private final double f;

    private KnownTruthNetwork(double a, double b, double c, double d, double e, double f) {
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
        this.e = e;
        this.f = f;
        this.manager = Engine.getEngine("PyTorch").newBaseManager(Device.cpu());
        try {
            Linear pre = Linear.builder().setUnits(2).build();
            Linear out = Linear.builder().setUnits(1).build();
            SequentialBlock block = new SequentialBlock().add(pre).add(Activation.tanhBlock()).add(out);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
            pre.getParameters().get("weight").getArray().set(new float[]{(float) c, 0, 0, (float) d});
            pre.getParameters().get("bias").getArray().set(new float[]{(float) e, (float) f});
            out.getParameters().get("weight").getArray().set(new float[]{(float) a, (float) b});
            out.getParameters().get("bias").getArray().set(new float[]{0});
            this.network = HookedNetwork.wrap(block, UNITS);
        } catch (RuntimeException ex) {
            manager.close();
            throw ex;
        }
    }

    /**
     * The network {@code y = a·tanh(c·x + e) + b·tanh(d·t + f)}.
     *
     * @throws IllegalArgumentException for a non-finite parameter
     */
    public static KnownTruthNetwork build(double a, double b, double c, double d, double e, double f) {
        for (double v : new double[]{a, b, c, d, e, f}) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("network parameters must be finite, got " + v);
            }
        }
        return new KnownTruthNetwork(a, b, c, d, e, f);
    }

    /** The default network: {@code y = 2·tanh(1.5·x − 0.5) + 1·tanh(2·t − 1)}. */
    public static KnownTruthNetwork build() {
        return build(2, 1, 1.5, 2, -0.5, -1);
    }

    /** The hooked network (units {@link #UNITS}). */
    public HookedNetwork network() {
        return network;
    }

    /** The two mediators: {@code topic unit} (hidden[0]) and {@code toxicity unit} (hidden[1]). */
    public List<Mediator> mediators() {
        return List.of(Mediator.neuron("hidden", 0, "topic unit"), Mediator.neuron("hidden", 1, "toxicity unit"));
    }

    /** The outcome: the single output column. */
    public Outcome outcome() {
        return Outcome.column(0);
    }

    /** The topic unit's value {@code tanh(c·x + e)}. */
    public double topicUnit(double x) {
        return Math.tanh(c * x + e);
    }

    /** The toxicity unit's value {@code tanh(d·t + f)}. */
    public double toxicityUnit(double t) {
        return Math.tanh(d * t + f);
    }

    /** The network's output by hand: {@code a·topicUnit(x) + b·toxicityUnit(t)}. */
    public double output(double x, double t) {
        return a * topicUnit(x) + b * toxicityUnit(t);
    }

    /** Weight {@code a} of the topic unit in the output. */
    public double topicWeight() {
        return a;
    }

    /** Weight {@code b} of the toxicity unit in the output. */
    public double toxicityWeight() {
        return b;
    }

    /** The true AIE of the toxicity unit (treated {@code t = 1}, controls {@code t = 0}): {@code b·(tanh(d+f) − tanh(f))}. */
    public double trueToxicityEffect() {
        return b * (toxicityUnit(1) - toxicityUnit(0));
    }

    /** Frees the network's parameters. */
    @Override
    public void close() {
        manager.close();
    }
}
