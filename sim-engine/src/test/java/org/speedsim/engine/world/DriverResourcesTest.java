package org.speedsim.engine.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.speedsim.engine.kernel.Simulator;
import org.speedsim.engine.rng.RandomStreams;

/** What the demand driver holds and allocates: per-session state for online users only, nothing per request. */
class DriverResourcesTest {

    /** A listener that only counts, so that the allocation measured is the driver's. */
    private static final class Counting implements WorldEvents {
        long events;

        @Override
        public void torrentReleased(long now, int torrent) {
            events++;
        }

        @Override
        public void publisherLeft(long now, int torrent) {
            events++;
        }

        @Override
        public void userOnline(long now, int user, boolean firstArrival) {
            events++;
        }

        @Override
        public void userOffline(long now, int user) {
            events++;
        }

        @Override
        public void requested(long now, int user, int torrent, long patienceMicros) {
            events++;
        }
    }

    /** Once every session has started, 100,000+ requests (choice, patience, next request) allocate under 1 KiB. */
    @Test
    void requestsAllocateNothing() {
        WorldConfig config = new WorldConfig(Worlds.staticCatalogue(500, 1, Worlds.DAY),
                Worlds.alwaysOnline(100, 1.0 / 10), 30 * Worlds.HOUR);
        RandomStreams streams = new RandomStreams(3, 0);
        Simulator sim = new Simulator();
        Counting counting = new Counting();
        DemandDriver driver = new DemandDriver(World.generate(config, streams), streams, sim, counting);
        driver.start();
        sim.runUntil(Worlds.HOUR);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        long eventsBefore = counting.events;
        sim.runUntil(config.horizonMicros());
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        long events = counting.events - eventsBefore;
        assertTrue(events > 100_000, "events " + events);
        assertTrue(allocated < 1024, events + " requests allocated " + allocated + " bytes");
    }

    /**
     * Offline users hold no generators: at 200 moments of a world with on/off sessions, the driver holds exactly two
     * generators (requests, patience) per online user, and fewer users are online than exist.
     */
    @Test
    void onlyOnlineUsersHoldSessionState() {
        WorldConfig config = Worlds.busy(300, 0.5);
        RandomStreams streams = new RandomStreams(9, 0);
        Simulator sim = new Simulator();
        DemandDriver driver = new DemandDriver(World.generate(config, streams), streams, sim, new Counting());
        driver.start();
        int checked = 0;
        int maxOnline = 0;
        for (int step = 1; step <= 200; step++) {
            sim.runUntil(config.horizonMicros() * step / 200);
            assertEquals(2 * driver.onlineUsers(), driver.generatorsHeld(), "at step " + step);
            maxOnline = Math.max(maxOnline, driver.onlineUsers());
            checked++;
        }
        assertEquals(200, checked);
        assertTrue(maxOnline > 0 && maxOnline < 300 / 2, "most users online at once: " + maxOnline);
    }
}
