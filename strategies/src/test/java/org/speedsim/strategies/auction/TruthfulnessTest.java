package org.speedsim.strategies.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.speed.auction.AuctionFormat;
import org.speedsim.engine.speed.auction.AuctionOutcome;
import org.speedsim.engine.speed.auction.SlotAllocation;

/**
 * Which configurations of the production auction and slot allocation make bidding one's true value a dominant
 * strategy for unit-demand bidders, found by search: over many random profiles (true values, some candidates without
 * a bid, reciprocation, slots, reserve), every candidate with a value tries a set of deviations that contains every
 * threshold at which the outcome can change for the bare formats (0, each other bid and its neighbours, the reserve and
 * its neighbours, its own value and neighbours, a grid, a bid above all). A candidate's utility is {@code value - price}
 * when it wins a sold slot, {@code value} when it holds a free reciprocation slot, and 0 when it loses.
 *
 * <p>Truthful (no profitable deviation exists): the bare uniform-price and VCG auctions with or without a reserve, and
 * {@code bids-first} with those formats and no reserve, and {@code weighted} with bid weight 0 or 1 and no reserve.
 * Not truthful, with a deviation the search must find: first
 * price in every form; {@code bids-first} with a reserve (bid below the reserve and take a free reciprocation slot);
 * {@code weighted} with a reserve, and {@code weighted} with a bid weight strictly between 0 and 1 even without one
 * (the unique highest bidder sets the bid normaliser, so its own bid moves its critical price).
 */
class TruthfulnessTest {

    /** One configuration: a format, optionally inside an allocation with reciprocation fill, and whether it reserves. */
    record Config(String name, AuctionFormat format, SlotAllocation allocation, boolean reserve) {
    }

    /** A candidate that gains by deviating, for the failure message and the documentation. */
    record Deviation(long seed, long[] values, long[] recip, int slots, long reserve, int who, long bid, long gain) {
        @Override
        public String toString() {
            return "seed " + seed + ": values " + Arrays.toString(values) + " reciprocation " + Arrays.toString(recip)
                    + " slots " + slots + " reserve " + reserve + ": candidate " + who + " (value " + values[who]
                    + ") gains " + gain + " by bidding " + bid;
        }
    }

    private static final AuctionFormat UNIFORM = new UniformPriceAuction();
    private static final AuctionFormat VCG = new VcgAuction();
    private static final AuctionFormat FIRST = new FirstPriceAuction();

    private final AuctionOutcome out = new AuctionOutcome();

    @Test
    void truthfulConfigurationsHaveNoProfitableDeviation() {
        List<Config> truthful = List.of(
                new Config("uniform-price", UNIFORM, null, false),
                new Config("uniform-price, reserve", UNIFORM, null, true),
                new Config("vcg", VCG, null, false),
                new Config("vcg, reserve", VCG, null, true),
                new Config("bids-first uniform-price", UNIFORM, new SlotAllocation.BidsFirst(), false),
                new Config("bids-first vcg", VCG, new SlotAllocation.BidsFirst(), false),
                new Config("weighted(1) uniform-price", UNIFORM, new SlotAllocation.Weighted(1), false),
                new Config("weighted(0) uniform-price", UNIFORM, new SlotAllocation.Weighted(0), false),
                new Config("weighted(1) vcg", VCG, new SlotAllocation.Weighted(1), false));
        for (Config c : truthful) {
            long[] checked = new long[1];
            Deviation d = search(c, 3_000, checked);
            assertEquals(null, d, c.name() + " must be truthful; found " + d);
            assertTrue(checked[0] > 50_000, c.name() + ": deviations checked " + checked[0]);
        }
    }

    @Test
    void configurationsWithAReserveAndReciprocationFillOrWithFirstPriceAreNotTruthful() {
        List<Config> manipulable = List.of(
                new Config("first-price", FIRST, null, false),
                new Config("bids-first first-price", FIRST, new SlotAllocation.BidsFirst(), false),
                new Config("bids-first uniform-price, reserve", UNIFORM, new SlotAllocation.BidsFirst(), true),
                new Config("bids-first vcg, reserve", VCG, new SlotAllocation.BidsFirst(), true),
                new Config("weighted(1) uniform-price, reserve", UNIFORM, new SlotAllocation.Weighted(1), true),
                new Config("weighted(0) uniform-price, reserve", UNIFORM, new SlotAllocation.Weighted(0), true),
                new Config("weighted(0.5) uniform-price, reserve", UNIFORM, new SlotAllocation.Weighted(0.5), true),
                new Config("weighted(0.5) uniform-price", UNIFORM, new SlotAllocation.Weighted(0.5), false),
                new Config("weighted(0.7) vcg", VCG, new SlotAllocation.Weighted(0.7), false));
        for (Config c : manipulable) {
            Deviation d = search(c, 3_000, new long[1]);
            assertTrue(d != null, c.name() + ": the search found no profitable deviation");
            // replay the deviation independently of the search loop
            long truthful = utility(c, d.values(), d.recip(), d.slots(), d.reserve(), d.who(), d.values()[d.who()]);
            long deviated = utility(c, d.values(), d.recip(), d.slots(), d.reserve(), d.who(), d.bid());
            assertEquals(d.gain(), deviated - truthful, c.name() + ": " + d);
            assertTrue(d.gain() > 0, c.name() + ": " + d);
        }
    }

    /** The case: value 35, reserve 30; bidding below the reserve takes a free reciprocation slot. */
    @Test
    void aBidderValuingASlotAt35WithReserve30GainsByBiddingBelowTheReserve() {
        long[] values = {35, 50, 0};
        long[] recip = {100, 0, 10};
        for (SlotAllocation a : List.of(new SlotAllocation.BidsFirst(), new SlotAllocation.Weighted(0.5),
                new SlotAllocation.Weighted(1))) {
            Config c = new Config(a.toString(), UNIFORM, a, true);
            // truthful: 0 and 1 win through their bids at the reserve, 30 (nobody lost); the free slot goes to 2
            assertEquals(35 - 30, utility(c, values, recip, 3, 30, 0, 35), a.toString());
            // bidding 29 counts as no bid: 0 takes a reciprocation slot for free
            assertEquals(35, utility(c, values, recip, 3, 30, 0, 29), a.toString());
        }
        // the bare auction has no free slot to take: bidding 29 loses
        Config bare = new Config("uniform-price", UNIFORM, null, true);
        assertEquals(0, utility(bare, values, recip, 3, 30, 0, 29));
        assertEquals(5, utility(bare, values, recip, 3, 30, 0, 35));
    }

    /** The first profitable deviation over {@code profiles} random profiles, or null; counts deviations tried. */
    private Deviation search(Config c, int profiles, long[] checked) {
        for (long seed = 0; seed < profiles; seed++) {
            RandomGenerator r = AuctionFormatsTest.rng(7_000_000 + seed);
            int n = 1 + r.nextInt(7);
            long range = r.nextBoolean() ? 8 : 1_000;
            long[] values = new long[n];
            long[] recip = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = r.nextInt(4) == 0 ? 0 : r.nextLong(range);
                recip[i] = r.nextInt(3) == 0 ? 0 : r.nextLong(range);
            }
            int slots = 1 + r.nextInt(Math.min(n + 1, 4));
            long reserve = c.reserve() ? 1 + r.nextLong(range / 2 + 1) : 0;
            for (int i = 0; i < n; i++) {
                if (values[i] == 0) {
                    continue;
                }
                long truthful = utility(c, values, recip, slots, reserve, i, values[i]);
                for (long dev : deviations(values, i, reserve)) {
                    checked[0]++;
                    long u = utility(c, values, recip, slots, reserve, i, dev);
                    if (u > truthful) {
                        return new Deviation(seed, values, recip, slots, reserve, i, dev, u - truthful);
                    }
                }
            }
        }
        return null;
    }

    private static long[] deviations(long[] values, int who, long reserve) {
        long top = reserve + 2;
        for (long v : values) {
            top = Math.max(top, v + 2);
        }
        long[] d = new long[3 * values.length + 3 + 3 + 41];
        int k = 0;
        for (long v : values) {
            d[k++] = Math.max(0, v - 1);
            d[k++] = v;
            d[k++] = v + 1;
        }
        d[k++] = Math.max(0, reserve - 1);
        d[k++] = reserve;
        d[k++] = reserve + 1;
        d[k++] = 0;
        d[k++] = 2 * top;
        d[k++] = values[who];
        for (int g = 0; g <= 40; g++) {
            d[k++] = top * g / 40;
        }
        return Arrays.copyOf(d, k);
    }

    /**
     * Utility of candidate {@code who} with true value {@code values[who]} that bids {@code bid} while every other
     * candidate bids its value, under the production classes of the configuration.
     */
    private long utility(Config c, long[] values, long[] recip, int slots, long reserve, int who, long bid) {
        long[] bids = values.clone();
        bids[who] = bid;
        if (c.allocation() == null) {
            c.format().run(bids, bids.length, slots, reserve, out);
        } else {
            c.allocation().allocate(bids, recip, bids.length, slots, reserve, c.format(), out);
        }
        for (int j = 0; j < out.count(); j++) {
            if (out.winner(j) == who) {
                return out.sold(j) ? values[who] - out.price(j) : values[who];
            }
        }
        return 0;
    }
}
