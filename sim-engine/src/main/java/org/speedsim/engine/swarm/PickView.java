package org.speedsim.engine.swarm;

import java.util.random.RandomGenerator;

/**
 * What a {@link PiecePicker} sees when one peer picks a piece to request from one neighbour. Bit sets are
 * {@code long[]} words, piece {@code p} at bit {@code p & 63} of word {@code p >>> 6}. The arrays are the engine's
 * own and must not be modified or kept.
 */
public interface PickView {

    int self();

    int neighbour();

    int pieces();

    /** Words of the pieces this peer has verified. */
    long[] have();

    /** Words of the pieces the neighbour has. */
    long[] neighbourHas();

    /** Words of the pieces this peer is downloading right now (from anyone). */
    long[] downloading();

    /** Words of the pieces this peer has partly downloaded but is not downloading right now. */
    long[] started();

    /** How many of this peer's neighbours have piece {@code p}. */
    int availability(int p);

    /** Pieces this peer has verified. */
    int piecesHave();

    /** Whether the peer is in end game: every missing piece is being downloaded already. */
    boolean endGame();

    /** Whether this peer is already downloading piece {@code p} from this neighbour. */
    boolean downloadingFromNeighbour(int p);

    /**
     * Whether an end-game duplicate request for piece {@code p} may go to this neighbour: the peer is not already
     * downloading it from this neighbour, and fewer than two transfers of it are in flight (real clients duplicate
     * 16 KiB blocks, so an end game at piece granularity must not flood every source with every last piece).
     */
    boolean mayDuplicate(int p);

    /** This peer's {@code piece-picking} stream. */
    RandomGenerator rng();
}
