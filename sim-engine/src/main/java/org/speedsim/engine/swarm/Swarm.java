package org.speedsim.engine.swarm;

/**
 * One run of a BitTorrent swarm as a {@link SwarmConfig} describes it. (Being written: this placeholder fixes the
 * API other modules build against.)
 */
public final class Swarm {

    private final SwarmConfig config;
    private ProtocolTrace trace;
    private ProgressListener progress;
    private long progressEveryMicros;

    public Swarm(SwarmConfig config) {
        this.config = config;
    }

    /** Sends protocol events to {@code t} (null: none). */
    public Swarm trace(ProtocolTrace t) {
        this.trace = t;
        return this;
    }

    /** Calls {@code p} every {@code everyMicros} of simulated time. */
    public Swarm progress(ProgressListener p, long everyMicros) {
        this.progress = p;
        this.progressEveryMicros = everyMicros;
        return this;
    }

    public RunResult run() {
        throw new UnsupportedOperationException("swarm engine not written yet");
    }
}
