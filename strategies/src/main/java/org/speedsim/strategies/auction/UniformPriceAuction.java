package org.speedsim.strategies.auction;

import org.speedsim.engine.speed.auction.AuctionFormat;
import org.speedsim.engine.speed.auction.AuctionOutcome;
import org.speedsim.engine.speed.auction.BidRanking;
import org.speedsim.engine.speed.auction.Pricing;

/**
 * The white paper's multi-unit uniform-price auction: the best {@code k} bids at or above the reserve win and every
 * winner pays the same price, the highest losing bid, or the reserve if that is higher (0 if nobody lost and there is
 * no reserve). With unit demand this equals the VCG payments, so bidding one's true value is a dominant strategy.
 */
public final class UniformPriceAuction implements AuctionFormat {

    public static final String NAME = "uniform-price";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Pricing pricing() {
        return Pricing.CRITICAL;
    }

    @Override
    public void run(long[] bids, int n, int slots, long reserve, AuctionOutcome out) {
        AuctionFormat.checkArguments(bids, n, slots, reserve);
        out.clear();
        int[] order = out.orderScratch(n);
        int m = BidRanking.top(bids, n, slots, reserve, order);
        long price = Math.max(reserve, Math.max(0, BidRanking.highestLosing(bids, n, slots, reserve, order, m)));
        for (int j = 0; j < m; j++) {
            out.add(order[j], price, true);
        }
    }

    /** Formats are stateless: any two of one class are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof UniformPriceAuction;
    }

    @Override
    public int hashCode() {
        return NAME.hashCode();
    }

    @Override
    public String toString() {
        return NAME;
    }
}
