package org.speedsim.engine.swarm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.speedsim.engine.kernel.Simulator;
import org.speedsim.engine.net.FlowNetwork;
import org.speedsim.engine.rng.RandomStreams;

/**
 * The BitTorrent protocol state machine of one run: peers, their connections (two directions each), piece
 * exchange over flows of the {@link FlowNetwork}, choking rounds, tracker announces, arrivals and departures, and
 * the bookkeeping that metrics need. Package-private: {@link Swarm} is the public face.
 *
 * <p>Invariants (checked by {@link #deepCheck()}): a leecher's availability count of each piece it lacks equals the
 * number of its neighbours holding that piece; a peer's piece row flags exactly the pieces of its bit set; a
 * direction is in its uploader's and its downloader's unchoked sets exactly while it is unchoked; the global copy
 * count of a piece equals the online peers holding it; a piece is "downloading" at a peer exactly while some
 * transfer of it to that peer is in flight; bytes uploaded equal bytes downloaded.
 */
final class SwarmEngine implements SwarmControl, FlowNetwork.TransferListener {

    /** Transfers of one piece to one peer at once: one, plus one end-game duplicate. */
    static final int MAX_INFLIGHT = 2;

    static final String[] BASE_COLUMNS = {"time_s", "leechers", "seeds", "distributed_copies", "min_piece_copies",
        "mean_piece_copies", "upload_utilisation"};

    private final SwarmConfig cfg;
    private final Simulator sim;
    private final RandomStreams streams;
    private final FlowNetwork net;
    private final ProtocolConfig proto;
    private final int pieces;
    private final int words;
    private final int regularSlots;
    private final int optimisticEvery;
    private final SwarmExtension[] ext;
    private final ProtocolTrace trace;
    private final boolean deepChecks;

    private final int kArrival;
    private final int kRechoke;
    private final int kSeedDecision;
    private final int kDepart;
    private final int kSample;
    private final int kAction;
    private final int kAnnounce;
    private final int kInterestRechoke;

    // ---- peers (indexed by peer id) ----
    private final int capacity;
    private int peerCount;
    private final int[] peerClass;
    private final int[] peerClient;
    private final double[] upCap;
    private final double[] downCap;
    private final long[] arrivalAt;
    private final long[] completedAt;
    private final long[] departedAt;
    private final boolean[] online;
    private final boolean[] seed;
    private final boolean[] initialSeed;
    private final boolean[] corrupt;
    private final long[] bytesUp;
    private final long[] bytesDown;
    private final long[] dupBytes;
    private final long[][] have;
    private final int[] haveCount;
    private final long[][] downloading;
    private final long[][] started;
    /** Per online peer: which pieces it holds and how many of its neighbours hold each (see {@link PieceRows}). */
    private final PieceRows rows;
    /** Offset of each peer's row in {@link #rows}, -1 when offline. */
    private final int[] rowOf;
    private final PartialPieces[] partial;
    private final int[] distinctInflight;
    /**
     * Bumped whenever a piece may have become requestable for a peer (a transfer to it stopped, it entered end
     * game); a direction whose pick found nothing at the current epoch is not asked again until then.
     */
    private final int[] pickEpoch;
    private final boolean[] sawEndGame;
    private final int[][] conns;
    /** Parallel to conns: the neighbour, and the directions out of and into the peer, per connection slot. */
    private final int[][] nbr;
    /** Parallel to conns: the neighbour's row offset in {@link #rows} (fixed while both are online). */
    private final int[][] nbrRow;
    private final int[][] outDir;
    private final int[][] inDir;
    private final int[] connCount;
    private final long[] lastAnnounce;
    private final long[] announceHandle;
    private final long[] rechokeHandle;
    private final long[] rechokeRound;
    private final boolean[] interestRechokePending;
    private final long[] seedHandle;
    private final long[] departHandle;
    private final RandomGenerator[] pickRng;
    private final RandomGenerator[] chokeRng;
    private final RandomGenerator[] trackerRng;
    private final ChokingPolicy[] choker;
    private final PiecePicker[] picker;
    private final SeedingBehaviour[] seeding;
    private final int[][] bannedPeer;
    private final long[][] bannedUntil;
    private final int[] stamp;
    private int stampNow;

    /** Per uploader, the directions it has unchoked; per downloader, the directions unchoking it. */
    private final DirSets serving;
    private final DirSets served;

    private final int[] onlineList;
    private final int[] onlinePos;
    private int onlineCount;
    private int seedsOnline;
    private int leechersOnline;
    private final int[] copies;

    // ---- connections: id c, directions 2c (A uploads to B) and 2c+1 (B uploads to A) ----
    private int[] connA = new int[64];
    private int[] connB = new int[64];
    private int[] freeConn = new int[64];
    private int freeConnTop;
    private int connUsed;
    private boolean[] dirUnchoked = new boolean[128];
    private boolean[] dirOptimistic = new boolean[128];
    private boolean[] dirStalled = new boolean[128];
    private int[] dirFlow = new int[128];
    private int[] dirPiece = new int[128];
    private long[] dirStartBytes = new long[128];
    private long[] dirTransferBytes = new long[128];
    private long[] dirAccounted = new long[128];
    /**
     * Byte counters of each direction for the choker's rate windows, eight longs per direction so that a rechoke
     * reads one cache line per direction: bytes so far, and their value at the uploader's ({@code UP}) and at the
     * downloader's ({@code DOWN}) last two rounds.
     */
    private long[] dirRates = new long[128 << 3];
    private static final int R_CUM = 0;
    private static final int R_UP1 = 1;
    private static final int R_UP2 = 2;
    private static final int R_DOWN1 = 3;
    private static final int R_DOWN2 = 4;
    private long[] dirLastUnchoke = new long[128];
    private long[] dirLastChoke = new long[128];
    private int[] flowDir = new int[256];
    private int[] dirMark = new int[128];
    private int[] dirIdleEpoch = new int[128];
    private int markStamp;

    // ---- arrivals and actions ----
    private final long[] arrivalTimes;
    private final int firstArrivalId;
    private int arrivalsDone;
    private final int[] actionFirstPeer;
    private int pendingPeerActions;

    // ---- totals and metrics ----
    private long totalUp;
    private long totalDown;
    private long totalDup;
    private long badBytes;
    private long pieceTransfers;
    private long overheadBytes;
    private long deathAt = -1;
    private boolean invariantsOk = true;
    private final List<String> invariantFailures = new ArrayList<>();
    private final TimeSeries series;
    private final PieceCopyDistribution pieceCopies = new PieceCopyDistribution();
    private final int extColumns;
    private final ProgressListener progress;
    private final long progressEvery;
    /** Simulated time at which the progress listener is told next. */
    private long nextProgressAt;

    private final View view = new View();
    private final Pick pick = new Pick();
    /**
     * Sum of the values loaded only to bring cache lines in ahead of a loop (pick, rechoke): kept so that the compiler
     * does not drop the loads; never read.
     */
    private long warmed;
    private final Ctx seedCtx = new Ctx();

    SwarmEngine(SwarmConfig cfg, Simulator sim, FlowNetwork net, ProtocolTrace trace, ProgressListener progress,
                long progressEvery, boolean deepChecks) {
        this.cfg = cfg;
        this.sim = sim;
        this.net = net;
        this.trace = trace;
        this.progress = progress;
        this.progressEvery = progressEvery;
        this.deepChecks = deepChecks;
        this.streams = new RandomStreams(cfg.seed(), cfg.replication());
        this.proto = cfg.protocol();
        this.pieces = cfg.file().pieces();
        this.words = (pieces + 63) >>> 6;
        this.regularSlots = Math.max(0, proto.unchokeSlots() - 1);
        this.optimisticEvery = proto.optimisticEvery();
        net.setListener(this);

        kArrival = sim.registerKind("arrival", (t, a) -> arrive(t, false, -1, -1));
        kRechoke = sim.registerKind("rechoke", (t, a) -> rechoke(t));
        kSeedDecision = sim.registerKind("seeding-decision", (t, a) -> seedingDecision(t));
        kDepart = sim.registerKind("departure", (t, a) -> depart(t));
        kSample = sim.registerKind("sample", (t, a) -> sample());
        kAction = sim.registerKind("action", (t, a) -> action(t));
        kAnnounce = sim.registerKind("announce", (t, a) -> announce(t));
        kInterestRechoke = sim.registerKind("interest-rechoke", (t, a) -> interestRechoke(t));

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
        seed = new boolean[total];
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

        List<String> cols = new ArrayList<>(Arrays.asList(BASE_COLUMNS));
        ext = new SwarmExtension[cfg.extensions().size()];
        int ec = 0;
        for (int i = 0; i < ext.length; i++) {
            ext[i] = cfg.extensions().get(i).create(this);
            String[] c = ext[i].sampleColumns();
            cols.addAll(Arrays.asList(c));
            ec += c.length;
        }
        extColumns = ec;
        series = new TimeSeries(cols);
    }

    // =====================================================================================================
    // run
    // =====================================================================================================

    RunResult run() {
        long wall0 = System.nanoTime();
        int id = 0;
        for (InitialSeeds s : cfg.initialSeeds()) {
            int cls = cfg.peerClassIndex(s.peerClass());
            int cli = cfg.clientIndex(s.client());
            for (int i = 0; i < s.count(); i++) {
                int p = id++;
                join(p, cls, cli, true, true);
                if (s.leaveAtMicros() != Long.MAX_VALUE) {
                    departHandle[p] = sim.scheduleAt(s.leaveAtMicros(), kDepart, p, 0);
                } else {
                    completedAt[p] = 0;
                    seedHandle[p] = sim.scheduleAt(0, kSeedDecision, p, 0);
                }
            }
        }
        for (int i = 0; i < arrivalTimes.length; i++) {
            sim.scheduleAt(arrivalTimes[i], kArrival, firstArrivalId + i, 0);
        }
        for (int i = 0; i < cfg.actions().size(); i++) {
            TimedAction a = cfg.actions().get(i);
            if (a.atMicros() <= cfg.durationMicros()) {
                sim.scheduleAt(a.atMicros(), kAction, i, 0);
            }
        }
        sim.scheduleAt(0, kSample, 0, 0);
        if (progress != null && progressEvery > 0) {
            // observed after each event, never scheduled: a progress display must not change the run
            sim.addEventEndHook(this::reportProgress);
        }
        checkDeath();
        long end = cfg.durationMicros();
        sim.runWhile(() -> !(cfg.stopWhenAllComplete() && allDone()), end);
        long stopAt = sim.now();
        for (int d = 0; d < 2 * connUsed; d++) {
            if (dirFlow[d] >= 0) {
                settle(d);
            }
        }
        if (series.size() == 0 || series.get(series.size() - 1, 0) * 1e6 < stopAt) {
            sample();
        }
        boolean extOk = true;
        for (SwarmExtension e : ext) {
            extOk &= e.finish();
        }
        checkFinalInvariants();
        if (!extOk) {
            fail("an extension reported a broken invariant");
        }
        if (progress != null) {
            reportLeechersDone();
            progress.progress(stopAt, end, onlineCount, sim.eventsProcessed());
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        return new RunResult(cfg, summary(stopAt), records(), series, pieceCopies, wall);
    }

    private boolean allDone() {
        return arrivalsDone == arrivalTimes.length && pendingPeerActions == 0 && leechersOnline == 0;
    }

    private void fail(String why) {
        invariantsOk = false;
        if (invariantFailures.size() < 20) {
            invariantFailures.add("t=" + sim.now() + "us: " + why);
        }
    }

    // =====================================================================================================
    // arrivals, departures, timed actions
    // =====================================================================================================

    private void arrive(int p, boolean asSeed, int cls, int cli) {
        if (p >= firstArrivalId && p < firstArrivalId + arrivalTimes.length) {
            arrivalsDone++;
        }
        int c = cls >= 0 ? cls : drawIndex(streams.stream("class", p), cfg.peerClasses().size(), true);
        int k = cli >= 0 ? cli : drawIndex(streams.stream("client", p), cfg.clients().size(), false);
        join(p, c, k, asSeed, false);
        if (asSeed) {
            completedAt[p] = sim.now();
            seedHandle[p] = sim.scheduleAt(sim.now(), kSeedDecision, p, 0);
        }
        announce(p);
    }

    private int drawIndex(RandomGenerator rng, int n, boolean classes) {
        double u = rng.nextDouble();
        for (int i = 0; i < n; i++) {
            u -= classes ? cfg.peerClasses().get(i).share() : cfg.clients().get(i).share();
            if (u < 0) {
                return i;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            if ((classes ? cfg.peerClasses().get(i).share() : cfg.clients().get(i).share()) > 0) {
                return i;
            }
        }
        return n - 1;
    }

    private void join(int p, int cls, int cli, boolean asSeed, boolean initial) {
        peerCount = Math.max(peerCount, p + 1);
        peerClass[p] = cls;
        peerClient[p] = cli;
        PeerClass pc = cfg.peerClasses().get(cls);
        RandomGenerator bw = streams.stream("bandwidth", p);
        upCap[p] = Math.max(1, pc.uploadBytesPerSecond().sample(bw));
        downCap[p] = Math.max(1, pc.downloadBytesPerSecond().sample(bw));
        net.setCapacity(p, upCap[p], downCap[p]);
        arrivalAt[p] = sim.now();
        online[p] = true;
        initialSeed[p] = initial;
        have[p] = new long[words];
        conns[p] = new int[proto.maxConnections()];
        nbr[p] = new int[proto.maxConnections()];
        nbrRow[p] = new int[proto.maxConnections()];
        outDir[p] = new int[proto.maxConnections()];
        inDir[p] = new int[proto.maxConnections()];
        ClientSpec client = cfg.clients().get(cli);
        pickRng[p] = streams.stream("piece-picking", p);
        chokeRng[p] = streams.stream("choking", p);
        trackerRng[p] = streams.stream("peer-selection", p);
        choker[p] = client.choking().create(p);
        picker[p] = client.picking().create(p);
        seeding[p] = client.seeding().create(p, streams.stream("behaviour", p));
        onlinePos[p] = onlineCount;
        onlineList[onlineCount++] = p;
        rowOf[p] = rows.allocate();
        if (asSeed) {
            Arrays.fill(rows.cells(), rowOf[p], rowOf[p] + pieces, (byte) PieceRows.HAS);
            for (int w = 0; w < words; w++) {
                have[p][w] = -1L;
            }
            int tail = pieces & 63;
            if (tail != 0) {
                have[p][words - 1] = (1L << tail) - 1;
            }
            haveCount[p] = pieces;
            seed[p] = true;
            seedsOnline++;
            for (int i = 0; i < pieces; i++) {
                copies[i]++;
            }
        } else {
            leechersOnline++;
            downloading[p] = new long[words];
            started[p] = new long[words];
            partial[p] = new PartialPieces();
        }
        long offset = Math.floorMod(trackerRng[p].nextLong(), proto.rechokeMicros());
        rechokeHandle[p] = sim.scheduleIn(offset, kRechoke, p, 0);
        for (SwarmExtension e : ext) {
            e.onPeerJoined(p);
        }
        emit("arrive", p, asSeed ? 1 : 0, cls);
    }

    private void depart(int p) {
        departHandle[p] = -1;
        if (!online[p]) {
            return;
        }
        online[p] = false;
        departedAt[p] = sim.now();
        int last = onlineList[--onlineCount];
        onlineList[onlinePos[p]] = last;
        onlinePos[last] = onlinePos[p];
        if (seed[p]) {
            seedsOnline--;
        } else {
            leechersOnline--;
        }
        while (connCount[p] > 0) {
            disconnect(conns[p][connCount[p] - 1]);
        }
        long[] h = have[p];
        for (int w = 0; w < words; w++) {
            long x = h[w];
            while (x != 0) {
                copies[(w << 6) + Long.numberOfTrailingZeros(x)]--;
                x &= x - 1;
            }
        }
        cancel(rechokeHandle, p);
        cancel(announceHandle, p);
        cancel(seedHandle, p);
        rows.release(rowOf[p]);
        rowOf[p] = -1;
        partial[p] = null;
        downloading[p] = null;
        started[p] = null;
        for (SwarmExtension e : ext) {
            e.onPeerLeft(p);
        }
        emit("leave", p, seed[p] ? 1 : 0, 0);
        checkDeath();
    }

    private void cancel(long[] handles, int p) {
        if (handles[p] >= 0) {
            sim.cancel(handles[p]);
            handles[p] = -1;
        }
    }

    private void action(int index) {
        TimedAction a = cfg.actions().get(index);
        if (a instanceof TimedAction.RemoveSeeds rs) {
            int[] seeds = new int[seedsOnline];
            int n = 0;
            for (int i = 0; i < onlineCount; i++) {
                if (seed[onlineList[i]]) {
                    seeds[n++] = onlineList[i];
                }
            }
            Arrays.sort(seeds, 0, n);
            int k = rs.count() < 0 ? n : Math.min(n, rs.count());
            for (int i = 0; i < k; i++) {
                depart(seeds[i]);
            }
        } else if (a instanceof TimedAction.AddPeers ap) {
            pendingPeerActions--;
            int cls = ap.peerClass() == null ? -1 : cfg.peerClassIndex(ap.peerClass());
            int cli = ap.client() == null ? -1 : cfg.clientIndex(ap.client());
            for (int i = 0; i < ap.count(); i++) {
                arrive(actionFirstPeer[index] + i, ap.asSeeds(), cls, cli);
            }
        } else {
            for (SwarmExtension e : ext) {
                e.onAction(a);
            }
        }
    }

    // =====================================================================================================
    // tracker and connections
    // =====================================================================================================

    private void announce(int p) {
        announceHandle[p] = -1;
        if (!online[p]) {
            return;
        }
        lastAnnounce[p] = sim.now();
        int want = proto.trackerPeers();
        int others = onlineCount - 1;
        RandomGenerator rng = trackerRng[p];
        if (others <= 2 * want) {
            // few peers: take a random subset by a partial shuffle of the candidates' positions
            int[] pos = new int[others];
            int n = 0;
            for (int i = 0; i < onlineCount; i++) {
                if (onlineList[i] != p) {
                    pos[n++] = onlineList[i];
                }
            }
            Arrays.sort(pos);
            int take = Math.min(want, n);
            for (int i = 0; i < take; i++) {
                int j = i + rng.nextInt(n - i);
                int t = pos[i];
                pos[i] = pos[j];
                pos[j] = t;
                tryConnect(p, pos[i]);
            }
        } else {
            stampNow++;
            stamp[p] = stampNow;
            int got = 0;
            while (got < want) {
                int q = onlineList[rng.nextInt(onlineCount)];
                if (stamp[q] == stampNow) {
                    continue;
                }
                stamp[q] = stampNow;
                got++;
                tryConnect(p, q);
            }
        }
    }

    private void scheduleAnnounce(int p) {
        if (announceHandle[p] >= 0 || !online[p] || seed[p]) {
            return;
        }
        long at = Math.max(sim.now(), lastAnnounce[p] + proto.reannounceMicros());
        announceHandle[p] = sim.scheduleAt(at, kAnnounce, p, 0);
    }

    private boolean tryConnect(int a, int b) {
        if (a == b || !online[a] || !online[b] || (seed[a] && seed[b])) {
            return false;
        }
        int max = proto.maxConnections();
        if (connCount[a] >= max || connCount[b] >= max || connection(a, b) >= 0) {
            return false;
        }
        if (isBanned(a, b) || isBanned(b, a)) {
            return false;
        }
        connect(a, b);
        return true;
    }

    private int connection(int a, int b) {
        int[] l = conns[a];
        for (int i = 0; i < connCount[a]; i++) {
            int c = l[i];
            if (connA[c] == b || connB[c] == b) {
                return c;
            }
        }
        return -1;
    }

    private void connect(int a, int b) {
        int c = allocConn();
        connA[c] = a;
        connB[c] = b;
        addConn(a, b, c, 2 * c, 2 * c + 1);
        addConn(b, a, c, 2 * c + 1, 2 * c);
        for (int k = 0; k < 2; k++) {
            int d = 2 * c + k;
            dirUnchoked[d] = false;
            dirOptimistic[d] = false;
            dirStalled[d] = false;
            dirFlow[d] = -1;
            dirPiece[d] = -1;
            dirRates[(d << 3) + R_CUM] = 0;
            dirRates[(d << 3) + R_UP1] = 0;
            dirRates[(d << 3) + R_UP2] = 0;
            dirRates[(d << 3) + R_DOWN1] = 0;
            dirRates[(d << 3) + R_DOWN2] = 0;
            dirLastUnchoke[d] = -1;
            dirLastChoke[d] = -1;
            dirIdleEpoch[d] = -1;
        }
        addAvailability(b, a, 1);
        addAvailability(a, b, 1);
        for (SwarmExtension e : ext) {
            e.onConnected(a, b);
        }
        emit("connect", a, b, 0);
    }

    /** Whether {@code down} wants something from {@code up}: {@code up} holds a piece {@code down} lacks. */
    private boolean interested(int up, int down) {
        if (seed[down]) {
            return false;
        }
        if (seed[up]) {
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

    /**
     * Adds {@code delta} to {@code observer}'s availability of every piece {@code holder} has and {@code observer}
     * lacks (counts of pieces a peer holds are not kept: its picker never asks for them).
     */
    private void addAvailability(int observer, int holder, int delta) {
        if (seed[observer] || rowOf[observer] < 0) {
            return;
        }
        byte[] cells = rows.cells();
        int off = rowOf[observer];
        long[] h = have[holder];
        long[] mine = have[observer];
        for (int w = 0; w < words; w++) {
            long x = h[w] & ~mine[w];
            while (x != 0) {
                cells[off + (w << 6) + Long.numberOfTrailingZeros(x)] += delta;
                x &= x - 1;
            }
        }
    }

    private int allocConn() {
        if (freeConnTop > 0) {
            return freeConn[--freeConnTop];
        }
        if (connUsed == connA.length) {
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
        return connUsed++;
    }

    private void disconnect(int c) {
        int a = connA[c];
        int b = connB[c];
        if (dirUnchoked[2 * c] && online[a]) {
            requestInterestRechoke(a);
        }
        if (dirUnchoked[2 * c + 1] && online[b]) {
            requestInterestRechoke(b);
        }
        stopTransfer(2 * c);
        stopTransfer(2 * c + 1);
        setUnchoked(2 * c, false);
        setUnchoked(2 * c + 1, false);
        removeConn(a, c);
        removeConn(b, c);
        addAvailability(b, a, -1);
        addAvailability(a, b, -1);
        connA[c] = -1;
        connB[c] = -1;
        freeConn[freeConnTop++] = c;
        for (SwarmExtension e : ext) {
            e.onDisconnected(a, b);
        }
        emit("disconnect", a, b, 0);
        for (int x : new int[] {a, b}) {
            if (online[x]) {
                retryIdle(x);
                if (connCount[x] < proto.reannounceBelow()) {
                    scheduleAnnounce(x);
                }
            }
        }
    }

    private void addConn(int p, int q, int c, int out, int in) {
        int i = connCount[p]++;
        conns[p][i] = c;
        nbr[p][i] = q;
        nbrRow[p][i] = rowOf[q];
        outDir[p][i] = out;
        inDir[p][i] = in;
    }

    private void removeConn(int p, int c) {
        int[] l = conns[p];
        int n = connCount[p];
        for (int i = 0; i < n; i++) {
            if (l[i] == c) {
                l[i] = l[n - 1];
                nbr[p][i] = nbr[p][n - 1];
                nbrRow[p][i] = nbrRow[p][n - 1];
                outDir[p][i] = outDir[p][n - 1];
                inDir[p][i] = inDir[p][n - 1];
                connCount[p] = n - 1;
                return;
            }
        }
        throw new IllegalStateException("connection " + c + " not listed at peer " + p);
    }

    private int other(int c, int p) {
        return connA[c] == p ? connB[c] : connA[c];
    }

    /** Direction of connection c in which {@code uploader} sends. */
    private int dir(int c, int uploader) {
        return connA[c] == uploader ? 2 * c : 2 * c + 1;
    }

    private int uploaderOf(int d) {
        return (d & 1) == 0 ? connA[d >> 1] : connB[d >> 1];
    }

    private int downloaderOf(int d) {
        return (d & 1) == 0 ? connB[d >> 1] : connA[d >> 1];
    }

    private boolean isBanned(int p, int q) {
        int[] l = bannedPeer[p];
        if (l == null) {
            return false;
        }
        for (int i = 0; i < l.length; i++) {
            if (l[i] == q && bannedUntil[p][i] > sim.now()) {
                return true;
            }
        }
        return false;
    }

    // =====================================================================================================
    // transfers
    // =====================================================================================================

    private void credit(int d, long delta) {
        if (delta == 0) {
            return;
        }
        dirRates[(d << 3) + R_CUM] += delta;
        bytesUp[uploaderOf(d)] += delta;
        bytesDown[downloaderOf(d)] += delta;
        totalUp += delta;
        totalDown += delta;
    }

    private void settle(int d) {
        int f = dirFlow[d];
        if (f < 0) {
            return;
        }
        long del = inFlight(d, net.delivered(f));
        credit(d, del - dirAccounted[d]);
        dirAccounted[d] = del;
    }

    /** Starts a transfer in direction d if the uploader unchokes, the downloader wants something and may get it. */
    private void tryStart(int d) {
        if (dirFlow[d] >= 0 || !dirUnchoked[d]) {
            return;
        }
        int u = uploaderOf(d);
        int v = downloaderOf(d);
        if (seed[v] || !online[v] || !interested(u, v)) {
            return;
        }
        for (SwarmExtension e : ext) {
            if (!e.mayUpload(u, v)) {
                dirStalled[d] = true;
                return;
            }
        }
        dirStalled[d] = false;
        if (dirIdleEpoch[d] == pickEpoch[v]) {
            return;
        }
        int p = pickPiece(v, u, d);
        if (p < 0) {
            dirIdleEpoch[d] = pickEpoch[v];
            return;
        }
        long size = beginPiece(d, v, p);
        int f = net.open(u, v, size);
        dirFlow[d] = f;
        if (f >= flowDir.length) {
            flowDir = Arrays.copyOf(flowDir, Math.max(f + 1, flowDir.length * 2));
        }
        flowDir[f] = d;
    }

    private int pickPiece(int v, int u, int d) {
        pick.set(v, u, d);
        int p = picker[v].pick(pick);
        if (p >= 0 && (p >= pieces || hasPiece(v, p) || !hasPiece(u, p))) {
            throw new IllegalStateException("piece picker of peer " + v + " chose piece " + p
                    + " that peer " + u + " cannot give it");
        }
        return p;
    }

    /** Registers piece p as in flight to v in direction d; returns the bytes to transfer. */
    private long beginPiece(int d, int v, int p) {
        PartialPieces pp = partial[v];
        int e = pp.entry(p);
        if (pp.inflight(e) == 0) {
            distinctInflight[v]++;
            setBit(downloading[v], p);
            clearBit(started[v], p);
        } else if (!endGame(v)) {
            fail("peer " + v + " requested piece " + p + " twice outside end game");
        }
        pp.addInflight(e, 1);
        long start = pp.bytes(e);
        long size = cfg.file().pieceSize(p) - start;
        dirPiece[d] = p;
        dirStartBytes[d] = start;
        dirTransferBytes[d] = size;
        dirAccounted[d] = 0;
        return size;
    }

    /** Ends piece p's flight in direction d without completing it; keeps the bytes unless {@code wasted}. */
    private void endPiece(int d, int v, int p, long delivered, boolean wasted) {
        dirPiece[d] = -1;
        pickEpoch[v]++;
        PartialPieces pp = partial[v];
        if (pp == null) {
            return;
        }
        int e = pp.find(p);
        if (e < 0) {
            throw new IllegalStateException("piece " + p + " in flight to " + v + " has no entry");
        }
        pp.addInflight(e, -1);
        if (!wasted) {
            // only bytes beyond what is already stored are useful; the overlap (end game only) is duplicate
            long stored = pp.bytes(e);
            long b = dirStartBytes[d] + delivered;
            long useful = Math.max(0, b - stored);
            if (b > stored) {
                pp.setBytes(e, b);
            }
            addDuplicate(v, delivered - useful);
        }
        if (pp.inflight(e) == 0) {
            distinctInflight[v]--;
            clearBit(downloading[v], p);
            if (!pp.dropIfEmpty(e)) {
                setBit(started[v], p);
            }
        }
    }

    /**
     * Bytes of direction d's transfer that count as delivered before its completion event: a transfer is complete
     * only when that event fires, so one stopped at the same microsecond keeps its last byte to send (then resumed
     * as a one-byte transfer) rather than holding a whole piece that was never verified.
     */
    private long inFlight(int d, long delivered) {
        return dirPiece[d] >= 0 ? Math.min(delivered, dirTransferBytes[d] - 1) : delivered;
    }

    /** Stops the transfer in direction d (choke, disconnect): partial bytes stay with the downloader. */
    private void stopTransfer(int d) {
        int f = dirFlow[d];
        if (f < 0) {
            return;
        }
        long del = inFlight(d, net.close(f));
        credit(d, del - dirAccounted[d]);
        dirAccounted[d] = 0;
        dirFlow[d] = -1;
        int p = dirPiece[d];
        if (p >= 0) {
            endPiece(d, downloaderOf(d), p, del, false);
        }
    }

    @Override
    public void transferComplete(int f) {
        int d = flowDir[f];
        int u = uploaderOf(d);
        int v = downloaderOf(d);
        int p = dirPiece[d];
        credit(d, dirTransferBytes[d] - dirAccounted[d]);
        dirAccounted[d] = dirTransferBytes[d];
        long size = cfg.file().pieceSize(p);
        pieceTransfers++;
        boolean valid = !corrupt[u];
        PartialPieces pp = partial[v];
        dirPiece[d] = -1;
        if (!valid) {
            badBytes += size;
            pickEpoch[v]++;
            int e = pp.find(p);
            pp.addInflight(e, -1);
            pp.setBytes(e, 0);
            if (pp.inflight(e) == 0) {
                distinctInflight[v]--;
                clearBit(downloading[v], p);
                pp.remove(e);
            }
            emit("bad-piece", v, u, p);
            for (SwarmExtension x : ext) {
                x.onPieceReceived(v, u, p, size, false);
            }
        } else {
            // the winner still counts as in flight, so cancelling the others never empties the entry
            if (pp.inflight(pp.find(p)) > 1) {
                cancelDuplicates(v, p, d);
            }
            int e = pp.find(p);
            // bytes stored by other transfers of this piece after this one started were not needed
            addDuplicate(v, Math.max(0, pp.bytes(e) - dirStartBytes[d]));
            pp.remove(e);
            distinctInflight[v]--;
            clearBit(downloading[v], p);
            clearBit(started[v], p);
            gainPiece(v, p);
            emit("piece", v, u, p);
            for (SwarmExtension x : ext) {
                x.onPieceReceived(v, u, p, size, true);
            }
        }
        if (dirFlow[d] != f) {
            return;
        }
        continueFlow(d, f, u, v);
    }

    private void continueFlow(int d, int f, int u, int v) {
        boolean go = online[u] && online[v] && !seed[v] && dirUnchoked[d] && interested(u, v);
        if (go) {
            for (SwarmExtension e : ext) {
                if (!e.mayUpload(u, v)) {
                    dirStalled[d] = true;
                    go = false;
                    break;
                }
            }
        }
        int p = go ? pickPiece(v, u, d) : -1;
        if (p < 0) {
            dirAccounted[d] = 0;
            dirFlow[d] = -1;
            net.close(f);
            return;
        }
        long size = beginPiece(d, v, p);
        net.extend(f, size);
    }

    /** End game: piece p arrived in direction {@code winner}; the other transfers of p to v are cancelled. */
    private void cancelDuplicates(int v, int p, int winner) {
        int[] id = inDir[v];
        for (int i = 0; i < connCount[v]; i++) {
            int d = id[i];
            if (d != winner && dirPiece[d] == p && dirFlow[d] >= 0) {
                long del = inFlight(d, net.close(dirFlow[d]));
                credit(d, del - dirAccounted[d]);
                dirAccounted[d] = 0;
                dirFlow[d] = -1;
                addDuplicate(v, del);
                endPiece(d, v, p, del, true);
                emit("cancel", v, uploaderOf(d), p);
            }
        }
    }

    private void addDuplicate(int v, long bytes) {
        if (bytes > 0) {
            // only transfers requested in end game overlap (checked when they are requested, in beginPiece)
            dupBytes[v] += bytes;
            totalDup += bytes;
        }
    }

    private void gainPiece(int v, int p) {
        setBit(have[v], p);
        haveCount[v]++;
        copies[p]++;
        // The HAVE broadcast, the hottest loop of a run: it touches one byte of each neighbour's piece row only.
        // Interest is not counted per direction but tested where needed; only the few unchoked directions of v
        // are looked at for the consequences.
        int[] nr = nbrRow[v];
        byte[] cells = rows.cells();
        cells[rowOf[v] + p] |= (byte) PieceRows.HAS;
        for (int i = 0; i < connCount[v]; i++) {
            int c = nr[i] + p;
            byte b = cells[c];
            if (b >= 0) {
                cells[c] = (byte) (b + 1);
            }
        }
        // an uploader unchoking v that held p may now have nothing v wants
        // (the neighbours' piece bytes were just touched: testing them is cheaper than their bit sets)
        for (int i = 0; i < served.size(v); i++) {
            int w = served.other(v, i);
            if (cells[rowOf[w] + p] < 0 && !interested(w, v)) {
                requestInterestRechoke(w);
            }
        }
        // a peer v unchokes that lacked p may have an idle request pipe with work again
        int word = p >>> 6;
        long bit = 1L << p;
        for (int i = 0; i < serving.size(v); i++) {
            int d = serving.get(v, i);
            int w = serving.other(v, i);
            if (cells[rowOf[w] + p] >= 0 && dirFlow[d] < 0 && ((downloading[w][word] & bit) == 0 || endGame(w))) {
                dirIdleEpoch[d] = -1;
                tryStart(d);
            }
        }
        if (haveCount[v] == pieces) {
            complete(v);
        } else if (endGame(v)) {
            if (!sawEndGame[v]) {
                sawEndGame[v] = true;
                pickEpoch[v]++;
            }
            retryIdle(v);
        } else {
            sawEndGame[v] = false;
        }
    }

    /** Retries every unchoked, idle direction into v (a source may have become useful again). */
    private void retryIdle(int v) {
        if (seed[v] || !online[v]) {
            return;
        }
        for (int i = 0; i < served.size(v); i++) {
            int d = served.get(v, i);
            if (dirFlow[d] < 0) {
                tryStart(d);
            }
        }
    }

    private boolean endGame(int v) {
        return proto.endGame() && !seed[v] && haveCount[v] + distinctInflight[v] == pieces;
    }

    private void complete(int v) {
        completedAt[v] = sim.now();
        seed[v] = true;
        seedsOnline++;
        leechersOnline--;
        emit("complete", v, 0, 0);
        for (SwarmExtension e : ext) {
            e.onCompleted(v);
        }
        for (int i = connCount[v] - 1; i >= 0; i--) {
            if (i >= connCount[v]) {
                continue;
            }
            int c = conns[v][i];
            if (seed[other(c, v)]) {
                disconnect(c);
            }
        }
        if (online[v] && seedHandle[v] < 0) {
            seedHandle[v] = sim.scheduleAt(sim.now(), kSeedDecision, v, 0);
        }
    }

    private boolean hasPiece(int p, int piece) {
        return (have[p][piece >>> 6] & (1L << piece)) != 0;
    }

    private static void setBit(long[] b, int p) {
        b[p >>> 6] |= 1L << p;
    }

    private static void clearBit(long[] b, int p) {
        b[p >>> 6] &= ~(1L << p);
    }

    // =====================================================================================================
    // choking
    // =====================================================================================================

    private void rechoke(int p) {
        rechokeHandle[p] = sim.scheduleIn(proto.rechokeMicros(), kRechoke, p, 0);
        for (SwarmExtension e : ext) {
            e.beforeRechoke(p);
        }
        if (!online[p]) {
            return;
        }
        view.begin(p, true);
        choker[p].rechoke(view);
        view.apply();
        rechokeRound[p]++;
    }

    /**
     * As mainline BitTorrent does, an uploader re-runs its choker at once when an unchoked peer loses interest or
     * goes away, so the freed slot is not left idle until the next round; such a run neither counts as a round nor
     * rotates the optimistic unchoke nor moves the rate window.
     */
    private void requestInterestRechoke(int p) {
        if (!interestRechokePending[p]) {
            interestRechokePending[p] = true;
            sim.scheduleNow(kInterestRechoke, p, 0);
        }
    }

    private void interestRechoke(int p) {
        interestRechokePending[p] = false;
        if (!online[p]) {
            return;
        }
        view.begin(p, false);
        choker[p].rechoke(view);
        view.apply();
    }

    private void unchokeDir(int d, boolean optimistic, long price) {
        int u = uploaderOf(d);
        int v = downloaderOf(d);
        dirOptimistic[d] = optimistic;
        if (dirUnchoked[d]) {
            for (SwarmExtension e : ext) {
                e.onSlotRenewed(u, v, optimistic, price);
            }
            return;
        }
        setUnchoked(d, true);
        dirLastUnchoke[d] = sim.now();
        emit("unchoke", u, v, optimistic ? 1 : 0);
        for (SwarmExtension e : ext) {
            e.onUnchoked(u, v, optimistic, price);
        }
        tryStart(d);
    }

    private void setUnchoked(int d, boolean on) {
        if (dirUnchoked[d] == on) {
            return;
        }
        dirUnchoked[d] = on;
        if (on) {
            serving.add(uploaderOf(d), d, downloaderOf(d));
            served.add(downloaderOf(d), d, uploaderOf(d));
        } else {
            serving.remove(uploaderOf(d), d);
            served.remove(downloaderOf(d), d);
        }
    }

    private void chokeDir(int d) {
        if (!dirUnchoked[d]) {
            return;
        }
        int u = uploaderOf(d);
        int v = downloaderOf(d);
        setUnchoked(d, false);
        dirOptimistic[d] = false;
        dirLastChoke[d] = sim.now();
        stopTransfer(d);
        emit("choke", u, v, 0);
        for (SwarmExtension e : ext) {
            e.onChoked(u, v);
        }
        retryIdle(v);
    }

    /** The rechoke view of one peer, reused for every peer and round. */
    private final class View implements RechokeView {
        private int self;
        private int n;
        private int[] candDir = new int[128];
        private long[] recv = new long[128];
        private long[] sent = new long[128];
        private boolean[] chosen = new boolean[128];
        private long[] bids = new long[128];
        private long[] prices = new long[128];
        private int chosenCount;
        private int optimistic;

        private boolean periodic;

        void begin(int p, boolean roll) {
            self = p;
            periodic = roll;
            n = 0;
            chosenCount = 0;
            optimistic = -1;
            // only unchoked directions carry flows, so only they have bytes to settle
            for (int i = 0; i < serving.size(p); i++) {
                settle(serving.get(p, i));
            }
            for (int i = 0; i < served.size(p); i++) {
                settle(served.get(p, i));
            }
            int[] nb = nbr[p];
            int[] od = SwarmEngine.this.outDir[p];
            int[] id = SwarmEngine.this.inDir[p];
            // the loop below does too much per neighbour for its cache misses to overlap: load each line it will
            // need first (the neighbour's first piece word, both directions' rate lines)
            long sum = 0;
            for (int i = 0; i < connCount[p]; i++) {
                sum += have[nb[i]][0] + dirRates[od[i] << 3] + dirRates[id[i] << 3];
            }
            warmed += sum;
            for (int i = 0; i < connCount[p]; i++) {
                int q = nb[i];
                int out = od[i];
                int in = id[i];
                long s = dirRates[(out << 3) + R_CUM] - dirRates[(out << 3) + R_UP2];
                long r = dirRates[(in << 3) + R_CUM] - dirRates[(in << 3) + R_DOWN2];
                if (roll) {
                    dirRates[(out << 3) + R_UP2] = dirRates[(out << 3) + R_UP1];
                    dirRates[(out << 3) + R_UP1] = dirRates[(out << 3) + R_CUM];
                    dirRates[(in << 3) + R_DOWN2] = dirRates[(in << 3) + R_DOWN1];
                    dirRates[(in << 3) + R_DOWN1] = dirRates[(in << 3) + R_CUM];
                }
                if (!seed[q] && interested(p, q) && !isBanned(p, q)) {
                    candDir[n] = out;
                    recv[n] = r;
                    sent[n] = s;
                    chosen[n] = false;
                    long bid = 0;
                    for (SwarmExtension e : ext) {
                        bid += e.bidFor(p, q);
                    }
                    bids[n] = bid;
                    prices[n] = 0;
                    n++;
                }
            }
        }

        void apply() {
            markStamp++;
            for (int i = 0; i < n; i++) {
                if (chosen[i] || i == optimistic) {
                    dirMark[candDir[i]] = markStamp;
                }
            }
            // choke first so that freed bandwidth and slots are visible to the unchokes that follow
            int[] od = SwarmEngine.this.outDir[self];
            for (int i = connCount[self] - 1; i >= 0; i--) {
                if (i >= connCount[self]) {
                    continue;
                }
                int d = od[i];
                if (dirUnchoked[d] && dirMark[d] != markStamp) {
                    chokeDir(d);
                }
            }
            for (int i = 0; i < n; i++) {
                int d = candDir[i];
                if ((chosen[i] || i == optimistic) && connA[d >> 1] >= 0 && online[downloaderOf(d)]) {
                    unchokeDir(d, i == optimistic && !chosen[i], chosen[i] ? prices[i] : 0);
                }
            }
        }


        @Override
        public int self() {
            return self;
        }

        @Override
        public boolean isSeed() {
            return seed[self];
        }

        @Override
        public long now() {
            return sim.now();
        }

        @Override
        public long round() {
            return rechokeRound[self];
        }

        @Override
        public int regularSlots() {
            return regularSlots;
        }

        @Override
        public boolean optimisticRound() {
            return periodic && rechokeRound[self] % optimisticEvery == 0;
        }

        @Override
        public int candidates() {
            return n;
        }

        @Override
        public int peer(int i) {
            return downloaderOf(candDir[check(i)]);
        }

        @Override
        public long bytesReceivedFrom(int i) {
            return recv[check(i)];
        }

        @Override
        public long bytesSentTo(int i) {
            return sent[check(i)];
        }

        @Override
        public boolean isUnchoked(int i) {
            return dirUnchoked[candDir[check(i)]];
        }

        @Override
        public boolean isOptimistic(int i) {
            return dirOptimistic[candDir[check(i)]];
        }

        @Override
        public long lastChokedAt(int i) {
            return dirLastChoke[candDir[check(i)]];
        }

        @Override
        public long lastUnchokedAt(int i) {
            return dirLastUnchoke[candDir[check(i)]];
        }

        @Override
        public long bid(int i) {
            return bids[check(i)];
        }

        @Override
        public void setPrice(int i, long priceNanoPerKiB) {
            if (priceNanoPerKiB < 0) {
                throw new IllegalArgumentException("negative price " + priceNanoPerKiB);
            }
            prices[check(i)] = priceNanoPerKiB;
        }

        @Override
        public RandomGenerator rng() {
            return chokeRng[self];
        }

        @Override
        public void unchoke(int i) {
            check(i);
            if (!chosen[i] && chosenCount < regularSlots) {
                chosen[i] = true;
                chosenCount++;
            }
        }

        @Override
        public void unchokeOptimistic(int i) {
            optimistic = check(i);
        }

        private int check(int i) {
            if (i < 0 || i >= n) {
                throw new IndexOutOfBoundsException("candidate " + i + " of " + n);
            }
            return i;
        }
    }

    /** The piece-picking view, reused for every pick. */
    private final class Pick implements PickView {
        private int self;
        private int from;
        private int dir;

        private byte[] cells;
        private int row;

        void set(int v, int u, int d) {
            self = v;
            from = u;
            dir = d;
            cells = rows.cells();
            row = rowOf[v];
            // The scan reads this peer's row line by line with enough work between lines that the core waits for
            // each miss in turn; one load per line first lets the misses overlap.
            long sum = 0;
            for (int i = row, end = row + pieces; i < end; i += 64) {
                sum += cells[i];
            }
            warmed += sum;
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
            return pieces;
        }

        @Override
        public long[] have() {
            return have[self];
        }

        @Override
        public long[] neighbourHas() {
            return have[from];
        }

        @Override
        public long[] downloading() {
            return downloading[self];
        }

        @Override
        public long[] started() {
            return started[self];
        }

        @Override
        public int availability(int p) {
            return cells[row + p] & PieceRows.COUNT;
        }

        @Override
        public int piecesHave() {
            return haveCount[self];
        }

        @Override
        public boolean endGame() {
            return SwarmEngine.this.endGame(self);
        }

        @Override
        public boolean downloadingFromNeighbour(int p) {
            return dirPiece[dir] == p;
        }

        @Override
        public boolean mayDuplicate(int p) {
            if (dirPiece[dir] == p) {
                return false;
            }
            int e = partial[self].find(p);
            return e < 0 || partial[self].inflight(e) < MAX_INFLIGHT;
        }

        @Override
        public RandomGenerator rng() {
            return pickRng[self];
        }
    }

    // =====================================================================================================
    // seeding behaviour
    // =====================================================================================================

    private void seedingDecision(int p) {
        seedHandle[p] = -1;
        if (!online[p]) {
            return;
        }
        seedCtx.peer = p;
        SeedingBehaviour.Decision d = seeding[p].decide(seedCtx);
        if (d.afterMicros() == Long.MAX_VALUE) {
            return;
        }
        long at = sim.now() + d.afterMicros();
        if (at < sim.now()) {
            return;
        }
        if (d.leave()) {
            if (departHandle[p] >= 0) {
                sim.cancel(departHandle[p]);
            }
            departHandle[p] = sim.scheduleAt(at, kDepart, p, 0);
        } else {
            seedHandle[p] = sim.scheduleAt(at, kSeedDecision, p, 0);
        }
    }

    private final class Ctx implements SeedingBehaviour.SeedingContext {
        int peer;

        @Override
        public int peer() {
            return peer;
        }

        @Override
        public long now() {
            return sim.now();
        }

        @Override
        public long completedAt() {
            return completedAt[peer];
        }

        @Override
        public long bytesUploaded() {
            return bytesUp[peer];
        }

        @Override
        public long tokensEarned() {
            long t = 0;
            for (SwarmExtension e : ext) {
                t += e.tokensEarned(peer);
            }
            return t;
        }

        @Override
        public long tokensEarnedSince(long sinceMicros) {
            long t = 0;
            for (SwarmExtension e : ext) {
                t += e.tokensEarnedSince(peer, sinceMicros);
            }
            return t;
        }
    }

    // =====================================================================================================
    // metrics
    // =====================================================================================================

    private int minCopies() {
        int m = Integer.MAX_VALUE;
        for (int c : copies) {
            m = Math.min(m, c);
        }
        return m;
    }

    private void checkDeath() {
        if (deathAt < 0 && seedsOnline == 0 && (onlineCount == 0 || minCopies() == 0)) {
            deathAt = sim.now();
            emit("swarm-death", -1, -1, 0);
        }
    }

    private void sample() {
        long now = sim.now();
        if (now + cfg.sampleIntervalMicros() <= cfg.durationMicros()) {
            sim.scheduleIn(cfg.sampleIntervalMicros(), kSample, 0, 0);
        }
        int min = Integer.MAX_VALUE;
        long sum = 0;
        for (int c : copies) {
            min = Math.min(min, c);
            sum += c;
        }
        int above = 0;
        for (int c : copies) {
            if (c > min) {
                above++;
            }
        }
        double capSum = 0;
        for (int i = 0; i < onlineCount; i++) {
            capSum += upCap[onlineList[i]];
        }
        double[] row = new double[BASE_COLUMNS.length + extColumns];
        row[0] = now / 1e6;
        row[1] = leechersOnline;
        row[2] = seedsOnline;
        row[3] = min + (double) above / pieces;
        row[4] = min;
        row[5] = (double) sum / pieces;
        row[6] = capSum > 0 ? Math.min(1.0, net.totalRate() / capSum) : 0;
        int k = BASE_COLUMNS.length;
        for (SwarmExtension e : ext) {
            int len = e.sampleColumns().length;
            if (len > 0) {
                double[] out = new double[len];
                e.sample(now, out);
                System.arraycopy(out, 0, row, k, len);
                k += len;
            }
        }
        series.add(row);
        pieceCopies.record(now, copies);
        if (deepChecks) {
            deepCheck();
        }
    }

    /** Tells the progress listener once the clock reaches the next multiple of {@code progressEvery}. */
    private void reportProgress() {
        long now = sim.now();
        if (now >= nextProgressAt) {
            nextProgressAt = (now / progressEvery + 1) * progressEvery;
            reportLeechersDone();
            progress.progress(now, cfg.durationMicros(), onlineCount, sim.eventsProcessed());
        }
    }

    /** When the run stops at the last completion, how far it is: arrived leechers no longer downloading. */
    private void reportLeechersDone() {
        if (cfg.stopWhenAllComplete()) {
            progress.leechersDone(Math.max(0, arrivalsDone - leechersOnline), arrivalTimes.length);
        }
    }

    /** Recomputes every derived structure from scratch and records any mismatch as a broken invariant. */
    void deepCheck() {
        int[] cp = new int[pieces];
        for (int i = 0; i < onlineCount; i++) {
            int p = onlineList[i];
            int n = 0;
            for (int x = 0; x < pieces; x++) {
                if (hasPiece(p, x)) {
                    cp[x]++;
                    n++;
                }
            }
            if (n != haveCount[p]) {
                fail("peer " + p + " counts " + haveCount[p] + " pieces but holds " + n);
            }
            if (seed[p] != (n == pieces)) {
                fail("peer " + p + " seed flag disagrees with its pieces");
            }
            byte[] cells = rows.cells();
            for (int x = 0; x < pieces; x++) {
                if ((cells[rowOf[p] + x] < 0) != hasPiece(p, x)) {
                    fail("peer " + p + "'s piece row disagrees with its bit set at piece " + x);
                    break;
                }
            }
            if (!seed[p]) {
                int[] av = new int[pieces];
                for (int j = 0; j < connCount[p]; j++) {
                    int q = other(conns[p][j], p);
                    for (int x = 0; x < pieces; x++) {
                        if (hasPiece(q, x)) {
                            av[x]++;
                        }
                    }
                }
                for (int x = 0; x < pieces; x++) {
                    if (!hasPiece(p, x) && av[x] != (cells[rowOf[p] + x] & PieceRows.COUNT)) {
                        fail("availability of piece " + x + " at peer " + p + " is "
                                + (cells[rowOf[p] + x] & PieceRows.COUNT) + ", not " + av[x]);
                        break;
                    }
                }
                int inflight = 0;
                for (int j = 0; j < partial[p].size(); j++) {
                    if (partial[p].inflight(j) > 0) {
                        inflight++;
                    }
                }
                if (inflight != distinctInflight[p]) {
                    fail("peer " + p + " has " + inflight + " pieces in flight, counted " + distinctInflight[p]);
                }
            }
            for (int j = 0; j < connCount[p]; j++) {
                int c = conns[p][j];
                int q = other(c, p);
                int d = dir(c, p);
                if (dirUnchoked[d] != serving.contains(p, d) || dirUnchoked[d] != served.contains(q, d)) {
                    fail("unchoked sets disagree with direction " + p + "->" + q);
                }
                if (!online[q]) {
                    fail("peer " + p + " is connected to departed peer " + q);
                }
            }
        }
        if (!Arrays.equals(cp, copies)) {
            fail("global piece copy counts disagree with the peers' pieces");
        }
        if (totalUp != totalDown) {
            fail("bytes uploaded " + totalUp + " != bytes downloaded " + totalDown);
        }
    }

    private void checkFinalInvariants() {
        long up = 0;
        long down = 0;
        for (int p = 0; p < peerCount; p++) {
            up += bytesUp[p];
            down += bytesDown[p];
            if (completedAt[p] >= 0 && haveCount[p] != pieces) {
                fail("peer " + p + " completed without every piece");
            }
        }
        if (up != down || up != totalUp || down != totalDown) {
            fail("byte conservation: up " + up + ", down " + down);
        }
        if (deepChecks) {
            deepCheck();
        }
    }

    private RunSummary summary(long stopAt) {
        int completed = 0;
        double[] times = new double[peerCount];
        int n = 0;
        for (int p = 0; p < peerCount; p++) {
            if (arrivalAt[p] >= 0 && !initialSeed[p] && completedAt[p] >= 0 && completedAt[p] > arrivalAt[p]) {
                times[n++] = (completedAt[p] - arrivalAt[p]) / 1e6;
            }
        }
        completed = n;
        double p50 = Double.NaN;
        double p90 = Double.NaN;
        double mean = Double.NaN;
        if (n > 0) {
            double[] t = Arrays.copyOf(times, n);
            Arrays.sort(t);
            Percentile pc = new Percentile();
            pc.setData(t);
            p50 = pc.evaluate(50);
            p90 = pc.evaluate(90);
            double s = 0;
            for (double x : t) {
                s += x;
            }
            mean = s / n;
        }
        int arrived = 0;
        for (int p = 0; p < peerCount; p++) {
            if (arrivalAt[p] >= 0 && !initialSeed[p]) {
                arrived++;
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("badPieceBytes", badBytes);
        if (!invariantFailures.isEmpty()) {
            extra.put("invariantFailures", List.copyOf(invariantFailures));
        }
        for (SwarmExtension e : ext) {
            extra.putAll(e.summary());
        }
        return RunSummary.builder(cfg.name(), cfg.seed(), cfg.replication()).simulatedMicros(stopAt)
                .events(sim.eventsProcessed()).peers(arrived, completed).downloadSeconds(p50, p90, mean)
                .swarmDeathMicros(deathAt).bytes(totalUp, totalDown, totalDup).pieceTransfers(pieceTransfers)
                .overheadBytes(overheadBytes).invariantsOk(invariantsOk).extra(extra).build();
    }

    private List<PeerRecord> records() {
        List<PeerRecord> out = new ArrayList<>(peerCount);
        for (int p = 0; p < peerCount; p++) {
            if (arrivalAt[p] < 0) {
                continue;
            }
            long spent = 0;
            long earned = 0;
            long settled = 0;
            long messages = 0;
            for (SwarmExtension e : ext) {
                spent += e.tokensSpent(p);
                earned += e.tokensEarned(p);
                settled += e.tokensSettled(p);
                messages += e.messageBytes(p);
            }
            out.add(new PeerRecord(p, cfg.peerClasses().get(peerClass[p]).name(),
                    cfg.clients().get(peerClient[p]).name(), initialSeed[p], arrivalAt[p], completedAt[p],
                    departedAt[p], upCap[p], downCap[p], bytesUp[p], bytesDown[p], dupBytes[p], spent, earned,
                    settled, messages));
        }
        return out;
    }

    private void emit(String kind, int a, int b, long value) {
        if (trace != null && trace.wants(kind)) {
            trace.emit(sim.now(), kind, a, b, value);
        }
    }

    // =====================================================================================================
    // SwarmControl
    // =====================================================================================================

    @Override
    public Simulator simulator() {
        return sim;
    }

    @Override
    public RandomStreams streams() {
        return streams;
    }

    @Override
    public SwarmConfig config() {
        return cfg;
    }

    @Override
    public int peerCapacity() {
        return capacity;
    }

    @Override
    public int clientOf(int peer) {
        return peerClient[peer];
    }

    @Override
    public int peerClassOf(int peer) {
        return peerClass[peer];
    }

    @Override
    public boolean isSpeed(int peer) {
        return cfg.clients().get(peerClient[peer]).speed();
    }

    @Override
    public boolean isOnline(int peer) {
        return peer >= 0 && peer < capacity && online[peer];
    }

    @Override
    public boolean isSeed(int peer) {
        return seed[peer];
    }

    @Override
    public long remainingBytes(int peer) {
        if (seed[peer]) {
            return 0;
        }
        // every piece but the last is pieceBytes long: O(1) from the piece count (Speed asks at every piece)
        FileSpec f = cfg.file();
        int last = pieces - 1;
        long r = f.sizeBytes() - haveCount[peer] * f.pieceBytes();
        if ((have[peer][last >>> 6] & (1L << last)) != 0) {
            r += f.pieceBytes() - f.pieceSize(last);
        }
        return r;
    }

    @Override
    public boolean has(int peer, int piece) {
        return hasPiece(peer, piece);
    }

    @Override
    public boolean isInterested(int peer, int other) {
        int c = connection(peer, other);
        return c >= 0 && interested(other, peer);
    }

    @Override
    public int neighbours(int peer) {
        return connCount[peer];
    }

    @Override
    public int neighbour(int peer, int i) {
        return other(conns[peer][i], peer);
    }

    @Override
    public boolean isUnchoking(int provider, int requester) {
        int c = connection(provider, requester);
        return c >= 0 && dirUnchoked[dir(c, provider)];
    }

    @Override
    public void choke(int provider, int requester) {
        int c = connection(provider, requester);
        if (c >= 0) {
            chokeDir(dir(c, provider));
        }
    }

    @Override
    public void ban(int peer, int banned, long untilMicros) {
        int[] l = bannedPeer[peer];
        int n = l == null ? 0 : l.length;
        bannedPeer[peer] = l == null ? new int[1] : Arrays.copyOf(l, n + 1);
        bannedUntil[peer] = bannedUntil[peer] == null ? new long[1] : Arrays.copyOf(bannedUntil[peer], n + 1);
        bannedPeer[peer][n] = banned;
        bannedUntil[peer][n] = untilMicros;
        emit("ban", peer, banned, untilMicros);
        int c = connection(peer, banned);
        if (c >= 0) {
            disconnect(c);
        }
    }

    @Override
    public void setCorruptUploads(int peer, boolean value) {
        corrupt[peer] = value;
    }

    @Override
    public void retry(int provider, int requester) {
        int c = connection(provider, requester);
        if (c >= 0) {
            int d = dir(c, provider);
            if (dirStalled[d]) {
                tryStart(d);
            }
        }
    }

    @Override
    public void addOverheadBytes(int peer, long bytes) {
        overheadBytes += bytes;
    }

    @Override
    public void trace(String kind, int peer, int other, long value) {
        emit(kind, peer, other, value);
    }
}
