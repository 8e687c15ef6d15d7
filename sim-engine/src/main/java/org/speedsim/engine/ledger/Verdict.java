package org.speedsim.engine.ledger;

/**
 * The outcome of checking a channel state against the channel rules ({@link ChannelRules}); the ledger uses it as the
 * reason for a rejected close, the payee as the reason for refusing a payment. Exactly one value is {@link #VALID}.
 */
public enum Verdict {
    VALID,
    /** No confirmed channel with that id (including one whose open is still queued). */
    UNKNOWN_CHANNEL,
    /** The channel was already closed or refunded. */
    NOT_OPEN,
    /** The channel's timeout has been reached. */
    TIMED_OUT,
    /** The channel does not pay the party presenting the state. */
    NOT_PAYEE,
    /** The channel's payer is not the peer the state came from. */
    WRONG_PAYER,
    /** The sequence number is not above the last one seen (every sequence must be >= 1). */
    STALE_SEQUENCE,
    /** The cumulative amount is below the last one seen (or negative). */
    DECREASING_AMOUNT,
    /** The cumulative amount exceeds the channel's escrow. */
    OVER_ESCROW,
    /** The signature is not the payer's over (channelId, sequence, cumulative). */
    BAD_SIGNATURE
}
