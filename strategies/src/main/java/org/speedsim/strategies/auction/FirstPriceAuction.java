package org.speedsim.strategies.auction;

import org.speedsim.engine.speed.auction.AuctionFormat;
import org.speedsim.engine.speed.auction.AuctionOutcome;
import org.speedsim.engine.speed.auction.BidRanking;
import org.speedsim.engine.speed.auction.Pricing;

/**
 * Pay-as-bid: the best {@code k} bids at or above the reserve win and each winner pays its own bid. Not truthful:
 * a bidder gains by shading its bid toward the highest losing bid.
 */
public final class FirstPriceAuction implements AuctionFormat {

    public static final String NAME = "first-price";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Pricing pricing() {
        return Pricing.PAY_BID;
    }

    @Override
    public void run(long[] bids, int n, int slots, long reserve, AuctionOutcome out) {
        AuctionFormat.checkArguments(bids, n, slots, reserve);
        out.clear();
        int[] order = out.orderScratch(n);
        int m = BidRanking.top(bids, n, slots, reserve, order);
        for (int j = 0; j < m; j++) {
            out.add(order[j], bids[order[j]], true);
        }
    }

    /** Formats are stateless: any two of one class are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof FirstPriceAuction;
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
