package org.speedsim.engine.ledger;

/**
 * A snapshot of one channel as the ledger records it, what a provider retrieves before accepting payments.
 *
 * @param openedAtMicros  confirmation time of the open (-1 while pending)
 * @param timeoutAtMicros when the ledger refunds the escrow if the channel is still open (-1 while pending)
 * @param paidOut         micro-BTT the payee received at close (0 unless closed)
 */
public record ChannelInfo(int id, int payer, int payee, long escrow, long openedAtMicros, long timeoutAtMicros,
                          ChannelStatus status, long paidOut) {
}
