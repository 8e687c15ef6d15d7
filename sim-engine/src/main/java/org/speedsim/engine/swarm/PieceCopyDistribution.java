package org.speedsim.engine.swarm;

import java.util.Arrays;

/**
 * How many online copies each piece had at every sample time, kept as a histogram: rows of (time, copies, pieces)
 * meaning "at this time, {@code pieces} pieces were held by exactly {@code copies} online peers".
 *
 * <p>Invariants: rows are ordered by time, then by increasing copy count; within one time every copy count appears
 * at most once with a positive piece count, and the piece counts of one time add up to the file's piece count.
 */
public final class PieceCopyDistribution {

    private long[] timeMicros = new long[64];
    private int[] copies = new int[64];
    private int[] pieces = new int[64];
    private int rows;
    private int[] scratch = new int[16];

    /** Appends the histogram of {@code copiesPerPiece} taken at {@code time}, which must not precede earlier ones. */
    public void record(long time, int[] copiesPerPiece) {
        if (rows > 0 && time < timeMicros[rows - 1]) {
            throw new IllegalArgumentException("time " + time + " precedes " + timeMicros[rows - 1]);
        }
        int max = 0;
        for (int c : copiesPerPiece) {
            max = Math.max(max, c);
        }
        if (scratch.length <= max) {
            scratch = new int[Math.max(max + 1, scratch.length * 2)];
        }
        Arrays.fill(scratch, 0, max + 1, 0);
        for (int c : copiesPerPiece) {
            scratch[c]++;
        }
        for (int c = 0; c <= max; c++) {
            if (scratch[c] > 0) {
                append(time, c, scratch[c]);
            }
        }
    }

    private void append(long time, int c, int n) {
        if (rows == timeMicros.length) {
            int cap = rows * 2;
            timeMicros = Arrays.copyOf(timeMicros, cap);
            copies = Arrays.copyOf(copies, cap);
            pieces = Arrays.copyOf(pieces, cap);
        }
        timeMicros[rows] = time;
        copies[rows] = c;
        pieces[rows] = n;
        rows++;
    }

    public int size() {
        return rows;
    }

    /** Sample time of row {@code i} in microseconds. */
    public long timeMicros(int i) {
        return timeMicros[check(i)];
    }

    /** Number of online peers holding each piece counted in row {@code i}. */
    public int copies(int i) {
        return copies[check(i)];
    }

    /** Number of pieces held by exactly {@link #copies(int)} online peers at row {@code i}'s time. */
    public int pieces(int i) {
        return pieces[check(i)];
    }

    private int check(int i) {
        if (i < 0 || i >= rows) {
            throw new IndexOutOfBoundsException(i);
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PieceCopyDistribution d && d.rows == rows
                && Arrays.equals(d.timeMicros, 0, rows, timeMicros, 0, rows)
                && Arrays.equals(d.copies, 0, rows, copies, 0, rows)
                && Arrays.equals(d.pieces, 0, rows, pieces, 0, rows);
    }

    @Override
    public int hashCode() {
        int h = rows;
        for (int i = 0; i < rows; i++) {
            h = 31 * (31 * (31 * h + Long.hashCode(timeMicros[i])) + copies[i]) + pieces[i];
        }
        return h;
    }
}
