package org.speedsim.engine.world.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.speedsim.engine.world.runtime.WorldFixtures.HOUR;
import static org.speedsim.engine.world.runtime.WorldFixtures.MBIT;
import static org.speedsim.engine.world.runtime.WorldFixtures.MIN;
import static org.speedsim.engine.world.runtime.WorldFixtures.S;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.swarm.ArrivalProcess;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.FileSpec;
import org.speedsim.engine.swarm.InitialSeeds;
import org.speedsim.engine.swarm.PeerClass;
import org.speedsim.engine.swarm.PeerRecord;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.Swarm;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.engine.swarm.TimeSeries;
import org.speedsim.engine.swarm.TimedAction;
import org.speedsim.engine.world.CatalogueConfig;
import org.speedsim.engine.world.ClientShare;
import org.speedsim.engine.world.LibrarySeeding;
import org.speedsim.engine.world.PopulationConfig;
import org.speedsim.engine.world.RequestRecord;
import org.speedsim.engine.world.WorldResult;
import org.speedsim.engine.world.WorldRunConfig;

/**
 * A world of one torrent whose users arrive once and never come back is the single-swarm model (DESIGN.md section
 * 10). For each of 20 replications the world runs first; the single swarm then gets the same exogenous inputs (common
 * random numbers): a peer of the same class arriving at each user's request time, and the same publisher as its one
 * initial seed. Everything inside the swarms (tracker answers, choking, picking, seeding times) draws from different
 * streams. Over the 20 paired differences (world - swarm) of the mean download time and of the time-averaged numbers
 * of leechers and of seeds, the 95 % t confidence interval must contain 0 (no significant difference) and be narrower
 * than 10 % of the swarm's mean on each side (so that agreement is not an artefact of noise).
 */
class OneTorrentWorldEquivalenceTest {

    static final int REPLICATIONS = 20;
    static final int USERS = 80;
    static final long HORIZON = 40 * MIN;
    static final long INTERVAL = 30 * S;
    static final PeerClass PUBLISHER = new PeerClass("publisher", 0, new Distribution.Fixed(2 * MBIT),
            new Distribution.Fixed(50 * MBIT));

    static ClientSpec legacy() {
        return WorldFixtures.legacy(1, 10 * MIN);
    }

    static WorldRunConfig world(long seed) {
        CatalogueConfig one = new CatalogueConfig(1, new Distribution.Fixed(0), 0, new Distribution.Fixed(16 << 20),
                256 * 1024, 0, 86_400_000_000L, new Distribution.Fixed(1e15));
        PopulationConfig once = new PopulationConfig(USERS, WorldFixtures.classes(),
                List.of(new ClientShare("legacy", 1)), new Distribution.Exponential(2 * MIN),
                new Distribution.Fixed(1e15), null, 10, new Distribution.Fixed(1e15), new Distribution.Fixed(0));
        WorldRunConfig w = WorldFixtures.world(seed, List.of(legacy()), one, once, HORIZON,
                LibrarySeeding.DEFAULT, false);
        return new WorldRunConfig(w.name(), seed, 0, w.world(), w.clients(), w.protocol(), w.speed(), w.seeding(),
                PUBLISHER, INTERVAL, "max-min");
    }

    /** The single swarm fed the world's arrivals: one AddPeers per request, of the requesting user's class. */
    static SwarmConfig swarm(long seed, WorldResult world) {
        List<PeerClass> classes = new ArrayList<>(WorldFixtures.classes());
        classes.add(PUBLISHER);
        List<TimedAction> arrivals = new ArrayList<>();
        for (RequestRecord r : world.requests()) {
            arrivals.add(new TimedAction.AddPeers(r.requestedMicros(), 1, world.users().get(r.user()).peerClass(),
                    "legacy", false));
        }
        return SwarmConfig.builder("one-torrent").seed(seed).file(new FileSpec(16 << 20, 256 * 1024))
                .peerClasses(classes).clients(List.of(legacy())).arrivals(new ArrivalProcess.None())
                .initialSeeds(List.of(new InitialSeeds(1, "publisher", "legacy", HORIZON + 1)))
                .actions(arrivals).durationMicros(HORIZON).sampleIntervalMicros(INTERVAL).build();
    }

    @Test
    void aOneTorrentWorldOfUsersWhoNeverReturnIsTheSingleSwarm() {
        double[][] diff = new double[3][REPLICATIONS];
        double[] swarmMean = new double[3];
        for (int rep = 0; rep < REPLICATIONS; rep++) {
            long seed = 1000 + rep;
            WorldResult w = new WorldRun(world(seed)).run();
            RunResult s = new Swarm(swarm(seed, w)).run();
            assertTrue(w.requests().size() == USERS, "every user asks once: " + w.requests().size());

            double worldTime = w.requests().stream().filter(r -> r.outcome() == RequestRecord.Outcome.COMPLETED)
                    .mapToLong(r -> r.endedMicros() - r.requestedMicros()).average().orElseThrow() / 1e6;
            double swarmTime = s.peers().stream().filter(p -> !p.initialSeed() && p.completionMicros() >= 0)
                    .mapToLong(p -> p.completionMicros() - p.arrivalMicros()).average().orElseThrow() / 1e6;
            double[] world = {worldTime, timeAverage(w.series(), "leechers"), timeAverage(w.series(), "seeds")};
            double[] single = {swarmTime, timeAverage(s.timeSeries(), "leechers"),
                timeAverage(s.timeSeries(), "seeds")};
            for (int m = 0; m < 3; m++) {
                diff[m][rep] = world[m] - single[m];
                swarmMean[m] += single[m] / REPLICATIONS;
            }
        }
        String[] names = {"mean download time (s)", "time-averaged leechers", "time-averaged seeds"};
        double t = new TDistribution(REPLICATIONS - 1).inverseCumulativeProbability(0.975);
        StringBuilder report = new StringBuilder();
        for (int m = 0; m < 3; m++) {
            double mean = 0;
            for (double d : diff[m]) {
                mean += d / REPLICATIONS;
            }
            double var = 0;
            for (double d : diff[m]) {
                var += (d - mean) * (d - mean) / (REPLICATIONS - 1);
            }
            double half = t * Math.sqrt(var / REPLICATIONS);
            String line = String.format("%s: swarm mean %.3f, world - swarm %.3f, 95%% CI [%.3f, %.3f]", names[m],
                    swarmMean[m], mean, mean - half, mean + half);
            report.append(line).append('\n');
            assertTrue(mean - half <= 0 && 0 <= mean + half, "significant difference in " + line);
            assertTrue(half < 0.1 * swarmMean[m], "interval too wide to show agreement: " + line);
        }
        System.out.print(report);
    }

    private static double timeAverage(TimeSeries series, String column) {
        int c = series.column(column);
        double sum = 0;
        int n = 0;
        for (int row = 0; row < series.size(); row++) {
            if (series.get(row, 0) * 1e6 < HORIZON) {
                sum += series.get(row, c);
                n++;
            }
        }
        return sum / n;
    }
}
