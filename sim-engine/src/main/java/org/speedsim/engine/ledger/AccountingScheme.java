package org.speedsim.engine.ledger;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The cheap stand-in for signatures in large runs: an 8-byte tag, a keyed 64-bit hash of (channelId, sequence,
 * cumulative) under a per-account secret drawn from the run's generator. Only the scheme knows the secrets, so a
 * peer can produce a valid tag only through {@link #sign} as itself; an altered field or another signer gives a
 * different tag (collisions have probability 2^-64). It is not cryptography: nothing in the simulation attacks
 * the hash itself.
 *
 * <p>Invariant: tags are a pure function of (secret of signer, channelId, sequence, cumulative).
 */
public final class AccountingScheme implements SignatureScheme {

    /** Length of a tag in bytes. */
    public static final int TAG_BYTES = 8;

    private final RandomGenerator keys;
    private long[] secrets = new long[16];
    private int accounts;

    public AccountingScheme(RandomGenerator keys) {
        this.keys = keys;
    }

    @Override
    public SignatureMode mode() {
        return SignatureMode.ACCOUNTING;
    }

    @Override
    public void addAccount(int account) {
        if (account != accounts) {
            throw new IllegalArgumentException("accounts must be added in order: expected " + accounts
                    + ", got " + account);
        }
        if (accounts == secrets.length) {
            secrets = Arrays.copyOf(secrets, accounts * 2);
        }
        secrets[accounts++] = keys.nextLong();
    }

    @Override
    public int accounts() {
        return accounts;
    }

    @Override
    public byte[] sign(int signer, int channelId, long sequence, long cumulative) {
        if (signer < 0 || signer >= accounts) {
            throw new IllegalArgumentException("unknown account " + signer);
        }
        long t = tag(secrets[signer], channelId, sequence, cumulative);
        byte[] out = new byte[TAG_BYTES];
        for (int i = TAG_BYTES - 1; i >= 0; i--) {
            out[i] = (byte) t;
            t >>>= 8;
        }
        return out;
    }

    @Override
    public boolean verify(int signer, int channelId, long sequence, long cumulative, byte[] signature) {
        if (signer < 0 || signer >= accounts || signature == null || signature.length != TAG_BYTES) {
            return false;
        }
        long got = 0;
        for (int i = 0; i < TAG_BYTES; i++) {
            got = (got << 8) | (signature[i] & 0xFF);
        }
        return got == tag(secrets[signer], channelId, sequence, cumulative);
    }

    static long tag(long secret, int channelId, long sequence, long cumulative) {
        long h = mix(secret ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ channelId);
        h = mix(h ^ sequence);
        return mix(h ^ cumulative);
    }

    /** The SplitMix64 / Murmur3 finaliser: a bijection that spreads every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
