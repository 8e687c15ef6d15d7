package org.speedsim.engine.speed.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link SlotAllocation.Weighted} against a brute-force reading of its documentation: sort every candidate by
 * (score, bid, reciprocation, lower index), take the best {@code slots}, and price each bidding winner at the lowest
 * bid (found by scanning every bid from 0) at which it would still at least tie the best loser, floored at the
 * reserve. Small value ranges make ties of every kind common; up to 24 candidates exercise the growth of the
 * scratch arrays. Also the contract of {@link AuctionOutcome} itself.
 */
class WeightedAllocationReferenceTest {

    /** A format that only tells the allocation how to price; the weighted allocation never runs it. */
    private record PricingOnly(Pricing pricing) implements AuctionFormat {
        @Override
        public String name() {
            return pricing.name();
        }

        @Override
        public void run(long[] bids, int n, int slots, long reserve, AuctionOutcome out) {
            throw new AssertionError("not an auction");
        }
    }

    private static double score(double w, long bid, long maxBid, long recip, long maxRecip) {
        double b = maxBid == 0 ? 0 : (double) bid / maxBid;
        double r = maxRecip == 0 ? 0 : (double) recip / maxRecip;
        return w * b + (1 - w) * r;
    }

    /** Winners as "candidate@price" (sold) or "candidate(recip)", in the documented order. */
    private static List<String> reference(double w, long[] bids, long[] recip, int n, int slots, long reserve,
                                          Pricing pricing) {
        long[] eff = new long[n];
        long maxBid = 0;
        long maxRecip = 0;
        for (int i = 0; i < n; i++) {
            eff[i] = bids[i] > 0 && bids[i] >= reserve ? bids[i] : 0;
            maxBid = Math.max(maxBid, eff[i]);
            maxRecip = Math.max(maxRecip, recip[i]);
        }
        final long mb = maxBid;
        final long mr = maxRecip;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -score(w, eff[i], mb, recip[i], mr))
                .thenComparingLong(i -> -eff[i]).thenComparingLong(i -> -recip[i]).thenComparingInt(i -> i));
        int k = Math.min(slots, n);
        List<String> sold = new ArrayList<>();
        List<String> free = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            int i = order[j];
            if (eff[i] == 0) {
                free.add(i + "(recip)");
                continue;
            }
            long price;
            if (pricing == Pricing.PAY_BID) {
                price = eff[i];
            } else if (k == n) {
                price = reserve;
            } else {
                int t = order[k];
                double ts = score(w, eff[t], mb, recip[t], mr);
                long b = 0;
                while (true) {
                    double s = score(w, b, mb, recip[i], mr);
                    if (s > ts || (s == ts && b >= eff[t])) {
                        break;
                    }
                    b++;
                }
                price = Math.max(reserve, b);
            }
            sold.add(i + "@" + price);
        }
        sold.addAll(free);
        return sold;
    }

    private static List<String> actual(AuctionOutcome out) {
        List<String> got = new ArrayList<>();
        for (int j = 0; j < out.count(); j++) {
            got.add(out.winner(j) + (out.sold(j) ? "@" + out.price(j) : "(recip)"));
            if (!out.sold(j)) {
                assertEquals(0, out.price(j));
            }
        }
        return got;
    }

    @Test
    void matchesTheBruteForceRankingAndCriticalBids() {
        SplittableRandom rng = new SplittableRandom(20);
        double[] weights = {0, 0.25, 0.5, 0.75, 1};
        AuctionOutcome out = new AuctionOutcome();
        for (int rep = 0; rep < 6_000; rep++) {
            int n = rng.nextInt(25);
            long bidRange = rng.nextBoolean() ? 4 : 40;
            long recipRange = rng.nextBoolean() ? 3 : 1_000;
            long[] bids = new long[n + 1];
            long[] recip = new long[n + 1];
            for (int i = 0; i < n; i++) {
                bids[i] = rng.nextInt(3) == 0 ? 0 : rng.nextLong(bidRange);
                recip[i] = rng.nextInt(4) == 0 ? 0 : rng.nextLong(recipRange);
            }
            bids[n] = 999; // past n: never looked at
            recip[n] = 999;
            int slots = rng.nextInt(n + 3);
            long reserve = rng.nextInt(3) == 0 ? rng.nextLong(bidRange) : 0;
            double w = rep % 7 == 6 ? rng.nextDouble() : weights[rng.nextInt(weights.length)];
            Pricing pricing = rng.nextInt(4) == 0 ? Pricing.PAY_BID : Pricing.CRITICAL;
            new SlotAllocation.Weighted(w).allocate(bids, recip, n, slots, reserve, new PricingOnly(pricing), out);
            String what = "w=" + w + " bids=" + Arrays.toString(bids) + " recip=" + Arrays.toString(recip) + " slots="
                    + slots + " reserve=" + reserve + " " + pricing;
            assertEquals(reference(w, bids, recip, n, slots, reserve, pricing), actual(out), what);
        }
    }

    @Test
    void aBidExactlyAtTheReserveCountsAsABid() {
        AuctionOutcome out = new AuctionOutcome();
        new SlotAllocation.Weighted(1).allocate(new long[] {5, 3}, new long[] {0, 0}, 2, 1, 5,
                new PricingOnly(Pricing.PAY_BID), out);
        assertEquals(List.of("0@5"), actual(out));
    }

    @Test
    void withoutBidsOrReciprocationEveryScoreIsZeroAndTheLowerIndexWins() {
        AuctionOutcome out = new AuctionOutcome();
        new SlotAllocation.Weighted(0.5).allocate(new long[3], new long[3], 3, 2, 0,
                new PricingOnly(Pricing.CRITICAL), out);
        assertEquals(List.of("0(recip)", "1(recip)"), actual(out));
        new SlotAllocation.Weighted(0.5).allocate(new long[] {0, 0, 0}, new long[] {0, 4, 4}, 3, 1, 0,
                new PricingOnly(Pricing.CRITICAL), out);
        assertEquals(List.of("1(recip)"), actual(out));
    }

    @Test
    void anOutcomeRefusesBadPricesAndIndicesAndGrows() {
        AuctionOutcome out = new AuctionOutcome();
        assertThrows(IllegalArgumentException.class, () -> out.add(0, -1, true));
        assertThrows(IllegalArgumentException.class, () -> out.add(0, 3, false));
        out.add(4, 0, false);
        out.add(5, 0, true);
        for (int j : new int[] {-1, 2}) {
            assertThrows(IndexOutOfBoundsException.class, () -> out.winner(j));
            assertThrows(IndexOutOfBoundsException.class, () -> out.price(j));
            assertThrows(IndexOutOfBoundsException.class, () -> out.sold(j));
            assertThrows(IndexOutOfBoundsException.class, () -> out.setWinner(j, 1));
        }
        for (int c = 0; c < 30; c++) {
            out.add(100 + c, c, true);
        }
        assertEquals(32, out.count());
        assertEquals(129, out.winner(31));
        assertEquals(29, out.price(31));
        out.setWinner(31, 7);
        assertEquals(7, out.winner(31));
        assertEquals("AuctionOutcome[4(recip), 5@0]", first2(out));
        out.clear();
        assertEquals(0, out.count());
        assertThrows(IndexOutOfBoundsException.class, () -> out.winner(0));
        assertEquals(false, out.isWinner(4));
        // scratch arrays are at least as long as asked, and two of them are distinct
        assertEquals(true, out.orderScratch(50).length >= 50);
        assertEquals(true, out.indexScratch(70).length >= 70);
        assertEquals(true, out.bidScratch(90).length >= 90);
    }

    private static String first2(AuctionOutcome out) {
        AuctionOutcome copy = new AuctionOutcome();
        copy.add(out.winner(0), out.price(0), out.sold(0));
        copy.add(out.winner(1), out.price(1), out.sold(1));
        return copy.toString();
    }
}
