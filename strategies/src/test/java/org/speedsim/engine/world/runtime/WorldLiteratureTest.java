package org.speedsim.engine.world.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.speedsim.engine.world.runtime.WorldFixtures.DAY;
import static org.speedsim.engine.world.runtime.WorldFixtures.HOUR;
import static org.speedsim.engine.world.runtime.WorldFixtures.MIN;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.world.CatalogueConfig;
import org.speedsim.engine.world.ClientShare;
import org.speedsim.engine.world.LibrarySeeding;
import org.speedsim.engine.world.PopulationConfig;
import org.speedsim.engine.world.TorrentRecord;
import org.speedsim.engine.world.WorldResult;
import org.speedsim.engine.world.WorldRunConfig;

/**
 * What the measurement literature predicts for legacy BitTorrent, as paired comparisons over 10 replications with
 * 95 % t intervals of the mean paired difference that must lie above 0:
 * <ul>
 *   <li>popular torrents stay available longer (Guo et al. 2005; Kaune et al. 2010): the mean fraction of time
 *   available of the most popular three deciles exceeds that of the least popular three, and so does the time to
 *   first unavailability (its Kaplan-Meier-free form here: every torrent is released at 0 and the time is censored at
 *   the horizon, so the mean over torrents is the restricted mean survival);</li>
 *   <li>users who come back and re-seed their library extend torrent lifetimes (Menasche et al. 2009): against the
 *   same users who never come back, and against users who come back but never re-seed (so it is the re-seeding, not
 *   the returning demand), the mean availability and the mean last time available are both higher.</li>
 * </ul>
 */
class WorldLiteratureTest {

    static final int REPLICATIONS = 10;
    static final long HORIZON = DAY;

    static WorldRunConfig legacyWorld(long seed, boolean returning, int reseedAtOnce) {
        CatalogueConfig catalogue = new CatalogueConfig(30, new Distribution.Fixed(0), 0,
                new Distribution.Uniform(4e6, 12e6), 256 * 1024, 1.0, 2 * DAY, new Distribution.Exponential(HOUR));
        PopulationConfig users = new PopulationConfig(120, WorldFixtures.classes(),
                List.of(new ClientShare("x", 1)), new Distribution.Uniform(0, 4 * HOUR),
                new Distribution.Exponential(2 * HOUR), returning ? new Distribution.Exponential(4 * HOUR) : null,
                2.0 / 3600, new Distribution.Fixed(30 * MIN), new Distribution.Fixed(0));
        return WorldFixtures.world(seed, List.of(WorldFixtures.legacy(1, 20 * MIN)), catalogue, users, HORIZON,
                new LibrarySeeding(reseedAtOnce, 30 * MIN), false);
    }

    @Test
    void popularTorrentsStayAvailableLonger() {
        double[] availability = new double[REPLICATIONS];
        double[] survival = new double[REPLICATIONS];
        for (int rep = 0; rep < REPLICATIONS; rep++) {
            WorldResult w = new WorldRun(legacyWorld(500 + rep, true, 5)).run();
            availability[rep] = mean(w, 1, 3, TorrentRecord::availableFraction)
                    - mean(w, 8, 10, TorrentRecord::availableFraction);
            ToDoubleFunction<TorrentRecord> firstLoss = t -> (t.firstUnavailableMicros() < 0 ? HORIZON
                    : t.firstUnavailableMicros() - t.availableFromMicros()) / 3.6e9;
            survival[rep] = mean(w, 1, 3, firstLoss) - mean(w, 8, 10, firstLoss);
        }
        assertAbove(availability, "fraction of time available, deciles 1-3 minus 8-10");
        assertAbove(survival, "hours to first unavailability, deciles 1-3 minus 8-10");
    }

    @Test
    void usersWhoReturnAndReseedExtendTorrentLifetimes() {
        double[] vsNever = new double[REPLICATIONS];
        double[] vsNoReseed = new double[REPLICATIONS];
        double[] lastVsNever = new double[REPLICATIONS];
        double[] lastVsNoReseed = new double[REPLICATIONS];
        for (int rep = 0; rep < REPLICATIONS; rep++) {
            long seed = 700 + rep;
            WorldResult reseed = new WorldRun(legacyWorld(seed, true, 5)).run();
            WorldResult never = new WorldRun(legacyWorld(seed, false, 5)).run();
            WorldResult noReseed = new WorldRun(legacyWorld(seed, true, 0)).run();
            ToDoubleFunction<TorrentRecord> last = t -> (t.lastAvailableMicros() - t.availableFromMicros()) / 3.6e9;
            vsNever[rep] = mean(reseed, 1, 10, TorrentRecord::availableFraction)
                    - mean(never, 1, 10, TorrentRecord::availableFraction);
            vsNoReseed[rep] = mean(reseed, 1, 10, TorrentRecord::availableFraction)
                    - mean(noReseed, 1, 10, TorrentRecord::availableFraction);
            lastVsNever[rep] = mean(reseed, 1, 10, last) - mean(never, 1, 10, last);
            lastVsNoReseed[rep] = mean(reseed, 1, 10, last) - mean(noReseed, 1, 10, last);
        }
        assertAbove(vsNever, "availability, returning and re-seeding minus never returning");
        assertAbove(vsNoReseed, "availability, returning and re-seeding minus returning without re-seeding");
        assertAbove(lastVsNever, "hours last available, returning and re-seeding minus never returning");
        assertAbove(lastVsNoReseed, "hours last available, returning and re-seeding minus not re-seeding");
    }

    private static double mean(WorldResult w, int fromDecile, int toDecile, ToDoubleFunction<TorrentRecord> f) {
        return w.torrents().stream().filter(t -> t.decile() >= fromDecile && t.decile() <= toDecile)
                .mapToDouble(f).average().orElseThrow();
    }

    /** The 95 % t interval of the mean of the paired differences lies above 0. */
    private static void assertAbove(double[] d, String what) {
        int n = d.length;
        double mean = 0;
        for (double x : d) {
            mean += x / n;
        }
        double var = 0;
        for (double x : d) {
            var += (x - mean) * (x - mean) / (n - 1);
        }
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(var / n);
        String line = String.format("%s: mean %.4f, 95%% CI [%.4f, %.4f]", what, mean, mean - half, mean + half);
        System.out.println(line);
        assertTrue(mean - half > 0, line);
    }
}
