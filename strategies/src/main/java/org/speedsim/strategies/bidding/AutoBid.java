package org.speedsim.strategies.bidding;

import org.speedsim.engine.speed.Prices;
import org.speedsim.engine.speed.bidding.BidContext;
import org.speedsim.engine.speed.bidding.BiddingStrategy;

/**
 * The white paper's automatic bid: {@code bid = spendingRate * balance / remainingKiB}, in nano-BTT per KiB from a
 * micro-BTT balance ({@code floor(rate * balance * 1000 / ceil(remainingBytes / 1024))}), paced by
 * {@link PacedBidding}: silent when nothing remains, a revision only on a move of more than 10 %, at most once a
 * minute, and at once after the user changes the spending rate with {@link #setSpendingRate}. The spending rate lies
 * in [0, 1] (default 1.0) and is held in parts per million, so the arithmetic is exact.
 */
public final class AutoBid extends PacedBidding {

    public static final double DEFAULT_SPENDING_RATE = 1.0;

    private static final long PPM = 1_000_000L;

    private long spendingRatePpm;

    public AutoBid(double spendingRate) {
        this(spendingRate, DEFAULT_MIN_INTERVAL_MICROS, DEFAULT_HYSTERESIS_PPM);
    }

    public AutoBid(double spendingRate, long minIntervalMicros, long hysteresisPpm) {
        super(minIntervalMicros, hysteresisPpm);
        this.spendingRatePpm = toPpm(spendingRate);
    }

    public AutoBid() {
        this(DEFAULT_SPENDING_RATE);
    }

    /** One {@code AutoBid} per peer at the given spending rate. */
    public static BiddingStrategy.Factory factory(double spendingRate) {
        toPpm(spendingRate);
        return (peer, rng) -> new AutoBid(spendingRate);
    }

    /** The formula alone, without pacing: nano-BTT per KiB, or 0 when nothing remains. */
    public static long formula(long spendingRatePpm, long balanceMicroBtt, long remainingBytes) {
        if (remainingBytes <= 0) {
            return 0;
        }
        long kib = Prices.ceilKiB(remainingBytes);
        return Prices.mulDiv(Math.max(0, balanceMicroBtt), spendingRatePpm, kib * (PPM / Prices.NANO_PER_MICRO));
    }

    /** The user sets a new spending rate; if it differs, the next {@link #nextBid} re-bids at once. */
    @Override
    public boolean setSpendingRate(double spendingRate) {
        long ppm = toPpm(spendingRate);
        if (ppm != spendingRatePpm) {
            spendingRatePpm = ppm;
            userChanged();
        }
        return true;
    }

    public double spendingRate() {
        return spendingRatePpm / (double) PPM;
    }

    @Override
    protected long target(BidContext ctx) {
        return formula(spendingRatePpm, ctx.balanceMicroBtt(), ctx.remainingBytes());
    }

    private static long toPpm(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("spending rate must be in [0, 1]: " + rate);
        }
        return Math.round(rate * PPM);
    }
}
