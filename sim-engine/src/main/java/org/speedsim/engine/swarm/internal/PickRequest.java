package org.speedsim.engine.swarm.internal;

import java.util.random.RandomGenerator;
import org.speedsim.engine.swarm.PickView;

/**
 * The {@link PickView} of one request: a downloader ({@code self}) choosing what to fetch from one neighbour over
 * one direction. One instance serves every pick of a run; {@link #set} points it at the next request, so picking
 * allocates nothing.
 */
final class PickRequest implements PickView {

    private final SwarmState state;
    private int self;
    private int from;
    private int dir;

    private byte[] cells;
    private int row;

    PickRequest(SwarmState state) {
        this.state = state;
    }

    /** Points the view at downloader {@code v} fetching from uploader {@code u} over direction {@code d}. */
    void set(int v, int u, int d) {
        SwarmState s = state;
        self = v;
        from = u;
        dir = d;
        cells = s.rows.cells();
        row = s.rowOf[v];
        // The scan reads this peer's row line by line with enough work between lines that the core waits for
        // each miss in turn; one load per line first lets the misses overlap.
        long sum = 0;
        for (int i = row, end = row + s.pieces; i < end; i += 64) {
            sum += cells[i];
        }
        s.warmed += sum;
    }

    @Override
    public int self() {
        return self;
    }

    @Override
    public int neighbour() {
        return from;
    }

    @Override
    public int pieces() {
        return state.pieces;
    }

    @Override
    public long[] have() {
        return state.have[self];
    }

    @Override
    public long[] neighbourHas() {
        return state.have[from];
    }

    @Override
    public long[] downloading() {
        return state.downloading[self];
    }

    @Override
    public long[] started() {
        return state.started[self];
    }

    @Override
    public int availability(int piece) {
        return cells[row + piece] & PieceRows.COUNT;
    }

    @Override
    public int piecesHave() {
        return state.haveCount[self];
    }

    @Override
    public boolean endGame() {
        return state.endGame(self);
    }

    @Override
    public boolean downloadingFromNeighbour(int piece) {
        return state.dirPiece[dir] == piece;
    }

    @Override
    public boolean mayDuplicate(int piece) {
        if (state.dirPiece[dir] == piece) {
            return false;
        }
        PartialPieces partial = state.partial[self];
        int e = partial.find(piece);
        return e < 0 || partial.inflight(e) < SwarmState.MAX_INFLIGHT;
    }

    @Override
    public RandomGenerator rng() {
        return state.pickRng[self];
    }
}
