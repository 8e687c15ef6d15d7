/**
 * How a Speed requester bids: a {@link org.speedsim.engine.speed.bidding.BiddingStrategy} per peer answers, at each
 * choking round and state change, with a new price (nano-BTT per KiB) or no change, seeing its requester through a
 * {@link org.speedsim.engine.speed.bidding.BidContext}.
 *
 * <p>Invariants: the standing bid is the last one sent; a strategy does not keep its context, which the engine
 * reuses for every peer.
 */
package org.speedsim.engine.speed.bidding;
