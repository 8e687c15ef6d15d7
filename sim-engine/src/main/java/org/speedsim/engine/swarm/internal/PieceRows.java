package org.speedsim.engine.swarm.internal;

import java.util.Arrays;

/**
 * One byte per piece for every online peer, in one flat array so that the HAVE broadcast touches a single cache
 * line per neighbour: bit 7 says the peer holds the piece, bits 0-6 count the peer's neighbours holding it (so a
 * peer has at most 127 neighbours). Rows are recycled: a row is handed out zeroed and taken back when its peer
 * leaves, so the array grows with the largest number of peers online at once, not with every peer that came.
 */
final class PieceRows {

    static final int HAS = 0x80;
    static final int COUNT = 0x7f;

    private final int pieces;
    private byte[] cells;
    private int[] freeRows = new int[16];
    private int freeTop;
    private int rowsUsed;

    PieceRows(int pieces, int initialRows) {
        this.pieces = pieces;
        this.cells = new byte[Math.multiplyExact(pieces, Math.max(1, initialRows))];
    }

    /** The array holding every row; valid until the next {@link #allocate}. */
    byte[] cells() {
        return cells;
    }

    /** A zeroed row; returns the offset of its first piece. */
    int allocate() {
        int row;
        if (freeTop > 0) {
            row = freeRows[--freeTop];
        } else {
            row = rowsUsed++;
            long need = (long) rowsUsed * pieces;
            if (need > cells.length) {
                long grown = Math.max(need, 2L * cells.length);
                if (grown > Integer.MAX_VALUE - 16) {
                    grown = Integer.MAX_VALUE - 16;
                    if (need > grown) {
                        throw new IllegalStateException("too many peers online at once for " + pieces
                                + " pieces each: " + rowsUsed + " rows exceed one array");
                    }
                }
                cells = Arrays.copyOf(cells, (int) grown);
            }
        }
        int off = row * pieces;
        Arrays.fill(cells, off, off + pieces, (byte) 0);
        return off;
    }

    /** Takes back the row at {@code offset}. */
    void release(int offset) {
        if (freeTop == freeRows.length) {
            freeRows = Arrays.copyOf(freeRows, freeTop * 2);
        }
        freeRows[freeTop++] = offset / pieces;
    }
}
