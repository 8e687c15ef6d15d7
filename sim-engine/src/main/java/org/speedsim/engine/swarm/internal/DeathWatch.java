package org.speedsim.engine.swarm.internal;

/**
 * Detects the death of a swarm: the first time no seed is online and either nobody is or some piece has no copy
 * left, so no leecher can ever complete. Checked when the run starts and after each departure; emits
 * {@code swarm-death} once.
 */
final class DeathWatch {

    private final SwarmState state;
    private long deathAt = -1;

    DeathWatch(SwarmState state) {
        this.state = state;
    }

    /** When the swarm died (simulated microseconds), or -1. */
    long deathAt() {
        return deathAt;
    }

    void check() {
        SwarmState s = state;
        if (deathAt < 0 && s.seedsOnline == 0 && (s.onlineCount == 0 || minCopies() == 0)) {
            deathAt = s.sim.now();
            s.emit("swarm-death", -1, -1, 0);
        }
    }

    private int minCopies() {
        int m = Integer.MAX_VALUE;
        for (int c : state.copies) {
            m = Math.min(m, c);
        }
        return m;
    }
}
