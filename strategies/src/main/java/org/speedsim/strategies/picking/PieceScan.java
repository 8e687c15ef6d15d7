package org.speedsim.strategies.picking;

/**
 * Scans of piece bit sets, starting at a given piece and wrapping around, shared by the piece pickers (and open to
 * plug-in pickers). Words hold piece {@code p} at bit {@code p & 63} of word {@code p >>> 6}.
 */
public final class PieceScan {

    private PieceScan() {
    }

    /** Mode of {@link #scan}: which pieces are candidates. */
    public static final int FRESH = 0;
    public static final int STARTED = 1;
    public static final int END_GAME = 2;

    public static long candidates(int mode, long[] have, long[] remote, long[] downloading, long[] started, int w) {
        long base = remote[w] & ~have[w];
        switch (mode) {
            case FRESH:
                return base & ~downloading[w] & ~started[w];
            case STARTED:
                return base & started[w] & ~downloading[w];
            default:
                return base & downloading[w];
        }
    }

    /**
     * The selection both pickers share: a started piece first (strict priority), then a fresh one, then in end game
     * one in flight from others; within the chosen mode the rarest (when {@code rarest}; the very first piece is
     * always random) or the first met from a random start. A pick that finds nothing draws nothing.
     */
    public static int pick(org.speedsim.engine.swarm.PickView v, boolean rarest) {
        int mode;
        if (any(STARTED, v)) {
            mode = STARTED;
        } else if (any(FRESH, v)) {
            mode = FRESH;
        } else if (v.endGame() && any(END_GAME, v)) {
            mode = END_GAME;
        } else {
            return -1;
        }
        int start = v.rng().nextInt(v.pieces());
        return scan(mode, v, start, rarest && (mode != FRESH || v.piecesHave() > 0));
    }

    /** Whether any piece is a candidate in this mode (no random draw is spent on a pick that finds nothing). */
    public static boolean any(int mode, org.speedsim.engine.swarm.PickView v) {
        long[] have = v.have();
        long[] remote = v.neighbourHas();
        long[] dl = v.downloading();
        long[] st = v.started();
        int words = (v.pieces() + 63) >>> 6;
        for (int w = 0; w < words; w++) {
            if (candidates(mode, have, remote, dl, st, w) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The candidate of lowest availability, scanning from {@code start} and wrapping, so that the first piece met
     * wins ties; -1 if there is none. When {@code rarest} is false, the first candidate met is returned.
     */
    public static int scan(int mode, org.speedsim.engine.swarm.PickView v, int start, boolean rarest) {
        long[] have = v.have();
        long[] remote = v.neighbourHas();
        long[] dl = v.downloading();
        long[] st = v.started();
        int pieces = v.pieces();
        int words = (pieces + 63) >>> 6;
        int startWord = start >>> 6;
        int best = -1;
        int bestAvail = Integer.MAX_VALUE;
        for (int i = 0; i <= words; i++) {
            int w = startWord + i;
            if (w >= words) {
                w -= words;
            }
            long c = candidates(mode, have, remote, dl, st, w);
            if (i == 0) {
                c &= -1L << (start & 63);
            } else if (i == words) {
                c &= (start & 63) == 0 ? 0 : ~(-1L << (start & 63));
            }
            while (c != 0) {
                int p = (w << 6) + Long.numberOfTrailingZeros(c);
                c &= c - 1;
                if (p >= pieces) {
                    break;
                }
                if (mode == END_GAME && !v.mayDuplicate(p)) {
                    continue;
                }
                if (!rarest) {
                    return p;
                }
                int a = v.availability(p);
                if (a < bestAvail) {
                    bestAvail = a;
                    best = p;
                    if (a <= 1) {
                        return best;
                    }
                }
            }
        }
        return best;
    }
}
