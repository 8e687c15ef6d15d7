/**
 * The token ledger of BitTorrent Speed (DESIGN.md section 6): accounts in micro-BTT, payment channels with escrow,
 * signed cumulative channel states, and a transaction queue with confirmation latency and a throughput limit.
 *
 * <p>Wiring for one run: {@code new Ledger(simulator, config, streams.stream("ledger-keys"))}; {@link
 * org.speedsim.engine.ledger.Ledger#mint} the airdrops before the run starts; one {@link
 * org.speedsim.engine.ledger.ChannelPayer} per requester and one {@link org.speedsim.engine.ledger.ChannelPayee} per
 * provider; a {@link org.speedsim.engine.ledger.LedgerListener} that forwards channel openings to the payer
 * ({@code onChannelOpened}) and channel ends to both sides ({@code onChannelEnded}); {@link
 * org.speedsim.engine.ledger.LedgerMetrics} for the time series and the summary with its conservation flag.
 */
package org.speedsim.engine.ledger;
