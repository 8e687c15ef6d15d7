package org.speedsim.engine.world;

import java.util.ArrayList;
import java.util.List;
import org.speedsim.engine.kernel.Simulator;
import org.speedsim.engine.rng.RandomStreams;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.PeerClass;

/** World configurations and an event recorder for the world tests. Times in microseconds. */
final class Worlds {

    static final long S = 1_000_000L;
    static final long HOUR = 3600 * S;
    static final long DAY = 24 * HOUR;

    private Worlds() {
    }

    static List<PeerClass> classes() {
        return List.of(new PeerClass("dsl", 0.7, new Distribution.Uniform(50e3, 150e3), new Distribution.Fixed(1e6)),
                new PeerClass("fibre", 0.3, new Distribution.Fixed(2e6), new Distribution.Fixed(10e6)));
    }

    static List<ClientShare> clients(double speedShare) {
        return List.of(new ClientShare("legacy", 1 - speedShare), new ClientShare("speed", speedShare));
    }

    /** A static catalogue of {@code n} torrents all released at the start, with Zipf exponent {@code s}. */
    static CatalogueConfig staticCatalogue(int n, double s, long tau) {
        return new CatalogueConfig(n, new Distribution.Fixed(0), 0, new Distribution.LogNormal(700e6, 1), 256 * 1024,
                s, tau, new Distribution.Exponential(2 * HOUR));
    }

    /** Users who come online at once and stay online for the whole run, requesting at {@code rate} per second. */
    static PopulationConfig alwaysOnline(int users, double rate) {
        return new PopulationConfig(users, classes(), clients(0.5), new Distribution.Fixed(0),
                new Distribution.Fixed(1e18), new Distribution.Fixed(0), rate,
                new Distribution.Exponential(30 * 60 * S), new Distribution.Uniform(1e6, 5e6));
    }

    /** A world with on/off sessions, releases and decay: every kind of event happens. */
    static WorldConfig busy(int users, double speedShare) {
        CatalogueConfig catalogue = new CatalogueConfig(50, new Distribution.Exponential(DAY), 20.0 / 86400,
                new Distribution.LogNormal(700e6, 1), 256 * 1024, 0.8, 2 * DAY, new Distribution.Exponential(6 * HOUR));
        PopulationConfig population = new PopulationConfig(users, classes(), clients(speedShare),
                new Distribution.Uniform(0, DAY), new Distribution.Exponential(3 * HOUR),
                new Distribution.LogNormal(12 * HOUR, 0.8), 4.0 / 3600,
                new Distribution.Exponential(HOUR), new Distribution.Uniform(1e6, 5e6));
        return new WorldConfig(catalogue, population, 7 * DAY);
    }

    /** Runs the world's driver to its horizon and returns what it reported. */
    static Recorder run(World world, RandomStreams streams) {
        Simulator sim = new Simulator();
        Recorder recorder = new Recorder();
        DemandDriver driver = new DemandDriver(world, streams, sim, recorder);
        recorder.driver = driver;
        driver.start();
        sim.runUntil(world.config().horizonMicros());
        return recorder;
    }

    /** Fails with the first differing event (not the whole lists) unless both event lists are equal. */
    static void assertSameEvents(List<String> expected, List<String> actual) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                throw new AssertionError("event " + i + " differs: expected [" + expected.get(i) + "] but was ["
                        + actual.get(i) + "]");
            }
        }
        if (expected.size() != actual.size()) {
            throw new AssertionError("expected " + expected.size() + " events but got " + actual.size());
        }
    }

    /** Every reported event as (kind, time, a, b, c), in the order reported. */
    static final class Recorder implements WorldEvents {
        static final int RELEASE = 0;
        static final int PUBLISHER = 1;
        static final int ONLINE = 2;
        static final int OFFLINE = 3;
        static final int REQUEST = 4;

        final List<long[]> events = new ArrayList<>();
        DemandDriver driver;

        @Override
        public void torrentReleased(long now, int torrent) {
            events.add(new long[] {RELEASE, now, torrent, 0, 0});
        }

        @Override
        public void publisherLeft(long now, int torrent) {
            events.add(new long[] {PUBLISHER, now, torrent, 0, 0});
        }

        @Override
        public void userOnline(long now, int user, boolean firstArrival) {
            events.add(new long[] {ONLINE, now, user, firstArrival ? 1 : 0, 0});
        }

        @Override
        public void userOffline(long now, int user) {
            events.add(new long[] {OFFLINE, now, user, 0, 0});
        }

        @Override
        public void requested(long now, int user, int torrent, long patienceMicros) {
            events.add(new long[] {REQUEST, now, user, torrent, patienceMicros});
        }

        List<long[]> of(int kind) {
            return events.stream().filter(e -> e[0] == kind).toList();
        }

        List<String> lines() {
            return events.stream().map(e -> e[0] + " " + e[1] + " " + e[2] + " " + e[3] + " " + e[4]).toList();
        }
    }
}
