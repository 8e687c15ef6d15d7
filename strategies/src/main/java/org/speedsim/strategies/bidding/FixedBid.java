package org.speedsim.strategies.bidding;

import org.speedsim.engine.speed.bidding.BidContext;
import org.speedsim.engine.speed.bidding.BiddingStrategy;

/**
 * Always stands at one price (nano-BTT per KiB), whatever its balance: sends it once while its download is
 * incomplete, and again only if the standing bid is somehow different. A baseline for sweeps over bid levels.
 */
public final class FixedBid implements BiddingStrategy {

    private final long priceNanoPerKiB;

    public FixedBid(long priceNanoPerKiB) {
        if (priceNanoPerKiB < 0) {
            throw new IllegalArgumentException("price must be >= 0: " + priceNanoPerKiB);
        }
        this.priceNanoPerKiB = priceNanoPerKiB;
    }

    public static BiddingStrategy.Factory factory(long priceNanoPerKiB) {
        FixedBid shared = new FixedBid(priceNanoPerKiB);
        return (peer, rng) -> shared;
    }

    public long price() {
        return priceNanoPerKiB;
    }

    @Override
    public long nextBid(BidContext ctx) {
        return ctx.remainingBytes() > 0 && ctx.lastBid() != priceNanoPerKiB ? priceNanoPerKiB : NO_CHANGE;
    }
}
