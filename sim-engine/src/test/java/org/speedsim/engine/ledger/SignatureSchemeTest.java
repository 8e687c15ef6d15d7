package org.speedsim.engine.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.Signature;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both signature schemes: round trip, every altered field or signer fails, keys reproducible from the seed. */
class SignatureSchemeTest {

    private static SignatureScheme scheme(SignatureMode mode, long seed, int accounts) {
        SignatureScheme s = SignatureScheme.create(mode, new SplittableRandom(seed));
        for (int a = 0; a < accounts; a++) {
            s.addAccount(a);
        }
        return s;
    }

    @ParameterizedTest
    @EnumSource(SignatureMode.class)
    void signaturesVerifyOnlyForTheExactSignerAndFields(SignatureMode mode) {
        SignatureScheme s = scheme(mode, 5, 4);
        assertEquals(mode, s.mode());
        SplittableRandom rng = new SplittableRandom(11);
        int rounds = mode == SignatureMode.ED25519 ? 25 : 2_000;
        for (int i = 0; i < rounds; i++) {
            int signer = rng.nextInt(4);
            int ch = rng.nextInt(1 << 20);
            long seq = 1 + rng.nextLong(1 << 30);
            long cum = rng.nextLong(Long.MAX_VALUE);
            byte[] sig = s.sign(signer, ch, seq, cum);
            assertEquals(mode == SignatureMode.ED25519 ? Ed25519Scheme.SIGNATURE_BYTES : AccountingScheme.TAG_BYTES,
                    sig.length);
            assertTrue(s.verify(signer, ch, seq, cum, sig));
            assertFalse(s.verify((signer + 1 + rng.nextInt(3)) % 4, ch, seq, cum, sig));
            assertFalse(s.verify(signer, ch ^ (1 << rng.nextInt(20)), seq, cum, sig));
            assertFalse(s.verify(signer, ch, seq + 1, cum, sig));
            assertFalse(s.verify(signer, ch, seq, cum ^ (1L << rng.nextInt(63)), sig));
            byte[] bad = sig.clone();
            bad[rng.nextInt(bad.length)] ^= (byte) (1 << rng.nextInt(8));
            assertFalse(s.verify(signer, ch, seq, cum, bad));
            assertFalse(s.verify(4, ch, seq, cum, sig)); // unknown account
            assertFalse(s.verify(signer, ch, seq, cum, null));
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureMode.class)
    void keysDependOnlyOnTheSeedNotOnTheOrderOfUse(SignatureMode mode) {
        SignatureScheme a = scheme(mode, 99, 5);
        SignatureScheme b = scheme(mode, 99, 5);
        SignatureScheme c = scheme(mode, 100, 5);
        byte[] fromB4 = b.sign(4, 7, 1, 1000); // b creates account 4's key first
        byte[] fromA0 = a.sign(0, 7, 1, 1000);
        assertArrayEquals(fromA0, b.sign(0, 7, 1, 1000));
        assertArrayEquals(fromB4, a.sign(4, 7, 1, 1000));
        assertFalse(java.util.Arrays.equals(fromA0, c.sign(0, 7, 1, 1000)));
        assertFalse(c.verify(0, 7, 1, 1000, fromA0));
    }

    @Test
    void ed25519SignaturesAreStandardAndVerifyWithThePlainJdk() throws Exception {
        Ed25519Scheme s = (Ed25519Scheme) scheme(SignatureMode.ED25519, 3, 2);
        byte[] sig = s.sign(1, 42, 3, 1_500_000);
        byte[] message = ByteBuffer.allocate(24).putLong(42).putLong(3).putLong(1_500_000).array();
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(s.publicKey(1));
        jdk.update(message);
        assertTrue(jdk.verify(sig));
        assertNotEquals(s.publicKey(0), s.publicKey(1));
        assertEquals("EdDSA", s.publicKey(0).getAlgorithm());
    }

    @ParameterizedTest
    @EnumSource(SignatureMode.class)
    void accountsMustBeAddedInOrder(SignatureMode mode) {
        SignatureScheme s = scheme(mode, 1, 2);
        assertThrows(IllegalArgumentException.class, () -> s.addAccount(3));
        assertThrows(IllegalArgumentException.class, () -> s.sign(2, 0, 1, 1));
        s.addAccount(2);
        assertEquals(3, s.accounts());
    }

    @Test
    void generatorSecureRandomReplaysItsSource() {
        byte[] x = new byte[40];
        byte[] y = new byte[40];
        new GeneratorSecureRandom(new SplittableRandom(8)).nextBytes(x);
        new SplittableRandom(8).nextBytes(y);
        assertArrayEquals(y, x);
    }
}
