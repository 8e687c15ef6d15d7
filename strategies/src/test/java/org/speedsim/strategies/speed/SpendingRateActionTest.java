package org.speedsim.strategies.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.speedsim.strategies.speed.SpeedSwarms.MIN;
import static org.speedsim.strategies.speed.SpeedSwarms.S;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.speedsim.strategies.seeding.Seeding;
import org.speedsim.engine.ledger.SignatureMode;
import org.speedsim.engine.speed.SpeedSettings;
import org.speedsim.engine.speed.bidding.BidContext;
import org.speedsim.engine.speed.bidding.BiddingStrategy;
import org.speedsim.engine.swarm.ArrivalProcess;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.InitialSeeds;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.Swarm;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.engine.swarm.TimedAction;
import org.speedsim.strategies.auction.UniformPriceAuction;
import org.speedsim.strategies.bidding.AutoBid;

/**
 * A {@link TimedAction.SetSpendingRate} in a whole swarm, watched through a recorder around each peer's production
 * {@link AutoBid}: at the action's instant every Speed leecher of the named client that has bid before sends a new bid
 * there and then, equal to the white paper's formula at the new rate (computed here by hand from the balance and the
 * remaining bytes the strategy saw); peers of the other client do not; afterwards the pacing rules hold again: no two
 * bids of a peer less than a minute apart and none that moves less than 10 % from the last, except at the action.
 * Every online peer of the client took the new rate, and one joining later bids at it from its first bid.
 */
class SpendingRateActionTest {

    static final long AT = 5 * MIN + 7 * S;

    /** One answer of a strategy that was sent as a bid. */
    record Sent(long at, long bid, long balance, long remaining) {
    }

    static final Map<Integer, List<Sent>> SENT = new HashMap<>();

    static BiddingStrategy.Factory recorded(double rate) {
        return (peer, rng) -> {
            AutoBid inner = new AutoBid(rate);
            List<Sent> log = SENT.computeIfAbsent(peer, p -> new ArrayList<>());
            return new BiddingStrategy() {
                @Override
                public long nextBid(BidContext ctx) {
                    long b = inner.nextBid(ctx);
                    if (b != NO_CHANGE) {
                        log.add(new Sent(ctx.now(), b, ctx.balanceMicroBtt(), ctx.remainingBytes()));
                    }
                    return b;
                }

                @Override
                public boolean setSpendingRate(double spendingRate) {
                    return inner.setSpendingRate(spendingRate);
                }
            };
        };
    }

    static SwarmConfig swarm() {
        return swarm(new TimedAction.SetSpendingRate(AT, "speed", null, 0.3));
    }

    static SwarmConfig swarm(TimedAction.SetSpendingRate action) {
        SpeedSettings s = SpeedSettings.honest(recorded(1.0), new UniformPriceAuction(),
                new Distribution.Uniform(1e6, 5e6)).withReserve(1000);
        List<ClientSpec> clients = List.of(
                SpeedSwarms.speed("speed", 0.5, Seeding.exponential(MIN), s),
                SpeedSwarms.speed("other", 0.5, Seeding.exponential(MIN), s),
                SpeedSwarms.legacy("origin", 0, Seeding.forever()));
        SwarmConfig base = SpeedSwarms.swarm("spending-rate-action", 11, 0, 64L << 20, clients,
                new ArrivalProcess.FlashCrowd(24, 2 * MIN, 0),
                List.of(new InitialSeeds(1, "dsl", "origin", Long.MAX_VALUE)), 20 * MIN,
                SpeedSwarms.speedConfig(SignatureMode.ACCOUNTING, false), false);
        return base.toBuilder().replication(0).stopWhenAllComplete(false)
                .actions(List.of(action)).build();
    }

    /** floor(rate * balance * 1000 / ceil(remaining / 1024)) nano-BTT per KiB, rate 0.3. */
    static long formulaAtPointThree(long balance, long remaining) {
        long kib = (remaining + 1023) / 1024;
        return java.math.BigInteger.valueOf(balance).multiply(java.math.BigInteger.valueOf(300))
                .divide(java.math.BigInteger.valueOf(kib)).longValueExact();
    }

    @Test
    void aRateChangeBidsInTheSameInstantAndPacingHoldsAfterwards() {
        SENT.clear();
        RunResult r = new Swarm(swarm()).run();
        int changed = 0;
        int untouched = 0;
        for (var e : SENT.entrySet()) {
            int peer = e.getKey();
            String client = r.peers().get(peer).client();
            List<Sent> bids = e.getValue();
            long completion = r.peers().get(peer).completionMicros();
            boolean leechingAtAt = !bids.isEmpty() && bids.get(0).at() < AT && (completion < 0 || completion > AT);
            Sent atAction = bids.stream().filter(b -> b.at() == AT).findFirst().orElse(null);
            String at = "peer " + peer + " (" + client + ") bids " + bids;
            if (client.equals("speed") && leechingAtAt) {
                assertTrue(atAction != null, "a bid at the action's instant; " + at);
                assertEquals(formulaAtPointThree(atAction.balance(), atAction.remaining()), atAction.bid(), at);
                changed++;
            } else {
                assertTrue(atAction == null || bids.get(0).at() == AT, "no re-bid outside the named client; " + at);
                untouched += leechingAtAt ? 1 : 0;
            }
            for (int i = 1; i < bids.size(); i++) {
                Sent prev = bids.get(i - 1);
                Sent cur = bids.get(i);
                if (cur.at() == AT && client.equals("speed")) {
                    continue; // the user's change: both rules waived
                }
                assertTrue(cur.at() - prev.at() >= MIN, "at most one bid a minute; " + at);
                long move = Math.abs(cur.bid() - prev.bid());
                assertTrue(10 * move > prev.bid(), "more than a 10 % move; " + at);
            }
        }
        assertTrue(changed >= 3, "several leechers of the named client were bidding at the action: " + changed);
        // every online peer of the named client took the new rate (seeds too, though they do not bid), and each
        // peer of it arriving later starts at the new rate
        long online = r.peers().stream().filter(p -> p.client().equals("speed") && p.arrivalMicros() <= AT
                && (p.departureMicros() < 0 || p.departureMicros() > AT)).count();
        assertEquals(online, ((java.util.Map<?, ?>) r.summary().extra().get("tokens")).get("spendingRateChanges"));
        int joiners = 0;
        for (var e : SENT.entrySet()) {
            var peer = r.peers().get(e.getKey());
            if (peer.client().equals("speed") && peer.arrivalMicros() > AT && !e.getValue().isEmpty()) {
                Sent first = e.getValue().get(0);
                assertEquals(formulaAtPointThree(first.balance(), first.remaining()), first.bid(),
                        "peer " + e.getKey() + " joined after the action");
                joiners++;
            }
        }
        assertTrue(joiners >= 1, "a peer of the named client joined after the action");
        assertTrue(untouched >= 3, "several of the other client were too: " + untouched);
    }

    /**
     * An action naming a peer class instead of a client reaches the online Speed peers of that class, whatever their
     * client: its leechers re-bid at the action's instant at the new rate, the other class's do not.
     */
    @Test
    void aRateChangeForAPeerClassReachesThatClassInEveryClient() {
        SENT.clear();
        RunResult r = new Swarm(swarm(new TimedAction.SetSpendingRate(AT, null, "fibre", 0.3))).run();
        int changed = 0;
        int untouched = 0;
        for (var e : SENT.entrySet()) {
            var peer = r.peers().get(e.getKey());
            List<Sent> bids = e.getValue();
            boolean leechingAtAt = !bids.isEmpty() && bids.get(0).at() < AT
                    && (peer.completionMicros() < 0 || peer.completionMicros() > AT);
            Sent atAction = bids.stream().filter(b -> b.at() == AT).findFirst().orElse(null);
            String at = "peer " + e.getKey() + " (" + peer.peerClass() + ") bids " + bids;
            if (peer.peerClass().equals("fibre") && leechingAtAt) {
                assertTrue(atAction != null, "a bid at the action's instant; " + at);
                assertEquals(formulaAtPointThree(atAction.balance(), atAction.remaining()), atAction.bid(), at);
                changed++;
            } else if (leechingAtAt) {
                assertTrue(atAction == null, "no re-bid outside the named class; " + at);
                untouched++;
            }
        }
        long online = r.peers().stream().filter(p -> !p.client().equals("origin") && p.peerClass().equals("fibre")
                && p.arrivalMicros() <= AT && (p.departureMicros() < 0 || p.departureMicros() > AT)).count();
        assertEquals(online, ((java.util.Map<?, ?>) r.summary().extra().get("tokens")).get("spendingRateChanges"));
        assertTrue(changed >= 1 && untouched >= 3, "fibre leechers re-bid: " + changed + ", dsl ones not: "
                + untouched);
    }
}
