package org.speedsim.engine.swarm.internal;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.speedsim.engine.kernel.Simulator;
import org.speedsim.engine.net.FlowNetwork;
import org.speedsim.engine.rng.RandomStreams;
import org.speedsim.engine.swarm.ChokingPolicy;
import org.speedsim.engine.swarm.InitialSeeds;
import org.speedsim.engine.swarm.PiecePicker;
import org.speedsim.engine.swarm.ProtocolConfig;
import org.speedsim.engine.swarm.ProtocolTrace;
import org.speedsim.engine.swarm.SeedingBehaviour;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.engine.swarm.SwarmExtension;
import org.speedsim.engine.swarm.TimedAction;

/**
 * The state of one run as primitive arrays indexed by peer id, connection id ({@code c}) and direction
 * ({@code d = 2c} when the connection's A side uploads, {@code 2c + 1} when its B side does), allocated once for
 * every peer the run can ever hold. {@link SwarmEngine} extends this class, rather than holding it, so that its hot
 * loops read these arrays as fields of {@code this} with no extra indirection; the cold parts (sampling, summary,
 * invariant checks, the extensions' view) read them through a reference to it.
 *
 * <p>Connection arrays start small and double when full (see {@link #growConnections}); a grown array replaces the
 * field, so a reader must load the field again after anything that may open a connection.
 */
abstract class SwarmState {

    /** Transfers of one piece to one peer at once: one, plus one end-game duplicate. */
    static final int MAX_INFLIGHT = 2;

    /** Offsets within a direction's eight-long slot of {@link #dirRates}. */
    static final int R_CUM = 0;
    static final int R_UP1 = 1;
    static final int R_UP2 = 2;
    static final int R_DOWN1 = 3;
    static final int R_DOWN2 = 4;

    final SwarmConfig cfg;
    final Simulator sim;
    final RandomStreams streams;
    final FlowNetwork net;
    final ProtocolConfig proto;
    final int pieces;
    /** Longs per piece bit set. */
    final int words;
    final int regularSlots;
    final int optimisticEvery;
    final ProtocolTrace trace;
    /** The run's extensions, in configuration order; set once, by {@link SwarmEngine}'s constructor. */
    SwarmExtension[] ext;

    // ---- peers (indexed by peer id) ----
    /** Peer ids the arrays hold; grows (see {@link #growPeers}) in a hosted swarm, whose peers join on demand. */
    int capacity;
    /** One more than the highest peer id that has joined. */
    int peerCount;
    int[] peerClass;
    int[] peerClient;
    double[] upCap;
    double[] downCap;
    long[] arrivalAt;
    long[] completedAt;
    long[] departedAt;
    boolean[] online;
    /** Whether the peer holds every piece (not the random seed: that is {@code cfg.seed()}). */
    boolean[] isSeed;
    boolean[] initialSeed;
    boolean[] corrupt;
    long[] bytesUp;
    long[] bytesDown;
    long[] dupBytes;
    /** Per peer, the bit set of the pieces it holds. */
    long[][] have;
    int[] haveCount;
    /** Per leecher, the bit set of the pieces in flight to it. */
    long[][] downloading;
    /** Per leecher, the bit set of the pieces it holds some bytes of but none in flight. */
    long[][] started;
    /** Per online peer: which pieces it holds and how many of its neighbours hold each (see {@link PieceRows}). */
    final PieceRows rows;
    /** Offset of each peer's row in {@link #rows}, -1 when offline. */
    int[] rowOf;
    PartialPieces[] partial;
    int[] distinctInflight;
    /**
     * Bumped whenever a piece may have become requestable for a peer (a transfer to it stopped, it entered end
     * game); a direction whose pick found nothing at the current epoch is not asked again until then.
     */
    int[] pickEpoch;
    boolean[] sawEndGame;
    /** Per peer, its connection ids; {@link #connCount} of them are in use. */
    int[][] conns;
    /** Parallel to conns: the neighbour, and the directions out of and into the peer, per connection slot. */
    int[][] nbr;
    /** Parallel to conns: the neighbour's row offset in {@link #rows} (fixed while both are online). */
    int[][] nbrRow;
    int[][] outDir;
    int[][] inDir;
    int[] connCount;
    long[] lastAnnounce;
    long[] announceHandle;
    long[] rechokeHandle;
    long[] rechokeRound;
    boolean[] interestRechokePending;
    long[] seedHandle;
    long[] departHandle;
    RandomGenerator[] pickRng;
    RandomGenerator[] chokeRng;
    RandomGenerator[] trackerRng;
    ChokingPolicy[] choker;
    PiecePicker[] picker;
    SeedingBehaviour[] seeding;
    int[][] bannedPeer;
    long[][] bannedUntil;
    /** Per peer, the announce round that last drew it (see {@code SwarmEngine.announce}). */
    int[] stamp;
    int stampNow;

    /** Per uploader, the directions it has unchoked; per downloader, the directions unchoking it. */
    final DirSets serving;
    final DirSets served;

    int[] onlineList;
    int[] onlinePos;
    int onlineCount;
    int seedsOnline;
    int leechersOnline;
    /** Per piece, the online peers holding it. */
    final int[] copies;

    // ---- connections and directions ----
    int[] connA = new int[64];
    int[] connB = new int[64];
    int[] freeConn = new int[64];
    int freeConnTop;
    int connUsed;
    boolean[] dirUnchoked = new boolean[128];
    boolean[] dirOptimistic = new boolean[128];
    boolean[] dirStalled = new boolean[128];
    int[] dirFlow = new int[128];
    int[] dirPiece = new int[128];
    long[] dirStartBytes = new long[128];
    long[] dirTransferBytes = new long[128];
    long[] dirAccounted = new long[128];
    /**
     * Byte counters of each direction for the choker's rate windows, eight longs per direction so that a rechoke
     * reads one cache line per direction: bytes so far ({@link #R_CUM}), and their value at the uploader's
     * ({@code R_UP*}) and at the downloader's ({@code R_DOWN*}) last two rounds.
     */
    long[] dirRates = new long[128 << 3];
    long[] dirLastUnchoke = new long[128];
    long[] dirLastChoke = new long[128];
    int[] flowDir = new int[256];
    int[] dirMark = new int[128];
    int[] dirIdleEpoch = new int[128];
    int markStamp;

    // ---- arrivals and actions ----
    final long[] arrivalTimes;
    final int firstArrivalId;
    int arrivalsDone;
    /** Per timed action that adds peers, the id of its first peer. */
    final int[] actionFirstPeer;
    int pendingPeerActions;

    // ---- totals ----
    long totalUp;
    long totalDown;
    long totalDup;
    long badBytes;
    long pieceTransfers;
    long overheadBytes;
    /**
     * Sum of the values loaded only to bring cache lines in ahead of a loop (pick, rechoke): kept so that the compiler
     * does not drop the loads; never read.
     */
    long warmed;

    SwarmState(SwarmConfig cfg, Simulator sim, FlowNetwork net, ProtocolTrace trace) {
        this.cfg = cfg;
        this.sim = sim;
        this.net = net;
        this.trace = trace;
        this.streams = new RandomStreams(cfg.seed(), cfg.replication());
        this.proto = cfg.protocol();
        this.pieces = cfg.file().pieces();
        this.words = (pieces + 63) >>> 6;
        this.regularSlots = Math.max(0, proto.unchokeSlots() - 1);
        this.optimisticEvery = proto.optimisticEvery();

        arrivalTimes = ArrivalSchedule.times(cfg.arrivals(), streams, cfg.durationMicros());
        int seeds = cfg.initialSeeds().stream().mapToInt(InitialSeeds::count).sum();
        firstArrivalId = seeds;
        int total = seeds + arrivalTimes.length;
        actionFirstPeer = new int[cfg.actions().size()];
        for (int i = 0; i < cfg.actions().size(); i++) {
            actionFirstPeer[i] = total;
            if (cfg.actions().get(i) instanceof TimedAction.AddPeers ap && ap.atMicros() <= cfg.durationMicros()) {
                total += ap.count();
                pendingPeerActions++;
            }
        }
        capacity = total;
        peerClass = new int[total];
        peerClient = new int[total];
        upCap = new double[total];
        downCap = new double[total];
        arrivalAt = new long[total];
        completedAt = new long[total];
        departedAt = new long[total];
        Arrays.fill(arrivalAt, -1);
        Arrays.fill(completedAt, -1);
        Arrays.fill(departedAt, -1);
        online = new boolean[total];
        isSeed = new boolean[total];
        initialSeed = new boolean[total];
        corrupt = new boolean[total];
        bytesUp = new long[total];
        bytesDown = new long[total];
        dupBytes = new long[total];
        have = new long[total][];
        haveCount = new int[total];
        downloading = new long[total][];
        started = new long[total][];
        rows = new PieceRows(pieces, Math.min(total, 1024));
        rowOf = new int[total];
        Arrays.fill(rowOf, -1);
        partial = new PartialPieces[total];
        distinctInflight = new int[total];
        pickEpoch = new int[total];
        sawEndGame = new boolean[total];
        conns = new int[total][];
        nbr = new int[total][];
        nbrRow = new int[total][];
        outDir = new int[total][];
        inDir = new int[total][];
        connCount = new int[total];
        lastAnnounce = new long[total];
        announceHandle = new long[total];
        rechokeHandle = new long[total];
        rechokeRound = new long[total];
        interestRechokePending = new boolean[total];
        seedHandle = new long[total];
        departHandle = new long[total];
        Arrays.fill(announceHandle, -1);
        Arrays.fill(rechokeHandle, -1);
        Arrays.fill(seedHandle, -1);
        Arrays.fill(departHandle, -1);
        pickRng = new RandomGenerator[total];
        chokeRng = new RandomGenerator[total];
        trackerRng = new RandomGenerator[total];
        choker = new ChokingPolicy[total];
        picker = new PiecePicker[total];
        seeding = new SeedingBehaviour[total];
        bannedPeer = new int[total][];
        bannedUntil = new long[total][];
        stamp = new int[total];
        serving = new DirSets(total);
        served = new DirSets(total);
        onlineList = new int[total];
        onlinePos = new int[total];
        copies = new int[pieces];
    }

    /**
     * Grows every per-peer array to {@code n} peers (a hosted swarm's peers join on demand). A grown array replaces
     * the field, so a reader must load the field again after anything that may add a peer.
     */
    final void growPeers(int n) {
        int old = capacity;
        if (n <= old) {
            return;
        }
        peerClass = Arrays.copyOf(peerClass, n);
        peerClient = Arrays.copyOf(peerClient, n);
        upCap = Arrays.copyOf(upCap, n);
        downCap = Arrays.copyOf(downCap, n);
        arrivalAt = grownFilled(arrivalAt, n, old);
        completedAt = grownFilled(completedAt, n, old);
        departedAt = grownFilled(departedAt, n, old);
        online = Arrays.copyOf(online, n);
        isSeed = Arrays.copyOf(isSeed, n);
        initialSeed = Arrays.copyOf(initialSeed, n);
        corrupt = Arrays.copyOf(corrupt, n);
        bytesUp = Arrays.copyOf(bytesUp, n);
        bytesDown = Arrays.copyOf(bytesDown, n);
        dupBytes = Arrays.copyOf(dupBytes, n);
        have = Arrays.copyOf(have, n);
        haveCount = Arrays.copyOf(haveCount, n);
        downloading = Arrays.copyOf(downloading, n);
        started = Arrays.copyOf(started, n);
        rowOf = Arrays.copyOf(rowOf, n);
        Arrays.fill(rowOf, old, n, -1);
        partial = Arrays.copyOf(partial, n);
        distinctInflight = Arrays.copyOf(distinctInflight, n);
        pickEpoch = Arrays.copyOf(pickEpoch, n);
        sawEndGame = Arrays.copyOf(sawEndGame, n);
        conns = Arrays.copyOf(conns, n);
        nbr = Arrays.copyOf(nbr, n);
        nbrRow = Arrays.copyOf(nbrRow, n);
        outDir = Arrays.copyOf(outDir, n);
        inDir = Arrays.copyOf(inDir, n);
        connCount = Arrays.copyOf(connCount, n);
        lastAnnounce = Arrays.copyOf(lastAnnounce, n);
        announceHandle = grownFilled(announceHandle, n, old);
        rechokeHandle = grownFilled(rechokeHandle, n, old);
        rechokeRound = Arrays.copyOf(rechokeRound, n);
        interestRechokePending = Arrays.copyOf(interestRechokePending, n);
        seedHandle = grownFilled(seedHandle, n, old);
        departHandle = grownFilled(departHandle, n, old);
        pickRng = Arrays.copyOf(pickRng, n);
        chokeRng = Arrays.copyOf(chokeRng, n);
        trackerRng = Arrays.copyOf(trackerRng, n);
        choker = Arrays.copyOf(choker, n);
        picker = Arrays.copyOf(picker, n);
        seeding = Arrays.copyOf(seeding, n);
        bannedPeer = Arrays.copyOf(bannedPeer, n);
        bannedUntil = Arrays.copyOf(bannedUntil, n);
        stamp = Arrays.copyOf(stamp, n);
        serving.grow(n);
        served.grow(n);
        onlineList = Arrays.copyOf(onlineList, n);
        onlinePos = Arrays.copyOf(onlinePos, n);
        capacity = n;
    }

    private static long[] grownFilled(long[] a, int n, int old) {
        long[] b = Arrays.copyOf(a, n);
        Arrays.fill(b, old, n, -1);
        return b;
    }

    /** Doubles every connection and direction array (the connection ids in use fill them). */
    final void growConnections() {
        int n = connA.length * 2;
        connA = Arrays.copyOf(connA, n);
        connB = Arrays.copyOf(connB, n);
        freeConn = Arrays.copyOf(freeConn, n);
        int m = 2 * n;
        dirUnchoked = Arrays.copyOf(dirUnchoked, m);
        dirOptimistic = Arrays.copyOf(dirOptimistic, m);
        dirStalled = Arrays.copyOf(dirStalled, m);
        dirFlow = Arrays.copyOf(dirFlow, m);
        dirPiece = Arrays.copyOf(dirPiece, m);
        dirStartBytes = Arrays.copyOf(dirStartBytes, m);
        dirTransferBytes = Arrays.copyOf(dirTransferBytes, m);
        dirAccounted = Arrays.copyOf(dirAccounted, m);
        dirRates = Arrays.copyOf(dirRates, m << 3);
        dirLastUnchoke = Arrays.copyOf(dirLastUnchoke, m);
        dirLastChoke = Arrays.copyOf(dirLastChoke, m);
        dirMark = Arrays.copyOf(dirMark, m);
        dirIdleEpoch = Arrays.copyOf(dirIdleEpoch, m);
    }

    final boolean hasPiece(int peer, int piece) {
        return (have[peer][piece >>> 6] & (1L << piece)) != 0;
    }

    /** The connection between two peers, or -1. */
    final int connection(int a, int b) {
        int[] list = conns[a];
        for (int i = 0; i < connCount[a]; i++) {
            int c = list[i];
            if (connA[c] == b || connB[c] == b) {
                return c;
            }
        }
        return -1;
    }

    /** The peer at the other end of connection c from {@code peer}. */
    final int other(int c, int peer) {
        return connA[c] == peer ? connB[c] : connA[c];
    }

    /** Direction of connection c in which {@code uploader} sends. */
    final int dir(int c, int uploader) {
        return connA[c] == uploader ? 2 * c : 2 * c + 1;
    }

    final int uploaderOf(int d) {
        return (d & 1) == 0 ? connA[d >> 1] : connB[d >> 1];
    }

    final int downloaderOf(int d) {
        return (d & 1) == 0 ? connB[d >> 1] : connA[d >> 1];
    }

    /** Whether {@code down} wants something from {@code up}: {@code up} holds a piece {@code down} lacks. */
    final boolean interested(int up, int down) {
        if (isSeed[down]) {
            return false;
        }
        if (isSeed[up]) {
            return true;
        }
        long[] hu = have[up];
        long[] hd = have[down];
        for (int w = 0; w < words; w++) {
            if ((hu[w] & ~hd[w]) != 0) {
                return true;
            }
        }
        return false;
    }

    final boolean endGame(int v) {
        return proto.endGame() && !isSeed[v] && haveCount[v] + distinctInflight[v] == pieces;
    }

    final void emit(String kind, int a, int b, long value) {
        if (trace != null && trace.wants(kind)) {
            trace.emit(sim.now(), kind, a, b, value);
        }
    }
}
