package org.speedsim.engine.ledger;

/**
 * Life cycle of a payment channel: {@code PENDING} (open submitted, escrow reserved) -> {@code OPEN} (confirmed,
 * escrow locked) -> {@code CLOSED} (payee settled it with a signed state) or {@code REFUNDED} (timeout returned
 * the escrow to the payer). The two final states never change.
 */
public enum ChannelStatus {
    PENDING, OPEN, CLOSED, REFUNDED
}
