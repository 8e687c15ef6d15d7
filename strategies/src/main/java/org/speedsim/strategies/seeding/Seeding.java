package org.speedsim.strategies.seeding;

import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.SeedingBehaviour;
import org.speedsim.engine.swarm.SeedingBehaviour.Decision;

/**
 * The classic seeding-time models: leave at once, seed for a fixed time, seed for an exponential time. Each draws at
 * most once, from the peer's {@code behaviour} stream, when the peer completes.
 */
public final class Seeding {

    private Seeding() {
    }

    /** Leaves the moment the download completes. */
    public static SeedingBehaviour.Factory leaveAtOnce() {
        return (peer, rng) -> ctx -> Decision.leaveAfter(0);
    }

    /** Seeds for exactly {@code micros}. */
    public static SeedingBehaviour.Factory fixed(long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("seeding time must be >= 0");
        }
        return (peer, rng) -> ctx -> Decision.leaveAfter(micros);
    }

    /** Seeds for an exponential time with mean {@code meanMicros}. */
    public static SeedingBehaviour.Factory exponential(long meanMicros) {
        Distribution d = new Distribution.Exponential(meanMicros);
        return (peer, rng) -> {
            long t = Math.round(d.sample(rng));
            return ctx -> Decision.leaveAfter(t);
        };
    }

    /** Seeds until the end of the run. */
    public static SeedingBehaviour.Factory forever() {
        return (peer, rng) -> ctx -> Decision.STAY;
    }
}
