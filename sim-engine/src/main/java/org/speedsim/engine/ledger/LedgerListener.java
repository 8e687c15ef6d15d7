package org.speedsim.engine.ledger;

/**
 * Receives the outcome of every transaction the ledger confirms, and every channel timeout, at the simulated time it
 * happens. Callbacks run after the ledger's state reflects the outcome (invariants hold inside them) and may submit new
 * transactions. Every default does nothing.
 */
public interface LedgerListener {

    default void onTransferApplied(long txId, int from, int to, long amount) {
    }

    default void onChannelOpened(int channelId, int payer, int payee, long escrow, long timeoutAtMicros) {
    }

    /** The payee closed the channel: {@code toPayee + toPayer} equals the escrow. */
    default void onChannelClosed(long txId, int channelId, long toPayee, long toPayer) {
    }

    /** The channel timed out open: the whole escrow went back to the payer. */
    default void onChannelRefunded(int channelId, int payer, long escrow) {
    }

    /** A queued close was refused by the channel rules; no balance moved. */
    default void onCloseRejected(long txId, int channelId, int submitter, Verdict reason) {
    }
}
