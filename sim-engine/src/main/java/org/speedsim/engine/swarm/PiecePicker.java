package org.speedsim.engine.swarm;

/**
 * Chooses the next piece a peer requests from one neighbour. One instance per peer.
 */
public interface PiecePicker {

    @FunctionalInterface
    interface Factory {
        PiecePicker create(int peer);
    }

    /**
     * Returns a piece that the neighbour has and this peer neither has nor is downloading, or, in end game, one it
     * is downloading from someone else; -1 when there is none.
     */
    int pick(PickView view);
}
