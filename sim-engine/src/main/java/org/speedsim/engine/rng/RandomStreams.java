package org.speedsim.engine.rng;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Named random-number streams of one replication. A stream is identified by (root seed, replication, purpose, peer)
 * and seeded from the SHA-256 hash of that key into a JDK {@code L64X128MixRandom}; it never depends on the order in
 * which streams are created, nor on the strategy under test, so runs that differ only in strategy see the same
 * arrivals, bandwidths and departures (common random numbers).
 *
 * <p>The JDK packs a byte seed eight bytes to a {@code long}; until the fix of JDK-8282144 (JDK 19, backported to
 * 17u in 2025) it sign-extended each byte, so a negative byte wiped out the bytes before it: distinct hashes
 * collapsed onto few generator states, the first draws of different streams were visibly non-uniform, and the same
 * key gave different streams on fixed and unfixed JDKs. The seed bytes are therefore kept below 128 (top bit of
 * each hash byte cleared, leaving 224 bits), which every JDK packs identically and without loss.
 *
 * <p>Invariant: the same key always yields the same sequence on every JDK; different keys yield
 * independent-looking sequences.
 */
public final class RandomStreams {

    /** Peer id used for streams that belong to the swarm rather than to one peer. */
    public static final long SWARM = -1L;

    public static final String ALGORITHM = "L64X128MixRandom";

    private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of(ALGORITHM);

    private final long seed;
    private final int replication;

    public RandomStreams(long seed, int replication) {
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be >= 0: " + replication);
        }
        this.seed = seed;
        this.replication = replication;
    }

    public long seed() {
        return seed;
    }

    public int replication() {
        return replication;
    }

    /** A swarm-wide stream for one purpose, such as {@code arrivals}. */
    public RandomGenerator stream(String purpose) {
        return stream(purpose, SWARM);
    }

    /** The stream of one purpose for one peer, such as ({@code bandwidth}, 17). */
    public RandomGenerator stream(String purpose, long peer) {
        return FACTORY.create(seedBytes(purpose, peer));
    }

    /** The 32 bytes that seed the stream of this key: its SHA-256 hash with the top bit of every byte cleared. */
    public byte[] seedBytes(String purpose, long peer) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] p = purpose.getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = ByteBuffer.allocate(8 + 4 + 4 + p.length + 8);
            b.putLong(seed).putInt(replication).putInt(p.length).put(p).putLong(peer);
            byte[] digest = sha.digest(b.array());
            for (int i = 0; i < digest.length; i++) {
                digest[i] &= 0x7f;
            }
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
