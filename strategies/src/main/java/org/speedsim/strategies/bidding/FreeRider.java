package org.speedsim.strategies.bidding;

import org.speedsim.engine.speed.bidding.BidContext;
import org.speedsim.engine.speed.bidding.BiddingStrategy;

/** An adversary that never bids (a zero bid), so it is served only through reciprocation and optimistic slots. */
public final class FreeRider implements BiddingStrategy {

    public static final FreeRider INSTANCE = new FreeRider();

    private FreeRider() {
    }

    public static BiddingStrategy.Factory factory() {
        return (peer, rng) -> INSTANCE;
    }

    @Override
    public long nextBid(BidContext ctx) {
        return NO_CHANGE;
    }
}
