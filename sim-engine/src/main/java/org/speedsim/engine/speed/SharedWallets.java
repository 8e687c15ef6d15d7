package org.speedsim.engine.speed;

import org.speedsim.engine.ledger.Ledger;

/**
 * The wallets of a swarm's Speed peers when the swarm is one of a world's: one ledger for every swarm, and one
 * account per user whatever swarm it pays or earns in. The host funds the wallets (the airdrop at a user's first
 * arrival), is the ledger's only listener, and routes each channel's ledger events to the swarm whose payer opened it
 * ({@link SpeedExtension#channelOpened} and the other channel callbacks).
 */
public interface SharedWallets {

    Ledger ledger();

    /** The account (the user's wallet) of a peer of this swarm. */
    int account(int peer);

    /**
     * A payer of this swarm submitted (or waits on) channel {@code channel} to a provider of this swarm: its ledger
     * events go to {@code extension} with these peers from now on. Called again for a channel already known.
     */
    void channelSubmitted(int channel, int payerPeer, int payeePeer, SpeedExtension extension);
}
