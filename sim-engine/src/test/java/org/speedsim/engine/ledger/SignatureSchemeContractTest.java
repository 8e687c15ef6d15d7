package org.speedsim.engine.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The accounting tag against an independent reference (the JDK's SplitMix64, whose output function is the finaliser
 * the tag chains), the properties a tag must have (another key or another message is rejected), and the edges of
 * both schemes: accounts beyond the initial capacity, accounts added out of order, signers without an account,
 * malformed signatures.
 */
class SignatureSchemeContractTest {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** SplitMix64's finaliser, computed by the JDK: {@code SplittableRandom(s).nextLong() == mix64(s + gamma)}. */
    private static long jdkMix(long z) {
        return new SplittableRandom(z - GOLDEN_GAMMA).nextLong();
    }

    /** The documented tag: the finaliser chained over secret, channel id, sequence and cumulative amount. */
    private static long referenceTag(long secret, int channelId, long sequence, long cumulative) {
        long h = jdkMix(secret ^ GOLDEN_GAMMA);
        h = jdkMix(h ^ channelId);
        h = jdkMix(h ^ sequence);
        return jdkMix(h ^ cumulative);
    }

    private static byte[] bigEndian(long v) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }

    @Test
    void accountingTagsMatchTheReferenceComputation() {
        long seed = 2026;
        AccountingScheme scheme = new AccountingScheme(new SplittableRandom(seed));
        SplittableRandom secrets = new SplittableRandom(seed);
        long[] secret = new long[40];
        for (int a = 0; a < secret.length; a++) {
            scheme.addAccount(a);
            secret[a] = secrets.nextLong();
        }
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < 2_000; i++) {
            int signer = rng.nextInt(secret.length);
            int channel = i % 3 == 0 ? rng.nextInt(10) : rng.nextInt();
            long sequence = i % 5 == 0 ? rng.nextLong(10) : rng.nextLong();
            long cumulative = rng.nextLong();
            assertArrayEquals(bigEndian(referenceTag(secret[signer], channel, sequence, cumulative)),
                    scheme.sign(signer, channel, sequence, cumulative));
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureMode.class)
    void aSignatureByAnotherKeyOrOverAnotherMessageIsRejected(SignatureMode mode) {
        SignatureScheme scheme = SignatureScheme.create(mode, new SplittableRandom(4));
        int accounts = mode == SignatureMode.ED25519 ? 20 : 100;
        for (int a = 0; a < accounts; a++) {
            scheme.addAccount(a);
        }
        assertEquals(accounts, scheme.accounts());
        SplittableRandom rng = new SplittableRandom(17);
        int rounds = mode == SignatureMode.ED25519 ? 30 : 3_000;
        for (int i = 0; i < rounds; i++) {
            int signer = rng.nextInt(accounts);
            int other = (signer + 1 + rng.nextInt(accounts - 1)) % accounts;
            int channel = rng.nextInt(50);
            long sequence = 1 + rng.nextInt(50);
            long cumulative = rng.nextLong(1_000);
            byte[] sig = scheme.sign(signer, channel, sequence, cumulative);
            assertTrue(scheme.verify(signer, channel, sequence, cumulative, sig));
            assertFalse(scheme.verify(other, channel, sequence, cumulative, sig), "another key");
            assertFalse(scheme.verify(signer, channel + 1 + rng.nextInt(5), sequence, cumulative, sig), "channel");
            assertFalse(scheme.verify(signer, channel, sequence + 1 + rng.nextInt(5), cumulative, sig), "sequence");
            assertFalse(scheme.verify(signer, channel, sequence, cumulative + 1 + rng.nextInt(5), sig), "amount");
        }
    }

    @Test
    void accountingTagsOfDistinctMessagesAndKeysAreDistinct() {
        AccountingScheme scheme = new AccountingScheme(new SplittableRandom(8));
        for (int a = 0; a < 200; a++) {
            scheme.addAccount(a);
        }
        Set<Long> tags = new HashSet<>();
        int n = 0;
        for (int channel = 0; channel < 12; channel++) {
            for (long sequence = 1; sequence <= 12; sequence++) {
                for (long cumulative = 0; cumulative < 12; cumulative++) {
                    tags.add(java.nio.ByteBuffer.wrap(scheme.sign(0, channel, sequence, cumulative)).getLong());
                    n++;
                }
            }
        }
        for (int a = 1; a < 200; a++) {
            tags.add(java.nio.ByteBuffer.wrap(scheme.sign(a, 1, 1, 1)).getLong());
            n++;
        }
        assertEquals(n, tags.size());
    }

    @ParameterizedTest
    @EnumSource(SignatureMode.class)
    void signersWithoutAnAccountAndMalformedSignaturesVerifyNothing(SignatureMode mode) {
        SignatureScheme scheme = SignatureScheme.create(mode, new SplittableRandom(3));
        assertThrows(IllegalArgumentException.class, () -> scheme.addAccount(1));
        for (int a = 0; a < 3; a++) {
            scheme.addAccount(a);
        }
        assertThrows(IllegalArgumentException.class, () -> scheme.addAccount(2));
        assertThrows(IllegalArgumentException.class, () -> scheme.addAccount(4));
        assertThrows(IllegalArgumentException.class, () -> scheme.sign(3, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> scheme.sign(-1, 1, 1, 1));
        byte[] sig = scheme.sign(2, 1, 1, 1);
        assertTrue(scheme.verify(2, 1, 1, 1, sig));
        assertFalse(scheme.verify(3, 1, 1, 1, sig));
        assertFalse(scheme.verify(-1, 1, 1, 1, sig));
        assertFalse(scheme.verify(2, 1, 1, 1, null));
        assertFalse(scheme.verify(2, 1, 1, 1, java.util.Arrays.copyOf(sig, sig.length - 1)));
        assertFalse(scheme.verify(2, 1, 1, 1, java.util.Arrays.copyOf(sig, sig.length + 1)));
        assertFalse(scheme.verify(2, 1, 1, 1, new byte[sig.length]));
    }

    @Test
    void anAccountingSignerJustPastTheLastAccountIsUnknownEvenToAZeroSecretTag() {
        AccountingScheme scheme = new AccountingScheme(new SplittableRandom(3));
        scheme.addAccount(0);
        // the tag a zero secret would give: an account slot that was never filled must not verify it
        assertFalse(scheme.verify(1, 5, 6, 7, bigEndian(referenceTag(0, 5, 6, 7))));
    }

    @Test
    void anEd25519SignerJustPastTheLastAccountIsUnknownEvenToTheKeyOfAZeroSeed() {
        Ed25519Scheme scheme = new Ed25519Scheme(new SplittableRandom(3));
        scheme.addAccount(0);
        Ed25519Scheme zeroSeeded = new Ed25519Scheme(() -> 0L);
        zeroSeeded.addAccount(0);
        byte[] sig = zeroSeeded.sign(0, 5, 6, 7);
        assertTrue(zeroSeeded.verify(0, 5, 6, 7, sig));
        assertFalse(scheme.verify(1, 5, 6, 7, sig));
    }

    @Test
    void ed25519KeysAreReproducibleFromTheSeedWhateverTheOrderOfFirstUse() {
        Ed25519Scheme a = new Ed25519Scheme(new SplittableRandom(77));
        Ed25519Scheme b = new Ed25519Scheme(new SplittableRandom(77));
        for (int i = 0; i < 20; i++) {
            a.addAccount(i);
            b.addAccount(i);
        }
        for (int i = 19; i >= 0; i--) {
            assertArrayEquals(b.sign(i, 1, 2, 3), a.sign(i, 1, 2, 3));
        }
        assertArrayEquals(a.publicKey(17).getEncoded(), b.publicKey(17).getEncoded());
        assertFalse(java.util.Arrays.equals(a.publicKey(16).getEncoded(), a.publicKey(17).getEncoded()));
        assertEquals(Ed25519Scheme.SIGNATURE_BYTES, a.sign(3, 1, 1, 1).length);
    }

    @Test
    void aSeededSecureRandomRepeatsItsSourceAndIgnoresSeeding() {
        GeneratorSecureRandom r = new GeneratorSecureRandom(new SplittableRandom(12));
        SplittableRandom ref = new SplittableRandom(12);
        r.setSeed(new byte[] {1, 2, 3});
        byte[] expected = new byte[16];
        ref.nextBytes(expected);
        assertArrayEquals(expected, r.generateSeed(16));
        byte[] next = new byte[5];
        ref.nextBytes(next);
        byte[] got = new byte[5];
        r.nextBytes(got);
        assertArrayEquals(next, got);
    }
}
