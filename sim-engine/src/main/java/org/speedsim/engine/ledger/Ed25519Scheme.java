package org.speedsim.engine.ledger;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.speedsim.engine.rng.RandomStreams;

/**
 * Real Ed25519 signatures (JDK {@code SunEC}) over the 24-byte big-endian encoding of (channelId, sequence,
 * cumulative). Each account draws a 64-bit key seed from the run's generator when it is added; its key pair is
 * generated on first use from a {@link GeneratorSecureRandom} over a generator seeded with that seed, so keys are
 * reproducible and independent of the order in which accounts first sign.
 *
 * <p>Invariant: an account's key pair never changes once generated; verification uses only its public key.
 */
public final class Ed25519Scheme implements SignatureScheme {

    /** Length of an Ed25519 signature in bytes. */
    public static final int SIGNATURE_BYTES = 64;

    private static final RandomGeneratorFactory<RandomGenerator> KEY_STREAMS =
            RandomGeneratorFactory.of(RandomStreams.ALGORITHM);

    private final RandomGenerator keys;
    private final Signature signer;
    private final Signature verifier;
    private final byte[] message = new byte[24];
    private long[] keySeeds = new long[16];
    private PrivateKey[] privateKeys = new PrivateKey[16];
    private PublicKey[] publicKeys = new PublicKey[16];
    private int accounts;

    public Ed25519Scheme(RandomGenerator keys) {
        this.keys = keys;
        try {
            this.signer = Signature.getInstance("Ed25519");
            this.verifier = Signature.getInstance("Ed25519");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK provides Ed25519 since Java 15", e);
        }
    }

    @Override
    public SignatureMode mode() {
        return SignatureMode.ED25519;
    }

    @Override
    public void addAccount(int account) {
        if (account != accounts) {
            throw new IllegalArgumentException("accounts must be added in order: expected " + accounts
                    + ", got " + account);
        }
        if (accounts == keySeeds.length) {
            int c = accounts * 2;
            keySeeds = Arrays.copyOf(keySeeds, c);
            privateKeys = Arrays.copyOf(privateKeys, c);
            publicKeys = Arrays.copyOf(publicKeys, c);
        }
        keySeeds[accounts++] = keys.nextLong();
    }

    @Override
    public int accounts() {
        return accounts;
    }

    /** The public key of an account (generating its key pair if needed). */
    public PublicKey publicKey(int account) {
        ensureKeys(account);
        return publicKeys[account];
    }

    @Override
    public byte[] sign(int signerAccount, int channelId, long sequence, long cumulative) {
        if (signerAccount < 0 || signerAccount >= accounts) {
            throw new IllegalArgumentException("unknown account " + signerAccount);
        }
        ensureKeys(signerAccount);
        encode(channelId, sequence, cumulative);
        try {
            signer.initSign(privateKeys[signerAccount]);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public boolean verify(int signerAccount, int channelId, long sequence, long cumulative, byte[] signature) {
        if (signerAccount < 0 || signerAccount >= accounts || signature == null
                || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        ensureKeys(signerAccount);
        encode(channelId, sequence, cumulative);
        try {
            verifier.initVerify(publicKeys[signerAccount]);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 verification failed", e);
        }
    }

    private void ensureKeys(int account) {
        if (privateKeys[account] != null) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519,
                    new GeneratorSecureRandom(KEY_STREAMS.create(keySeeds[account])));
            KeyPair pair = generator.generateKeyPair();
            privateKeys[account] = pair.getPrivate();
            publicKeys[account] = pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 key generation failed", e);
        }
    }

    private void encode(int channelId, long sequence, long cumulative) {
        putLong(0, channelId);
        putLong(8, sequence);
        putLong(16, cumulative);
    }

    private void putLong(int at, long v) {
        for (int i = 7; i >= 0; i--) {
            message[at + i] = (byte) v;
            v >>>= 8;
        }
    }
}
