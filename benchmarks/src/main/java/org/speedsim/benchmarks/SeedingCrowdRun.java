package org.speedsim.benchmarks;

import java.lang.management.ManagementFactory;
import org.speedsim.engine.speed.SpeedConfig;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.RunSummary;
import org.speedsim.engine.swarm.Swarm;

/**
 * The seeding-crowd counterpart of {@link FlashCrowdRun}, for {@code benchmarks/side-by-side --seeding}: the
 * {@link SpeedFlashCrowd} swarm with 50 % Speed clients, where every leecher seeds on after it completes (an
 * exponential seeding time of mean 300 s), so seeding decisions, the seeding context, token accounting and the
 * Speed extension's callbacks run alongside the BitTorrent core.
 *
 * <p>Usage: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar org.speedsim.benchmarks.SeedingCrowdRun
 * [peers=5000] [fileMiB=64]}. Prints the same fields as {@link FlashCrowdRun}: CPU time of the simulating thread,
 * events and piece transfers.
 */
public final class SeedingCrowdRun {

    private SeedingCrowdRun() {
    }

    public static void main(String[] args) {
        int peers = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        long fileMiB = args.length > 1 ? Long.parseLong(args[1]) : 64;
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        RunResult r = new Swarm(SpeedFlashCrowd.swarm(peers, fileMiB << 20, true,
                SpeedConfig.DEFAULT.escrowPieces())).run();
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
        RunSummary s = r.summary();
        System.out.printf("peers=%d file=%dMiB completed=%d simulated=%.0fs wall=%.1fs cpu=%.1fs events=%d "
                        + "pieceTransfers=%d invariantsOk=%s%n",
                peers, fileMiB, s.peersCompleted(), s.simulatedMicros() / 1e6, r.wallSeconds(), cpu, s.events(),
                s.pieceTransfers(), s.invariantsOk());
    }
}
