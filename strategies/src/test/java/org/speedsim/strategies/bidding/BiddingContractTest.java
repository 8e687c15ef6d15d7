package org.speedsim.strategies.bidding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.speedsim.engine.speed.bidding.BiddingStrategy.NO_CHANGE;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.speed.bidding.BiddingStrategy;
import org.speedsim.engine.speed.bidding.FakeBidContext;

/**
 * The bidding strategies' parameters and the exact edges of pacing: a revision exactly one interval after the last
 * bid, a change exactly at the hysteresis bound, a user change that lands on the standing bid.
 */
class BiddingContractTest {

    private static final long MINUTE = 60_000_000L;

    @Test
    void ratesAndFractionsOutsideZeroToOneAreRefusedAtOnce() {
        for (double bad : new double[] {-0.01, 1.01, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> new AutoBid(bad));
            assertThrows(IllegalArgumentException.class, () -> AutoBid.factory(bad));
            assertThrows(IllegalArgumentException.class, () -> new AutoBid().setSpendingRate(bad));
            assertThrows(IllegalArgumentException.class, () -> new BidShader(bad, 0.5));
            assertThrows(IllegalArgumentException.class, () -> new BidShader(0.5, bad));
            assertThrows(IllegalArgumentException.class, () -> BidShader.factory(bad, 0.5));
            assertThrows(IllegalArgumentException.class, () -> BidShader.factory(0.5, bad));
        }
        assertThrows(IllegalArgumentException.class, () -> new AutoBid(0.5, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new AutoBid(0.5, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> new FixedBid(-1));
        assertThrows(IllegalArgumentException.class, () -> FixedBid.factory(-1));
        // the edges themselves are valid
        new AutoBid(0);
        new AutoBid(1, 0, 0);
        new BidShader(0, 1);
        new FixedBid(0);
    }

    @Test
    void factoriesBuildStrategiesWithTheirParameters() {
        SplittableRandom rng = new SplittableRandom(1);
        BiddingStrategy auto = AutoBid.factory(0.25).create(3, rng);
        assertEquals(0.25, ((AutoBid) auto).spendingRate());
        assertEquals(PacedBidding.DEFAULT_MIN_INTERVAL_MICROS, ((AutoBid) auto).minIntervalMicros());
        assertEquals(PacedBidding.DEFAULT_HYSTERESIS_PPM, ((AutoBid) auto).hysteresisPpm());
        // 1 BTT, 1 MiB left, a quarter of it: 244,140 nano-BTT per KiB
        assertEquals(244_140, new FakeBidContext(0, 1_000_000, 1 << 20).ask(auto));
        BiddingStrategy shaded = BidShader.factory(1.0, 0.5).create(3, rng);
        assertEquals(488_281, new FakeBidContext(0, 1_000_000, 1 << 20).ask(shaded));
        BiddingStrategy.Factory fixed = FixedBid.factory(700);
        assertSame(fixed.create(1, rng), fixed.create(2, rng));
        assertEquals(700, ((FixedBid) fixed.create(1, rng)).price());
        assertSame(FreeRider.INSTANCE, FreeRider.factory().create(5, rng));
        assertEquals(NO_CHANGE, new FakeBidContext(0, 1_000_000, 1 << 20).ask(FreeRider.INSTANCE));
    }

    @Test
    void theFormulaIsZeroWithoutBytesOrBalance() {
        assertEquals(0, AutoBid.formula(1_000_000, 1_000_000, 0));
        assertEquals(0, AutoBid.formula(1_000_000, 1_000_000, -5));
        assertEquals(0, AutoBid.formula(1_000_000, -1_000_000, 1 << 20));
        assertEquals(976_562, AutoBid.formula(1_000_000, 1_000_000, 1 << 20));
    }

    @Test
    void aRevisionIsAllowedExactlyOneIntervalAfterTheLastBid() {
        AutoBid bid = new AutoBid(1.0, MINUTE, 0);
        FakeBidContext ctx = new FakeBidContext(0, 1_000_000, 1 << 20);
        assertEquals(976_562, ctx.ask(bid));
        ctx.remaining = 1 << 19;
        ctx.now = MINUTE - 1;
        assertEquals(NO_CHANGE, ctx.ask(bid));
        ctx.now = MINUTE;
        assertEquals(1_953_125, ctx.ask(bid));
    }

    @Test
    void aChangeExactlyAtTheHysteresisBoundIsNotARevision() {
        // last bid 1000, hysteresis 10 %: a change of 100 is within it, 101 is not
        FixedTarget strategy = new FixedTarget(0, 100_000);
        FakeBidContext ctx = new FakeBidContext(0, 0, 1);
        strategy.target = 1_000;
        assertEquals(1_000, ctx.ask(strategy));
        strategy.target = 1_100;
        assertEquals(NO_CHANGE, ctx.ask(strategy));
        strategy.target = 900;
        assertEquals(NO_CHANGE, ctx.ask(strategy));
        strategy.target = 899;
        assertEquals(899, ctx.ask(strategy));
        strategy.target = 989;
        assertEquals(989, ctx.ask(strategy));
    }

    @Test
    void aFirstBidOfZeroIsNotSentAndNothingIsSentOnceTheDownloadIsComplete() {
        FixedTarget strategy = new FixedTarget(0, 0);
        FakeBidContext ctx = new FakeBidContext(0, 0, 1);
        strategy.target = 0;
        assertEquals(NO_CHANGE, ctx.ask(strategy));
        strategy.target = 1;
        assertEquals(1, ctx.ask(strategy));
        ctx.remaining = 0;
        strategy.target = 50;
        assertEquals(NO_CHANGE, ctx.ask(strategy));
        FixedBid fixed = new FixedBid(40);
        assertEquals(NO_CHANGE, new FakeBidContext(0, 0, 0).ask(fixed));
        FakeBidContext standing = new FakeBidContext(0, 0, 10);
        assertEquals(40, standing.ask(fixed));
        assertEquals(NO_CHANGE, standing.ask(fixed));
    }

    @Test
    void aUserChangeAnswersAtOnceUnlessItLandsOnTheStandingBid() {
        AutoBid bid = new AutoBid(0.5, MINUTE, 100_000);
        FakeBidContext ctx = new FakeBidContext(0, 1_000_000, 1 << 20);
        assertEquals(488_281, ctx.ask(bid));
        bid.setSpendingRate(0.5); // no change of rate: pacing still applies
        ctx.balance = 2_000_000;
        assertEquals(NO_CHANGE, ctx.ask(bid));
        bid.setSpendingRate(0.25); // at twice the balance, a quarter bids what half did before
        assertEquals(NO_CHANGE, ctx.ask(bid));
        bid.setSpendingRate(1.0);
        assertEquals(1_953_125, ctx.ask(bid));
        assertEquals(1.0, bid.spendingRate());
    }

    /** A paced strategy whose target the test sets directly. */
    private static final class FixedTarget extends PacedBidding {
        long target;

        FixedTarget(long interval, long hysteresisPpm) {
            super(interval, hysteresisPpm);
        }

        @Override
        protected long target(org.speedsim.engine.speed.bidding.BidContext ctx) {
            return target;
        }
    }
}
