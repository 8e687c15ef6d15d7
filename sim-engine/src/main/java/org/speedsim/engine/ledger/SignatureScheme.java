package org.speedsim.engine.ledger;

import java.util.random.RandomGenerator;

/**
 * Signs and verifies channel states on behalf of ledger accounts. Every account's key material is drawn from the
 * generator given at construction when the account is added, and accounts are added in increasing id order, so the
 * keys of a run depend only on its seed. Not thread-safe: one scheme belongs to one run.
 *
 * <p>Invariant: {@code verify(a, c, s, x, sign(a, c, s, x))} holds, and changing the signer or any of the three
 * fields makes verification fail (for the accounting scheme: except with probability 2^-64).
 */
public sealed interface SignatureScheme permits Ed25519Scheme, AccountingScheme {

    /** A scheme of the given mode drawing key material from {@code keys}. */
    static SignatureScheme create(SignatureMode mode, RandomGenerator keys) {
        return switch (mode) {
            case ED25519 -> new Ed25519Scheme(keys);
            case ACCOUNTING -> new AccountingScheme(keys);
        };
    }

    SignatureMode mode();

    /** Creates the key material of the next account; {@code account} must equal {@link #accounts()}. */
    void addAccount(int account);

    /** Number of accounts with keys (ids 0 .. accounts()-1). */
    int accounts();

    /** The signature of {@code signer} over (channelId, sequence, cumulative). */
    byte[] sign(int signer, int channelId, long sequence, long cumulative);

    /** Whether {@code signature} is {@code signer}'s signature over (channelId, sequence, cumulative). */
    boolean verify(int signer, int channelId, long sequence, long cumulative, byte[] signature);

    /** Signs a whole state in one step. */
    default ChannelState signState(int signer, int channelId, long sequence, long cumulative) {
        return new ChannelState(channelId, sequence, cumulative, sign(signer, channelId, sequence, cumulative));
    }
}
