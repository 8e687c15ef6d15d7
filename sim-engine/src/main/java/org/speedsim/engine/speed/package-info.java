/**
 * BitTorrent Speed in the swarm engine (DESIGN.md section 5).
 *
 * <p>Wiring for one run: give each Speed client a {@link org.speedsim.engine.speed.SpeedSettings} (bidding strategy,
 * auction format, slot allocation, reserve, airdrop distribution, adversary flags) through
 * {@link org.speedsim.engine.swarm.ClientSpec#speedClient}, which also makes its choker an
 * {@link org.speedsim.engine.speed.AuctionChoker}; put {@code SpeedExtension.factory(speedConfig)} in the swarm's
 * extensions. Legacy clients keep their own chokers and never see a bid.
 *
 * <p>Data flow at a choking round of a provider: the engine asks the extensions for each candidate's standing bid
 * ({@link org.speedsim.engine.swarm.SwarmExtension#bidFor}) and shows it to the choker
 * ({@link org.speedsim.engine.swarm.RechokeView#bid}); the choker sets the price of each regular slot it sells
 * ({@link org.speedsim.engine.swarm.RechokeView#setPrice}); the engine hands the price to the extensions with the
 * unchoke ({@code onUnchoked(provider, requester, optimistic, price)}) or, for a slot kept from the last round,
 * {@code onSlotRenewed}. Before each piece the engine asks {@code mayUpload}; after it, {@code onPieceReceived}
 * drives the payment. Between peers, bids, bid responses and payments travel: the standing bid a provider sees is
 * the last one that arrived, a price is charged once its bid response arrived, and a payment counts once it arrived
 * (one latency per pair, {@link org.speedsim.engine.speed.SpeedConfig#messageLatencyMicros()}; messages on the way
 * are held in {@code MessagesInFlight}).
 */
package org.speedsim.engine.speed;
