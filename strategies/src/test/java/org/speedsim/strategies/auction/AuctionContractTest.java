package org.speedsim.strategies.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.speed.auction.AuctionFormat;
import org.speedsim.engine.speed.auction.AuctionOutcome;
import org.speedsim.engine.speed.auction.Pricing;
import org.speedsim.engine.speed.auction.SlotAllocation;
import org.speedsim.strategies.StrategyArgs;

/**
 * The contract every auction format and slot allocation shares: what arguments they refuse, how each format charges,
 * names, and hand-worked instances with a reserve price.
 */
class AuctionContractTest {

    private static final org.speedsim.strategies.StrategyCatalogue<AuctionFormat> AUCTIONS =
            org.speedsim.strategies.StrategyRegistry.builtIn().auction();
    private static final List<AuctionFormat> FORMATS =
            List.of(new UniformPriceAuction(), new VcgAuction(), new FirstPriceAuction());
    private static final List<SlotAllocation> ALLOCATIONS =
            List.of(new SlotAllocation.BidsFirst(), new SlotAllocation.Weighted(0.5));

    @Test
    void formatsRefuseNegativeBidsSlotsOrReserveAndCandidateCountsOutOfRange() {
        AuctionOutcome out = new AuctionOutcome();
        long[] bids = {5, 7, 3};
        for (AuctionFormat f : FORMATS) {
            assertThrows(IllegalArgumentException.class, () -> f.run(bids, 4, 1, 0, out), f.name());
            assertThrows(IllegalArgumentException.class, () -> f.run(bids, -1, 1, 0, out), f.name());
            assertThrows(IllegalArgumentException.class, () -> f.run(bids, 3, -1, 0, out), f.name());
            assertThrows(IllegalArgumentException.class, () -> f.run(bids, 3, 1, -1, out), f.name());
            assertThrows(IllegalArgumentException.class, () -> f.run(new long[] {4, -1, 2}, 3, 1, 0, out), f.name());
            assertThrows(IllegalArgumentException.class, () -> f.run(new long[] {-1}, 1, 1, 0, out), f.name());
            // the bids past n are not looked at
            f.run(new long[] {4, 2, -1}, 2, 1, 0, out);
            assertEquals(1, out.count(), f.name());
            assertEquals(0, out.winner(0), f.name());
            // all bids, no slots: nobody wins
            f.run(bids, 3, 0, 0, out);
            assertEquals(0, out.count(), f.name());
            f.run(bids, 0, 2, 0, out);
            assertEquals(0, out.count(), f.name());
        }
    }

    @Test
    void allocationsRefuseTheSameAndNegativeOrMissingReciprocation() {
        AuctionOutcome out = new AuctionOutcome();
        long[] bids = {5, 7, 3};
        long[] recip = {1, 2, 3};
        AuctionFormat uniform = new UniformPriceAuction();
        for (SlotAllocation a : ALLOCATIONS) {
            String name = a.toString();
            assertThrows(IllegalArgumentException.class, () -> a.allocate(bids, recip, 4, 1, 0, uniform, out), name);
            assertThrows(IllegalArgumentException.class, () -> a.allocate(bids, recip, 3, -1, 0, uniform, out), name);
            assertThrows(IllegalArgumentException.class, () -> a.allocate(bids, recip, 3, 1, -2, uniform, out), name);
            assertThrows(IllegalArgumentException.class,
                    () -> a.allocate(new long[] {5, -7, 3}, recip, 3, 1, 0, uniform, out), name);
            assertThrows(IllegalArgumentException.class,
                    () -> a.allocate(bids, new long[] {1, 2}, 3, 1, 0, uniform, out), name);
            assertThrows(IllegalArgumentException.class,
                    () -> a.allocate(bids, new long[] {1, -2, 3}, 3, 1, 0, uniform, out), name);
            assertThrows(IllegalArgumentException.class,
                    () -> a.allocate(bids, new long[] {-1, 2, 3}, 3, 1, 0, uniform, out), name);
            // entries past n are not looked at
            a.allocate(bids, new long[] {1, 2, -3}, 2, 1, 0, uniform, out);
            assertEquals(1, out.count(), name);
            assertEquals(1, out.winner(0), name);
        }
        assertThrows(IllegalArgumentException.class, () -> new SlotAllocation.Weighted(-0.01));
        assertThrows(IllegalArgumentException.class, () -> new SlotAllocation.Weighted(1.01));
        assertThrows(IllegalArgumentException.class, () -> new SlotAllocation.Weighted(Double.NaN));
        new SlotAllocation.Weighted(0);
        new SlotAllocation.Weighted(1);
    }

    @Test
    void uniformPriceAndVcgChargeCriticalBidsFirstPriceChargesTheBid() {
        assertEquals(Pricing.CRITICAL, new UniformPriceAuction().pricing());
        assertEquals(Pricing.CRITICAL, new VcgAuction().pricing());
        assertEquals(Pricing.PAY_BID, new FirstPriceAuction().pricing());
        for (AuctionFormat f : FORMATS) {
            assertEquals(f.name(), f.toString());
            assertSame(f.getClass(), AUCTIONS.create(f.name(), StrategyArgs.NONE).getClass());
            assertEquals(f, AUCTIONS.create(f.name(), StrategyArgs.NONE), "formats are values");
        }
        assertEquals(List.of("uniform-price", "vcg", "first-price"), AUCTIONS.names());
        assertThrows(IllegalArgumentException.class, () -> AUCTIONS.create("english", StrategyArgs.NONE));
    }

    @Test
    void handWorkedInstancesWithAndWithoutAReserve() {
        AuctionOutcome out = new AuctionOutcome();
        long[] bids = {10, 30, 20, 5};
        new UniformPriceAuction().run(bids, 4, 2, 0, out);
        assertEquals("AuctionOutcome[1@10, 2@10]", out.toString());
        new VcgAuction().run(bids, 4, 2, 0, out);
        assertEquals("AuctionOutcome[1@10, 2@10]", out.toString());
        new FirstPriceAuction().run(bids, 4, 2, 0, out);
        assertEquals("AuctionOutcome[1@30, 2@20]", out.toString());

        // reserve 15: bidders 0 and 3 cannot win; the winners pay at least the reserve
        new UniformPriceAuction().run(bids, 4, 2, 15, out);
        assertEquals("AuctionOutcome[1@15, 2@15]", out.toString());
        new VcgAuction().run(bids, 4, 2, 15, out);
        assertEquals("AuctionOutcome[1@15, 2@15]", out.toString());
        // three slots, two eligible bidders: the seller keeps a slot (worth the reserve to it)
        new VcgAuction().run(bids, 4, 3, 15, out);
        assertEquals("AuctionOutcome[1@15, 2@15]", out.toString());
        new UniformPriceAuction().run(bids, 4, 3, 15, out);
        assertEquals("AuctionOutcome[1@15, 2@15]", out.toString());
        // one slot: VCG's winner pays the externality it imposes, the second bid
        new VcgAuction().run(bids, 4, 1, 0, out);
        assertEquals("AuctionOutcome[1@20]", out.toString());
        new VcgAuction().run(bids, 4, 1, 25, out);
        assertEquals("AuctionOutcome[1@25]", out.toString());
        new VcgAuction().run(bids, 4, 4, 0, out);
        assertEquals("AuctionOutcome[1@0, 2@0, 0@0, 3@0]", out.toString());
    }

    @Test
    void aWeightedAllocationChargesFirstPriceWinnersTheirBid() {
        AuctionOutcome out = new AuctionOutcome();
        long[] bids = {10, 30, 20, 0};
        long[] recip = {0, 0, 0, 100};
        new SlotAllocation.Weighted(1).allocate(bids, recip, 4, 2, 0, new FirstPriceAuction(), out);
        assertEquals("AuctionOutcome[1@30, 2@20]", out.toString());
        new SlotAllocation.Weighted(1).allocate(bids, recip, 4, 2, 0, new UniformPriceAuction(), out);
        assertEquals("AuctionOutcome[1@10, 2@10]", out.toString());
        // bid weight 0: reciprocation alone ranks, then the higher bid breaks the tie of the zero scores; the
        // critical bid of winner 1 is the losing bid 20 it must still match
        new SlotAllocation.Weighted(0).allocate(bids, recip, 4, 2, 0, new FirstPriceAuction(), out);
        assertEquals("AuctionOutcome[1@30, 3(recip)]", out.toString());
        new SlotAllocation.Weighted(0).allocate(bids, recip, 4, 2, 0, new UniformPriceAuction(), out);
        assertEquals("AuctionOutcome[1@20, 3(recip)]", out.toString());
    }

    @Test
    void bidsFirstWithManyCandidatesMatchesSortingThenReciprocation() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(33);
        AuctionOutcome out = new AuctionOutcome();
        for (int rep = 0; rep < 3_000; rep++) {
            int n = rng.nextInt(30);
            long[] bids = new long[n];
            long[] recip = new long[n];
            for (int i = 0; i < n; i++) {
                bids[i] = rng.nextInt(3) == 0 ? 0 : rng.nextLong(rng.nextBoolean() ? 5 : 500);
                recip[i] = rng.nextLong(4);
            }
            int slots = rng.nextInt(n + 3);
            long reserve = rng.nextInt(3) == 0 ? rng.nextLong(5) : 0;
            new SlotAllocation.BidsFirst().allocate(bids, recip, n, slots, reserve, new UniformPriceAuction(), out);
            // reference: eligible bidders by (bid, lower index); the price is the reserve or the best other bid
            java.util.List<Integer> eligible = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (bids[i] > 0 && bids[i] >= reserve) {
                    eligible.add(i);
                }
            }
            eligible.sort(java.util.Comparator.<Integer>comparingLong(i -> -bids[i]).thenComparingInt(i -> i));
            java.util.List<Integer> sold = eligible.subList(0, Math.min(slots, eligible.size()));
            long price = reserve;
            for (int i = 0; i < n; i++) {
                if (bids[i] > 0 && !sold.contains(i)) {
                    price = Math.max(price, bids[i]);
                }
            }
            StringBuilder expected = new StringBuilder("AuctionOutcome[");
            java.util.List<Integer> taken = new java.util.ArrayList<>(sold);
            for (int i : sold) {
                expected.append(taken.indexOf(i) == 0 ? "" : ", ").append(i).append('@').append(price);
            }
            while (taken.size() < Math.min(slots, n)) {
                int best = -1;
                for (int i = 0; i < n; i++) {
                    if (!taken.contains(i) && (best < 0 || recip[i] > recip[best])) {
                        best = i;
                    }
                }
                expected.append(taken.isEmpty() ? "" : ", ").append(best).append("(recip)");
                taken.add(best);
            }
            expected.append(']');
            assertEquals(expected.toString(), out.toString(), java.util.Arrays.toString(bids) + " slots=" + slots
                    + " reserve=" + reserve);
        }
    }

    @Test
    void anOutcomeReusedAcrossRoundsGivesWhatAFreshOneGives() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(8);
        AuctionOutcome reused = new AuctionOutcome();
        List<SlotAllocation> allocations = List.of(new SlotAllocation.BidsFirst(), new SlotAllocation.Weighted(0.7));
        for (int rep = 0; rep < 4_000; rep++) {
            int n = rng.nextInt(rep % 2 == 0 ? 20 : 4);
            long[] bids = new long[n];
            long[] recip = new long[n];
            for (int i = 0; i < n; i++) {
                bids[i] = rng.nextLong(rng.nextBoolean() ? 5 : 300);
                recip[i] = rng.nextLong(5);
            }
            int slots = rng.nextInt(n + 3);
            long reserve = rng.nextInt(3) == 0 ? rng.nextLong(5) : 0;
            AuctionFormat f = FORMATS.get(rng.nextInt(FORMATS.size()));
            AuctionOutcome fresh = new AuctionOutcome();
            f.run(bids, n, slots, reserve, fresh);
            f.run(bids, n, slots, reserve, reused);
            assertEquals(fresh.toString(), reused.toString(), f.name() + " " + java.util.Arrays.toString(bids));
            SlotAllocation a = allocations.get(rng.nextInt(2));
            a.allocate(bids, recip, n, slots, reserve, f, fresh);
            a.allocate(bids, recip, n, slots, reserve, f, reused);
            assertEquals(fresh.toString(), reused.toString(), a + " " + f.name() + " " + java.util.Arrays.toString(bids));
        }
    }
}
