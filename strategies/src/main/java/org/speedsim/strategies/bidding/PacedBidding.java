package org.speedsim.strategies.bidding;

import org.speedsim.engine.speed.Prices;
import org.speedsim.engine.speed.bidding.BidContext;
import org.speedsim.engine.speed.bidding.BiddingStrategy;

/**
 * The white paper's pacing of bid revisions around a target price that a subclass computes: the first bid goes out
 * at once; afterwards a new bid is sent only when the target moved by more than the hysteresis (10 % by default)
 * from the last bid sent, and at most once per minimum interval (one minute by default); after a user change
 * ({@link #userChanged()}) the next answer is the new target at once, regardless of both rules. Nothing is sent while
 * the download is complete.
 *
 * <p>Invariant: between two answers that are not user-triggered, at least the minimum interval elapses.
 */
public abstract class PacedBidding implements BiddingStrategy {

    /** One minute, the white paper's bound on bid frequency. */
    public static final long DEFAULT_MIN_INTERVAL_MICROS = 60_000_000L;

    /** 10 %, in parts per million of the last bid. */
    public static final long DEFAULT_HYSTERESIS_PPM = 100_000L;

    private static final long PPM = 1_000_000L;

    private final long minIntervalMicros;
    private final long hysteresisPpm;
    private boolean userChanged;

    protected PacedBidding(long minIntervalMicros, long hysteresisPpm) {
        if (minIntervalMicros < 0 || hysteresisPpm < 0) {
            throw new IllegalArgumentException("interval and hysteresis must be >= 0");
        }
        this.minIntervalMicros = minIntervalMicros;
        this.hysteresisPpm = hysteresisPpm;
    }

    /** The price this strategy would like to stand at now, nano-BTT per KiB; called only while bytes remain. */
    protected abstract long target(BidContext ctx);

    /** Records a user change of the bidding parameters: the next {@link #nextBid} answers at once. */
    protected final void userChanged() {
        userChanged = true;
    }

    @Override
    public final long nextBid(BidContext ctx) {
        if (ctx.remainingBytes() <= 0) {
            return NO_CHANGE;
        }
        long bid = target(ctx);
        long last = ctx.lastBid();
        if (last == NO_BID) {
            userChanged = false;
            return bid > 0 ? bid : NO_CHANGE;
        }
        if (userChanged) {
            userChanged = false;
            return bid == last ? NO_CHANGE : bid;
        }
        if (ctx.now() - ctx.lastBidAt() < minIntervalMicros) {
            return NO_CHANGE;
        }
        // |bid - last| > last * h  <=>  |bid - last| > floor(last * h) for integers
        long change = Math.abs(bid - last);
        return change > Prices.mulDiv(last, hysteresisPpm, PPM) ? bid : NO_CHANGE;
    }

    public final long minIntervalMicros() {
        return minIntervalMicros;
    }

    public final long hysteresisPpm() {
        return hysteresisPpm;
    }
}
