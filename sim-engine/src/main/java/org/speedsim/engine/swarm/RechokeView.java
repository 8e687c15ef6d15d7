package org.speedsim.engine.swarm;

import java.util.random.RandomGenerator;

/**
 * What a {@link ChokingPolicy} sees of one peer at one choking round: its interested neighbours (candidates,
 * indexed 0..candidates()-1) with the traffic exchanged over the last rounds. The engine reuses one instance for
 * every peer, so a policy must not keep it.
 */
public interface RechokeView {

    int self();

    boolean isSeed();

    long now();

    /** Number of this peer's choking rounds so far (0 at the first). */
    long round();

    /** Slots for regular unchokes (the unchoke slots minus the optimistic one). */
    int regularSlots();

    /** Whether this round rotates the optimistic unchoke. */
    boolean optimisticRound();

    int candidates();

    /** Peer id of candidate {@code i}. */
    int peer(int i);

    /** Bytes this peer received from candidate {@code i} over the rate window (the last two rounds). */
    long bytesReceivedFrom(int i);

    /** Bytes this peer sent to candidate {@code i} over the rate window. */
    long bytesSentTo(int i);

    boolean isUnchoked(int i);

    boolean isOptimistic(int i);

    /** When candidate {@code i} was last choked by this peer, or -1 if it never was unchoked. */
    long lastChokedAt(int i);

    /** When candidate {@code i} was last unchoked by this peer, or -1 if never. */
    long lastUnchokedAt(int i);

    /**
     * Candidate {@code i}'s standing bid to this peer in nano-BTT per KiB (0 = none, as from a legacy client or a
     * free rider), as the swarm's extensions report it; a choker that ignores bids never asks.
     */
    default long bid(int i) {
        return 0;
    }

    /**
     * The price in nano-BTT per KiB that candidate {@code i} pays for the regular slot this round gives it (0, the
     * default, for a free slot); meaningful only together with {@link #unchoke(int)}. Views without a bid market
     * refuse it.
     */
    default void setPrice(int i, long priceNanoPerKiB) {
        throw new UnsupportedOperationException("this view does not sell slots");
    }

    /** This peer's {@code choking} stream. */
    RandomGenerator rng();

    /** Gives candidate {@code i} a regular slot; calls beyond the slot count are ignored. */
    void unchoke(int i);

    /** Gives candidate {@code i} the optimistic slot (at most one per round; the last call wins). */
    void unchokeOptimistic(int i);
}
