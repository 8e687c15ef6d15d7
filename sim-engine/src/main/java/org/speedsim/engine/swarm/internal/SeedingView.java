package org.speedsim.engine.swarm.internal;

import org.speedsim.engine.swarm.SeedingBehaviour;
import org.speedsim.engine.swarm.SwarmExtension;

/**
 * What a {@link SeedingBehaviour} sees when it decides whether a seed stays: one instance reused for every decision
 * of a run, pointed at the deciding peer before each.
 */
final class SeedingView implements SeedingBehaviour.SeedingContext {

    private final SwarmState state;
    private int peer;

    SeedingView(SwarmState state) {
        this.state = state;
    }

    /** Points the view at {@code deciding}; returns it. */
    SeedingView of(int deciding) {
        this.peer = deciding;
        return this;
    }

    @Override
    public int peer() {
        return peer;
    }

    @Override
    public long now() {
        return state.sim.now();
    }

    @Override
    public long completedAt() {
        return state.completedAt[peer];
    }

    @Override
    public long bytesUploaded() {
        return state.bytesUp[peer];
    }

    @Override
    public long tokensEarned() {
        long tokens = 0;
        for (SwarmExtension e : state.ext) {
            tokens += e.tokensEarned(peer);
        }
        return tokens;
    }

    @Override
    public long tokensEarnedSince(long sinceMicros) {
        long tokens = 0;
        for (SwarmExtension e : state.ext) {
            tokens += e.tokensEarnedSince(peer, sinceMicros);
        }
        return tokens;
    }
}
