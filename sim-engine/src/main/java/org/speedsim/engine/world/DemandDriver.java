package org.speedsim.engine.world;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.speedsim.engine.kernel.Simulator;
import org.speedsim.engine.rng.RandomStreams;

/**
 * Drives a world's exogenous events on a simulator's clock: torrent releases and publisher departures, users'
 * alternating online and offline sessions, and each online user's requests (a Poisson process, each request choosing
 * a released torrent by current popularity and drawing a patience). Reports them to a {@link WorldEvents}.
 *
 * <p>Random numbers: the durations of a user's k-th session and of the offline period after it come from the
 * stream ({@code sessions}, key(user, k)); that session's request times and choices from ({@code requests},
 * key(user, k)) and its patiences from ({@code patience}, key(user, k)), where key(user, k) = k &lt;&lt; 32 | user.
 * So demand never depends on the order in which users come and go, on the clients, or on what happens in swarms:
 * a request for a torrent already in the user's {@link Library} consumes the same draws and is only not reported.
 *
 * <p>Memory: per user a few numbers (session count, end of session, next return); the request and patience
 * generators exist only while the user is online. Pending events: one per user, one per online user (its next
 * request), the next release and each released torrent's publisher departure. Allocation: three generators per
 * session; nothing per request.
 */
public final class DemandDriver {

    private final World world;
    private final RandomStreams streams;
    private final Simulator sim;
    private final WorldEvents listener;
    private final Catalogue catalogue;
    private final PopulationConfig users;
    private final double meanRequestGapMicros;

    private final int kRelease;
    private final int kPublisherLeaves;
    private final int kOnline;
    private final int kOffline;
    private final int kRequest;

    private final int[] sessions;
    private final long[] sessionEnd;
    private final long[] nextOnline;
    private final RandomGenerator[] requestRng;
    private final RandomGenerator[] patienceRng;
    private final boolean[] isOnline;
    private int released;
    private int online;
    private boolean started;
    private long requestsReported;
    private long requestsForHeld;
    private long requestsBeforeRelease;

    public DemandDriver(World world, RandomStreams streams, Simulator sim, WorldEvents listener) {
        this.world = Objects.requireNonNull(world, "world");
        this.streams = Objects.requireNonNull(streams, "streams");
        this.sim = Objects.requireNonNull(sim, "sim");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.catalogue = world.catalogue();
        this.users = world.population().config();
        this.meanRequestGapMicros = users.requestsPerSecond() > 0 ? 1e6 / users.requestsPerSecond() : 0;
        int n = world.population().size();
        sessions = new int[n];
        sessionEnd = new long[n];
        nextOnline = new long[n];
        requestRng = new RandomGenerator[n];
        patienceRng = new RandomGenerator[n];
        isOnline = new boolean[n];
        kRelease = sim.registerKind("world-release", (target, arg) -> release());
        kPublisherLeaves = sim.registerKind("world-publisher-leaves",
                (torrent, arg) -> listener.publisherLeft(sim.now(), torrent));
        kOnline = sim.registerKind("world-online", (user, arg) -> goOnline(user));
        kOffline = sim.registerKind("world-offline", (user, arg) -> goOffline(user));
        kRequest = sim.registerKind("world-request", (user, arg) -> request(user));
    }

    /** Schedules the first release and every user's first arrival. Call once, before the simulator runs past 0. */
    public void start() {
        if (started) {
            throw new IllegalStateException("the demand driver has already started");
        }
        started = true;
        if (catalogue.size() > 0) {
            sim.scheduleAt(Math.max(sim.now(), catalogue.releaseAt(0)), kRelease, 0, 0);
        }
        Population population = world.population();
        for (int user = 0; user < population.size(); user++) {
            sim.scheduleAt(Math.max(sim.now(), population.firstArrivalMicros(user)), kOnline, user, 0);
        }
    }

    /** Releases every torrent due by now (all initial torrents in one event, before any user event at time 0). */
    private void release() {
        long now = sim.now();
        while (released < catalogue.size() && catalogue.releaseAt(released) <= now) {
            int torrent = catalogue.byRelease(released++);
            long leaves = catalogue.torrent(torrent).publisherLeavesMicros();
            if (leaves != Long.MAX_VALUE) {
                sim.scheduleAt(Math.max(now, leaves), kPublisherLeaves, torrent, 0);
            }
            listener.torrentReleased(now, torrent);
        }
        if (released < catalogue.size()) {
            sim.scheduleAt(catalogue.releaseAt(released), kRelease, 0, 0);
        }
    }

    private void goOnline(int user) {
        long now = sim.now();
        int session = sessions[user]++;
        long key = sessionKey(user, session);
        RandomGenerator durations = streams.stream("sessions", key);
        long on = Catalogue.rounded(users.onlineMicros().sample(durations));
        sessionEnd[user] = plus(now, on);
        nextOnline[user] = users.returns()
                ? plus(sessionEnd[user], Catalogue.rounded(users.offlineMicros().sample(durations)))
                : Simulator.NEVER;
        online++;
        isOnline[user] = true;
        if (sessionEnd[user] != Simulator.NEVER) {
            sim.scheduleAt(sessionEnd[user], kOffline, user, 0);
        }
        if (meanRequestGapMicros > 0) {
            requestRng[user] = streams.stream("requests", key);
            patienceRng[user] = streams.stream("patience", key);
            scheduleNextRequest(user, now);
        }
        listener.userOnline(now, user, session == 0);
    }

    private void goOffline(int user) {
        requestRng[user] = null;
        patienceRng[user] = null;
        online--;
        isOnline[user] = false;
        long now = sim.now();
        if (nextOnline[user] != Simulator.NEVER) {
            sim.scheduleAt(nextOnline[user], kOnline, user, 0);
        }
        listener.userOffline(now, user);
    }

    private void request(int user) {
        long now = sim.now();
        double u = requestRng[user].nextDouble();
        long patience = Catalogue.rounded(users.patienceMicros().sample(patienceRng[user]));
        scheduleNextRequest(user, now);
        int torrent = catalogue.choose(u, released, now);
        if (torrent < 0) {
            requestsBeforeRelease++;
        } else if (world.library().contains(user, torrent)) {
            requestsForHeld++;
        } else {
            requestsReported++;
            listener.requested(now, user, torrent, patience);
        }
    }

    private void scheduleNextRequest(int user, long now) {
        long at = plus(now, Catalogue.rounded(-meanRequestGapMicros * Math.log1p(-requestRng[user].nextDouble())));
        if (at < sessionEnd[user]) {
            sim.scheduleAt(at, kRequest, user, 0);
        }
    }

    /** The entity of a user's k-th session in its session, request and patience streams. */
    static long sessionKey(int user, int session) {
        return (long) session << 32 | user;
    }

    private static long plus(long t, long d) {
        long s = t + d;
        return s < t ? Simulator.NEVER : s;
    }

    public boolean isOnline(int user) {
        return isOnline[user];
    }

    /** Random generators the driver holds for users (a check that offline users hold none). */
    int generatorsHeld() {
        int held = 0;
        for (int user = 0; user < requestRng.length; user++) {
            held += (requestRng[user] != null ? 1 : 0) + (patienceRng[user] != null ? 1 : 0);
        }
        return held;
    }

    public int onlineUsers() {
        return online;
    }

    /** Torrents released so far. */
    public int released() {
        return released;
    }

    /** Requests reported to the listener. */
    public long requestsReported() {
        return requestsReported;
    }

    /** Requests drawn for a torrent already in the user's library (not reported). */
    public long requestsForHeld() {
        return requestsForHeld;
    }

    /** Requests drawn while no torrent was released yet (not reported). */
    public long requestsBeforeRelease() {
        return requestsBeforeRelease;
    }
}
