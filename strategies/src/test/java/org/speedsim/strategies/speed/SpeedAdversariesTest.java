package org.speedsim.strategies.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.speedsim.strategies.speed.SpeedSwarms.MIN;
import static org.speedsim.strategies.speed.SpeedSwarms.S;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.speedsim.strategies.seeding.Seeding;
import org.speedsim.engine.ledger.SignatureMode;
import org.speedsim.engine.speed.SpeedSettings;
import org.speedsim.engine.speed.TokenAudit;
import org.speedsim.engine.speed.auction.SlotAllocation;
import org.speedsim.engine.swarm.ArrivalProcess;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.InitialSeeds;
import org.speedsim.engine.swarm.PeerRecord;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.Swarm;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.engine.swarm.SeedingBehaviour;
import org.speedsim.strategies.StrategyArgs;
import org.speedsim.strategies.StrategyRegistry;
import org.speedsim.strategies.bidding.AutoBid;
import org.speedsim.strategies.bidding.BidShader;
import org.speedsim.strategies.bidding.FreeRider;
import org.speedsim.strategies.seeding.EarningsAwareSeeding;

/**
 * Randomized Speed swarms with the real built-in strategies and every adversary present at once (non-payer, bad-data
 * provider, bid shader, free rider, plus legacy peers), cycling through the auction formats, both slot allocations and
 * both signature modes, with a throughput-limited ledger and the ledger invariants checked after every ledger
 * operation. Checked per run: supply conserved to the micro-BTT and no negative balance at every check; the unpaid
 * exposure of a provider never above one piece; payments only for verified pieces (a bad-data peer, whose every piece
 * fails, never earns; what was accepted never exceeds what verified pieces charged); non-payers, free riders and
 * legacy peers never pay; the engine's own invariants; and the token figures against the ledger rebuilt from its log
 * ({@link TokenAudit}): for every provider accepted = settled + accepted value in flight, settled never above
 * accepted, minted = final balances + escrow locked, with channel timeouts shorter and longer than the run and runs
 * that go on after the last completion (seeds leave, channels time out).
 */
class SpeedAdversariesTest {

    /** Channel timeouts shorter than, and longer than, the 30-minute runs. */
    static final long[] CHANNEL_TIMEOUTS = {5 * MIN, 20 * MIN, 2 * 60 * MIN};

    static SwarmConfig swarm(long seed, String format, SlotAllocation allocation, SignatureMode mode) {
        return swarm(seed, format, allocation, mode, 20 * MIN, true);
    }

    static SwarmConfig swarm(long seed, String format, SlotAllocation allocation, SignatureMode mode,
                             long channelTimeout, boolean stopWhenAllComplete) {
        SpeedSettings h = new SpeedSettings(AutoBid.factory(1.0), StrategyRegistry.builtIn().auction().create(format, StrategyArgs.NONE), allocation, 2_000,
                new Distribution.LogNormal(3e6, 0.8), false, false);
        SeedingBehaviour.Factory earn = EarningsAwareSeeding.factory(new Distribution.Uniform(0, 300), 5 * MIN, 30 * S, 0);
        List<ClientSpec> clients = List.of(
                SpeedSwarms.speed("speed", 0.3, earn, h),
                SpeedSwarms.speed("shader", 0.1, earn, h.withBidding(BidShader.factory(1.0, 0.5))),
                SpeedSwarms.speed("free-rider", 0.1, Seeding.exponential(MIN), h.withBidding(FreeRider.factory())),
                SpeedSwarms.speed("non-payer", 0.1, Seeding.exponential(MIN), h.withNonPayer(true)),
                SpeedSwarms.speed("bad-data", 0.1, Seeding.exponential(MIN), h.withBadData(true)),
                SpeedSwarms.legacy("legacy", 0.3, Seeding.exponential(MIN)),
                SpeedSwarms.speed("seeder", 0, Seeding.forever(), h));
        return SpeedSwarms.swarm("adversaries", seed, 0, 3L << 20, clients, new ArrivalProcess.FlashCrowd(30, MIN, 0),
                List.of(new InitialSeeds(2, "dsl", "seeder", Long.MAX_VALUE)), 30 * MIN,
                SpeedSwarms.speedConfig(mode, true, channelTimeout), stopWhenAllComplete);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> tokens(RunResult r) {
        return (Map<String, Object>) r.summary().extra().get("tokens");
    }

    @Test
    void everyAdversaryAtOnceKeepsTheTokenInvariants() {
        List<String> formats = StrategyRegistry.builtIn().auction().names();
        long sold = 0;
        long failures = 0;
        long badBans = 0;
        long refunds = 0;
        long departed = 0;
        long inFlight = 0;
        for (int i = 0; i < 9; i++) {
            long seed = 100 + i;
            String format = formats.get(i % formats.size());
            SlotAllocation alloc = i % 2 == 0 ? new SlotAllocation.BidsFirst() : new SlotAllocation.Weighted(0.7);
            SignatureMode mode = i == 4 ? SignatureMode.ED25519 : SignatureMode.ACCOUNTING;
            long channelTimeout = CHANNEL_TIMEOUTS[i % CHANNEL_TIMEOUTS.length];
            TokenAudit.Checked checked = TokenAudit.run(swarm(seed, format, alloc, mode, channelTimeout, i % 3 != 0));
            RunResult r = checked.result();
            Map<String, Object> t = tokens(r);
            String at = "seed " + seed + " " + format + " " + alloc + " " + mode + " channel timeout "
                    + channelTimeout / MIN + " min, run " + r.summary().simulatedMicros() / MIN + " min: " + t;
            assertTrue(r.summary().invariantsOk(), at + r.summary().extra());
            assertEquals(Boolean.TRUE, t.get("conserved"), at);
            assertEquals(Boolean.TRUE, t.get("ledger_conserved"), at);
            assertTrue((Long) t.get("ledgerChecks") > 0, at);
            assertEquals(0L, t.get("exposureViolations"), at);
            long accepted = (Long) t.get("paid");
            assertTrue(accepted <= (Long) t.get("charged"), at);
            assertEquals(List.of(), checked.problems(), "the ledger rebuilt from its log disagrees; " + at);
            assertEquals(Boolean.TRUE, t.get("accountsAgree"), at);
            refunds += (Long) t.get("refundedAtTimeout");
            departed += r.peers().stream().filter(p -> p.departureMicros() >= 0 && p.tokensEarned() > 0).count();
            inFlight += (Long) t.get("inFlightAccepted");
            for (PeerRecord p : r.peers()) {
                switch (p.client()) {
                    case "bad-data" -> assertEquals(0, p.tokensEarned(), at);
                    case "non-payer", "free-rider" -> assertEquals(0, p.tokensSpent(), at);
                    case "legacy" -> assertEquals(0, p.tokensSpent() + p.tokensEarned(), at);
                    default -> { }
                }
            }
            sold += (Long) t.get("slotsSold");
            failures += (Long) t.get("paymentFailures");
            badBans += (Long) t.get("badDataBans");
        }
        assertTrue(sold > 0, "slots were sold");
        assertTrue(failures > 0, "non-payers hit the payment timeout");
        assertTrue(badBans > 0, "bad-data providers were banned");
        assertTrue(refunds > 0, "some channels timed out within a run");
        assertTrue(inFlight > 0, "some channels were still open with accepted states at the end of a run");
        assertTrue(departed > 0, "providers that had earned left during a run");
    }

    @Test
    void aSwarmWithoutSpeedClientsMovesNoTokens() {
        SpeedSettings h = SpeedSettings.honest(AutoBid.factory(1.0), StrategyRegistry.builtIn().auction().create("uniform-price", StrategyArgs.NONE),
                new Distribution.Fixed(1e6));
        List<ClientSpec> clients = List.of(SpeedSwarms.legacy("legacy", 1.0, Seeding.exponential(MIN)),
                SpeedSwarms.speed("unused", 0.0, Seeding.forever(), h),
                SpeedSwarms.legacy("origin", 0.0, Seeding.forever()));
        SwarmConfig cfg = SpeedSwarms.swarm("legacy-only", 5, 0, 2L << 20, clients,
                new ArrivalProcess.FlashCrowd(20, MIN, 0),
                List.of(new InitialSeeds(1, "dsl", "origin", Long.MAX_VALUE)), 20 * MIN,
                SpeedSwarms.speedConfig(SignatureMode.ACCOUNTING, true), true);
        RunResult r = new Swarm(cfg).run();
        Map<String, Object> t = tokens(r);
        assertEquals(0L, t.get("paid"));
        assertEquals(0L, t.get("bidsSent"));
        assertEquals(0L, r.summary().overheadBytes());
        assertEquals(t.get("supply"), t.get("treasury"), "airdrops minted for unused ids stay in the treasury");
        assertEquals(20, r.summary().peersCompleted());
    }
}
