package org.speedsim.engine.swarm;

import java.util.Objects;
import org.speedsim.engine.kernel.Simulator;
import org.speedsim.engine.net.FlowNetwork;
import org.speedsim.engine.net.MaxMinNetwork;
import org.speedsim.engine.swarm.internal.SwarmEngine;

/**
 * One run of a BitTorrent swarm as a {@link SwarmConfig} describes it: build, optionally attach a trace and a
 * progress listener, then {@link #run()}. Each run owns its simulator, network and random streams, so runs may go
 * in parallel on different threads and same config + seed gives the same result.
 */
public final class Swarm {

    private final SwarmConfig config;
    private ProtocolTrace trace;
    private ProgressListener progress;
    private long progressEveryMicros;
    private boolean deepChecks;

    public Swarm(SwarmConfig config) {
        this.config = Objects.requireNonNull(config);
    }

    /** Sends protocol events to {@code t} (null: none). */
    public Swarm trace(ProtocolTrace t) {
        this.trace = t;
        return this;
    }

    /** Calls {@code listener} every {@code everyMicros} of simulated time. */
    public Swarm progress(ProgressListener listener, long everyMicros) {
        this.progress = listener;
        this.progressEveryMicros = everyMicros;
        return this;
    }

    /**
     * Recomputes every derived structure at each sample and at the end, recording mismatches as broken invariants
     * (slow; for tests).
     */
    public Swarm deepChecks(boolean on) {
        this.deepChecks = on;
        return this;
    }

    public RunResult run() {
        Simulator sim = new Simulator();
        FlowNetwork net = network(config.networkModel(), sim);
        return new SwarmEngine(config, sim, net, trace, progress, progressEveryMicros, deepChecks).run();
    }

    /** The bandwidth models by name. */
    public static FlowNetwork network(String model, Simulator sim) {
        if (model.equals("max-min")) {
            return new MaxMinNetwork(sim);
        }
        throw new IllegalArgumentException("unknown network model '" + model + "'; known: max-min");
    }
}
