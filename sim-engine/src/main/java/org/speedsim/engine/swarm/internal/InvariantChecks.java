package org.speedsim.engine.swarm.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The invariants of a run, checked two ways: the cheap checks the engine makes as it goes report through
 * {@link #fail}; {@link #deepCheck} recomputes every derived structure of the {@link SwarmState} from the peers'
 * bit sets and connections (slow, on request, for tests). Invariants: a leecher's availability count of each piece
 * it lacks equals the number of its neighbours holding that piece; a peer's piece row flags exactly the pieces of
 * its bit set; a direction is in its uploader's and its downloader's unchoked sets exactly while it is unchoked; the
 * global copy count of a piece equals the online peers holding it; a leecher's count of pieces in flight matches its
 * partial pieces; bytes uploaded equal bytes downloaded. The first 20 failures are kept, with their times.
 */
final class InvariantChecks {

    private static final int KEPT = 20;

    private final SwarmState state;
    private final boolean deep;
    private boolean ok = true;
    private final List<String> failures = new ArrayList<>();

    InvariantChecks(SwarmState state, boolean deep) {
        this.state = state;
        this.deep = deep;
    }

    /** Records a broken invariant. */
    void fail(String why) {
        ok = false;
        if (failures.size() < KEPT) {
            failures.add("t=" + state.sim.now() + "us: " + why);
        }
    }

    boolean ok() {
        return ok;
    }

    List<String> failures() {
        return failures;
    }

    /** Deep-checks if asked to at construction (at every sample). */
    void atSample() {
        if (deep) {
            deepCheck();
        }
    }

    /** At the end of a run: byte conservation per peer, completed peers hold every piece, and the deep check. */
    void atEnd() {
        SwarmState s = state;
        long up = 0;
        long down = 0;
        for (int peer = 0; peer < s.peerCount; peer++) {
            up += s.bytesUp[peer];
            down += s.bytesDown[peer];
            if (s.completedAt[peer] >= 0 && s.haveCount[peer] != s.pieces) {
                fail("peer " + peer + " completed without every piece");
            }
        }
        if (up != down || up != s.totalUp || down != s.totalDown) {
            fail("byte conservation: up " + up + ", down " + down);
        }
        if (deep) {
            deepCheck();
        }
    }

    /** Recomputes every derived structure from scratch and records any mismatch as a broken invariant. */
    void deepCheck() {
        SwarmState s = state;
        int pieces = s.pieces;
        int[] copies = new int[pieces];
        byte[] cells = s.rows.cells();
        for (int i = 0; i < s.onlineCount; i++) {
            int peer = s.onlineList[i];
            int held = 0;
            for (int piece = 0; piece < pieces; piece++) {
                if (s.hasPiece(peer, piece)) {
                    copies[piece]++;
                    held++;
                }
            }
            if (held != s.haveCount[peer]) {
                fail("peer " + peer + " counts " + s.haveCount[peer] + " pieces but holds " + held);
            }
            if (s.isSeed[peer] != (held == pieces)) {
                fail("peer " + peer + " seed flag disagrees with its pieces");
            }
            int row = s.rowOf[peer];
            for (int piece = 0; piece < pieces; piece++) {
                if ((cells[row + piece] < 0) != s.hasPiece(peer, piece)) {
                    fail("peer " + peer + "'s piece row disagrees with its bit set at piece " + piece);
                    break;
                }
            }
            if (!s.isSeed[peer]) {
                checkLeecher(peer, cells, row);
            }
            for (int j = 0; j < s.connCount[peer]; j++) {
                int c = s.conns[peer][j];
                int neighbour = s.other(c, peer);
                int d = s.dir(c, peer);
                if (s.dirUnchoked[d] != s.serving.contains(peer, d)
                        || s.dirUnchoked[d] != s.served.contains(neighbour, d)) {
                    fail("unchoked sets disagree with direction " + peer + "->" + neighbour);
                }
                if (!s.online[neighbour]) {
                    fail("peer " + peer + " is connected to departed peer " + neighbour);
                }
            }
        }
        if (!Arrays.equals(copies, s.copies)) {
            fail("global piece copy counts disagree with the peers' pieces");
        }
        if (s.totalUp != s.totalDown) {
            fail("bytes uploaded " + s.totalUp + " != bytes downloaded " + s.totalDown);
        }
    }

    /** A leecher's availability counts and its count of distinct pieces in flight. */
    private void checkLeecher(int peer, byte[] cells, int row) {
        SwarmState s = state;
        int pieces = s.pieces;
        int[] availability = new int[pieces];
        for (int j = 0; j < s.connCount[peer]; j++) {
            int neighbour = s.other(s.conns[peer][j], peer);
            for (int piece = 0; piece < pieces; piece++) {
                if (s.hasPiece(neighbour, piece)) {
                    availability[piece]++;
                }
            }
        }
        for (int piece = 0; piece < pieces; piece++) {
            int counted = cells[row + piece] & PieceRows.COUNT;
            if (!s.hasPiece(peer, piece) && availability[piece] != counted) {
                fail("availability of piece " + piece + " at peer " + peer + " is " + counted + ", not "
                        + availability[piece]);
                break;
            }
        }
        int inflight = 0;
        PartialPieces partial = s.partial[peer];
        for (int j = 0; j < partial.size(); j++) {
            if (partial.inflight(j) > 0) {
                inflight++;
            }
        }
        if (inflight != s.distinctInflight[peer]) {
            fail("peer " + peer + " has " + inflight + " pieces in flight, counted " + s.distinctInflight[peer]);
        }
    }
}
