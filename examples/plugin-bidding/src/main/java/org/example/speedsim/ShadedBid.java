package org.example.speedsim;

import java.math.BigInteger;
import org.speedsim.engine.speed.bidding.BidContext;
import org.speedsim.strategies.bidding.PacedBidding;

/**
 * A requester that shades its bids: it offers {@code factor} times the white paper's automatic bid
 * ({@code spendingRate * balance / remaining KiB}), paced like speedsim's bidders (a revision only on a move of more
 * than 10 %, at most once a minute). Written from the formula, it bids exactly as speedsim's built-in {@code shader}:
 * the example's scenario checks that the two give identical runs.
 */
public final class ShadedBid extends PacedBidding {

    private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);
    private static final BigInteger NANO_PER_MICRO = BigInteger.valueOf(1_000);

    private long spendingRatePpm;
    private final long factorPpm;

    public ShadedBid(double spendingRate, double factor) {
        super(DEFAULT_MIN_INTERVAL_MICROS, DEFAULT_HYSTERESIS_PPM);
        this.spendingRatePpm = ppm(spendingRate, "spendingRate");
        this.factorPpm = ppm(factor, "factor");
    }

    /**
     * nano-BTT per KiB: {@code floor(factor * floor(spendingRate * balance[uBTT] * 1000 / ceil(remaining / 1024)))},
     * in exact integer arithmetic (parts per million for the two fractions).
     */
    @Override
    protected long target(BidContext ctx) {
        long remaining = ctx.remainingBytes();
        if (remaining <= 0) {
            return 0;
        }
        BigInteger kib = BigInteger.valueOf((remaining + 1023) / 1024);
        BigInteger balance = BigInteger.valueOf(Math.max(0, ctx.balanceMicroBtt()));
        BigInteger honest = balance.multiply(BigInteger.valueOf(spendingRatePpm))
                .divide(kib.multiply(MILLION.divide(NANO_PER_MICRO)));
        return honest.multiply(BigInteger.valueOf(factorPpm)).divide(MILLION).longValueExact();
    }

    /** The user changes the spending rate (a timed event of the scenario); the next bid follows at once. */
    @Override
    public boolean setSpendingRate(double spendingRate) {
        long rate = ppm(spendingRate, "spendingRate");
        if (rate != spendingRatePpm) {
            spendingRatePpm = rate;
            userChanged();
        }
        return true;
    }

    static long ppm(double value, String what) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1]: " + value);
        }
        return Math.round(value * 1_000_000);
    }
}
