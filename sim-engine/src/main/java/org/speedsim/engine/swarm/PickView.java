package org.speedsim.engine.swarm;

import java.util.random.RandomGenerator;

/**
 * What a {@link PiecePicker} sees when one peer picks a piece to request from one neighbour. Bit sets are
 * {@code long[]} words, piece {@code i} at bit {@code i & 63} of word {@code i >>> 6}. The arrays are the engine's
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

    /** How many of this peer's neighbours have {@code piece}. */
    int availability(int piece);

    /** Pieces this peer has verified. */
    int piecesHave();

    /** Whether the peer is in end game: every missing piece is being downloaded already. */
    boolean endGame();

    /** Whether this peer is already downloading {@code piece} from this neighbour. */
    boolean downloadingFromNeighbour(int piece);

    /**
     * Whether an end-game duplicate request for {@code piece} may go to this neighbour: the peer is not already
     * downloading it from this neighbour, and fewer than two transfers of it are in flight (real clients duplicate
     * 16 KiB blocks, so an end game at piece granularity must not flood every source with every last piece).
     */
    boolean mayDuplicate(int piece);

    /** This peer's {@code piece-picking} stream. */
    RandomGenerator rng();
}
