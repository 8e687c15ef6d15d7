package org.speedsim.strategies.speed;

import java.util.List;
import org.speedsim.strategies.picking.RarestFirstPicker;
import org.speedsim.strategies.seeding.Seeding;
import org.speedsim.strategies.choking.TitForTatChoker;
import org.speedsim.engine.ledger.LedgerConfig;
import org.speedsim.engine.ledger.SignatureMode;
import org.speedsim.engine.speed.SpeedConfig;
import org.speedsim.engine.speed.SpeedExtension;
import org.speedsim.engine.speed.SpeedSettings;
import org.speedsim.engine.swarm.ArrivalProcess;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.FileSpec;
import org.speedsim.engine.swarm.InitialSeeds;
import org.speedsim.engine.swarm.PeerClass;
import org.speedsim.engine.swarm.SeedingBehaviour;
import org.speedsim.engine.swarm.SwarmConfig;

/** Swarm configurations for the Speed integration tests. Times in microseconds, bandwidth in bytes per second. */
final class SpeedSwarms {

    static final long S = 1_000_000L;
    static final long MIN = 60 * S;
    static final double MBIT = 1e6 / 8;

    private SpeedSwarms() {
    }

    static ClientSpec legacy(String name, double share, SeedingBehaviour.Factory seeding) {
        return new ClientSpec(name, share, false, TitForTatChoker::new, RarestFirstPicker::new, seeding);
    }

    static ClientSpec speed(String name, double share, SeedingBehaviour.Factory seeding, SpeedSettings s) {
        return ClientSpec.speedClient(name, share, RarestFirstPicker::new, seeding, s);
    }

    static List<PeerClass> dslAndFibre() {
        return List.of(new PeerClass("dsl", 0.7, new Distribution.Fixed(1 * MBIT), new Distribution.Fixed(8 * MBIT)),
                new PeerClass("fibre", 0.3, new Distribution.Fixed(10 * MBIT), new Distribution.Fixed(50 * MBIT)));
    }

    static SpeedConfig speedConfig(SignatureMode mode, boolean checks) {
        return speedConfig(mode, checks, 20 * MIN);
    }

    /** With a channel timeout above 4 minutes (twice the 2-minute close margin). */
    static SpeedConfig speedConfig(SignatureMode mode, boolean checks, long channelTimeout) {
        return new SpeedConfig(new LedgerConfig(2 * S, 20, channelTimeout, mode), 8, 10 * S, 2, 5 * MIN, 2 * MIN,
                true, checks);
    }

    static SwarmConfig swarm(String name, long seed, int rep, long fileBytes, List<ClientSpec> clients,
                             ArrivalProcess arrivals, List<InitialSeeds> initial, long duration, SpeedConfig speed,
                             boolean stopWhenAllComplete) {
        return SwarmConfig.builder(name).seed(seed).replication(rep).file(new FileSpec(fileBytes, 256 * 1024))
                .peerClasses(dslAndFibre()).clients(clients).arrivals(arrivals).initialSeeds(initial)
                .durationMicros(duration).sampleIntervalMicros(30 * S).stopWhenAllComplete(stopWhenAllComplete)
                .extensions(List.of(SpeedExtension.factory(speed))).build();
    }

    static long seedOf(Object x) {
        return (Long) x;
    }
}
