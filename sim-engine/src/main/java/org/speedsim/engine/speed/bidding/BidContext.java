package org.speedsim.engine.speed.bidding;

/**
 * What a {@link BiddingStrategy} sees of its requester when asked for a bid. The engine may reuse one instance for
 * every peer, so a strategy must not keep it.
 */
public interface BidContext {

    /** Simulated time, microseconds. */
    long now();

    /** The requester's spendable token balance, micro-BTT. */
    long balanceMicroBtt();

    /** Bytes the requester still needs to complete its download (0 once complete). */
    long remainingBytes();

    /** The price of the last bid the requester sent, nano-BTT per KiB, or {@link BiddingStrategy#NO_BID} if none. */
    long lastBid();

    /** When the last bid was sent, microseconds, or -1 if none was sent. */
    long lastBidAt();
}
