package org.speedsim.engine.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.speedsim.strategies.picking.RarestFirstPicker;
import org.speedsim.strategies.seeding.Seeding;
import org.speedsim.strategies.choking.TitForTatChoker;
import org.speedsim.engine.ledger.LedgerConfig;
import org.speedsim.engine.ledger.SignatureMode;
import org.speedsim.engine.speed.auction.AuctionFormat;
import org.speedsim.engine.speed.bidding.BiddingStrategy;
import org.speedsim.engine.swarm.ArrivalProcess;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.FileSpec;
import org.speedsim.engine.swarm.InitialSeeds;
import org.speedsim.engine.swarm.PeerClass;
import org.speedsim.engine.swarm.PeerRecord;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.strategies.auction.UniformPriceAuction;
import org.speedsim.strategies.bidding.AutoBid;
import org.speedsim.strategies.bidding.FreeRider;

/**
 * Engine-level Speed runs with every adversary present (non-payer, bad-data provider, free rider, legacy peers) and
 * a slow ledger (confirmation latency, throughput limit), over many seeds in both signature modes, with the ledger
 * invariants checked after every ledger operation, and every run's token figures checked against the ledger rebuilt
 * from its log ({@link TokenAudit}). The auction, bidding and free rider are the production classes of the strategies
 * module (this test lives there for that reason): the uniform-price auction and the paced auto-bid.
 */
class SpeedSwarmConservationTest {

    static final long S = 1_000_000L;
    static final double MBIT = 1e6 / 8;

    /** The production uniform-price auction (strategies module). */
    static final AuctionFormat UNIFORM = new UniformPriceAuction();

    /** The production auto-bid (white paper formula, 10 % hysteresis, at most one bid a minute). */
    static final BiddingStrategy.Factory AUTO = AutoBid.factory(1.0);

    static SpeedSettings honest() {
        return SpeedSettings.honest(AUTO, UNIFORM, new Distribution.Uniform(2e6, 20e6)).withReserve(1000);
    }

    static SwarmConfig config(long seed, SignatureMode mode) {
        SpeedSettings h = honest();
        List<ClientSpec> clients = List.of(
                ClientSpec.speedClient("speed", 0.35, RarestFirstPicker::new, Seeding.exponential(60 * S), h),
                ClientSpec.speedClient("non-payer", 0.15, RarestFirstPicker::new, Seeding.exponential(60 * S),
                        h.withNonPayer(true)),
                ClientSpec.speedClient("bad-data", 0.1, RarestFirstPicker::new, Seeding.exponential(60 * S),
                        h.withBadData(true)),
                ClientSpec.speedClient("free-rider", 0.1, RarestFirstPicker::new, Seeding.leaveAtOnce(),
                        h.withBidding(FreeRider.factory())),
                new ClientSpec("legacy", 0.3, false, TitForTatChoker::new, RarestFirstPicker::new,
                        Seeding.exponential(60 * S)),
                ClientSpec.speedClient("seeder", 0.0, RarestFirstPicker::new, Seeding.forever(), h));
        LedgerConfig ledger = new LedgerConfig(2 * S, 20, 600 * S, mode);
        SpeedConfig speed = new SpeedConfig(ledger, 4, 8 * S, 2, 300 * S, 60 * S, true, true);
        return SwarmConfig.builder("speed-adversaries").seed(seed).file(new FileSpec(4L << 20, 256 * 1024))
                .peerClasses(List.of(
                        new PeerClass("dsl", 0.6, new Distribution.Fixed(1 * MBIT), new Distribution.Fixed(8 * MBIT)),
                        new PeerClass("fibre", 0.4, new Distribution.Fixed(10 * MBIT),
                                new Distribution.Fixed(50 * MBIT))))
                .clients(clients).arrivals(new ArrivalProcess.FlashCrowd(30, 60 * S, 0))
                .initialSeeds(List.of(new InitialSeeds(2, "dsl", "seeder", Long.MAX_VALUE)))
                .durationMicros(1800 * S).sampleIntervalMicros(30 * S).stopWhenAllComplete(true)
                .extensions(List.of(SpeedExtension.factory(speed))).build();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> tokens(RunResult r) {
        return (Map<String, Object>) r.summary().extra().get("tokens");
    }

    @Test
    void tokensAreConservedAndOnlyVerifiedPiecesArePaidWithEveryAdversary() {
        long failures = 0;
        long sold = 0;
        long paid = 0;
        long badBans = 0;
        List<String> modes = new ArrayList<>();
        for (long seed = 1; seed <= 10; seed++) {
            SignatureMode mode = seed % 5 == 0 ? SignatureMode.ED25519 : SignatureMode.ACCOUNTING;
            SwarmConfig cfg = config(seed, mode);
            TokenAudit.Checked checked = TokenAudit.run(cfg);
            RunResult r = checked.result();
            Map<String, Object> t = tokens(r);
            String at = "seed " + seed + " " + mode + ": " + t;
            assertTrue(r.summary().invariantsOk(), at + " " + r.summary().extra());
            assertEquals(Boolean.TRUE, t.get("conserved"), at);
            assertTrue((Long) t.get("ledgerChecks") > 20, at);
            assertEquals(0L, t.get("exposureViolations"), at);
            long accepted = (Long) t.get("paid");
            assertTrue(accepted <= (Long) t.get("charged"), at);
            assertEquals(List.of(), checked.problems(), "the ledger rebuilt from its log disagrees; " + at);
            assertEquals(Boolean.TRUE, t.get("accountsAgree"), at);
            for (PeerRecord p : r.peers()) {
                if (p.client().equals("bad-data")) {
                    assertEquals(0, p.tokensEarned(), "every piece of a bad-data peer fails: never paid; " + at);
                }
                if (p.client().equals("non-payer") || p.client().equals("legacy")
                        || p.client().equals("free-rider")) {
                    assertEquals(0, p.tokensSpent(), p.client() + " never pays; " + at);
                }
                if (p.client().equals("legacy")) {
                    assertEquals(0, p.tokensEarned(), at);
                }
            }
            assertTrue(r.summary().overheadBytes() > 0, at);
            failures += (Long) t.get("paymentFailures");
            sold += (Long) t.get("slotsSold");
            paid += accepted;
            badBans += (Long) t.get("badDataBans");
            modes.add(mode.name());
        }
        assertTrue(sold > 0 && paid > 0, "slots were sold and paid for");
        assertTrue(failures > 0, "non-payers were caught by the payment timeout");
        assertTrue(badBans > 0, "bad-data providers were banned");
        assertTrue(modes.contains("ED25519"));
    }
}
