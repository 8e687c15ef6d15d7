package org.speedsim.engine.ledger;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.util.random.RandomGenerator;

/**
 * A {@link SecureRandom} whose bytes all come from a seeded {@link RandomGenerator}, so that JDK key generation is
 * reproducible from the run's seed. It is deliberately not secure: simulated keys need reproducibility, not secrecy.
 * Seeding it has no effect.
 */
final class GeneratorSecureRandom extends SecureRandom {

    GeneratorSecureRandom(RandomGenerator source) {
        super(new Spi(source), null);
    }

    private static final class Spi extends SecureRandomSpi {
        private final transient RandomGenerator source;

        Spi(RandomGenerator source) {
            this.source = source;
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            source.nextBytes(bytes);
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            byte[] b = new byte[numBytes];
            source.nextBytes(b);
            return b;
        }
    }
}
