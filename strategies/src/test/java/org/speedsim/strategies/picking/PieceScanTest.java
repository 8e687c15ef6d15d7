package org.speedsim.strategies.picking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.swarm.PickView;

/**
 * The scan works a word of candidates at a time and wraps around from a random start; these tests hold it to the
 * definition, a visit of the pieces one by one from the starting piece with a running minimum that stops at a count
 * of one.
 */
class PieceScanTest {

    /** A pick view over fixed random bit sets and counts. */
    private static final class FixedView implements PickView {
        final int pieces;
        final long[] have;
        final long[] remote;
        final long[] downloading;
        final long[] started;
        final long[] duplicable;
        final int[] avail;

        FixedView(SplittableRandom rng) {
            pieces = 1 + rng.nextInt(rng.nextBoolean() ? 70 : 400);
            int words = (pieces + 63) >>> 6;
            have = bits(rng, words, rng.nextDouble());
            remote = bits(rng, words, rng.nextDouble());
            downloading = bits(rng, words, rng.nextDouble() * 0.3);
            started = bits(rng, words, rng.nextDouble() * 0.3);
            duplicable = bits(rng, words, 0.5);
            avail = new int[pieces];
            int spread = 1 + rng.nextInt(rng.nextBoolean() ? 4 : 127);
            for (int p = 0; p < pieces; p++) {
                avail[p] = rng.nextInt(spread + 1);
            }
        }

        private long[] bits(SplittableRandom rng, int words, double density) {
            long[] w = new long[words];
            for (int p = 0; p < pieces; p++) {
                if (rng.nextDouble() < density) {
                    w[p >>> 6] |= 1L << p;
                }
            }
            return w;
        }

        @Override
        public int self() {
            return 0;
        }

        @Override
        public int neighbour() {
            return 1;
        }

        @Override
        public int pieces() {
            return pieces;
        }

        @Override
        public long[] have() {
            return have;
        }

        @Override
        public long[] neighbourHas() {
            return remote;
        }

        @Override
        public long[] downloading() {
            return downloading;
        }

        @Override
        public long[] started() {
            return started;
        }

        @Override
        public int availability(int p) {
            return avail[p];
        }

        @Override
        public int piecesHave() {
            return Long.bitCount(have[0]);
        }

        @Override
        public boolean endGame() {
            return true;
        }

        @Override
        public boolean downloadingFromNeighbour(int p) {
            return false;
        }

        @Override
        public boolean mayDuplicate(int p) {
            return (duplicable[p >>> 6] & (1L << p)) != 0;
        }

        @Override
        public RandomGenerator rng() {
            throw new AssertionError("the scan draws nothing");
        }
    }

    /** The definition: every candidate from {@code start} on, wrapping, one at a time. */
    private static int oneByOne(int mode, FixedView v, int start, boolean rarest) {
        int best = -1;
        int bestAvail = Integer.MAX_VALUE;
        for (int i = 0; i < v.pieces; i++) {
            int p = (start + i) % v.pieces;
            int w = p >>> 6;
            long c = PieceScan.candidates(mode, v.have, v.remote, v.downloading, v.started, w);
            if ((c & (1L << p)) == 0 || (mode == PieceScan.END_GAME && !v.mayDuplicate(p))) {
                continue;
            }
            if (!rarest) {
                return p;
            }
            if (v.avail[p] < bestAvail) {
                bestAvail = v.avail[p];
                best = p;
                if (bestAvail <= 1) {
                    return best;
                }
            }
        }
        return best;
    }

    @Test
    void eightAtATimeFindsWhatVisitingOneByOneFinds() {
        int checked = 0;
        for (long seed = 0; seed < 4000; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            FixedView v = new FixedView(rng);
            int start = rng.nextInt(v.pieces);
            for (int mode : new int[] {PieceScan.FRESH, PieceScan.STARTED, PieceScan.END_GAME}) {
                for (boolean rarest : new boolean[] {true, false}) {
                    int expected = oneByOne(mode, v, start, rarest);
                    assertEquals(expected, PieceScan.scan(mode, v, start, rarest),
                            "seed " + seed + " mode " + mode + " rarest " + rarest + " start " + start);
                    if (expected >= 0) {
                        checked++;
                    }
                }
            }
        }
        assertEquals(true, checked > 10_000, "too few scans found a candidate: " + checked);
    }
}
