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

    /** This peer's {@code choking} stream. */
    RandomGenerator rng();

    /** Gives candidate {@code i} a regular slot; calls beyond the slot count are ignored. */
    void unchoke(int i);

    /** Gives candidate {@code i} the optimistic slot (at most one per round; the last call wins). */
    void unchokeOptimistic(int i);
}
