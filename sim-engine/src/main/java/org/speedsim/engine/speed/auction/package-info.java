/**
 * How a Speed provider sells its unchoke slots: {@link org.speedsim.engine.speed.auction.AuctionFormat}s (who wins
 * and what winners pay) and {@link org.speedsim.engine.speed.auction.SlotAllocation}s (how bids and reciprocation
 * share the regular slots), writing into a reusable {@link org.speedsim.engine.speed.auction.AuctionOutcome}.
 *
 * <p>Invariants: nothing is random, every tie falls to the lower index ({@link
 * org.speedsim.engine.speed.auction.BidRanking}); winners are distinct and a winner not sold pays 0; an auction at a
 * choking round allocates nothing once the outcome's arrays have grown. Bids and prices are nano-BTT per KiB.
 */
package org.speedsim.engine.speed.auction;
