package org.speedsim.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.speedsim.engine.kernel.Simulator;
import org.speedsim.engine.rng.RandomStreams;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.PeerClass;
import org.speedsim.engine.world.CatalogueConfig;
import org.speedsim.engine.world.ClientShare;
import org.speedsim.engine.world.DemandDriver;
import org.speedsim.engine.world.PopulationConfig;
import org.speedsim.engine.world.World;
import org.speedsim.engine.world.WorldConfig;
import org.speedsim.engine.world.WorldEvents;

/**
 * The cost of a world's swarm-independent part alone: drawing the catalogue and the users, and driving sessions,
 * releases and requests for the large world (20,000 users, about 2,000 torrents, 7 simulated days), timed by
 * the thread's CPU time (the machine is shared). The swarms the multi-swarm runtime will add are not part of it.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.speedsim.benchmarks.WorldDemandCpuTime [users]
 * [days] [rounds]}.
 */
public final class WorldDemandCpuTime {

    private static final long S = 1_000_000L;
    private static final long HOUR = 3600 * S;
    private static final long DAY = 24 * HOUR;

    private WorldDemandCpuTime() {
    }

    static WorldConfig config(int users, int days) {
        CatalogueConfig catalogue = new CatalogueConfig(1000, new Distribution.Exponential(5 * DAY),
                1000.0 / (7 * 86400), new Distribution.LogNormal(700e6, 1), 256 * 1024, 0.8, 3 * DAY,
                new Distribution.Exponential(DAY));
        List<PeerClass> classes = List.of(
                new PeerClass("dsl", 0.7, new Distribution.Fixed(125e3), new Distribution.Fixed(1e6)),
                new PeerClass("fibre", 0.3, new Distribution.Fixed(2.5e6), new Distribution.Fixed(12.5e6)));
        PopulationConfig population = new PopulationConfig(users, classes,
                List.of(new ClientShare("legacy", 0.5), new ClientShare("speed", 0.5)),
                new Distribution.Uniform(0, DAY), new Distribution.Exponential(3 * HOUR),
                new Distribution.LogNormal(12 * HOUR, 1), 0.5 / 3600, new Distribution.Exponential(HOUR),
                new Distribution.Uniform(1e6, 5e6));
        return new WorldConfig(catalogue, population, days * DAY);
    }

    public static void main(String[] args) {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        WorldConfig config = config(users, days);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] counts = new long[5];
        WorldEvents counting = new WorldEvents() {
            @Override
            public void torrentReleased(long now, int torrent) {
                counts[0]++;
            }

            @Override
            public void publisherLeft(long now, int torrent) {
                counts[1]++;
            }

            @Override
            public void userOnline(long now, int user, boolean firstArrival) {
                counts[2]++;
            }

            @Override
            public void userOffline(long now, int user) {
                counts[3]++;
            }

            @Override
            public void requested(long now, int user, int torrent, long patienceMicros) {
                counts[4]++;
            }
        };
        for (int round = 0; round < rounds; round++) {
            java.util.Arrays.fill(counts, 0);
            long t0 = threads.getCurrentThreadCpuTime();
            RandomStreams streams = new RandomStreams(1, round);
            World world = World.generate(config, streams);
            long t1 = threads.getCurrentThreadCpuTime();
            Simulator sim = new Simulator();
            DemandDriver driver = new DemandDriver(world, streams, sim, counting);
            driver.start();
            long events = sim.runUntil(config.horizonMicros());
            long t2 = threads.getCurrentThreadCpuTime();
            System.out.printf("round %d: %d torrents, %d users; generate %.3f CPU s; drive %.3f CPU s for %d events"
                            + " (%.2f M events per CPU-second): releases %d, publishers left %d, online %d,"
                            + " offline %d, requests %d; online at end %d%n",
                    round, world.catalogue().size(), users, (t1 - t0) / 1e9, (t2 - t1) / 1e9, events,
                    events / ((t2 - t1) / 1e3), counts[0], counts[1], counts[2], counts[3], counts[4],
                    driver.onlineUsers());
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("peak heap (sum of pools' peaks) %.1f MB%n", peak / 1e6);
    }
}
