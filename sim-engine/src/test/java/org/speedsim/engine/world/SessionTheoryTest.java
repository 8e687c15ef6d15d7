package org.speedsim.engine.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.rng.RandomStreams;
import org.speedsim.engine.swarm.Distribution;

/** Users' on/off sessions and the requests made while online, against renewal and Poisson theory. */
class SessionTheoryTest {

    private static final long H = Worlds.HOUR;

    private static WorldConfig sessions(Distribution offline, long horizon, double requestsPerHour) {
        PopulationConfig users = new PopulationConfig(400, Worlds.classes(), Worlds.clients(0.5),
                new Distribution.Uniform(0, 10 * H), new Distribution.LogNormal(2 * H, 0.7), offline,
                requestsPerHour / 3600, new Distribution.Exponential(H), new Distribution.Fixed(1e6));
        return new WorldConfig(Worlds.staticCatalogue(20, 1, Worlds.DAY), users, horizon);
    }

    /**
     * An alternating renewal process is online a long-run fraction E[on] / (E[on] + E[off]) of the time: here
     * on ~ log-normal (median 2 h, sigma 0.7; mean 2.555 h), off ~ uniform [2 h, 10 h] (mean 6 h): 0.2987. Each of
     * 400 independent users is observed from 7 days (about 20 cycles, past the start-up transient) to 142 days
     * (about 400 cycles); the mean of their online fractions must lie within 4 standard errors (computed across
     * users) of the theory, and the standard error must be below 0.005 so that a wrong fraction cannot pass.
     *
     * <p>Requests: given a user's online time T, its requests are Poisson with mean lambda T (lambda = 0.5 per hour),
     * so the total over all users over the whole run is Poisson(lambda * total online time): |z| < 4. Every request
     * is made while its user is online, and sessions alternate online, offline, online.
     */
    @Test
    void usersAreOnlineTheRenewalFractionAndRequestAtTheirRate() {
        long warmup = 7 * Worlds.DAY;
        long horizon = 142 * Worlds.DAY;
        double lambdaPerMicro = 0.5 / H;
        WorldConfig config = sessions(new Distribution.Uniform(2 * H, 10 * H), horizon, 0.5);
        RandomStreams streams = new RandomStreams(21, 0);
        World world = World.generate(config, streams);
        Worlds.Recorder log = Worlds.run(world, streams);
        int n = config.population().users();
        long[] since = new long[n];
        boolean[] on = new boolean[n];
        boolean[] seen = new boolean[n];
        double[] windowOnline = new double[n];
        double totalOnline = 0;
        long requests = 0;
        for (long[] e : log.events) {
            int user = (int) e[2];
            long t = e[1];
            if (e[0] == Worlds.Recorder.ONLINE) {
                assertTrue(!on[user], "user " + user + " online twice");
                assertEquals(seen[user] ? 0 : 1, e[3], "first-arrival flag of user " + user);
                seen[user] = true;
                on[user] = true;
                since[user] = t;
            } else if (e[0] == Worlds.Recorder.OFFLINE) {
                assertTrue(on[user], "user " + user + " offline while offline");
                on[user] = false;
                windowOnline[user] += Math.max(0, Math.min(t, horizon) - Math.max(since[user], warmup));
                totalOnline += t - since[user];
            } else if (e[0] == Worlds.Recorder.REQUEST) {
                assertTrue(on[user], "request of offline user " + user + " at " + t);
                requests++;
            }
        }
        int onlineAtEnd = 0;
        for (int user = 0; user < n; user++) {
            if (on[user]) {
                onlineAtEnd++;
                windowOnline[user] += Math.max(0, horizon - Math.max(since[user], warmup));
                totalOnline += horizon - since[user];
            }
        }
        assertEquals(onlineAtEnd, log.driver.onlineUsers());
        for (int user = 0; user < n; user++) {
            assertEquals(on[user], log.driver.isOnline(user), "online at the end, user " + user);
        }
        double mean = 0;
        for (int user = 0; user < n; user++) {
            windowOnline[user] /= horizon - warmup;
            mean += windowOnline[user];
        }
        mean /= n;
        double var = 0;
        for (int user = 0; user < n; user++) {
            var += (windowOnline[user] - mean) * (windowOnline[user] - mean);
        }
        double se = Math.sqrt(var / (n - 1) / n);
        double theory = config.population().onlineFraction();
        assertEquals(2.0 * Math.exp(0.245) / (2.0 * Math.exp(0.245) + 6), theory, 1e-12);
        assertTrue(se < 0.005, "standard error " + se);
        assertTrue(Math.abs(mean - theory) < 4 * se, "online fraction " + mean + " vs " + theory + " (se " + se + ")");
        double expected = lambdaPerMicro * totalOnline;
        double z = (requests - expected) / Math.sqrt(expected);
        assertTrue(Math.abs(z) < 4, "requests " + requests + " vs " + expected + ": z = " + z);
    }

    /** Users who never return have exactly one session, which starts at their first arrival. */
    @Test
    void usersWhoNeverReturnHaveOneSession() {
        WorldConfig config = sessions(null, 30 * Worlds.DAY, 1);
        RandomStreams streams = new RandomStreams(4, 0);
        World world = World.generate(config, streams);
        Worlds.Recorder log = Worlds.run(world, streams);
        int n = config.population().users();
        int[] online = new int[n];
        int[] offline = new int[n];
        for (long[] e : log.events) {
            if (e[0] == Worlds.Recorder.ONLINE) {
                online[(int) e[2]]++;
                assertEquals(world.population().firstArrivalMicros((int) e[2]), e[1]);
            } else if (e[0] == Worlds.Recorder.OFFLINE) {
                offline[(int) e[2]]++;
            }
        }
        for (int user = 0; user < n; user++) {
            assertEquals(1, online[user], "sessions of user " + user);
            assertEquals(1, offline[user], "departures of user " + user);
        }
    }

    /** Each publisher leaves once, at its torrent's availability plus its residence, and after the release. */
    @Test
    void publishersLeaveAfterTheirResidence() {
        WorldConfig config = Worlds.busy(50, 0.5);
        RandomStreams streams = new RandomStreams(8, 0);
        World world = World.generate(config, streams);
        Worlds.Recorder log = Worlds.run(world, streams);
        long[] released = new long[world.catalogue().size()];
        java.util.Arrays.fill(released, -1);
        int left = 0;
        for (long[] e : log.events) {
            int torrent = (int) e[2];
            if (e[0] == Worlds.Recorder.RELEASE) {
                assertEquals(-1, released[torrent], "released twice");
                released[torrent] = e[1];
                assertEquals(world.catalogue().torrent(torrent).availableFromMicros(), e[1]);
            } else if (e[0] == Worlds.Recorder.PUBLISHER) {
                Torrent t = world.catalogue().torrent(torrent);
                assertTrue(released[torrent] >= 0, "publisher of unreleased torrent " + torrent + " left");
                assertEquals(t.availableFromMicros() + t.publisherResidenceMicros(), e[1]);
                left++;
            } else if (e[0] == Worlds.Recorder.REQUEST) {
                assertTrue(released[(int) e[3]] >= 0, "request for unreleased torrent " + e[3]);
            }
        }
        List<long[]> releases = log.of(Worlds.Recorder.RELEASE);
        assertEquals(world.catalogue().size(), releases.size());
        assertTrue(left > world.catalogue().size() / 2, "publishers left: " + left);
    }
}
