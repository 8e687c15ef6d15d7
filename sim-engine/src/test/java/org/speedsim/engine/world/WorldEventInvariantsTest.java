package org.speedsim.engine.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.speedsim.engine.rng.RandomStreams;

/** Properties of the world event stream that hold for every seed, reconstructed from the events alone. */
class WorldEventInvariantsTest {

    /**
     * Over 20 seeds of a busy world (on/off users, initial and released torrents, publishers leaving): time never
     * goes back; each user alternates online and offline, starting online at its first arrival with the
     * first-arrival flag set once; requests come only from online users, for released torrents, with a patience
     * >= 0; each publisher leaves once, after its release; every torrent of the catalogue is released by the
     * horizon; the driver's counters agree with the events.
     */
    @Test
    void eventStreamIsConsistentForEverySeed() {
        for (long seed = 100; seed < 120; seed++) {
            WorldConfig config = Worlds.busy(150, 0.5);
            RandomStreams streams = new RandomStreams(seed, 1);
            World world = World.generate(config, streams);
            Worlds.Recorder log = Worlds.run(world, streams);
            int users = config.population().users();
            int torrents = world.catalogue().size();
            boolean[] online = new boolean[users];
            int[] sessions = new int[users];
            boolean[] released = new boolean[torrents];
            boolean[] left = new boolean[torrents];
            long last = Long.MIN_VALUE;
            long requests = 0;
            int releases = 0;
            for (long[] e : log.events) {
                long t = e[1];
                assertTrue(t >= last, "seed " + seed + ": time went back at " + t);
                last = t;
                int id = (int) e[2];
                switch ((int) e[0]) {
                    case Worlds.Recorder.ONLINE -> {
                        assertTrue(!online[id], "seed " + seed + ": user " + id + " online twice");
                        assertEquals(sessions[id] == 0 ? 1 : 0, e[3], "first-arrival flag");
                        if (sessions[id] == 0) {
                            assertEquals(world.population().firstArrivalMicros(id), t);
                        }
                        sessions[id]++;
                        online[id] = true;
                    }
                    case Worlds.Recorder.OFFLINE -> {
                        assertTrue(online[id], "seed " + seed + ": user " + id + " offline twice");
                        online[id] = false;
                    }
                    case Worlds.Recorder.REQUEST -> {
                        assertTrue(online[id], "seed " + seed + ": request from offline user " + id);
                        assertTrue(released[(int) e[3]], "seed " + seed + ": request for unreleased " + e[3]);
                        assertTrue(e[4] >= 0);
                        requests++;
                    }
                    case Worlds.Recorder.RELEASE -> {
                        assertTrue(!released[id], "released twice");
                        released[id] = true;
                        releases++;
                    }
                    case Worlds.Recorder.PUBLISHER -> {
                        assertTrue(released[id] && !left[id], "seed " + seed + ": publisher of " + id);
                        left[id] = true;
                    }
                    default -> throw new AssertionError("unknown event " + e[0]);
                }
            }
            assertEquals(torrents, releases, "seed " + seed);
            assertEquals(requests, log.driver.requestsReported());
            assertEquals(0, log.driver.requestsForHeld());
            assertEquals(torrents, log.driver.released());
            int onlineAtEnd = 0;
            for (boolean o : online) {
                onlineAtEnd += o ? 1 : 0;
            }
            assertEquals(onlineAtEnd, log.driver.onlineUsers());
        }
    }
}
