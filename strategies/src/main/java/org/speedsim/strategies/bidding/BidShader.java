package org.speedsim.strategies.bidding;

import org.speedsim.engine.speed.Prices;
import org.speedsim.engine.speed.bidding.BidContext;
import org.speedsim.engine.speed.bidding.BiddingStrategy;

/**
 * An adversary that shades its bids: it bids {@code fraction} of what {@link AutoBid} at the same spending rate
 * would, with the same pacing. Under a truthful (uniform-price) auction shading can only lose slots; under first price
 * it can pay less.
 */
public final class BidShader extends PacedBidding {

    private static final long PPM = 1_000_000L;

    private long spendingRatePpm;
    private final long fractionPpm;

    public BidShader(double spendingRate, double fraction) {
        super(DEFAULT_MIN_INTERVAL_MICROS, DEFAULT_HYSTERESIS_PPM);
        this.spendingRatePpm = ppm(spendingRate, "spending rate");
        this.fractionPpm = ppm(fraction, "shading fraction");
    }

    public static BiddingStrategy.Factory factory(double spendingRate, double fraction) {
        ppm(spendingRate, "spending rate");
        ppm(fraction, "shading fraction");
        return (peer, rng) -> new BidShader(spendingRate, fraction);
    }

    /** The user sets a new spending rate; if it differs, the next {@link #nextBid} re-bids at once. */
    @Override
    public boolean setSpendingRate(double spendingRate) {
        long ppm = ppm(spendingRate, "spending rate");
        if (ppm != spendingRatePpm) {
            spendingRatePpm = ppm;
            userChanged();
        }
        return true;
    }

    @Override
    protected long target(BidContext ctx) {
        long honest = AutoBid.formula(spendingRatePpm, ctx.balanceMicroBtt(), ctx.remainingBytes());
        return Prices.mulDiv(honest, fractionPpm, PPM);
    }

    private static long ppm(double v, String what) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1]: " + v);
        }
        return Math.round(v * PPM);
    }
}
