package org.speedsim.engine.speed.bidding;

import java.util.random.RandomGenerator;

/**
 * Decides when a requester sends a new bid and at what price (nano-BTT per KiB). The engine asks at each of the
 * requester's choking rounds and whenever its state changes (a piece completed, its balance changed, a neighbour
 * joined); a strategy answers with a new price, which the engine sends as a Bid message to every peer holding a piece
 * it wants, or {@link #NO_CHANGE} to send nothing. The standing bid stays the last one sent. One instance per peer.
 */
public interface BiddingStrategy {

    /** Answer meaning: send no new bid now. */
    long NO_CHANGE = -1L;

    /** Value of {@link BidContext#lastBid()} before the first bid. */
    long NO_BID = -1L;

    /** Creates the strategy of one peer, with that peer's {@code behaviour} stream for any randomness it needs. */
    @FunctionalInterface
    interface Factory {
        BiddingStrategy create(int peer, RandomGenerator behaviourRng);
    }

    /** The new bid to send now ({@code >= 0}), or {@link #NO_CHANGE}. */
    long nextBid(BidContext ctx);

    /**
     * The user sets a new spending rate in [0, 1]; returns false when this strategy has none (it then ignores the
     * call). A strategy that has one answers its next {@link #nextBid} at once if the rate changed.
     */
    default boolean setSpendingRate(double spendingRate) {
        return false;
    }
}
