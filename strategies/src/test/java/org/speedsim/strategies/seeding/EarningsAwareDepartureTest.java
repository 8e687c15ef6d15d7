package org.speedsim.strategies.seeding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
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
import org.speedsim.engine.swarm.PeerRecord;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.Swarm;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.strategies.auction.UniformPriceAuction;
import org.speedsim.strategies.bidding.AutoBid;

/**
 * Hand-computed departures of earnings-aware seeds that earn nothing, in whole swarms: legacy peers (which never
 * earn) and Speed peers whose slots never sell (a reserve price of 1 BTT per KiB, above any bid their 1 BTT airdrop
 * allows). With window 10 min and check 1 min, every such seed must leave exactly 10 min after completing, not at
 * its first check; with minSeed 15 min, exactly 15 min after.
 */
class EarningsAwareDepartureTest {

    static final long S = 1_000_000L;
    static final long MIN = 60 * S;

    static SwarmConfig swarm(long minSeed) {
        var seeding = EarningsAwareSeeding.factory(new Distribution.Fixed(1), 10 * MIN, MIN, minSeed);
        SpeedSettings unsold = SpeedSettings.honest(AutoBid.factory(1.0), new UniformPriceAuction(),
                new Distribution.Fixed(1e6)).withReserve(1_000_000_000L);
        List<ClientSpec> clients = List.of(
                new ClientSpec("legacy", 0.5, false, TitForTatChoker::new, RarestFirstPicker::new, seeding),
                ClientSpec.speedClient("speed", 0.5, RarestFirstPicker::new, seeding, unsold),
                new ClientSpec("origin", 0, false, TitForTatChoker::new, RarestFirstPicker::new, Seeding.forever()));
        SpeedConfig speed = new SpeedConfig(new LedgerConfig(2 * S, 0, 60 * MIN, SignatureMode.ACCOUNTING), 4,
                30 * S, 3, 10 * MIN, 5 * MIN, false, true);
        return SwarmConfig.builder("earnings-aware-departure").seed(3).file(new FileSpec(4L << 20, 256 * 1024))
                .peerClasses(List.of(
                        new PeerClass("dsl", 1, new Distribution.Fixed(1e6 / 8), new Distribution.Fixed(8e6 / 8))))
                .clients(clients).arrivals(new ArrivalProcess.FlashCrowd(12, 2 * MIN, 0))
                .initialSeeds(List.of(new InitialSeeds(1, "dsl", "origin", Long.MAX_VALUE)))
                .durationMicros(2 * 60 * MIN).sampleIntervalMicros(MIN)
                .extensions(List.of(SpeedExtension.factory(speed))).build();
    }

    @Test
    void aSeedThatEarnsNothingLeavesOneWindowAfterCompleting() {
        check(swarm(0), 10 * MIN);
    }

    @Test
    void orAtTheMinimumSeedingTimeWhenThatIsLater() {
        check(swarm(15 * MIN), 15 * MIN);
    }

    private static void check(SwarmConfig cfg, long stay) {
        RunResult r = new Swarm(cfg).run();
        int checked = 0;
        int speed = 0;
        for (PeerRecord p : r.peers()) {
            if (p.initialSeed()) {
                continue;
            }
            assertTrue(p.completionMicros() >= 0, "peer " + p.peer() + " completes within the 2 h run");
            assertEquals(0, p.tokensEarned(), "peer " + p.peer() + " earns nothing");
            assertEquals(p.completionMicros() + stay, p.departureMicros(),
                    "peer " + p.peer() + " (" + p.client() + ") completed at " + p.completionMicros());
            checked++;
            speed += p.client().equals("speed") ? 1 : 0;
        }
        assertEquals(12, checked);
        assertTrue(speed > 0 && speed < 12, "both clients present: " + speed + " Speed peers");
    }
}
