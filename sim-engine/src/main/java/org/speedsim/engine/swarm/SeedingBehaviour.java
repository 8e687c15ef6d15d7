package org.speedsim.engine.swarm;

import java.util.random.RandomGenerator;

/**
 * Decides how long a peer seeds once it holds the whole file. Asked at completion and then again whenever a
 * previous decision said to reconsider. One instance per peer, created with the peer's {@code behaviour} stream so
 * that its draws do not depend on anything else in the run.
 */
public interface SeedingBehaviour {

    @FunctionalInterface
    interface Factory {
        SeedingBehaviour create(int peer, RandomGenerator behaviourRng);
    }

    /** Leave after {@code afterMicros}, or ask again after that long. */
    record Decision(boolean leave, long afterMicros) {
        public Decision {
            if (afterMicros < 0) {
                throw new IllegalArgumentException("negative delay");
            }
        }

        public static Decision leaveAfter(long micros) {
            return new Decision(true, micros);
        }

        public static Decision reconsiderAfter(long micros) {
            return new Decision(false, micros);
        }

        /** Stay until the end of the run. */
        public static final Decision STAY = new Decision(false, Long.MAX_VALUE);
    }

    Decision decide(SeedingContext context);

    /** What a seeding decision may look at. */
    interface SeedingContext {
        int peer();

        long now();

        long completedAt();

        long bytesUploaded();

        /** Micro-BTT earned so far (0 without Speed). */
        long tokensEarned();

        /** Micro-BTT earned since {@code sinceMicros} (0 without Speed). */
        long tokensEarnedSince(long sinceMicros);
    }
}
