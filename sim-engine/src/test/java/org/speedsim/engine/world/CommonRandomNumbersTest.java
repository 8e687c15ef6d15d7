package org.speedsim.engine.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.rng.RandomStreams;

/**
 * Common random numbers and determinism: streams are keyed by user, session and torrent, so a variant changing the
 * client mix, a larger population, or what users already hold changes nothing else of the world.
 */
class CommonRandomNumbersTest {

    private static final long SEED = 17;

    private static World world(WorldConfig config, int replication) {
        return World.generate(config, new RandomStreams(SEED, replication));
    }

    private static Worlds.Recorder run(WorldConfig config, int replication) {
        RandomStreams streams = new RandomStreams(SEED, replication);
        return Worlds.run(World.generate(config, streams), streams);
    }

    /**
     * All-legacy, 20 % Speed and 60 % Speed see the same catalogue, the same users (class, bandwidth, airdrop, first
     * arrival) and the same event stream (sessions, requests with their torrents and patiences, releases,
     * publishers); only clients differ, and monotonically: a user running Speed at 20 % runs it at 60 %. The
     * Speed share observed at 60 % is within 4 binomial standard errors of 0.6.
     */
    @Test
    void aClientMixChangeKeepsUsersCatalogueAndDemand() {
        WorldConfig base = Worlds.busy(600, 0.0);
        WorldConfig some = new WorldConfig(base.catalogue(), base.population().withClients(Worlds.clients(0.2)),
                base.horizonMicros());
        WorldConfig more = new WorldConfig(base.catalogue(), base.population().withClients(Worlds.clients(0.6)),
                base.horizonMicros());
        World a = world(base, 0);
        World b = world(some, 0);
        World c = world(more, 0);
        assertEquals(a.catalogue().size(), c.catalogue().size());
        for (int t = 0; t < a.catalogue().size(); t++) {
            assertEquals(a.catalogue().torrent(t), b.catalogue().torrent(t));
            assertEquals(a.catalogue().torrent(t), c.catalogue().torrent(t));
        }
        int speedAtSome = 0;
        int speedAtMore = 0;
        for (int user = 0; user < 600; user++) {
            User x = a.population().user(user);
            User y = b.population().user(user);
            User z = c.population().user(user);
            assertEquals("legacy", x.clientName());
            assertEquals(withoutClient(x), withoutClient(y));
            assertEquals(withoutClient(x), withoutClient(z));
            if (y.clientName().equals("speed")) {
                speedAtSome++;
                assertEquals("speed", z.clientName(), "user " + user + " left Speed when its share grew");
            }
            speedAtMore += z.clientName().equals("speed") ? 1 : 0;
        }
        assertTrue(speedAtSome > 0);
        assertTrue(Math.abs(speedAtMore - 360) < 4 * Math.sqrt(600 * 0.6 * 0.4), "Speed users at 60 %: " + speedAtMore);
        List<String> events = run(base, 0).lines();
        assertTrue(events.size() > 10_000, "events: " + events.size());
        Worlds.assertSameEvents(events, run(some, 0).lines());
        Worlds.assertSameEvents(events, run(more, 0).lines());
    }

    private static User withoutClient(User u) {
        return new User(u.id(), u.bandwidthClass(), 0, "", u.uploadBytesPerSecond(), u.downloadBytesPerSecond(),
                u.airdropMicroBtt(), u.firstArrivalMicros());
    }

    /** The same seed and replication give the same events; another replication gives other events. */
    @Test
    void sameSeedSameEventsOtherReplicationOtherEvents() {
        WorldConfig config = Worlds.busy(200, 0.5);
        List<String> first = run(config, 3).lines();
        Worlds.assertSameEvents(first, run(config, 3).lines());
        assertNotEquals(first, run(config, 4).lines());
    }

    /**
     * Streams are keyed by identity, not creation order: in a world of 300 users, users 0..199 have the same
     * identities and the same sessions and requests as in a world of 200 users.
     */
    @Test
    void moreUsersLeaveTheFirstUsersUnchanged() {
        WorldConfig small = Worlds.busy(200, 0.5);
        WorldConfig large = new WorldConfig(small.catalogue(), Worlds.busy(300, 0.5).population(),
                small.horizonMicros());
        World a = world(small, 0);
        World b = world(large, 0);
        for (int user = 0; user < 200; user++) {
            assertEquals(a.population().user(user), b.population().user(user));
        }
        List<String> smallUsers = userEvents(run(small, 0), 200);
        List<String> largeUsers = userEvents(run(large, 0), 200);
        assertTrue(smallUsers.size() > 3_000);
        Worlds.assertSameEvents(smallUsers, largeUsers);
    }

    private static List<String> userEvents(Worlds.Recorder log, int below) {
        return log.events.stream()
                .filter(e -> e[0] >= Worlds.Recorder.ONLINE && e[2] < below)
                .map(e -> e[0] + " " + e[1] + " " + e[2] + " " + e[3] + " " + e[4]).toList();
    }

    /**
     * What a user holds does not perturb demand: with torrent T already in user U's library, U's requests for T are
     * drawn but not reported (counted as held), and every other event is the same as without it.
     */
    @Test
    void aHeldTorrentIsNotRequestedAndNothingElseChanges() {
        WorldConfig config = Worlds.busy(200, 0.5);
        Worlds.Recorder plain = run(config, 0);
        long[] target = plain.of(Worlds.Recorder.REQUEST).get(0);
        int user = (int) target[2];
        int torrent = (int) target[3];
        List<String> expected = plain.events.stream()
                .filter(e -> !(e[0] == Worlds.Recorder.REQUEST && e[2] == user && e[3] == torrent))
                .map(e -> e[0] + " " + e[1] + " " + e[2] + " " + e[3] + " " + e[4]).toList();
        long removed = plain.events.size() - expected.size();
        assertTrue(removed >= 1);
        RandomStreams streams = new RandomStreams(SEED, 0);
        World world = World.generate(config, streams);
        assertTrue(world.library().add(user, torrent));
        Worlds.Recorder held = Worlds.run(world, streams);
        Worlds.assertSameEvents(expected, held.lines());
        assertEquals(removed, held.driver.requestsForHeld());
        assertEquals(0, plain.driver.requestsForHeld());
    }
}
