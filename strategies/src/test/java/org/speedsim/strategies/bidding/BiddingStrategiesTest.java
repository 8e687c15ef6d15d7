package org.speedsim.strategies.bidding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.speedsim.engine.speed.bidding.BiddingStrategy.NO_CHANGE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.speed.bidding.BiddingStrategy;
import org.speedsim.engine.speed.bidding.FakeBidContext;

class BiddingStrategiesTest {

    private static final long SECOND = 1_000_000L;
    private static final long MINUTE = 60 * SECOND;
    /** With 1000 KiB left and spending rate 1, the auto-bid in nano-BTT/KiB equals the balance in micro-BTT. */
    private static final long THOUSAND_KIB = 1000 * 1024;

    private static final RandomGeneratorFactory<RandomGenerator> RNG = RandomGeneratorFactory.of("L64X128MixRandom");

    static RandomGenerator rng(long seed) {
        return RNG.create(seed);
    }

    /**
     * The white paper's formula in exact decimal arithmetic, rate * balance[BTT] / remaining[KiB] as nano-BTT/KiB,
     * rounded down and saturated at Long.MAX_VALUE.
     */
    static long paperBid(double rate, long balanceMicro, long remainingBytes) {
        BigDecimal kib = BigDecimal.valueOf((remainingBytes + 1023) / 1024);
        BigDecimal balanceBtt = BigDecimal.valueOf(balanceMicro).movePointLeft(6);
        BigDecimal rateExact = BigDecimal.valueOf(Math.round(rate * 1e6)).movePointLeft(6);
        BigDecimal bttPerKib = rateExact.multiply(balanceBtt).divide(kib, 30, RoundingMode.FLOOR);
        BigDecimal nano = bttPerKib.movePointRight(9).setScale(0, RoundingMode.FLOOR);
        return nano.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : nano.longValueExact();
    }

    @Test
    void autoBidFollowsTheFormula() {
        // 1 BTT, 1 MiB left: 1/1024 BTT per KiB = 976,562.5 nano-BTT per KiB, rounded down
        assertEquals(976_562, new FakeBidContext(0, 1_000_000, 1 << 20).ask(new AutoBid()));
        assertEquals(488_281, new FakeBidContext(0, 1_000_000, 1 << 20).ask(new AutoBid(0.5)));
        // a partial KiB counts as a whole one
        assertEquals(1_000_000_000L / 2, new FakeBidContext(0, 1_000_000, 1025).ask(new AutoBid()));
        for (long seed = 0; seed < 20_000; seed++) {
            RandomGenerator r = rng(seed);
            double rate = r.nextInt(4) == 0 ? 1.0 : r.nextDouble();
            long balance = r.nextLong(1L << r.nextInt(1, 60));
            long remaining = 1 + r.nextLong(1L << r.nextInt(1, 50));
            long expected = paperBid(rate, balance, remaining);
            long got = new FakeBidContext(r.nextLong(1L << 40), balance, remaining).ask(new AutoBid(rate));
            assertEquals(expected == 0 ? NO_CHANGE : expected, got, rate + " " + balance + " " + remaining);
        }
    }

    @Test
    void autoBidIsSilentWhenNothingRemains() {
        AutoBid bid = new AutoBid();
        FakeBidContext ctx = new FakeBidContext(0, 5_000_000, 0);
        assertEquals(NO_CHANGE, ctx.ask(bid));
        ctx.remaining = THOUSAND_KIB;
        assertEquals(5_000_000, ctx.ask(bid));
        ctx.remaining = 0;
        ctx.now = 10 * MINUTE;
        bid.setSpendingRate(0.5);
        assertEquals(NO_CHANGE, ctx.ask(bid), "even a user change sends nothing once complete");
        // an empty wallet sends no first bid
        assertEquals(NO_CHANGE, new FakeBidContext(0, 0, THOUSAND_KIB).ask(new AutoBid()));
    }

    @Test
    void autoBidRevisesOnlyOnChangesAboveTenPercent() {
        AutoBid bid = new AutoBid();
        FakeBidContext ctx = new FakeBidContext(0, 1000, THOUSAND_KIB);
        assertEquals(1000, ctx.ask(bid));
        ctx.now = 5 * MINUTE;
        for (long balance : new long[] {1100, 900, 1050, 1000, 901}) {
            ctx.balance = balance;
            assertEquals(NO_CHANGE, ctx.ask(bid), "a move to " + balance + " is within 10 %");
        }
        ctx.balance = 1101;
        assertEquals(1101, ctx.ask(bid));
        ctx.now += 5 * MINUTE;
        ctx.balance = 1101 - 111; // 990.9 would be the 10 % bound; 990 is below it
        assertEquals(990, ctx.ask(bid));
        ctx.now += 5 * MINUTE;
        ctx.balance = 0;
        assertEquals(0, ctx.ask(bid), "running out of tokens is a change worth announcing");
        ctx.now += 5 * MINUTE;
        ctx.balance = 1;
        assertEquals(1, ctx.ask(bid), "any rise from a zero bid is more than 10 %");
    }

    @Test
    void autoBidRevisesAtMostOnceAMinute() {
        AutoBid bid = new AutoBid();
        FakeBidContext ctx = new FakeBidContext(7 * SECOND, 1000, THOUSAND_KIB);
        assertEquals(1000, ctx.ask(bid));
        ctx.balance = 5000;
        for (long t = 7 * SECOND; t < 67 * SECOND; t += SECOND / 2) {
            ctx.now = t;
            assertEquals(NO_CHANGE, ctx.ask(bid), "at " + t);
        }
        ctx.now = 67 * SECOND - 1;
        assertEquals(NO_CHANGE, ctx.ask(bid));
        ctx.now = 67 * SECOND;
        assertEquals(5000, ctx.ask(bid));
    }

    @Test
    void autoBidReBidsAtOnceWhenTheUserChangesTheRate() {
        AutoBid bid = new AutoBid();
        FakeBidContext ctx = new FakeBidContext(0, 1000, THOUSAND_KIB);
        assertEquals(1000, ctx.ask(bid));
        ctx.now = SECOND;
        bid.setSpendingRate(0.95); // a 5 % move, one second after the last bid: both rules waived
        assertEquals(950, ctx.ask(bid));
        ctx.now = 2 * SECOND;
        ctx.balance = 4000;
        assertEquals(NO_CHANGE, ctx.ask(bid), "the waiver is used up; the minute counts from the user's bid");
        ctx.now = SECOND + MINUTE;
        assertEquals(3800, ctx.ask(bid));
        ctx.now += SECOND;
        bid.setSpendingRate(0.95);
        assertEquals(NO_CHANGE, ctx.ask(bid), "setting the same rate is no change");
        assertThrows(IllegalArgumentException.class, () -> bid.setSpendingRate(1.01));
        assertThrows(IllegalArgumentException.class, () -> bid.setSpendingRate(-0.01));
        assertThrows(IllegalArgumentException.class, () -> bid.setSpendingRate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new AutoBid(2));
    }

    /**
     * Random downloads queried at every 10 s rechoke and at random state changes, with occasional user changes: every
     * bid sent is the formula's value; revisions not caused by the user are at least a minute apart and move more than
     * 10 %; and no needed revision is withheld (whenever a minute has passed and the formula moved more than 10 %, the
     * bid goes out).
     */
    @Test
    void autoBidPacingHoldsOnRandomDownloads() {
        int revisions = 0;
        int userBids = 0;
        for (long seed = 0; seed < 300; seed++) {
            RandomGenerator r = rng(10_000 + seed);
            double rate = 1.0;
            AutoBid bid = new AutoBid(rate);
            long fileBytes = (1 + r.nextInt(400)) * 256L * 1024;
            FakeBidContext ctx = new FakeBidContext(0, r.nextLong(1, 50_000_000), fileBytes);
            long nextRechoke = 0;
            while (ctx.remaining > 0) {
                boolean rechoke = r.nextInt(3) > 0;
                if (rechoke) {
                    ctx.now = nextRechoke;
                    nextRechoke += 10 * SECOND;
                } else {
                    ctx.now = Math.min(nextRechoke, ctx.now + r.nextLong(1, 10 * SECOND));
                    ctx.remaining = Math.max(0, ctx.remaining - r.nextLong(256 * 1024 * 4));
                    ctx.balance = Math.max(0, ctx.balance - r.nextLong(ctx.balance / 20 + 1));
                }
                boolean user = false;
                if (r.nextInt(100) == 0) {
                    double newRate = r.nextInt(11) / 10.0;
                    user = newRate != rate;
                    rate = newRate;
                    bid.setSpendingRate(rate);
                }
                long prev = ctx.lastBid;
                long prevAt = ctx.lastBidAt;
                long target = ctx.remaining == 0 ? 0 : paperBid(rate, ctx.balance, ctx.remaining);
                long got = ctx.ask(bid);
                if (ctx.remaining == 0) {
                    assertEquals(NO_CHANGE, got);
                    continue;
                }
                if (got != NO_CHANGE) {
                    assertEquals(target, got, "seed " + seed);
                }
                if (prev == BiddingStrategy.NO_BID) {
                    assertEquals(target > 0 ? target : NO_CHANGE, got, "first bid, seed " + seed);
                    continue;
                }
                boolean moved = Math.abs(target - prev) * 10 > prev;
                boolean waited = ctx.now - prevAt >= MINUTE;
                if (user) {
                    assertEquals(target == prev ? NO_CHANGE : target, got, "user change, seed " + seed);
                    userBids += got != NO_CHANGE ? 1 : 0;
                } else {
                    assertEquals(moved && waited ? target : NO_CHANGE, got, "seed " + seed + " at " + ctx.now);
                    revisions += got != NO_CHANGE ? 1 : 0;
                }
            }
        }
        assertTrue(revisions > 500 && userBids > 20, revisions + " revisions, " + userBids + " user bids");
    }

    @Test
    void bidShaderBidsAFractionOfTheAutoBid() {
        for (long seed = 0; seed < 2_000; seed++) {
            RandomGenerator r = rng(seed);
            long balance = r.nextLong(1, 1L << 40);
            long remaining = r.nextLong(1, 1L << 35);
            double fraction = r.nextInt(100) / 100.0;
            long honest = paperBid(1.0, balance, remaining);
            long expected = BigDecimal.valueOf(honest).multiply(BigDecimal.valueOf(fraction))
                    .setScale(0, RoundingMode.FLOOR).longValueExact();
            long got = new FakeBidContext(0, balance, remaining).ask(new BidShader(1.0, fraction));
            assertEquals(expected == 0 ? NO_CHANGE : expected, got);
        }
        // shading keeps auto-bid's pacing
        BidShader shader = new BidShader(1.0, 0.5);
        FakeBidContext ctx = new FakeBidContext(0, 1000, THOUSAND_KIB);
        assertEquals(500, ctx.ask(shader));
        ctx.balance = 4000;
        ctx.now = MINUTE - 1;
        assertEquals(NO_CHANGE, ctx.ask(shader));
        ctx.now = MINUTE;
        assertEquals(2000, ctx.ask(shader));
    }

    @Test
    void fixedBidAndFreeRider() {
        BiddingStrategy fixed = FixedBid.factory(1234).create(0, rng(0));
        BiddingStrategy free = FreeRider.factory().create(0, rng(0));
        FakeBidContext a = new FakeBidContext(0, 0, 1 << 20);
        FakeBidContext b = new FakeBidContext(0, 1_000_000_000, 1 << 20);
        assertEquals(1234, a.ask(fixed));
        for (long t = 0; t < 100; t++) {
            a.now = t * MINUTE;
            a.balance = t * 1_000_000;
            a.remaining = (100 - t) * 1024;
            b.now = t * MINUTE;
            assertEquals(NO_CHANGE, a.ask(fixed));
            assertEquals(NO_CHANGE, b.ask(free));
        }
        a.lastBid = 7; // the standing bid was lost (e.g. a reconnect): it is sent again
        assertEquals(1234, a.ask(fixed));
        a.remaining = 0;
        a.lastBid = BiddingStrategy.NO_BID;
        assertEquals(NO_CHANGE, a.ask(fixed));
        assertThrows(IllegalArgumentException.class, () -> new FixedBid(-1));
    }

    /** A strategy without a spending rate says so when the user sets one, and its bids do not change. */
    @Test
    void aStrategyWithoutASpendingRateRefusesOne() {
        BiddingStrategy fixed = ctx -> 5_000;
        assertEquals(false, fixed.setSpendingRate(0.5));
        assertEquals(5_000, fixed.nextBid(new FakeBidContext(0, 1_000, 1_024)));
    }

    /** A shader re-bids its fraction of the formula at once when the user changes its rate, and not for the same rate. */
    @Test
    void aBidShaderReBidsAtOnceWhenTheUserChangesTheRate() {
        BidShader bid = new BidShader(1.0, 0.5);
        FakeBidContext ctx = new FakeBidContext(0, 1000, THOUSAND_KIB);
        assertEquals(500, ctx.ask(bid), "half of the formula's 1000");
        ctx.now = SECOND;
        assertEquals(true, bid.setSpendingRate(0.8));
        assertEquals(400, ctx.ask(bid), "half of 800, a second after the last bid: the pacing is waived");
        ctx.now = 2 * SECOND;
        assertEquals(true, bid.setSpendingRate(0.8));
        ctx.balance = 4000;
        assertEquals(NO_CHANGE, ctx.ask(bid), "the same rate again is no change, so the minute still counts");
        assertThrows(IllegalArgumentException.class, () -> bid.setSpendingRate(1.5));
    }
}
