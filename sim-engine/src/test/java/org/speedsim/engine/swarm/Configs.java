package org.speedsim.engine.swarm;

import java.util.List;
import org.speedsim.engine.bt.RandomPicker;
import org.speedsim.engine.bt.RarestFirstPicker;
import org.speedsim.engine.bt.Seeding;
import org.speedsim.engine.bt.TitForTatChoker;

/** Swarm configurations for the engine tests. Bandwidths in bytes per second, times in microseconds. */
final class Configs {

    static final long S = 1_000_000L;
    static final long MIN = 60 * S;
    static final double MBIT = 1e6 / 8;

    private Configs() {
    }

    static ClientSpec client(String name, double share, SeedingBehaviour.Factory seeding) {
        return new ClientSpec(name, share, false, TitForTatChoker::new, RarestFirstPicker::new, seeding);
    }

    static ClientSpec randomPicking(String name, double share, SeedingBehaviour.Factory seeding) {
        return new ClientSpec(name, share, false, TitForTatChoker::new, RandomPicker::new, seeding);
    }

    static PeerClass fixed(String name, double share, double up, double down) {
        return new PeerClass(name, share, new Distribution.Fixed(up), new Distribution.Fixed(down));
    }

    /** A flash crowd of {@code peers} leechers on one seed that stays; leechers leave at once. */
    static SwarmConfig flashCrowd(int peers, long fileBytes, long seed) {
        return SwarmConfig.builder("flash").seed(seed).file(new FileSpec(fileBytes, 256 * 1024))
                .peerClasses(List.of(fixed("dsl", 0.6, 1 * MBIT, 8 * MBIT),
                        fixed("fibre", 0.4, 20 * MBIT, 100 * MBIT)))
                .clients(List.of(client("legacy", 1.0, Seeding.leaveAtOnce()),
                        client("seeder", 0.0, Seeding.forever())))
                .arrivals(new ArrivalProcess.FlashCrowd(peers, 2 * MIN, 0))
                .initialSeeds(List.of(new InitialSeeds(1, "fibre", "seeder", Long.MAX_VALUE)))
                .durationMicros(6 * 3600 * S).sampleIntervalMicros(30 * S).stopWhenAllComplete(true).build();
    }
}
