package org.example.speedsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.speed.bidding.BiddingStrategy;
import org.speedsim.engine.speed.bidding.FakeBidContext;
import org.speedsim.strategies.StrategyArgs;

/** The plug-in's bids against hand-computed ones, with speedsim's shared fake bid context (its test jar). */
class ShadedBidTest {

    private static BiddingStrategy strategy(double rate, double factor) {
        return new ShadedBidPlugin().create(new StrategyArgs(Map.of("spendingRate", rate, "factor", factor)))
                .create(0, null);
    }

    @Test
    void bidsTheFactorOfTheAutomaticBid() {
        // 1 BTT = 1,000,000 uBTT over 1 MiB = 1024 KiB: 1e9 nBTT / 1024 = 976,562.5 -> 976,562; half: 488,281
        assertEquals(488_281, new FakeBidContext(0, 1_000_000, 1 << 20).ask(strategy(1.0, 0.5)));
        // spending rate 0.25 of 2 BTT over 1025 bytes = 2 KiB: 0.25 * 2e9 / 2 = 250,000,000; times 0.1
        assertEquals(25_000_000, new FakeBidContext(0, 2_000_000, 1025).ask(strategy(0.25, 0.1)));
    }

    @Test
    void isPacedAndSilentOnceComplete() {
        FakeBidContext ctx = new FakeBidContext(0, 1_000_000, 1 << 20);
        BiddingStrategy s = strategy(1.0, 0.5);
        assertEquals(488_281, ctx.ask(s));
        ctx.balance = 1_050_000;   // a 5 % move, under the 10 % hysteresis
        ctx.now = 120_000_000;
        assertEquals(BiddingStrategy.NO_CHANGE, ctx.ask(s));
        ctx.remaining = 0;
        assertEquals(BiddingStrategy.NO_CHANGE, ctx.ask(s), "nothing left to buy: silent");
    }

    @Test
    void refusesAFactorOutsideZeroOne() {
        assertThrows(IllegalArgumentException.class, () -> strategy(1.0, 1.5));
    }
}
