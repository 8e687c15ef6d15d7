package org.speedsim.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import org.speedsim.engine.ledger.LedgerConfig;
import org.speedsim.engine.speed.SpeedConfig;
import org.speedsim.engine.speed.SpeedSettings;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.PeerClass;
import org.speedsim.engine.swarm.ProtocolConfig;
import org.speedsim.engine.world.CatalogueConfig;
import org.speedsim.engine.world.ClientShare;
import org.speedsim.engine.world.LibrarySeeding;
import org.speedsim.engine.world.PopulationConfig;
import org.speedsim.engine.world.WorldConfig;
import org.speedsim.engine.world.WorldResult;
import org.speedsim.engine.world.WorldRunConfig;
import org.speedsim.engine.world.WorldSummary;
import org.speedsim.engine.world.runtime.WorldRun;
import org.speedsim.strategies.auction.UniformPriceAuction;
import org.speedsim.strategies.bidding.AutoBid;
import org.speedsim.strategies.choking.TitForTatChoker;
import org.speedsim.strategies.picking.RarestFirstPicker;
import org.speedsim.strategies.seeding.Seeding;

/**
 * The scale run of the token economy (issue 17): a world of {@code users} persistent users (half legacy, half Speed),
 * {@code torrents} torrents (three quarters in the initial catalogue, the rest released over the run) and
 * {@code days} simulated days. Sizes are log-normal with a median of 50 MB, popularity Zipf(0.8) decaying with a
 * 3-day time constant; users are online 2 h at a time (exponential) and offline 10 h (log-normal), request one torrent
 * every 4 h while online, give up after 30 min without progress, and seed at most 5 torrents at once.
 *
 * <p>Usage: {@code java -Xmx6g -cp benchmarks/target/benchmarks.jar org.speedsim.benchmarks.WorldScaleRun
 * [users=20000] [torrents=2000] [days=7]}. Prints the CPU time of the simulating thread, wall time, events and piece
 * transfers (and both per CPU second), and the peak live heap: the largest heap occupancy left after a collection,
 * polled every 200 ms.
 */
public final class WorldScaleRun {

    private static final long S = 1_000_000L;
    private static final long HOUR = 3600 * S;
    private static final long DAY = 24 * HOUR;
    private static final double MBIT = 1e6 / 8;

    private WorldScaleRun() {
    }

    /** The world of the class comment. */
    public static WorldRunConfig world(int users, int torrents, double days, long seed) {
        long horizon = Math.round(days * DAY);
        int initial = torrents * 3 / 4;
        double releaseRate = (torrents - initial) / (horizon / 1e6);
        CatalogueConfig catalogue = new CatalogueConfig(initial, new Distribution.Uniform(0, 14 * DAY), releaseRate,
                new Distribution.LogNormal(50e6, 1), 256 * 1024, 0.8, 3 * DAY, new Distribution.Exponential(DAY));
        List<PeerClass> classes = List.of(
                new PeerClass("dsl", 0.6, new Distribution.Fixed(1 * MBIT), new Distribution.Fixed(16 * MBIT)),
                new PeerClass("cable", 0.3, new Distribution.Fixed(5 * MBIT), new Distribution.Fixed(100 * MBIT)),
                new PeerClass("fibre", 0.1, new Distribution.Fixed(50 * MBIT), new Distribution.Fixed(500 * MBIT)));
        SpeedSettings speed = SpeedSettings.honest(AutoBid.factory(1.0), new UniformPriceAuction(),
                new Distribution.Fixed(0)).withReserve(1000);
        List<ClientSpec> clients = List.of(
                new ClientSpec("legacy", 0.5, false, TitForTatChoker::new, RarestFirstPicker::new,
                        Seeding.exponential(HOUR)),
                ClientSpec.speedClient("speed", 0.5, RarestFirstPicker::new, Seeding.exponential(HOUR), speed));
        PopulationConfig population = new PopulationConfig(users, classes,
                List.of(new ClientShare("legacy", 0.5), new ClientShare("speed", 0.5)),
                new Distribution.Uniform(0, DAY), new Distribution.Exponential(2 * HOUR),
                new Distribution.LogNormal(10 * HOUR, 0.8), 1.0 / (4 * 3600), new Distribution.Fixed(1800 * S),
                new Distribution.Uniform(1e6, 1e7));
        return new WorldRunConfig("world-scale", seed, 0, new WorldConfig(catalogue, population, horizon), clients,
                ProtocolConfig.DEFAULT, new SpeedConfig(LedgerConfig.DEFAULT, 4, 30 * S, 3, 600 * S, 300 * S, false,
                        false),
                new LibrarySeeding(5, 1800 * S),
                new PeerClass("publisher", 0, new Distribution.Fixed(20 * MBIT), new Distribution.Fixed(100 * MBIT)),
                HOUR, "max-min");
    }

    public static void main(String[] args) throws InterruptedException {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int torrents = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        double days = args.length > 2 ? Double.parseDouble(args[2]) : 7;
        long[] peak = {0};
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long live = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                        live += pool.getCollectionUsage().getUsed();
                    }
                }
                peak[0] = Math.max(peak[0], live);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        poller.setDaemon(true);
        poller.start();
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        WorldRun run = new WorldRun(world(users, torrents, days, 1));
        WorldResult r = run.run();
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
        poller.interrupt();
        poller.join();
        WorldSummary s = r.summary();
        System.out.printf("users=%d torrents=%d days=%.1f requests=%d completed=%d success=%.3f wall=%.1fs cpu=%.1fs"
                        + " events=%d (%.0f/cpu-s) pieceTransfers=%d (%.0f/cpu-s) peakLiveHeap=%.0fMiB"
                        + " peakSwarms=%d peakOnline=%d peakPeerSlots=%d peakPeersOnline=%d conserved=%s"
                        + " uplinkExceeded=%d%n",
                users, s.torrents(), days, s.requests(), s.completed(), s.requestSuccess(), r.wallSeconds(), cpu,
                s.events(), s.events() / cpu, s.pieceTransfers(), s.pieceTransfers() / cpu, peak[0] / 1048576.0,
                s.peakSwarms(), s.peakUsersOnline(), run.peakPeerSlotsAndOnline()[0], run.peakPeerSlotsAndOnline()[1],
                s.conserved(), s.uplinkExceeded());
    }
}
