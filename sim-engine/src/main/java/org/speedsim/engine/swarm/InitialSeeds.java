package org.speedsim.engine.swarm;

import java.util.Objects;

/**
 * A group of seeds present at time 0, of one peer class and client, which leave at {@code leaveAtMicros}
 * ({@link Long#MAX_VALUE}: they follow their client's seeding behaviour from time 0 instead).
 */
public record InitialSeeds(int count, String peerClass, String client, long leaveAtMicros) {
    public InitialSeeds {
        Objects.requireNonNull(peerClass, "peerClass");
        Objects.requireNonNull(client, "client");
        if (count < 0 || leaveAtMicros < 0) {
            throw new IllegalArgumentException("count and leave time must be >= 0");
        }
    }
}
