package org.speedsim.engine.world.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.speedsim.engine.kernel.Simulator;
import org.speedsim.engine.rng.RandomStreams;
import org.speedsim.engine.speed.SpeedExtension;
import org.speedsim.engine.swarm.ArrivalProcess;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.FileSpec;
import org.speedsim.engine.swarm.PeerClass;
import org.speedsim.engine.swarm.SeedingBehaviour;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.engine.swarm.SwarmExtension;
import org.speedsim.engine.swarm.TimeSeries;
import org.speedsim.engine.swarm.internal.SwarmEngine;
import org.speedsim.engine.world.Catalogue;
import org.speedsim.engine.world.DemandDriver;
import org.speedsim.engine.world.LibrarySeeding;
import org.speedsim.engine.world.Population;
import org.speedsim.engine.world.RequestRecord;
import org.speedsim.engine.world.Torrent;
import org.speedsim.engine.world.World;
import org.speedsim.engine.world.WorldColumns;
import org.speedsim.engine.world.WorldEvents;
import org.speedsim.engine.world.WorldResult;
import org.speedsim.engine.world.WorldRunConfig;

/**
 * One run of a world (DESIGN.md section 10): many torrents' swarms and persistent users on one simulator, one max-min
 * network in which each user is one node, and one ledger on which each Speed user has one wallet. The
 * {@link DemandDriver} reports releases, sessions and requests; this class turns them into swarm membership:
 * <ul>
 *   <li>a request adds the user to the torrent's swarm as a leecher; it completes, is given up after a patience time
 *   without a verified piece, or is dropped when the user goes offline (offline users hold no swarm state);</li>
 *   <li>a completed torrent goes into the user's library and the user seeds it as its client's seeding model says;</li>
 *   <li>a user coming online seeds its library: a legacy user its most recently completed torrents, each for a time
 *   its seeding model draws; a Speed user what earns, reviewed periodically (see {@link LibrarySeeding}); a user
 *   seeds at most {@code maxAtOnce} torrents at once counting those it just completed;</li>
 *   <li>each torrent's publisher seeds from its release for its residence time.</li>
 * </ul>
 * A swarm exists while someone is online in it. Per-swarm random streams are keyed by (torrent, generation), the
 * world's by user and torrent ({@link World}); Speed wallets get their airdrop at the user's first arrival from a
 * treasury minted once at genesis.
 */
public final class WorldRun implements WorldEvents {

    private final WorldRunConfig cfg;
    private final Simulator sim = new Simulator();
    private final RandomStreams streams;
    private final World world;
    private final Catalogue catalogue;
    private final Population population;
    private final DemandDriver driver;
    private final SharedNetwork network;
    private final WorldBank bank;
    private final int users;
    private final int torrents;
    private final LibrarySeeding seeding;
    private final List<PeerClass> swarmClasses;
    private final List<ClientSpec> swarmClients;
    private final int publisherClass;
    private final int publisherClient;
    private final boolean[] speedClient;
    private final double[] publisherUp;
    private final double[] publisherDown;

    private final int kPatience;
    private final int kSample;
    private final int kReview;
    private final int kEndSwarm;

    // ---- torrents ----
    private final TorrentSwarm[] swarmOf;
    private final int[] generations;
    private final List<TorrentSwarm> live = new ArrayList<>();
    private final boolean[] available;
    private final long[] availableSince;
    private final long[] availableMicros;
    private final long[] firstUnavailable;
    private final long[] lastAvailable;
    private final boolean[] released;
    private final long[] torrentRequests;
    private final long[] torrentCompletions;
    private final long[] torrentUploaded;
    private int torrentsAvailable;

    // ---- users ----
    private final boolean[] online;
    private final long[] onlineSince;
    private final long[] onlineMicros;
    private final int[] sessions;
    private final long[] upBytes;
    private final long[] downBytes;
    private final long[] earned;
    private final long[] spent;
    private final long[] seedingMicros;
    private final int[] seedingNow;
    private final int[][] activeTorrent;
    private final int[][] activePeer;
    private final int[] activeCount;
    private final int[][] completionOrder;
    private final int[] completionCount;
    private final long[] reviewHandle;
    private final long[] lastReview;
    private final boolean[] arrived;
    private final Set<Long> seededPairs = new HashSet<>();

    // ---- requests ----
    private int requestCount;
    private int[] reqUser = new int[64];
    private int[] reqTorrent = new int[64];
    private long[] reqAt = new long[64];
    private long[] reqEnd = new long[64];
    private long[] reqBytes = new long[64];
    private long[] reqPatience = new long[64];
    private long[] reqProgress = new long[64];
    private byte[] reqOutcome = new byte[64];
    private TorrentSwarm[] reqSwarm = new TorrentSwarm[64];
    private int[] reqPeer = new int[64];
    private long requestsOpen;

    // ---- totals of ended swarms, and checks ----
    private long pieceTransfersEnded;
    private long chargedEnded;
    private long ledgerChecksEnded;
    private long pricedBytesEnded;
    private boolean paymentsConsistent = true;
    private long uplinkExceeded;
    private int peakSwarms;
    private int peakOnline;
    private long peakPeerSlots;
    private long peakPeersOnline;
    private long settledAtLastSample;
    private long airdroppedAtLastSample;
    private TimeSeries series;
    private boolean ran;
    private org.speedsim.engine.swarm.ProgressListener progress;
    private long progressEvery;
    private long nextProgress;

    public WorldRun(WorldRunConfig config) {
        this.cfg = Objects.requireNonNull(config, "config");
        if (!config.networkModel().equals("max-min")) {
            throw new IllegalArgumentException("unknown network model '" + config.networkModel() + "'; known: max-min");
        }
        streams = new RandomStreams(config.seed(), config.replication());
        world = World.generate(config.world(), streams);
        catalogue = world.catalogue();
        population = world.population();
        users = population.size();
        torrents = catalogue.size();
        seeding = config.seeding();
        network = new SharedNetwork(sim);

        swarmClasses = new ArrayList<>(config.world().population().classes());
        PeerClass pub = config.publisher();
        publisherClass = swarmClasses.size();
        swarmClasses.add(new PeerClass("publisher", 0, pub.uploadBytesPerSecond(), pub.downloadBytesPerSecond()));
        swarmClients = new ArrayList<>(config.clients());
        publisherClient = swarmClients.size();
        swarmClients.add(publisherClient(config.clients()));
        speedClient = new boolean[config.clients().size()];
        long genesis = 0;
        for (int k = 0; k < speedClient.length; k++) {
            speedClient[k] = config.clients().get(k).speed();
        }
        for (int user = 0; user < users; user++) {
            if (speedClient[population.client(user)]) {
                genesis = Math.addExact(genesis, population.airdropMicroBtt(user));
            }
        }
        bank = config.hasSpeed() ? new WorldBank(sim, config.speed(), streams, users, genesis) : null;
        if (bank != null && users > 0) {
            bank.ledger.ensureAccount(users - 1);
        }

        publisherUp = new double[torrents];
        publisherDown = new double[torrents];
        for (int t = 0; t < torrents; t++) {
            RandomGenerator bw = streams.stream("publisher-bandwidth", t);
            publisherUp[t] = Math.max(1, pub.uploadBytesPerSecond().sample(bw));
            publisherDown[t] = Math.max(1, pub.downloadBytesPerSecond().sample(bw));
        }
        for (int user = 0; user < users; user++) {
            network.net.setCapacity(user, population.uploadBytesPerSecond(user),
                    population.downloadBytesPerSecond(user));
        }
        for (int t = 0; t < torrents; t++) {
            network.net.setCapacity(users + t, publisherUp[t], publisherDown[t]);
        }

        swarmOf = new TorrentSwarm[torrents];
        generations = new int[torrents];
        available = new boolean[torrents];
        availableSince = new long[torrents];
        availableMicros = new long[torrents];
        firstUnavailable = filled(torrents);
        lastAvailable = filled(torrents);
        released = new boolean[torrents];
        torrentRequests = new long[torrents];
        torrentCompletions = new long[torrents];
        torrentUploaded = new long[torrents];

        online = new boolean[users];
        onlineSince = new long[users];
        onlineMicros = new long[users];
        sessions = new int[users];
        upBytes = new long[users];
        downBytes = new long[users];
        earned = new long[users];
        spent = new long[users];
        seedingMicros = new long[users];
        seedingNow = new int[users];
        activeTorrent = new int[users][];
        activePeer = new int[users][];
        activeCount = new int[users];
        completionOrder = new int[users][];
        completionCount = new int[users];
        reviewHandle = filled(users);
        lastReview = new long[users];
        arrived = new boolean[users];

        kPatience = sim.registerKind("world-patience", (request, a) -> patienceCheck(request));
        kSample = sim.registerKind("world-sample", (t, a) -> sample());
        kReview = sim.registerKind("world-library-review", (user, a) -> review(user, true));
        kEndSwarm = sim.registerKind("world-end-swarm", (torrent, generation) -> endSwarm(torrent, (int) generation));
        driver = new DemandDriver(world, streams, sim, this);
    }

    private static long[] filled(int n) {
        long[] a = new long[n];
        Arrays.fill(a, -1);
        return a;
    }

    /**
     * The publisher's client: the first legacy client's choking and picking (or the first client's, without Speed),
     * and a seeding model that stays: the world removes the publisher when its residence ends.
     */
    private static ClientSpec publisherClient(List<ClientSpec> clients) {
        ClientSpec base = clients.stream().filter(c -> !c.speed()).findFirst().orElse(clients.get(0));
        SeedingBehaviour.Factory stays = (peer, rng) -> context -> SeedingBehaviour.Decision.STAY;
        return new ClientSpec("publisher", 0, false, base.choking(), base.picking(), stays);
    }

    // =====================================================================================================
    // run
    // =====================================================================================================

    /**
     * Calls {@code listener} about every {@code everyMicros} of simulated time, after an event (never as an event of
     * its own, so observing changes nothing in the run), with the users online as the peer count.
     */
    public WorldRun progress(org.speedsim.engine.swarm.ProgressListener listener, long everyMicros) {
        this.progress = listener;
        this.progressEvery = Math.max(1, everyMicros);
        return this;
    }

    private void reportProgress() {
        long now = sim.now();
        if (now >= nextProgress) {
            progress.progress(now, cfg.world().horizonMicros(), driver.onlineUsers(), sim.eventsProcessed());
            nextProgress = now + progressEvery;
        }
    }

    /**
     * The most peer slots the live swarms held at a sample (every peer that joined a swarm still alive, online or
     * not) and the most peers online at a sample: what a world's swarm memory grows with (a diagnostic).
     */
    public long[] peakPeerSlotsAndOnline() {
        return new long[] {peakPeerSlots, peakPeersOnline};
    }

    /** Runs the world to its horizon; once. */
    public WorldResult run() {
        if (ran) {
            throw new IllegalStateException("a world run runs once");
        }
        ran = true;
        long wall0 = System.nanoTime();
        List<String> columns = WorldColumns.SERIES;
        series = new TimeSeries(columns);
        driver.start();
        sim.scheduleAt(0, kSample, 0, 0);
        if (progress != null) {
            sim.addEventEndHook(this::reportProgress);
        }
        long horizon = cfg.world().horizonMicros();
        sim.runUntil(horizon);
        long end = sim.now();
        if (series.size() == 0 || series.get(series.size() - 1, 0) * 1e6 < end) {
            sample();
        }
        if (progress != null) {
            progress.progress(end, cfg.world().horizonMicros(), driver.onlineUsers(), sim.eventsProcessed());
        }
        return new WorldRecords(this).build(end, (System.nanoTime() - wall0) / 1e9);
    }

    long now() {
        return sim.now();
    }

    Simulator simulator() {
        return sim;
    }

    SharedNetwork network() {
        return network;
    }

    WorldBank bank() {
        return bank;
    }

    World world() {
        return world;
    }

    WorldRunConfig config() {
        return cfg;
    }

    // =====================================================================================================
    // swarms
    // =====================================================================================================

    private TorrentSwarm swarmFor(int torrent) {
        TorrentSwarm s = swarmOf[torrent];
        if (s != null) {
            return s;
        }
        int generation = generations[torrent]++;
        s = new TorrentSwarm(this, torrent, generation, new SwarmLinks(network));
        Torrent t = catalogue.torrent(torrent);
        long swarmSeed = streams.stream("swarm", (long) generation << 32 | torrent).nextLong();
        List<SwarmExtension.Factory> extensions = new ArrayList<>();
        // Speed before the world's hook: when the last peer leaves, Speed's same-instant clean-up (closing the
        // channels the peer holds) is scheduled before the world ends the swarm and retires its event kinds
        if (bank != null) {
            extensions.add(SpeedExtension.factory(cfg.speed(), bank.walletsFor(s)));
        }
        extensions.add(s.hook());
        SwarmConfig swarm = SwarmConfig.builder("torrent-" + torrent)
                .seed(swarmSeed).replication(cfg.replication())
                .file(new FileSpec(t.sizeBytes(), t.pieceBytes()))
                .peerClasses(swarmClasses).clients(swarmClients)
                .arrivals(new ArrivalProcess.None())
                .protocol(cfg.protocol())
                .durationMicros(Math.max(1, cfg.world().horizonMicros()))
                .sampleIntervalMicros(cfg.sampleIntervalMicros())
                .extensions(extensions)
                .build();
        s.kindsFrom = sim.kindCount();
        s.engine = SwarmEngine.hosted(swarm, sim, s.links, s);
        s.kindsTo = sim.kindCount();
        if (bank != null) {
            s.speed = (SpeedExtension) s.engine.extension(0);
        }
        swarmOf[torrent] = s;
        live.add(s);
        peakSwarms = Math.max(peakSwarms, live.size());
        return s;
    }

    private void endSwarm(int torrent, int generation) {
        TorrentSwarm s = swarmOf[torrent];
        if (s == null || s.generation != generation || s.engine.peersOnline() > 0) {
            return;
        }
        collect(s, sim.now());
        for (int k = s.kindsFrom; k < s.kindsTo; k++) {
            sim.retireKind(k);
        }
        swarmOf[torrent] = null;
        live.remove(s);
    }

    /** Adds a swarm's totals to its users and torrent (when the swarm ends, or at the end of the run). */
    private void collect(TorrentSwarm s, long now) {
        SwarmEngine e = s.engine;
        for (int peer = 0; peer < e.peers(); peer++) {
            int user = s.userOf(peer);
            torrentUploaded[s.torrent] += e.uploadedBytes(peer);
            if (user >= 0) {
                upBytes[user] += e.uploadedBytes(peer);
                downBytes[user] += e.downloadedBytes(peer);
                if (s.speed != null) {
                    earned[user] += s.speed.tokensEarned(peer);
                    spent[user] += s.speed.tokensSpent(peer);
                }
            }
        }
        pieceTransfersEnded += e.pieceTransfers();
        if (s.speed != null) {
            ledgerChecksEnded += s.speed.ledgerChecks();
            chargedEnded += s.speed.chargedTotal();
            pricedBytesEnded += s.speed.pricedBytes();
            paymentsConsistent &= s.speed.paymentsConsistent();
        }
    }

    void availabilityChanged(TorrentSwarm s, long now, boolean isAvailable) {
        int t = s.torrent;
        if (isAvailable == available[t]) {
            return;
        }
        available[t] = isAvailable;
        if (isAvailable) {
            availableSince[t] = now;
            torrentsAvailable++;
        } else {
            availableMicros[t] += now - availableSince[t];
            lastAvailable[t] = now;
            torrentsAvailable--;
            if (firstUnavailable[t] < 0) {
                firstUnavailable[t] = now;
            }
        }
    }

    // =====================================================================================================
    // world events
    // =====================================================================================================

    @Override
    public void torrentReleased(long now, int torrent) {
        released[torrent] = true;
        TorrentSwarm s = swarmFor(torrent);
        s.publisherPeer = s.add(TorrentSwarm.PUBLISHER, users + torrent, publisherClass, publisherClient,
                publisherUp[torrent], publisherDown[torrent], true, -1);
    }

    @Override
    public void publisherLeft(long now, int torrent) {
        TorrentSwarm s = swarmOf[torrent];
        if (s != null && s.publisherPeer >= 0) {
            s.engine.removePeer(s.publisherPeer);
        }
    }

    @Override
    public void userOnline(long now, int user, boolean firstArrival) {
        online[user] = true;
        onlineSince[user] = now;
        sessions[user]++;
        peakOnline = Math.max(peakOnline, driver.onlineUsers());
        if (firstArrival) {
            arrived[user] = true;
            if (bank != null && speedClient[population.client(user)]) {
                bank.airdrop(user, population.airdropMicroBtt(user));
            }
        }
        if (speedClient[population.client(user)]) {
            lastReview[user] = now;
            review(user, false);
        } else {
            seedRecent(user);
        }
    }

    @Override
    public void userOffline(long now, int user) {
        if (reviewHandle[user] >= 0) {
            sim.cancel(reviewHandle[user]);
            reviewHandle[user] = -1;
        }
        while (activeCount[user] > 0) {
            int i = activeCount[user] - 1;
            TorrentSwarm s = swarmOf[activeTorrent[user][i]];
            int peer = activePeer[user][i];
            int request = s.requestOf(peer);
            if (request >= 0) {
                endRequest(request, RequestRecord.Outcome.WENT_OFFLINE, s.engine.downloadedBytes(peer));
                s.clearRequest(peer);
            }
            s.engine.removePeer(peer);
            if (activeCount[user] > i) {
                throw new IllegalStateException("user " + user + " is still in torrent " + activeTorrent[user][i]);
            }
        }
        online[user] = false;
        onlineMicros[user] += now - onlineSince[user];
    }

    @Override
    public void requested(long now, int user, int torrent, long patienceMicros) {
        if (findActive(user, torrent) >= 0) {
            return; // already downloading it: the demand driver's draw stands, nothing changes
        }
        int request = newRequest(user, torrent, now, patienceMicros);
        TorrentSwarm s = swarmFor(torrent);
        int peer = s.add(user, user, population.bandwidthClass(user), population.client(user),
                population.uploadBytesPerSecond(user), population.downloadBytesPerSecond(user), false, request);
        addActive(user, torrent, peer);
        reqSwarm[request] = s;
        reqPeer[request] = peer;
        torrentRequests[torrent]++;
        long at = now + patienceMicros;
        if (at >= now) {
            sim.scheduleAt(at, kPatience, request, 0);
        }
    }

    private int newRequest(int user, int torrent, long now, long patience) {
        int r = requestCount++;
        if (r == reqUser.length) {
            int n = r * 2;
            reqUser = Arrays.copyOf(reqUser, n);
            reqTorrent = Arrays.copyOf(reqTorrent, n);
            reqAt = Arrays.copyOf(reqAt, n);
            reqEnd = Arrays.copyOf(reqEnd, n);
            reqBytes = Arrays.copyOf(reqBytes, n);
            reqPatience = Arrays.copyOf(reqPatience, n);
            reqProgress = Arrays.copyOf(reqProgress, n);
            reqOutcome = Arrays.copyOf(reqOutcome, n);
            reqSwarm = Arrays.copyOf(reqSwarm, n);
            reqPeer = Arrays.copyOf(reqPeer, n);
        }
        reqUser[r] = user;
        reqTorrent[r] = torrent;
        reqAt[r] = now;
        reqEnd[r] = -1;
        reqPatience[r] = patience;
        reqProgress[r] = now;
        reqOutcome[r] = (byte) RequestRecord.Outcome.OPEN.ordinal();
        requestsOpen++;
        return r;
    }

    private boolean isOpen(int request) {
        return reqOutcome[request] == RequestRecord.Outcome.OPEN.ordinal() && reqEnd[request] < 0;
    }

    private void endRequest(int request, RequestRecord.Outcome outcome, long bytes) {
        reqOutcome[request] = (byte) outcome.ordinal();
        reqEnd[request] = sim.now();
        reqBytes[request] = bytes;
        reqSwarm[request] = null;
        requestsOpen--;
    }

    /** Gives up a request whose patience ran out since its last verified piece; otherwise waits for the rest. */
    private void patienceCheck(int request) {
        if (!isOpen(request)) {
            return;
        }
        long due = reqProgress[request] + reqPatience[request];
        if (due > sim.now()) {
            sim.scheduleAt(due, kPatience, request, 0);
            return;
        }
        TorrentSwarm s = reqSwarm[request];
        int peer = reqPeer[request];
        endRequest(request, RequestRecord.Outcome.GAVE_UP, s.engine.downloadedBytes(peer));
        s.clearRequest(peer);
        s.engine.removePeer(peer);
    }

    // =====================================================================================================
    // swarm callbacks
    // =====================================================================================================

    void progressed(TorrentSwarm s, int downloader) {
        int request = s.requestOf(downloader);
        if (request >= 0) {
            reqProgress[request] = sim.now();
        }
    }

    void completed(TorrentSwarm s, int peer) {
        int user = s.userOf(peer);
        if (user < 0) {
            return;
        }
        int request = s.requestOf(peer);
        if (request >= 0) {
            endRequest(request, RequestRecord.Outcome.COMPLETED, s.engine.downloadedBytes(peer));
            s.clearRequest(peer);
            torrentCompletions[s.torrent]++;
        }
        if (world.library().add(user, s.torrent)) {
            int[] order = completionOrder[user];
            int n = completionCount[user];
            if (order == null || n == order.length) {
                completionOrder[user] = order = order == null ? new int[4] : Arrays.copyOf(order, n * 2);
            }
            order[n] = s.torrent;
            completionCount[user] = n + 1;
        }
        startSeeding(s, peer, user);
    }

    private void startSeeding(TorrentSwarm s, int peer, int user) {
        s.startedSeeding(peer, sim.now());
        seedingNow[user]++;
        seededPairs.add((long) user << 32 | s.torrent);
    }

    void left(TorrentSwarm s, int peer) {
        int user = s.userOf(peer);
        if (peer == s.publisherPeer) {
            s.publisherPeer = -1;
        }
        if (user >= 0) {
            int request = s.requestOf(peer);
            if (request >= 0 && isOpen(request)) {
                endRequest(request, RequestRecord.Outcome.GAVE_UP, s.engine.downloadedBytes(peer));
                s.clearRequest(peer);
            }
            if (s.engine.isSeed(peer) && s.seedingSince(peer) >= 0) {
                seedingMicros[user] += sim.now() - s.seedingSince(peer);
                seedingNow[user]--;
            }
            removeActive(user, s.torrent);
        }
        if (s.engine.peersOnline() == 0) {
            sim.scheduleAt(sim.now(), kEndSwarm, s.torrent, s.generation);
        }
    }

    // =====================================================================================================
    // library seeding
    // =====================================================================================================

    private boolean seedLibrary(int user, int torrent) {
        if (findActive(user, torrent) >= 0) {
            return false;
        }
        TorrentSwarm s = swarmFor(torrent);
        int peer = s.add(user, user, population.bandwidthClass(user), population.client(user),
                population.uploadBytesPerSecond(user), population.downloadBytesPerSecond(user), true, -1);
        addActive(user, torrent, peer);
        startSeeding(s, peer, user);
        return true;
    }

    /** A legacy user coming online re-seeds its most recently completed torrents, up to the limit. */
    private void seedRecent(int user) {
        int[] order = completionOrder[user];
        for (int i = completionCount[user] - 1; i >= 0 && seedingNow[user] < seeding.maxAtOnce(); i--) {
            seedLibrary(user, order[i]);
        }
    }

    /**
     * A Speed user seeds what earns: it stops seeding a torrent that earned nothing since its last review and has no
     * leecher online, then fills its free places with the library torrents whose live swarms have the most leechers
     * per seed (ties to the lower torrent id). Torrents without a live swarm show no demand and are not seeded.
     */
    private void review(int user, boolean periodic) {
        reviewHandle[user] = -1;
        if (!online[user]) {
            return;
        }
        long since = lastReview[user];
        if (periodic) {
            for (int i = activeCount[user] - 1; i >= 0; i--) {
                TorrentSwarm s = swarmOf[activeTorrent[user][i]];
                int peer = activePeer[user][i];
                if (s.engine.isSeed(peer) && s.engine.leechersOnline() == 0
                        && (s.speed == null || s.speed.tokensEarnedSince(peer, since) == 0)) {
                    s.engine.removePeer(peer);
                }
            }
        }
        lastReview[user] = sim.now();
        int[] order = completionOrder[user];
        int n = completionCount[user];
        while (seedingNow[user] < seeding.maxAtOnce()) {
            int best = -1;
            double bestScore = 0;
            for (int i = 0; i < n; i++) {
                int t = order[i];
                TorrentSwarm s = swarmOf[t];
                if (s == null || s.engine.leechersOnline() == 0 || findActive(user, t) >= 0) {
                    continue;
                }
                double score = s.engine.leechersOnline() / (s.engine.seedsOnline() + 1.0);
                if (score > bestScore || (score == bestScore && best >= 0 && t < best)) {
                    best = t;
                    bestScore = score;
                }
            }
            if (best < 0) {
                break;
            }
            seedLibrary(user, best);
        }
        reviewHandle[user] = sim.scheduleIn(seeding.reviewMicros(), kReview, user, 0);
    }

    private int findActive(int user, int torrent) {
        int[] ts = activeTorrent[user];
        for (int i = 0; i < activeCount[user]; i++) {
            if (ts[i] == torrent) {
                return i;
            }
        }
        return -1;
    }

    private void addActive(int user, int torrent, int peer) {
        int n = activeCount[user];
        if (activeTorrent[user] == null) {
            activeTorrent[user] = new int[4];
            activePeer[user] = new int[4];
        } else if (n == activeTorrent[user].length) {
            activeTorrent[user] = Arrays.copyOf(activeTorrent[user], n * 2);
            activePeer[user] = Arrays.copyOf(activePeer[user], n * 2);
        }
        activeTorrent[user][n] = torrent;
        activePeer[user][n] = peer;
        activeCount[user] = n + 1;
    }

    private void removeActive(int user, int torrent) {
        int i = findActive(user, torrent);
        if (i < 0) {
            return;
        }
        int last = --activeCount[user];
        activeTorrent[user][i] = activeTorrent[user][last];
        activePeer[user][i] = activePeer[user][last];
        if (activeCount[user] == 0) {
            activeTorrent[user] = null;
            activePeer[user] = null;
        }
    }

    // =====================================================================================================
    // sampling
    // =====================================================================================================

    private void sample() {
        long now = sim.now();
        double[] row = new double[WorldColumns.SERIES.size()];
        int c = 0;
        row[c++] = now / 1e6;
        row[c++] = driver.onlineUsers();
        row[c++] = live.size();
        row[c++] = driver.released();
        row[c++] = torrentsAvailable;
        long leechers = 0;
        long seeds = 0;
        long charged = chargedEnded;
        long pricedBytes = pricedBytesEnded;
        long slots = 0;
        for (TorrentSwarm s : live) {
            slots += s.engine.peers();
            leechers += s.engine.leechersOnline();
            seeds += s.engine.seedsOnline();
            if (s.speed != null) {
                charged += s.speed.chargedTotal();
                pricedBytes += s.speed.pricedBytes();
            }
        }
        peakPeerSlots = Math.max(peakPeerSlots, slots);
        peakPeersOnline = Math.max(peakPeersOnline, leechers + seeds);
        row[c++] = leechers;
        row[c++] = seeds;
        row[c++] = requestsOpen;
        long[] balances = new long[users];
        int holders = 0;
        long held = 0;
        long unaffordable = 0;
        long speedOnline = 0;
        double pieceCost = pricedBytes == 0 ? 0
                : (double) charged / pricedBytes * cfg.world().catalogue().pieceBytes();
        if (bank != null) {
            for (int user = 0; user < users; user++) {
                if (arrived[user] && speedClient[population.client(user)]) {
                    long b = bank.ledger.balance(user);
                    balances[holders++] = b;
                    held += b;
                    if (online[user]) {
                        speedOnline++;
                        if (b < pieceCost) {
                            unaffordable++;
                        }
                    }
                }
            }
        }
        row[c++] = held;
        row[c++] = bank == null ? 0 : bank.ledger.escrowLocked();
        long settled = bank == null ? 0 : bank.ledger.paidToPayees();
        row[c++] = settled - settledAtLastSample;
        settledAtLastSample = settled;
        long airdropped = bank == null ? 0 : bank.airdropped();
        row[c++] = airdropped - airdroppedAtLastSample;
        airdroppedAtLastSample = airdropped;
        Arrays.sort(balances, 0, holders);
        row[c++] = holders == 0 ? Double.NaN : Lorenz.gini(balances, holders);
        row[c++] = speedOnline == 0 ? 0 : (double) unaffordable / speedOnline;
        int[] releasedIn = new int[WorldColumns.DECILES];
        int[] availableIn = new int[WorldColumns.DECILES];
        for (int t = 0; t < torrents; t++) {
            if (released[t]) {
                int d = WorldColumns.decile(catalogue.torrent(t).rank(), torrents) - 1;
                releasedIn[d]++;
                if (available[t]) {
                    availableIn[d]++;
                }
            }
        }
        for (int d = 0; d < WorldColumns.DECILES; d++) {
            row[c++] = releasedIn[d] == 0 ? Double.NaN : (double) availableIn[d] / releasedIn[d];
        }
        for (int p = 10; p <= 90; p += 10) {
            row[c++] = holders == 0 ? Double.NaN : Lorenz.share(balances, holders, held, p / 100.0);
        }
        series.add(row);
        checkUplinks();
        long next = now + cfg.sampleIntervalMicros();
        if (next <= cfg.world().horizonMicros()) {
            sim.scheduleAt(next, kSample, 0, 0);
        }
    }

    /** Counts users whose upload over all their swarms exceeds their one link (never, if the network is right). */
    private void checkUplinks() {
        for (int user = 0; user < users; user++) {
            if (online[user] && network.net.uploadRate(user)
                    > network.net.uploadCapacity(user) * (1 + 1e-9) + 1e-6) {
                uplinkExceeded++;
            }
        }
    }

    // =====================================================================================================
    // the end of the run (read by WorldRecords)
    // =====================================================================================================

    /** Closes the books at the end of the run: transfers in flight, live swarms, sessions, open requests. */
    void closeBooks(long end) {
        for (TorrentSwarm s : live) {
            s.engine.settleAll();
        }
        for (int r = 0; r < requestCount; r++) {
            if (isOpen(r)) {
                reqBytes[r] = reqSwarm[r].engine.downloadedBytes(reqPeer[r]);
            }
        }
        for (TorrentSwarm s : List.copyOf(live)) {
            for (int peer = 0; peer < s.engine.peers(); peer++) {
                int user = s.userOf(peer);
                if (user >= 0 && s.engine.isOnline(peer) && s.engine.isSeed(peer) && s.seedingSince(peer) >= 0) {
                    seedingMicros[user] += end - s.seedingSince(peer);
                }
            }
            collect(s, end);
        }
        for (int user = 0; user < users; user++) {
            if (online[user]) {
                onlineMicros[user] += end - onlineSince[user];
            }
        }
        for (int t = 0; t < torrents; t++) {
            if (available[t]) {
                availableMicros[t] += end - availableSince[t];
                lastAvailable[t] = end;
            }
        }
    }

    // package-private views for WorldRecords and tests
    Catalogue catalogue() {
        return catalogue;
    }

    Population population() {
        return population;
    }

    int requestCount() {
        return requestCount;
    }

    RequestRecord request(int r) {
        return new RequestRecord(reqUser[r], reqTorrent[r], reqAt[r], reqEnd[r],
                RequestRecord.Outcome.values()[reqOutcome[r]], reqBytes[r]);
    }

    boolean released(int t) {
        return released[t];
    }

    long availableMicros(int t) {
        return availableMicros[t];
    }

    long firstUnavailable(int t) {
        return firstUnavailable[t];
    }

    long lastAvailable(int t) {
        return lastAvailable[t];
    }

    boolean availableNow(int t) {
        return available[t];
    }

    long torrentRequests(int t) {
        return torrentRequests[t];
    }

    long torrentCompletions(int t) {
        return torrentCompletions[t];
    }

    long torrentUploaded(int t) {
        return torrentUploaded[t];
    }

    int swarmsCreated(int t) {
        return generations[t];
    }

    boolean isSpeedUser(int user) {
        return speedClient[population.client(user)];
    }

    boolean arrived(int user) {
        return arrived[user];
    }

    long onlineMicros(int user) {
        return onlineMicros[user];
    }

    int sessions(int user) {
        return sessions[user];
    }

    long uploaded(int user) {
        return upBytes[user];
    }

    long downloaded(int user) {
        return downBytes[user];
    }

    long earned(int user) {
        return earned[user];
    }

    long spent(int user) {
        return spent[user];
    }

    long seedingMicros(int user) {
        return seedingMicros[user];
    }

    int torrentsSeeded(int user) {
        int n = 0;
        for (int i = 0; i < completionCount[user]; i++) {
            if (seededPairs.contains((long) user << 32 | completionOrder[user][i])) {
                n++;
            }
        }
        return n;
    }

    /** Ledger invariant checks run by the swarms' Speed extensions and by the bank. */
    long ledgerChecks() {
        return ledgerChecksEnded + (bank == null ? 0 : bank.checks());
    }

    long pieceTransfers() {
        return pieceTransfersEnded;
    }

    boolean paymentsConsistent() {
        return paymentsConsistent;
    }

    long uplinkExceeded() {
        return uplinkExceeded;
    }

    int peakSwarms() {
        return peakSwarms;
    }

    int peakOnline() {
        return peakOnline;
    }

    boolean isOnline(int user) {
        return online[user];
    }

    /** Swarms the user has a peer online in now. */
    int activeSwarms(int user) {
        return activeCount[user];
    }

    TimeSeries series() {
        return series;
    }

    TorrentSwarm swarmOf(int torrent) {
        return swarmOf[torrent];
    }
}
