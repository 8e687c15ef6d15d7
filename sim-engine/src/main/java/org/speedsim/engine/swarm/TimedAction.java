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

    /**
     * The user changes the spending rate of the Speed peers of a client and/or a peer class (null: any) to
     * {@code spendingRate}, in [0, 1]: each online one whose bidding strategy has a spending rate re-bids at once (the
     * white paper: "If the user changes the amount of BTT bid, then the client should send the new bid immediately"),
     * and peers of that client and class that join later start with it. Carried out by the Speed extension.
     */
    record SetSpendingRate(long atMicros, String client, String peerClass, double spendingRate)
            implements TimedAction {
        public SetSpendingRate {
            if (!(spendingRate >= 0 && spendingRate <= 1)) {
                throw new IllegalArgumentException("spending rate must be in [0, 1]: " + spendingRate);
            }
        }
    }
}
