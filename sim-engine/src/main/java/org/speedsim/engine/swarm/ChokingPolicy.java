package org.speedsim.engine.swarm;

/**
 * Decides, at each choking round of one peer, which interested neighbours it unchokes: up to
 * {@link RechokeView#regularSlots()} regular unchokes and, in rounds where {@link RechokeView#optimisticRound()},
 * one optimistic unchoke (otherwise the current optimistic peer keeps its slot if still interested). One instance
 * per peer, so a policy may keep state such as a round-robin position.
 */
public interface ChokingPolicy {

    /** Creates the policy of one peer. */
    @FunctionalInterface
    interface Factory {
        ChokingPolicy create(int peer);
    }

    /** Chooses unchokes by calling {@link RechokeView#unchoke} and {@link RechokeView#unchokeOptimistic}. */
    void rechoke(RechokeView view);
}
