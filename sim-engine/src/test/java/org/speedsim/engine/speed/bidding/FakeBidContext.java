package org.speedsim.engine.speed.bidding;

/**
 * A requester's state as the engine would report it; {@link #ask} plays the engine's part of sending a bid. Shared
 * through this module's test jar (the strategies' tests and plug-in projects use it).
 */
public final class FakeBidContext implements BidContext {
    public long now;
    public long balance;
    public long remaining;
    public long lastBid = BiddingStrategy.NO_BID;
    public long lastBidAt = -1;

    public FakeBidContext(long now, long balance, long remaining) {
        this.now = now;
        this.balance = balance;
        this.remaining = remaining;
    }

    /** Asks the strategy and, if it answers with a bid, records it as sent now. */
    public long ask(BiddingStrategy s) {
        long b = s.nextBid(this);
        if (b != BiddingStrategy.NO_CHANGE) {
            if (b < 0) {
                throw new AssertionError("negative bid " + b);
            }
            lastBid = b;
            lastBidAt = now;
        }
        return b;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public long balanceMicroBtt() {
        return balance;
    }

    @Override
    public long remainingBytes() {
        return remaining;
    }

    @Override
    public long lastBid() {
        return lastBid;
    }

    @Override
    public long lastBidAt() {
        return lastBidAt;
    }
}
