package org.speedsim.engine.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.ledger.LedgerConfig;
import org.speedsim.engine.ledger.SignatureMode;
import org.speedsim.engine.speed.bidding.BiddingStrategy;
import org.speedsim.engine.swarm.ArrivalProcess;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.FileSpec;
import org.speedsim.engine.swarm.InitialSeeds;
import org.speedsim.engine.swarm.PeerClass;
import org.speedsim.engine.swarm.PeerRecord;
import org.speedsim.engine.swarm.ProtocolTrace;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.Swarm;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.engine.swarm.TimeSeries;
import org.speedsim.strategies.auction.UniformPriceAuction;
import org.speedsim.strategies.picking.RarestFirstPicker;
import org.speedsim.strategies.seeding.Seeding;

/**
 * A seed renews its regular slots at each choking round; when the uniform price moves, every renewed slot gets a bid
 * response at the new price. Four Speed leechers bid 5000, 4000 and 3000 nano-BTT per KiB, and one bids 1000 until
 * 25 s and 2000 after: the three high bidders win the seed's three regular slots, at the highest losing bid, 1000
 * and then 2000 (white paper, "Matchmaking": the uniform price is the highest losing bid), and after the change each
 * of them is told the new price. The time series' mean clearing price stays between the two prices, and its bid
 * counts add up to the bid messages of the trace.
 */
class SpeedSlotRenewalRunTest {

    private static final long S = 1_000_000L;
    private static final long CHANGE = 25 * S;

    /** Records the seed's bid responses: time, requester, price. */
    private static final class Responses implements ProtocolTrace {
        final List<long[]> fromSeed = new ArrayList<>();
        int seed = -1;
        int bids;

        @Override
        public boolean wants(String kind) {
            return kind.equals("speed-bid-response") || kind.equals("speed-bid");
        }

        @Override
        public void emit(long timeMicros, String kind, int peer, int other, long value) {
            if (kind.equals("speed-bid")) {
                bids++;
            } else if (peer == seed) {
                fromSeed.add(new long[] {timeMicros, other, value});
            }
        }
    }

    @Test
    void renewedSlotsGetAResponseAtTheNewUniformPrice() {
        long[] fixedBids = {5_000, 4_000, 3_000};
        int[] arrived = {0};
        Set<Long> highBidders = new TreeSet<>();
        BiddingStrategy.Factory bids = (peer, rng) -> {
            int order = arrived[0]++;
            if (order < fixedBids.length) {
                highBidders.add((long) peer);
            }
            return order < fixedBids.length ? ctx -> fixedBids[order]
                    : ctx -> ctx.now() < CHANGE ? 1_000 : 2_000;
        };
        SpeedSettings leechers = SpeedSettings.honest(bids, new UniformPriceAuction(),
                new Distribution.Fixed(10_000_000));
        BiddingStrategy.Factory none = (peer, rng) -> ctx -> 0;
        SpeedSettings seeder = SpeedSettings.honest(none, new UniformPriceAuction(), new Distribution.Fixed(0));
        SpeedConfig speed = new SpeedConfig(new LedgerConfig(2 * S, 20, 600 * S, SignatureMode.ACCOUNTING), 4,
                8 * S, 2, 300 * S, 60 * S, true, true, SpeedConfig.INSTANT);
        SwarmConfig config = SwarmConfig.builder("renewal").seed(5)
                .file(new FileSpec(64L * 256 * 1024, 256 * 1024))
                .peerClasses(List.of(
                        new PeerClass("leech", 1.0, new Distribution.Fixed(1e3), new Distribution.Fixed(8e6)),
                        new PeerClass("seedline", 0.0, new Distribution.Fixed(2e5), new Distribution.Fixed(8e6))))
                .clients(List.of(
                        ClientSpec.speedClient("leecher", 1.0, RarestFirstPicker::new, Seeding.leaveAtOnce(),
                                leechers),
                        ClientSpec.speedClient("seeder", 0.0, RarestFirstPicker::new, Seeding.forever(), seeder)))
                .arrivals(new ArrivalProcess.FlashCrowd(4, S, 0))
                .initialSeeds(List.of(new InitialSeeds(1, "seedline", "seeder", Long.MAX_VALUE)))
                .durationMicros(60 * S).sampleIntervalMicros(30 * S)
                .extensions(List.of(SpeedExtension.factory(speed))).build();
        Responses trace = new Responses();
        trace.seed = 0;
        RunResult r = new Swarm(config).trace(trace).run();
        PeerRecord seed = r.peers().get(0);
        assertTrue(seed.initialSeed(), "peer 0 is the seed");
        Set<Long> before = new TreeSet<>();
        Set<Long> after = new TreeSet<>();
        Set<Long> paidAfter = new TreeSet<>();
        for (long[] e : trace.fromSeed) {
            (e[0] < CHANGE ? before : after).add(e[2]);
            if (e[0] >= CHANGE && e[2] == 2_000) {
                paidAfter.add(e[1]);
            }
        }
        assertEquals(Set.of(1_000L), before, "the riser's 1000 is the highest losing bid");
        assertEquals(Set.of(2_000L), after, "then its 2000");
        assertEquals(highBidders, paidAfter, "each of the three high bidders' renewed slots was told the new price");
        // the time series' clearing price is the mean price of the slots sold in an interval: between the two prices
        TimeSeries ts = r.timeSeries();
        double soldInSeries = 0;
        double bidsInSeries = 0;
        for (int row = 0; row < ts.size(); row++) {
            double sold = ts.get(row, "slots_sold");
            double price = ts.get(row, "clearing_price_nano_per_kib");
            soldInSeries += sold;
            bidsInSeries += ts.get(row, "bids_sent");
            if (sold > 0) {
                assertTrue(price >= 1_000 && price <= 2_000, "row " + row + ": " + price + " over " + sold);
            }
        }
        assertTrue(soldInSeries >= 6, "several slots sold per interval: " + soldInSeries);
        assertEquals(trace.bids, bidsInSeries, "every bid message of the trace is in one interval");
    }
}
