package org.speedsim.strategies.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.speed.auction.AuctionFormat;
import org.speedsim.engine.speed.auction.AuctionOutcome;
import org.speedsim.engine.speed.auction.SlotAllocation;

class SlotAllocationTest {

    private final AuctionFormat uniform = new UniformPriceAuction();
    private final AuctionFormat firstPrice = new FirstPriceAuction();

    @Test
    void bidsFirstSellsToBiddersThenFillsByReciprocation() {
        AuctionOutcome out = new AuctionOutcome();
        long[] bids = {0, 50, 0, 80, 20};
        long[] recip = {900, 10, 700, 0, 800};
        new SlotAllocation.BidsFirst().allocate(bids, recip, 5, 2, 0, uniform, out);
        // bidders 3 and 1 beat 4 and pay the highest losing bid, 20
        assertEquals("AuctionOutcome[3@20, 1@20]", out.toString());
        new SlotAllocation.BidsFirst().allocate(bids, recip, 5, 3, 0, uniform, out);
        // every bidder wins, nobody lost: the price is 0, and non-bidders do not set it
        assertEquals("AuctionOutcome[3@0, 1@0, 4@0]", out.toString());
        new SlotAllocation.BidsFirst().allocate(bids, recip, 5, 4, 30, uniform, out);
        // with a reserve of 30, bidder 4 (bid 20) counts as a non-bidder; the best reciprocators fill the rest
        assertEquals("AuctionOutcome[3@30, 1@30, 0(recip), 4(recip)]", out.toString());
        new SlotAllocation.BidsFirst().allocate(bids, recip, 5, 9, 0, uniform, out);
        assertEquals(5, out.count());
    }

    @Test
    void weightedScoreBlendsBidsAndReciprocation() {
        AuctionOutcome out = new AuctionOutcome();
        long[] bids = {0, 128, 0, 64};
        long[] recip = {1024, 0, 512, 512};
        // w = 0.5 (all scores exact in binary): 0.5, 0.5, 0.25, 0.5; ties by higher bid: 1, 3, 0; best loser 2 (0.25)
        new SlotAllocation.Weighted(0.5).allocate(bids, recip, 4, 3, 0, uniform, out);
        // 1 ties the loser's score at bid 64; 3 already ties it with bid 0 and needs a bid above 0 to beat it
        assertEquals("AuctionOutcome[1@64, 3@0, 0(recip)]", out.toString());
        new SlotAllocation.Weighted(0.5).allocate(bids, recip, 4, 3, 10, uniform, out);
        assertEquals("AuctionOutcome[1@64, 3@10, 0(recip)]", out.toString());
        new SlotAllocation.Weighted(0).allocate(bids, recip, 4, 2, 0, uniform, out);
        // w = 0: reciprocation decides and a bid only breaks the tie between 2 and 3, which costs 3 nothing
        assertEquals("AuctionOutcome[3@0, 0(recip)]", out.toString());
        new SlotAllocation.Weighted(1).allocate(bids, recip, 4, 1, 0, firstPrice, out);
        assertEquals("AuctionOutcome[1@128]", out.toString());
        assertThrows(IllegalArgumentException.class, () -> new SlotAllocation.Weighted(1.5));
    }

    @Test
    void weightedWithBidsOnlyMatchesTheUniformPrice() {
        // all candidates bid and reciprocation is equal: the weighted policy ranks by bid, critical = uniform price
        AuctionOutcome a = new AuctionOutcome();
        AuctionOutcome b = new AuctionOutcome();
        for (long seed = 0; seed < 3_000; seed++) {
            RandomGenerator r = AuctionFormatsTest.rng(seed);
            int n = 1 + r.nextInt(8);
            long[] bids = new long[n];
            for (int i = 0; i < n; i++) {
                bids[i] = 1 + r.nextLong(r.nextBoolean() ? 5 : 1000);
            }
            long[] recip = new long[n];
            Arrays.fill(recip, 7);
            int slots = r.nextInt(n + 1);
            long reserve = r.nextBoolean() ? 0 : r.nextLong(6);
            new SlotAllocation.Weighted(r.nextBoolean() ? 1.0 : 0.3).allocate(bids, recip, n, slots, reserve,
                    uniform, a);
            uniform.run(bids, n, slots, reserve, b);
            for (int j = 0; j < b.count(); j++) {
                assertEquals(b.winner(j), a.winner(j), "seed " + seed);
                assertEquals(b.price(j), a.price(j), "seed " + seed + " " + Arrays.toString(bids) + " " + a);
            }
            for (int j = b.count(); j < a.count(); j++) {
                assertFalse(a.sold(j));
            }
        }
    }

    /**
     * The weighted policy's price is critical: re-running with the winner's bid lowered to one above its price still
     * wins, and one below loses (when that keeps it a bidder and leaves the normaliser unchanged).
     */
    @Test
    void weightedPricesAreCriticalBids() {
        AuctionOutcome out = new AuctionOutcome();
        AuctionOutcome again = new AuctionOutcome();
        int lowered = 0;
        for (long seed = 0; seed < 3_000; seed++) {
            RandomGenerator r = AuctionFormatsTest.rng(50_000 + seed);
            int n = 1 + r.nextInt(8);
            long[] bids = new long[n];
            long[] recip = new long[n];
            for (int i = 0; i < n; i++) {
                bids[i] = r.nextInt(3) == 0 ? 0 : r.nextLong(200);
                recip[i] = r.nextLong(1000);
            }
            int slots = r.nextInt(n + 1);
            long reserve = r.nextInt(3) == 0 ? r.nextLong(50) : 0;
            SlotAllocation.Weighted policy = new SlotAllocation.Weighted(r.nextDouble());
            policy.allocate(bids, recip, n, slots, reserve, uniform, out);
            long maxBid = 0;
            for (long b : bids) {
                maxBid = Math.max(maxBid, b >= reserve ? b : 0);
            }
            for (int j = 0; j < out.count(); j++) {
                if (!out.sold(j)) {
                    assertEquals(0, out.price(j));
                    continue;
                }
                int i = out.winner(j);
                long price = out.price(j);
                assertTrue(price >= reserve && price <= bids[i], "seed " + seed);
                if (bids[i] == maxBid && countOf(bids, maxBid) == 1) {
                    continue; // lowering the unique top bid would move the normaliser
                }
                long[] b = bids.clone();
                b[i] = Math.min(price + 1, bids[i]);
                policy.allocate(b, recip, n, slots, reserve, uniform, again);
                assertTrue(wonBySale(again, i), "seed " + seed + ": bidding just above its price must still win");
                if (price - 1 >= Math.max(1, reserve)) {
                    b[i] = price - 1;
                    policy.allocate(b, recip, n, slots, reserve, uniform, again);
                    assertFalse(again.isWinner(i), "seed " + seed + ": bidding below its price must lose");
                    lowered++;
                }
            }
        }
        assertTrue(lowered > 300, "critical checks below the price: " + lowered);
    }

    @Test
    void allocationAllocatesNothingOnceWarm() {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        AuctionOutcome out = new AuctionOutcome();
        RandomGenerator r = AuctionFormatsTest.rng(9);
        long[] bids = new long[80];
        long[] recip = new long[80];
        for (int i = 0; i < 80; i++) {
            bids[i] = r.nextInt(2) * r.nextLong(1000);
            recip[i] = r.nextLong(1 << 20);
        }
        SlotAllocation[] policies = {new SlotAllocation.BidsFirst(), new SlotAllocation.Weighted(0.7)};
        for (SlotAllocation p : policies) {
            p.allocate(bids, recip, 80, 3, 5, uniform, out);
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int rep = 0; rep < 20_000; rep++) {
                p.allocate(bids, recip, 80, 3, 5, uniform, out);
            }
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < 20_000, p + " allocated " + allocated + " bytes");
        }
    }

    private static boolean wonBySale(AuctionOutcome out, int i) {
        for (int j = 0; j < out.count(); j++) {
            if (out.winner(j) == i) {
                return out.sold(j);
            }
        }
        return false;
    }

    private static int countOf(long[] a, long v) {
        int c = 0;
        for (long x : a) {
            c += x == v ? 1 : 0;
        }
        return c;
    }
}
