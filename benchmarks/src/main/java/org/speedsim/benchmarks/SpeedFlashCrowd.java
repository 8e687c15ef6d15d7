package org.speedsim.benchmarks;

import java.util.List;
import org.speedsim.strategies.picking.RarestFirstPicker;
import org.speedsim.strategies.seeding.Seeding;
import org.speedsim.strategies.choking.TitForTatChoker;
import org.speedsim.engine.ledger.LedgerConfig;
import org.speedsim.engine.speed.SpeedConfig;
import org.speedsim.engine.speed.SpeedExtension;
import org.speedsim.engine.speed.SpeedSettings;
import org.speedsim.engine.swarm.ArrivalProcess;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.FileSpec;
import org.speedsim.engine.swarm.InitialSeeds;
import org.speedsim.engine.swarm.PeerClass;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.Swarm;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.engine.swarm.SwarmExtension;
import org.speedsim.strategies.auction.UniformPriceAuction;
import org.speedsim.strategies.bidding.AutoBid;

/**
 * Wall time of a whole flash-crowd run with 50 % Speed clients (accounting signatures, messages really encoded)
 * against the same swarm without Speed (all legacy, no extension): same seed, arrivals, bandwidths. A timed main
 * rather than JMH, because one run is seconds to minutes. Each arm runs {@code reps} times, alternating, after one
 * warm-up run of each; the figure is the ratio of the median wall times ({@code reps = 0}: of the warm-up runs).
 *
 * <p>Run: {@code mvn -B -q -pl benchmarks -am package -DskipTests && java -Xmx4g -cp benchmarks/target/benchmarks.jar
 * org.speedsim.benchmarks.SpeedFlashCrowd [peers=10000] [fileMiB=64] [reps=1] [escrowPieces=16]}
 */
public final class SpeedFlashCrowd {

    private static final long S = 1_000_000L;
    private static final double MBIT = 1e6 / 8;

    private SpeedFlashCrowd() {
    }

    static SwarmConfig swarm(int peers, long fileBytes, boolean speed, int escrowPieces) {
        SpeedSettings s = SpeedSettings.honest(AutoBid.factory(1.0), new UniformPriceAuction(),
                new Distribution.Uniform(1e6, 10e6)).withReserve(1_000);
        ClientSpec legacy = new ClientSpec("legacy", speed ? 0.5 : 1.0, false, TitForTatChoker::new,
                RarestFirstPicker::new, Seeding.exponential(300 * S));
        ClientSpec sp = ClientSpec.speedClient("speed", speed ? 0.5 : 0.0, RarestFirstPicker::new,
                Seeding.exponential(300 * S), s);
        ClientSpec origin = new ClientSpec("origin", 0.0, false, TitForTatChoker::new, RarestFirstPicker::new,
                Seeding.forever());
        List<SwarmExtension.Factory> ext = speed
                ? List.of(SpeedExtension.factory(new SpeedConfig(LedgerConfig.DEFAULT, escrowPieces,
                        SpeedConfig.DEFAULT.paymentTimeoutMicros(), SpeedConfig.DEFAULT.failuresBeforeBan(),
                        SpeedConfig.DEFAULT.banMicros(), SpeedConfig.DEFAULT.closeMarginMicros(), true, false)))
                : List.of();
        return SwarmConfig.builder("flash-" + (speed ? "speed" : "legacy")).seed(1)
                .file(new FileSpec(fileBytes, 256 * 1024))
                .peerClasses(List.of(
                        new PeerClass("dsl", 0.6, new Distribution.Fixed(1 * MBIT), new Distribution.Fixed(8 * MBIT)),
                        new PeerClass("fibre", 0.4, new Distribution.Fixed(20 * MBIT),
                                new Distribution.Fixed(100 * MBIT))))
                .clients(List.of(legacy, sp, origin)).arrivals(new ArrivalProcess.FlashCrowd(peers, 120 * S, 0))
                .initialSeeds(List.of(new InitialSeeds(4, "fibre", "origin", Long.MAX_VALUE)))
                .durationMicros(24 * 3600 * S).sampleIntervalMicros(60 * S).stopWhenAllComplete(true).extensions(ext)
                .build();
    }

    public static void main(String[] args) {
        int peers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long fileMiB = args.length > 1 ? Long.parseLong(args[1]) : 64;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int escrow = args.length > 3 ? Integer.parseInt(args[3]) : SpeedConfig.DEFAULT.escrowPieces();
        double[] legacy = new double[Math.max(1, reps)];
        double[] speed = new double[Math.max(1, reps)];
        for (int r = -1; r < reps; r++) {
            RunResult a = new Swarm(swarm(peers, fileMiB << 20, false, escrow)).run();
            RunResult b = new Swarm(swarm(peers, fileMiB << 20, true, escrow)).run();
            String tag = r < 0 ? "warm-up" : "rep " + r;
            report(tag, a);
            report(tag, b);
            if (r >= 0 || reps == 0) {
                legacy[Math.max(0, r)] = a.wallSeconds();
                speed[Math.max(0, r)] = b.wallSeconds();
            }
        }
        java.util.Arrays.sort(legacy);
        java.util.Arrays.sort(speed);
        double ml = legacy[legacy.length / 2];
        double ms = speed[speed.length / 2];
        System.out.printf("peers=%d file=%d MiB: median wall legacy %.2f s, 50%% Speed %.2f s, ratio %.2f%n", peers,
                fileMiB, ml, ms, ms / ml);
    }

    private static void report(String tag, RunResult r) {
        System.out.printf("%s %s: wall %.2f s, events %d, pieces %d, completed %d, sim %.0f s, overhead %d B, %s%n",
                tag, r.config().name(), r.wallSeconds(), r.summary().events(), r.summary().pieceTransfers(),
                r.summary().peersCompleted(), r.summary().simulatedMicros() / 1e6, r.summary().overheadBytes(),
                r.summary().extra().getOrDefault("tokens", "-").toString().replaceAll("ledger_[a-z_]+=[^,]+, ", ""));
    }
}
