package org.speedsim.engine.swarm;

/** Something that happens to the swarm at a given simulated time, written in a scenario as {@code at: 2h}. */
public sealed interface TimedAction {

    long atMicros();

    /** The online seeds leave: {@code count} of them, or all when count is negative; lowest peer ids first. */
    record RemoveSeeds(long atMicros, int count) implements TimedAction {
    }

    /**
     * A batch of peers arrives at once: leechers, or seeds when {@code asSeeds}. Class and client are drawn as for
     * any arrival unless named (null: drawn).
     */
    record AddPeers(long atMicros, int count, String peerClass, String client, boolean asSeeds)
            implements TimedAction {
        public AddPeers {
            if (count < 0) {
                throw new IllegalArgumentException("count must be >= 0");
            }
        }
    }
}
