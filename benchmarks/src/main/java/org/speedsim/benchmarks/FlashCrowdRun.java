package org.speedsim.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import org.speedsim.strategies.picking.RarestFirstPicker;
import org.speedsim.strategies.seeding.Seeding;
import org.speedsim.strategies.choking.TitForTatChoker;
import org.speedsim.engine.swarm.ArrivalProcess;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.FileSpec;
import org.speedsim.engine.swarm.InitialSeeds;
import org.speedsim.engine.swarm.PeerClass;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.RunSummary;
import org.speedsim.engine.swarm.Swarm;
import org.speedsim.engine.swarm.SwarmConfig;

/**
 * The whole-run performance target of the simulation core, as a timed run (one run takes tens of seconds, so JMH's
 * repetition adds little): a flash crowd of N peers (60 % at 1 Mbit/s up / 8 Mbit/s down, 40 % at 20 / 100 Mbit/s)
 * on one 100 Mbit/s seed, a 256 MiB file in 256 KiB pieces, until every leecher completes; leechers leave at once.
 *
 * <p>Usage: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar org.speedsim.benchmarks.FlashCrowdRun
 * [peers=10000] [fileMiB=256] [seed=1]}. Prints wall time, peak heap (sum of the heap pools' peaks), events per
 * second and piece transfers per second, and the CPU time of the simulating thread (less noisy than wall time
 * on a shared machine).
 */
public final class FlashCrowdRun {

    private FlashCrowdRun() {
    }

    public static SwarmConfig config(int peers, long fileBytes, long seed) {
        double mbit = 1e6 / 8;
        long s = 1_000_000L;
        List<PeerClass> classes = List.of(
                new PeerClass("dsl", 0.6, new Distribution.Fixed(1 * mbit), new Distribution.Fixed(8 * mbit)),
                new PeerClass("fibre", 0.4, new Distribution.Fixed(20 * mbit), new Distribution.Fixed(100 * mbit)),
                new PeerClass("server", 0.0, new Distribution.Fixed(100 * mbit), new Distribution.Fixed(100 * mbit)));
        List<ClientSpec> clients = List.of(
                new ClientSpec("legacy", 1.0, false, TitForTatChoker::new, RarestFirstPicker::new,
                        Seeding.leaveAtOnce()),
                new ClientSpec("seeder", 0.0, false, TitForTatChoker::new, RarestFirstPicker::new,
                        Seeding.forever()));
        return SwarmConfig.builder("flash-crowd-" + peers).seed(seed).file(new FileSpec(fileBytes, 256 * 1024))
                .peerClasses(classes).clients(clients).arrivals(new ArrivalProcess.FlashCrowd(peers, 10 * 60 * s, 0))
                .initialSeeds(List.of(new InitialSeeds(1, "server", "seeder", Long.MAX_VALUE)))
                .durationMicros(48 * 3600 * s).sampleIntervalMicros(60 * s).stopWhenAllComplete(true).build();
    }

    public static void main(String[] args) {
        int peers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long fileMiB = args.length > 1 ? Long.parseLong(args[1]) : 256;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        RunResult r = new Swarm(config(peers, fileMiB << 20, seed)).run();
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
        RunSummary s = r.summary();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("peers=%d file=%dMiB completed=%d simulated=%.0fs wall=%.1fs cpu=%.1fs peakHeap=%.0fMiB "
                        + "events=%d (%.0f/s) pieceTransfers=%d (%.0f/s) p50=%.0fs p90=%.0fs invariantsOk=%s%n",
                peers, fileMiB, s.peersCompleted(), s.simulatedMicros() / 1e6, r.wallSeconds(), cpu, peak / 1048576.0,
                s.events(), s.events() / r.wallSeconds(), s.pieceTransfers(), s.pieceTransfers() / r.wallSeconds(),
                s.downloadP50Seconds(), s.downloadP90Seconds(), s.invariantsOk());
    }
}
