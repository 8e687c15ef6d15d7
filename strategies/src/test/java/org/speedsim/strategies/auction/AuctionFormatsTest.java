package org.speedsim.strategies.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.speed.auction.AuctionFormat;
import org.speedsim.engine.speed.auction.AuctionOutcome;

class AuctionFormatsTest {

    private final AuctionFormat uniform = new UniformPriceAuction();
    private final AuctionFormat vcg = new VcgAuction();
    private final AuctionFormat firstPrice = new FirstPriceAuction();

    private static final RandomGeneratorFactory<RandomGenerator> RNG = RandomGeneratorFactory.of("L64X128MixRandom");

    static RandomGenerator rng(long seed) {
        return RNG.create(seed);
    }

    /** A random unit-demand instance; small bid ranges make ties common. */
    record Instance(long[] bids, int slots, long reserve) {
        static Instance random(RandomGenerator r) {
            int n = r.nextInt(9);
            long range = r.nextBoolean() ? 6 : 1_000_000;
            long[] bids = new long[n];
            for (int i = 0; i < n; i++) {
                bids[i] = r.nextLong(range);
            }
            long reserve = r.nextInt(3) == 0 ? r.nextLong(range) : 0;
            return new Instance(bids, r.nextInt(n + 2), reserve);
        }
    }

    /** Best welfare of the bidders in {@code mask} (plus the seller, who values each unsold slot at the reserve). */
    static long bestWelfare(long[] bids, int mask, int slots, long reserve) {
        long best = 0;
        for (int s = 0; s < (1 << bids.length); s++) {
            if ((s & ~mask) != 0 || Integer.bitCount(s) > slots) {
                continue;
            }
            best = Math.max(best, welfare(bids, s, slots, reserve));
        }
        return best;
    }

    static long welfare(long[] bids, int set, int slots, long reserve) {
        long w = (long) (slots - Integer.bitCount(set)) * reserve;
        for (int i = 0; i < bids.length; i++) {
            if ((set & (1 << i)) != 0) {
                w += bids[i];
            }
        }
        return w;
    }

    @Test
    void uniformPriceEqualsBruteForceVcgOnRandomUnitDemandInstances() {
        AuctionOutcome u = new AuctionOutcome();
        AuctionOutcome v = new AuctionOutcome();
        int withLosers = 0;
        for (long seed = 0; seed < 12_000; seed++) {
            Instance in = Instance.random(rng(seed));
            long[] bids = in.bids();
            int n = bids.length;
            uniform.run(bids, n, in.slots(), in.reserve(), u);
            vcg.run(bids, n, in.slots(), in.reserve(), v);
            int all = (1 << n) - 1;
            int winners = 0;
            for (int j = 0; j < u.count(); j++) {
                winners |= 1 << u.winner(j);
            }
            String what = "seed " + seed + " " + in + " bids " + Arrays.toString(bids) + " -> " + u;
            // the allocation maximises welfare (reserve = the seller's value of an unsold slot)
            assertEquals(bestWelfare(bids, all, in.slots(), in.reserve()),
                    welfare(bids, winners, in.slots(), in.reserve()), what);
            assertEquals(u.count(), v.count(), what);
            if (u.count() < n) {
                withLosers++;
            }
            for (int j = 0; j < u.count(); j++) {
                int i = u.winner(j);
                assertEquals(i, v.winner(j), what);
                long othersWithout = bestWelfare(bids, all & ~(1 << i), in.slots(), in.reserve());
                long othersWith = welfare(bids, winners, in.slots(), in.reserve()) - bids[i];
                long externality = othersWithout - othersWith;
                assertEquals(externality, u.price(j), "uniform " + what);
                assertEquals(externality, v.price(j), "vcg " + what);
                assertTrue(u.price(j) <= bids[i] && u.price(j) >= in.reserve(), what);
            }
        }
        assertTrue(withLosers > 3_000, "instances with losers: " + withLosers);
    }

    @Test
    void uniformPriceIsTruthfulOverAGridOfDeviations() {
        AuctionOutcome out = new AuctionOutcome();
        int checks = 0;
        for (long seed = 0; seed < 2_000; seed++) {
            RandomGenerator r = rng(1_000_000 + seed);
            Instance in = Instance.random(r);
            long[] bids = in.bids();
            if (bids.length == 0) {
                continue;
            }
            long top = Arrays.stream(bids).max().orElse(0) + in.reserve() + 2;
            for (int i = 0; i < bids.length; i++) {
                long value = bids[i];
                long truthful = utility(uniform, bids, i, value, value, in, out);
                for (long dev : deviations(value, top)) {
                    long u = utility(uniform, bids, i, value, dev, in, out);
                    assertTrue(u <= truthful, "seed " + seed + " bidder " + i + " value " + value + " gains "
                            + (u - truthful) + " by bidding " + dev + " in " + Arrays.toString(bids));
                    checks++;
                }
            }
        }
        assertTrue(checks > 100_000, "deviations checked: " + checks);
    }

    @Test
    void firstPriceIsNotTruthful() {
        // two bidders, one slot: the winner with value 10 pays 10 when truthful, 5 when bidding 5 (wins the tie)
        AuctionOutcome out = new AuctionOutcome();
        Instance in = new Instance(new long[] {10, 5}, 1, 0);
        assertEquals(0, utility(firstPrice, in.bids(), 0, 10, 10, in, out));
        assertEquals(5, utility(firstPrice, in.bids(), 0, 10, 5, in, out));
        // and shading pays on most random instances where someone wins against a lower bid
        int gains = 0;
        for (long seed = 0; seed < 1_000; seed++) {
            Instance r = Instance.random(rng(seed));
            long[] bids = r.bids();
            for (int i = 0; i < bids.length; i++) {
                long truthful = utility(firstPrice, bids, i, bids[i], bids[i], r, out);
                long best = 0;
                for (long dev : deviations(bids[i], bids[i] + 1)) {
                    best = Math.max(best, utility(firstPrice, bids, i, bids[i], dev, r, out));
                }
                if (best > truthful) {
                    gains++;
                }
            }
        }
        assertTrue(gains > 100, "shading gained in " + gains + " cases");
    }

    @Test
    void tiesGoToTheLowerIndexAndPricesFollowTheFormat() {
        AuctionOutcome out = new AuctionOutcome();
        long[] bids = {7, 9, 7, 7, 3};
        uniform.run(bids, 5, 3, 0, out);
        assertEquals("AuctionOutcome[1@7, 0@7, 2@7]", out.toString());
        firstPrice.run(bids, 5, 3, 0, out);
        assertEquals("AuctionOutcome[1@9, 0@7, 2@7]", out.toString());
        uniform.run(bids, 5, 3, 8, out);
        assertEquals("AuctionOutcome[1@8]", out.toString());
        uniform.run(bids, 5, 10, 0, out);
        assertEquals("AuctionOutcome[1@0, 0@0, 2@0, 3@0, 4@0]", out.toString());
        uniform.run(bids, 5, 10, 2, out);
        assertEquals("AuctionOutcome[1@2, 0@2, 2@2, 3@2, 4@2]", out.toString());
        vcg.run(bids, 5, 0, 0, out);
        assertEquals(0, out.count());
        assertEquals("vcg", org.speedsim.strategies.StrategyRegistry.builtIn().auction()
                .create("vcg", org.speedsim.strategies.StrategyArgs.NONE).name());
    }

    @Test
    void runningAnAuctionAllocatesNothingOnceWarm() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        AuctionOutcome out = new AuctionOutcome();
        long[] bids = new long[80];
        RandomGenerator r = rng(3);
        for (int i = 0; i < bids.length; i++) {
            bids[i] = r.nextLong(1_000);
        }
        for (AuctionFormat f : new AuctionFormat[] {uniform, vcg, firstPrice}) {
            f.run(bids, bids.length, 3, 10, out);
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int rep = 0; rep < 20_000; rep++) {
                f.run(bids, bids.length, 3, 10, out);
            }
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < 20_000, f.name() + " allocated " + allocated + " bytes in 20,000 runs");
        }
    }

    private static long[] deviations(long value, long top) {
        long[] d = new long[(int) Math.min(top + 1, 60) + 4];
        int k = 0;
        long step = Math.max(1, top / 50);
        for (long b = 0; b <= top && k < d.length - 4; b += step) {
            d[k++] = b;
        }
        d[k++] = Math.max(0, value - 1);
        d[k++] = value + 1;
        d[k++] = top;
        d[k++] = 0;
        return Arrays.copyOf(d, k);
    }

    /** Utility of bidder {@code i} with true {@code value} that bids {@code bid}: value - price if it wins, else 0. */
    private static long utility(AuctionFormat f, long[] bids, int i, long value, long bid, Instance in,
                                AuctionOutcome out) {
        long[] b = bids.clone();
        b[i] = bid;
        f.run(b, b.length, in.slots(), in.reserve(), out);
        for (int j = 0; j < out.count(); j++) {
            if (out.winner(j) == i) {
                return value - out.price(j);
            }
        }
        return 0;
    }

    /**
     * Formats are compared in scenario equality (a scenario as run names its format): two instances of one format are
     * equal with equal hashes, and no format equals another or something that is not a format.
     */
    @Test
    void aFormatEqualsOnlyItsOwnKind() {
        AuctionFormat[] formats = {uniform, vcg, firstPrice};
        AuctionFormat[] again = {new UniformPriceAuction(), new VcgAuction(), new FirstPriceAuction()};
        for (int i = 0; i < formats.length; i++) {
            assertEquals(formats[i], again[i]);
            assertEquals(formats[i].hashCode(), again[i].hashCode());
            assertTrue(!formats[i].equals(null) && !formats[i].equals(formats[i].toString()), formats[i].toString());
            for (int j = 0; j < formats.length; j++) {
                assertEquals(i == j, formats[i].equals(again[j]), formats[i] + " vs " + again[j]);
            }
        }
    }
}
