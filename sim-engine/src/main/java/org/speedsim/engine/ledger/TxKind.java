package org.speedsim.engine.ledger;

/** The kinds of transaction the ledger queues. */
public enum TxKind {
    /** Moves tokens between two accounts. */
    TRANSFER,
    /** Opens a payment channel, locking the payer's escrow. */
    OPEN,
    /** The payee settles a channel with a signed state. */
    CLOSE
}
