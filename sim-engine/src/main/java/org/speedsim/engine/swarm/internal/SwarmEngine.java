package org.speedsim.engine.swarm.internal;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.speedsim.engine.kernel.Simulator;
import org.speedsim.engine.net.FlowNetwork;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.InitialSeeds;
import org.speedsim.engine.swarm.PeerClass;
import org.speedsim.engine.swarm.ProgressListener;
import org.speedsim.engine.swarm.ProtocolTrace;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.SeedingBehaviour;
import org.speedsim.engine.swarm.Swarm;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.engine.swarm.SwarmExtension;
import org.speedsim.engine.swarm.SwarmHost;
import org.speedsim.engine.swarm.TimedAction;

/**
 * The BitTorrent protocol state machine of one run, its hot core: arrivals and departures, tracker announces and
 * connections, piece exchange over flows of the {@link FlowNetwork} (transfer start, end and the piece gain that
 * broadcasts HAVE), and choking. Its state lives in the arrays of {@link SwarmState}; the cold parts are classes of
 * their own ({@link Sampler}, {@link RunRecords}, {@link DeathWatch}, {@link InvariantChecks},
 * {@link ExtensionControl}, {@link SeedingView}, {@link ProgressReporter}), as are the views its strategies see
 * ({@link RechokeRound}, {@link PickRequest}). Public only for {@link Swarm}, which is the way to run one.
 *
 * <p>Names: {@code peer} and {@code piece} are ids; {@code u} is the uploader and {@code v} the downloader of
 * direction {@code d} of connection {@code c}; {@code f} is a flow of the network.
 */
public final class SwarmEngine extends SwarmState implements FlowNetwork.TransferListener {

    private final int kArrival;
    private final int kRechoke;
    private final int kSeedDecision;
    private final int kDepart;
    private final int kSample;
    private final int kAction;
    private final int kAnnounce;
    private final int kInterestRechoke;

    private final InvariantChecks invariants;
    private final DeathWatch death;
    private final Sampler sampler;
    private final ProgressReporter progress;
    private final RechokeRound round;
    private final PickRequest pick;
    private final SeedingView seedingView;

    /** Set in a hosted swarm (see {@link #hosted}): told when availability changes. */
    private SwarmHost host;
    /** Pieces no online peer holds. */
    private int missingPieces;

    /**
     * @param progress      told every {@code progressEvery} of simulated time (null: nobody)
     * @param deepChecks    whether to recompute every derived structure at each sample and at the end
     */
    public SwarmEngine(SwarmConfig cfg, Simulator sim, FlowNetwork net, ProtocolTrace trace,
                       ProgressListener progress, long progressEvery, boolean deepChecks) {
        super(cfg, sim, net, trace);
        net.setListener(this);
        kArrival = sim.registerKind("arrival", (peer, a) -> arrive(peer, false, -1, -1));
        kRechoke = sim.registerKind("rechoke", (peer, a) -> rechoke(peer));
        kSeedDecision = sim.registerKind("seeding-decision", (peer, a) -> seedingDecision(peer));
        kDepart = sim.registerKind("departure", (peer, a) -> depart(peer));
        kSample = sim.registerKind("sample", (t, a) -> sample());
        kAction = sim.registerKind("action", (index, a) -> action(index));
        kAnnounce = sim.registerKind("announce", (peer, a) -> announce(peer));
        kInterestRechoke = sim.registerKind("interest-rechoke", (peer, a) -> interestRechoke(peer));

        ExtensionControl control = new ExtensionControl(this);
        ext = new SwarmExtension[cfg.extensions().size()];
        for (int i = 0; i < ext.length; i++) {
            ext[i] = cfg.extensions().get(i).create(control);
        }
        invariants = new InvariantChecks(this, deepChecks);
        death = new DeathWatch(this);
        sampler = new Sampler(this, kSample, invariants);
        this.progress = progress == null ? null : new ProgressReporter(this, progress, progressEvery);
        round = new RechokeRound(this);
        pick = new PickRequest(this);
        seedingView = new SeedingView(this);
        missingPieces = pieces;
    }

    // =====================================================================================================
    // hosted mode: one swarm among many in a world
    // =====================================================================================================

    /**
     * A swarm that shares {@code sim} and the network behind {@code net} with other swarms: it schedules nothing by
     * itself (no arrivals, initial seeds, actions or sampling; {@code cfg} should have none), its peers are added
     * and removed by the host ({@link #addPeer}, {@link #removePeer}), and its arrays grow as peers join.
     */
    public static SwarmEngine hosted(SwarmConfig cfg, Simulator sim, FlowNetwork net, SwarmHost host) {
        SwarmEngine engine = new SwarmEngine(cfg, sim, net, null, null, 0, false);
        engine.host = java.util.Objects.requireNonNull(host, "host");
        return engine;
    }

    /**
     * Adds a peer now, with the given class and client indices and link capacities (bytes per second), as a seed
     * (holding every piece; its client's seeding model then decides when it leaves) or as a leecher, and makes it
     * announce. Returns its id: peers are numbered in the order they join, from 0.
     */
    public int addPeer(int cls, int client, double uploadBytesPerSecond, double downloadBytesPerSecond,
                       boolean asSeed) {
        int peer = peerCount;
        if (peer == capacity) {
            growPeers(Math.max(8, capacity * 2));
        }
        join(peer, cls, client, asSeed, false, uploadBytesPerSecond, downloadBytesPerSecond);
        if (asSeed) {
            completedAt[peer] = sim.now();
            seedHandle[peer] = sim.scheduleAt(sim.now(), kSeedDecision, peer, 0);
        }
        announce(peer);
        return peer;
    }

    /** Takes a peer out now (its user went offline, gave up, or stops seeding); nothing if it already left. */
    public void removePeer(int peer) {
        if (departHandle[peer] >= 0) {
            sim.cancel(departHandle[peer]);
        }
        depart(peer);
    }

    /**
     * Accounts the bytes of every transfer in flight up to now (call once, when the host stops the run), so that
     * {@link #uploadedBytes} and {@link #downloadedBytes} include them.
     */
    public void settleAll() {
        for (int d = 0; d < 2 * connUsed; d++) {
            if (dirFlow[d] >= 0) {
                settle(d);
            }
        }
    }

    public boolean isOnline(int peer) {
        return online[peer];
    }

    public boolean isSeed(int peer) {
        return isSeed[peer];
    }

    public long uploadedBytes(int peer) {
        return bytesUp[peer];
    }

    /** Useful bytes received (duplicates excluded). */
    public long downloadedBytes(int peer) {
        return bytesDown[peer] - dupBytes[peer];
    }

    /** Peers that ever joined (ids 0 to this, exclusive). */
    public int peers() {
        return peerCount;
    }

    public int peersOnline() {
        return onlineCount;
    }

    public int seedsOnline() {
        return seedsOnline;
    }

    public int leechersOnline() {
        return leechersOnline;
    }

    /** Whether the peers online hold every piece between them. */
    public boolean available() {
        return missingPieces == 0;
    }

    public long pieceTransfers() {
        return pieceTransfers;
    }

    /** The run's extensions, in configuration order. */
    public SwarmExtension extension(int i) {
        return ext[i];
    }

    /**
     * Drops what a departed peer of a hosted swarm no longer needs (its connection slots, strategies and generators),
     * so that a long-lived swarm keeps a few numbers per departed peer; its piece set and counters stay for the host.
     */
    private void releasePeer(int peer) {
        conns[peer] = null;
        nbr[peer] = null;
        nbrRow[peer] = null;
        outDir[peer] = null;
        inDir[peer] = null;
        pickRng[peer] = null;
        chokeRng[peer] = null;
        trackerRng[peer] = null;
        choker[peer] = null;
        picker[peer] = null;
        seeding[peer] = null;
        serving.release(peer);
        served.release(peer);
    }

    private void copyGained(int piece) {
        if (copies[piece]++ == 0 && --missingPieces == 0 && host != null) {
            host.availabilityChanged(sim.now(), true);
        }
    }

    private void copyLost(int piece) {
        if (--copies[piece] == 0 && missingPieces++ == 0 && host != null) {
            host.availabilityChanged(sim.now(), false);
        }
    }

    // =====================================================================================================
    // run
    // =====================================================================================================

    public RunResult run() {
        long wall0 = System.nanoTime();
        int id = 0;
        for (InitialSeeds s : cfg.initialSeeds()) {
            int cls = cfg.peerClassIndex(s.peerClass());
            int cli = cfg.clientIndex(s.client());
            for (int i = 0; i < s.count(); i++) {
                int peer = id++;
                join(peer, cls, cli, true, true);
                if (s.leaveAtMicros() != Long.MAX_VALUE) {
                    departHandle[peer] = sim.scheduleAt(s.leaveAtMicros(), kDepart, peer, 0);
                } else {
                    completedAt[peer] = 0;
                    seedHandle[peer] = sim.scheduleAt(0, kSeedDecision, peer, 0);
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
        if (progress != null && progress.periodic()) {
            sim.addEventEndHook(progress::afterEvent);
        }
        death.check();
        long end = cfg.durationMicros();
        sim.runWhile(() -> !(cfg.stopWhenAllComplete() && allDone()), end);
        long stopAt = sim.now();
        for (int d = 0; d < 2 * connUsed; d++) {
            if (dirFlow[d] >= 0) {
                settle(d);
            }
        }
        sampler.sampleAtStop(stopAt);
        boolean extOk = true;
        for (SwarmExtension e : ext) {
            extOk &= e.finish();
        }
        invariants.atEnd();
        if (!extOk) {
            invariants.fail("an extension reported a broken invariant");
        }
        if (progress != null) {
            progress.report(stopAt);
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        RunRecords records = new RunRecords(this);
        return new RunResult(cfg, records.summary(stopAt, death.deathAt(), invariants), records.records(),
                sampler.series(), sampler.pieceCopies(), wall);
    }

    private void sample() {
        sampler.sample();
    }

    private boolean allDone() {
        return arrivalsDone == arrivalTimes.length && pendingPeerActions == 0 && leechersOnline == 0;
    }

    // =====================================================================================================
    // arrivals, departures, timed actions
    // =====================================================================================================

    private void arrive(int peer, boolean asSeed, int cls, int cli) {
        if (peer >= firstArrivalId && peer < firstArrivalId + arrivalTimes.length) {
            arrivalsDone++;
        }
        int c = cls >= 0 ? cls : drawIndex(streams.stream("class", peer), cfg.peerClasses().size(), true);
        int k = cli >= 0 ? cli : drawIndex(streams.stream("client", peer), cfg.clients().size(), false);
        join(peer, c, k, asSeed, false);
        if (asSeed) {
            completedAt[peer] = sim.now();
            seedHandle[peer] = sim.scheduleAt(sim.now(), kSeedDecision, peer, 0);
        }
        announce(peer);
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

    private void join(int peer, int cls, int cli, boolean asSeed, boolean initial) {
        join(peer, cls, cli, asSeed, initial, Double.NaN, Double.NaN);
    }

    /** Joins a peer; NaN capacities are drawn from its class with the stream (bandwidth, peer). */
    private void join(int peer, int cls, int cli, boolean asSeed, boolean initial, double up, double down) {
        peerCount = Math.max(peerCount, peer + 1);
        peerClass[peer] = cls;
        peerClient[peer] = cli;
        PeerClass pc = cfg.peerClasses().get(cls);
        if (Double.isNaN(up)) {
            RandomGenerator bw = streams.stream("bandwidth", peer);
            upCap[peer] = Math.max(1, pc.uploadBytesPerSecond().sample(bw));
            downCap[peer] = Math.max(1, pc.downloadBytesPerSecond().sample(bw));
        } else {
            upCap[peer] = up;
            downCap[peer] = down;
        }
        net.setCapacity(peer, upCap[peer], downCap[peer]);
        arrivalAt[peer] = sim.now();
        online[peer] = true;
        initialSeed[peer] = initial;
        have[peer] = new long[words];
        conns[peer] = new int[proto.maxConnections()];
        nbr[peer] = new int[proto.maxConnections()];
        nbrRow[peer] = new int[proto.maxConnections()];
        outDir[peer] = new int[proto.maxConnections()];
        inDir[peer] = new int[proto.maxConnections()];
        ClientSpec client = cfg.clients().get(cli);
        pickRng[peer] = streams.stream("piece-picking", peer);
        chokeRng[peer] = streams.stream("choking", peer);
        trackerRng[peer] = streams.stream("peer-selection", peer);
        choker[peer] = client.choking().create(peer);
        picker[peer] = client.picking().create(peer);
        seeding[peer] = client.seeding().create(peer, streams.stream("behaviour", peer));
        onlinePos[peer] = onlineCount;
        onlineList[onlineCount++] = peer;
        rowOf[peer] = rows.allocate();
        if (asSeed) {
            Arrays.fill(rows.cells(), rowOf[peer], rowOf[peer] + pieces, (byte) PieceRows.HAS);
            for (int w = 0; w < words; w++) {
                have[peer][w] = -1L;
            }
            int tail = pieces & 63;
            if (tail != 0) {
                have[peer][words - 1] = (1L << tail) - 1;
            }
            haveCount[peer] = pieces;
            isSeed[peer] = true;
            seedsOnline++;
            for (int i = 0; i < pieces; i++) {
                copyGained(i);
            }
        } else {
            leechersOnline++;
            downloading[peer] = new long[words];
            started[peer] = new long[words];
            partial[peer] = new PartialPieces();
        }
        long offset = Math.floorMod(trackerRng[peer].nextLong(), proto.rechokeMicros());
        rechokeHandle[peer] = sim.scheduleIn(offset, kRechoke, peer, 0);
        for (SwarmExtension e : ext) {
            e.onPeerJoined(peer);
        }
        emit("arrive", peer, asSeed ? 1 : 0, cls);
    }

    private void depart(int peer) {
        departHandle[peer] = -1;
        if (!online[peer]) {
            return;
        }
        online[peer] = false;
        departedAt[peer] = sim.now();
        int last = onlineList[--onlineCount];
        onlineList[onlinePos[peer]] = last;
        onlinePos[last] = onlinePos[peer];
        if (isSeed[peer]) {
            seedsOnline--;
        } else {
            leechersOnline--;
        }
        while (connCount[peer] > 0) {
            disconnect(conns[peer][connCount[peer] - 1]);
        }
        long[] h = have[peer];
        for (int w = 0; w < words; w++) {
            long x = h[w];
            while (x != 0) {
                copyLost((w << 6) + Long.numberOfTrailingZeros(x));
                x &= x - 1;
            }
        }
        cancel(rechokeHandle, peer);
        cancel(announceHandle, peer);
        cancel(seedHandle, peer);
        rows.release(rowOf[peer]);
        rowOf[peer] = -1;
        partial[peer] = null;
        downloading[peer] = null;
        started[peer] = null;
        if (host != null) {
            releasePeer(peer);
        }
        for (SwarmExtension e : ext) {
            e.onPeerLeft(peer);
        }
        emit("leave", peer, isSeed[peer] ? 1 : 0, 0);
        death.check();
    }

    private void cancel(long[] handles, int peer) {
        if (handles[peer] >= 0) {
            sim.cancel(handles[peer]);
            handles[peer] = -1;
        }
    }

    private void action(int index) {
        TimedAction a = cfg.actions().get(index);
        if (a instanceof TimedAction.RemoveSeeds rs) {
            int[] seeds = new int[seedsOnline];
            int n = 0;
            for (int i = 0; i < onlineCount; i++) {
                if (isSeed[onlineList[i]]) {
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

    private void announce(int peer) {
        announceHandle[peer] = -1;
        if (!online[peer]) {
            return;
        }
        lastAnnounce[peer] = sim.now();
        int want = proto.trackerPeers();
        int others = onlineCount - 1;
        RandomGenerator rng = trackerRng[peer];
        if (others <= 2 * want) {
            // few peers: take a random subset by a partial shuffle of the candidates' positions
            int[] pos = new int[others];
            int n = 0;
            for (int i = 0; i < onlineCount; i++) {
                if (onlineList[i] != peer) {
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
                tryConnect(peer, pos[i]);
            }
        } else {
            stampNow++;
            stamp[peer] = stampNow;
            int got = 0;
            while (got < want) {
                int candidate = onlineList[rng.nextInt(onlineCount)];
                if (stamp[candidate] == stampNow) {
                    continue;
                }
                stamp[candidate] = stampNow;
                got++;
                tryConnect(peer, candidate);
            }
        }
    }

    private void scheduleAnnounce(int peer) {
        if (announceHandle[peer] >= 0 || !online[peer] || isSeed[peer]) {
            return;
        }
        long at = Math.max(sim.now(), lastAnnounce[peer] + proto.reannounceMicros());
        announceHandle[peer] = sim.scheduleAt(at, kAnnounce, peer, 0);
    }

    private boolean tryConnect(int a, int b) {
        if (a == b || !online[a] || !online[b] || (isSeed[a] && isSeed[b])) {
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

    /**
     * Adds {@code delta} to {@code observer}'s availability of every piece {@code holder} has and {@code observer}
     * lacks (counts of pieces a peer holds are not kept: its picker never asks for them).
     */
    private void addAvailability(int observer, int holder, int delta) {
        if (isSeed[observer] || rowOf[observer] < 0) {
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
            growConnections();
        }
        return connUsed++;
    }

    void disconnect(int c) {
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

    private void addConn(int peer, int neighbour, int c, int out, int in) {
        int i = connCount[peer]++;
        conns[peer][i] = c;
        nbr[peer][i] = neighbour;
        nbrRow[peer][i] = rowOf[neighbour];
        outDir[peer][i] = out;
        inDir[peer][i] = in;
    }

    private void removeConn(int peer, int c) {
        int[] l = conns[peer];
        int n = connCount[peer];
        for (int i = 0; i < n; i++) {
            if (l[i] == c) {
                l[i] = l[n - 1];
                nbr[peer][i] = nbr[peer][n - 1];
                nbrRow[peer][i] = nbrRow[peer][n - 1];
                outDir[peer][i] = outDir[peer][n - 1];
                inDir[peer][i] = inDir[peer][n - 1];
                connCount[peer] = n - 1;
                return;
            }
        }
        throw new IllegalStateException("connection " + c + " not listed at peer " + peer);
    }

    boolean isBanned(int peer, int other) {
        int[] l = bannedPeer[peer];
        if (l == null) {
            return false;
        }
        for (int i = 0; i < l.length; i++) {
            if (l[i] == other && bannedUntil[peer][i] > sim.now()) {
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

    void settle(int d) {
        int f = dirFlow[d];
        if (f < 0) {
            return;
        }
        long del = inFlight(d, net.delivered(f));
        credit(d, del - dirAccounted[d]);
        dirAccounted[d] = del;
    }

    /** Starts a transfer in direction d if the uploader unchokes, the downloader wants something and may get it. */
    void tryStart(int d) {
        if (dirFlow[d] >= 0 || !dirUnchoked[d]) {
            return;
        }
        int u = uploaderOf(d);
        int v = downloaderOf(d);
        if (isSeed[v] || !online[v] || !interested(u, v)) {
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
        int piece = pickPiece(v, u, d);
        if (piece < 0) {
            dirIdleEpoch[d] = pickEpoch[v];
            return;
        }
        long size = beginPiece(d, v, piece);
        int f = net.open(u, v, size);
        dirFlow[d] = f;
        if (f >= flowDir.length) {
            flowDir = Arrays.copyOf(flowDir, Math.max(f + 1, flowDir.length * 2));
        }
        flowDir[f] = d;
    }

    private int pickPiece(int v, int u, int d) {
        pick.set(v, u, d);
        int piece = picker[v].pick(pick);
        if (piece >= 0 && (piece >= pieces || hasPiece(v, piece) || !hasPiece(u, piece))) {
            throw new IllegalStateException("piece picker of peer " + v + " chose piece " + piece
                    + " that peer " + u + " cannot give it");
        }
        return piece;
    }

    /** Registers {@code piece} as in flight to v in direction d; returns the bytes to transfer. */
    private long beginPiece(int d, int v, int piece) {
        PartialPieces partials = partial[v];
        int entry = partials.entry(piece);
        if (partials.inflight(entry) == 0) {
            distinctInflight[v]++;
            setBit(downloading[v], piece);
            clearBit(started[v], piece);
        } else if (!endGame(v)) {
            invariants.fail("peer " + v + " requested piece " + piece + " twice outside end game");
        }
        partials.addInflight(entry, 1);
        long start = partials.bytes(entry);
        long size = cfg.file().pieceSize(piece) - start;
        dirPiece[d] = piece;
        dirStartBytes[d] = start;
        dirTransferBytes[d] = size;
        dirAccounted[d] = 0;
        return size;
    }

    /** Ends {@code piece}'s flight in direction d without completing it; keeps the bytes unless {@code wasted}. */
    private void endPiece(int d, int v, int piece, long delivered, boolean wasted) {
        dirPiece[d] = -1;
        pickEpoch[v]++;
        PartialPieces partials = partial[v];
        if (partials == null) {
            return;
        }
        int entry = partials.find(piece);
        if (entry < 0) {
            throw new IllegalStateException("piece " + piece + " in flight to " + v + " has no entry");
        }
        partials.addInflight(entry, -1);
        if (!wasted) {
            // only bytes beyond what is already stored are useful; the overlap (end game only) is duplicate
            long stored = partials.bytes(entry);
            long b = dirStartBytes[d] + delivered;
            long useful = Math.max(0, b - stored);
            if (b > stored) {
                partials.setBytes(entry, b);
            }
            addDuplicate(v, delivered - useful);
        }
        if (partials.inflight(entry) == 0) {
            distinctInflight[v]--;
            clearBit(downloading[v], piece);
            if (!partials.dropIfEmpty(entry)) {
                setBit(started[v], piece);
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
        int piece = dirPiece[d];
        if (piece >= 0) {
            endPiece(d, downloaderOf(d), piece, del, false);
        }
    }

    @Override
    public void transferComplete(int f) {
        int d = flowDir[f];
        int u = uploaderOf(d);
        int v = downloaderOf(d);
        int piece = dirPiece[d];
        credit(d, dirTransferBytes[d] - dirAccounted[d]);
        dirAccounted[d] = dirTransferBytes[d];
        long size = cfg.file().pieceSize(piece);
        pieceTransfers++;
        boolean valid = !corrupt[u];
        PartialPieces partials = partial[v];
        dirPiece[d] = -1;
        if (!valid) {
            badBytes += size;
            pickEpoch[v]++;
            int entry = partials.find(piece);
            partials.addInflight(entry, -1);
            partials.setBytes(entry, 0);
            if (partials.inflight(entry) == 0) {
                distinctInflight[v]--;
                clearBit(downloading[v], piece);
                partials.remove(entry);
            }
            emit("bad-piece", v, u, piece);
            for (SwarmExtension e : ext) {
                e.onPieceReceived(v, u, piece, size, false);
            }
        } else {
            // the winner still counts as in flight, so cancelling the others never empties the entry
            if (partials.inflight(partials.find(piece)) > 1) {
                cancelDuplicates(v, piece, d);
            }
            int entry = partials.find(piece);
            // bytes stored by other transfers of this piece after this one started were not needed
            addDuplicate(v, Math.max(0, partials.bytes(entry) - dirStartBytes[d]));
            partials.remove(entry);
            distinctInflight[v]--;
            clearBit(downloading[v], piece);
            clearBit(started[v], piece);
            gainPiece(v, piece);
            emit("piece", v, u, piece);
            for (SwarmExtension e : ext) {
                e.onPieceReceived(v, u, piece, size, true);
            }
        }
        if (dirFlow[d] != f) {
            return;
        }
        continueFlow(d, f, u, v);
    }

    private void continueFlow(int d, int f, int u, int v) {
        boolean go = online[u] && online[v] && !isSeed[v] && dirUnchoked[d] && interested(u, v);
        if (go) {
            for (SwarmExtension e : ext) {
                if (!e.mayUpload(u, v)) {
                    dirStalled[d] = true;
                    go = false;
                    break;
                }
            }
        }
        int piece = go ? pickPiece(v, u, d) : -1;
        if (piece < 0) {
            dirAccounted[d] = 0;
            dirFlow[d] = -1;
            net.close(f);
            return;
        }
        long size = beginPiece(d, v, piece);
        net.extend(f, size);
    }

    /** End game: {@code piece} arrived in direction {@code winner}; its other transfers to v are cancelled. */
    private void cancelDuplicates(int v, int piece, int winner) {
        int[] id = inDir[v];
        for (int i = 0; i < connCount[v]; i++) {
            int d = id[i];
            if (d != winner && dirPiece[d] == piece && dirFlow[d] >= 0) {
                long del = inFlight(d, net.close(dirFlow[d]));
                credit(d, del - dirAccounted[d]);
                dirAccounted[d] = 0;
                dirFlow[d] = -1;
                addDuplicate(v, del);
                endPiece(d, v, piece, del, true);
                emit("cancel", v, uploaderOf(d), piece);
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

    private void gainPiece(int v, int piece) {
        setBit(have[v], piece);
        haveCount[v]++;
        copyGained(piece);
        // The HAVE broadcast, the hottest loop of a run: it touches one byte of each neighbour's piece row only.
        // Interest is not counted per direction but tested where needed; only the few unchoked directions of v
        // are looked at for the consequences.
        int[] nr = nbrRow[v];
        byte[] cells = rows.cells();
        cells[rowOf[v] + piece] |= (byte) PieceRows.HAS;
        for (int i = 0; i < connCount[v]; i++) {
            int c = nr[i] + piece;
            byte b = cells[c];
            if (b >= 0) {
                cells[c] = (byte) (b + 1);
            }
        }
        // an uploader unchoking v that held piece may now have nothing v wants
        // (the neighbours' piece bytes were just touched: testing them is cheaper than their bit sets)
        for (int i = 0; i < served.size(v); i++) {
            int w = served.other(v, i);
            if (cells[rowOf[w] + piece] < 0 && !interested(w, v)) {
                requestInterestRechoke(w);
            }
        }
        // a peer v unchokes that lacked piece may have an idle request pipe with work again
        int word = piece >>> 6;
        long bit = 1L << piece;
        for (int i = 0; i < serving.size(v); i++) {
            int d = serving.get(v, i);
            int w = serving.other(v, i);
            if (cells[rowOf[w] + piece] >= 0 && dirFlow[d] < 0 && ((downloading[w][word] & bit) == 0 || endGame(w))) {
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
        if (isSeed[v] || !online[v]) {
            return;
        }
        for (int i = 0; i < served.size(v); i++) {
            int d = served.get(v, i);
            if (dirFlow[d] < 0) {
                tryStart(d);
            }
        }
    }

    private void complete(int v) {
        completedAt[v] = sim.now();
        isSeed[v] = true;
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
            if (isSeed[other(c, v)]) {
                disconnect(c);
            }
        }
        if (online[v] && seedHandle[v] < 0) {
            seedHandle[v] = sim.scheduleAt(sim.now(), kSeedDecision, v, 0);
        }
    }

    private static void setBit(long[] b, int piece) {
        b[piece >>> 6] |= 1L << piece;
    }

    private static void clearBit(long[] b, int piece) {
        b[piece >>> 6] &= ~(1L << piece);
    }

    // =====================================================================================================
    // choking
    // =====================================================================================================

    private void rechoke(int peer) {
        rechokeHandle[peer] = sim.scheduleIn(proto.rechokeMicros(), kRechoke, peer, 0);
        for (SwarmExtension e : ext) {
            e.beforeRechoke(peer);
        }
        if (!online[peer]) {
            return;
        }
        round.begin(peer, true);
        choker[peer].rechoke(round);
        round.apply();
        rechokeRound[peer]++;
    }

    /**
     * As mainline BitTorrent does, an uploader re-runs its choker at once when an unchoked peer loses interest or
     * goes away, so the freed slot is not left idle until the next round; such a run neither counts as a round nor
     * rotates the optimistic unchoke nor moves the rate window.
     */
    private void requestInterestRechoke(int peer) {
        if (!interestRechokePending[peer]) {
            interestRechokePending[peer] = true;
            sim.scheduleNow(kInterestRechoke, peer, 0);
        }
    }

    private void interestRechoke(int peer) {
        interestRechokePending[peer] = false;
        if (!online[peer]) {
            return;
        }
        round.begin(peer, false);
        choker[peer].rechoke(round);
        round.apply();
    }

    void unchokeDir(int d, boolean optimistic, long price) {
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

    void chokeDir(int d) {
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

    // =====================================================================================================
    // seeding behaviour
    // =====================================================================================================

    private void seedingDecision(int peer) {
        seedHandle[peer] = -1;
        if (!online[peer]) {
            return;
        }
        SeedingBehaviour.Decision decision = seeding[peer].decide(seedingView.of(peer));
        if (decision.afterMicros() == Long.MAX_VALUE) {
            return;
        }
        long at = sim.now() + decision.afterMicros();
        if (at < sim.now()) {
            return;
        }
        if (decision.leave()) {
            if (departHandle[peer] >= 0) {
                sim.cancel(departHandle[peer]);
            }
            departHandle[peer] = sim.scheduleAt(at, kDepart, peer, 0);
        } else {
            seedHandle[peer] = sim.scheduleAt(at, kSeedDecision, peer, 0);
        }
    }
}
