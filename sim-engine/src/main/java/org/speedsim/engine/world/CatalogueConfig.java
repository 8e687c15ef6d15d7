package org.speedsim.engine.world;

import java.util.Objects;
import org.speedsim.engine.swarm.Distribution;

/**
 * How a world's catalogue is drawn: an initial catalogue plus releases over time as a Poisson process, torrent sizes
 * from a distribution, one piece size, Zipf popularity over ranks decaying exponentially after release with time
 * constant {@code decayMicros}, and a publisher residence time per torrent.
 *
 * @param initialTorrents          torrents present when the world starts
 * @param initialAgeMicros         age of each initial torrent at the start (its release is minus this age)
 * @param releasesPerSecond        rate of the Poisson process of new releases; 0 for none
 * @param sizeBytes                torrent size distribution, in bytes (rounded, at least one byte)
 * @param pieceBytes               piece size of every torrent
 * @param zipfExponent             s in {@code weight = rank^-s}; 0 makes every torrent equally popular
 * @param decayMicros              time constant tau of the exponential decay of demand after release
 * @param publisherResidenceMicros how long each torrent's publisher seeds it after it becomes available
 */
public record CatalogueConfig(int initialTorrents, Distribution initialAgeMicros, double releasesPerSecond,
                              Distribution sizeBytes, long pieceBytes, double zipfExponent, long decayMicros,
                              Distribution publisherResidenceMicros) {

    /** More torrents than this (initial plus expected releases) is refused before any work starts. */
    public static final long MAX_TORRENTS = 10_000_000L;

    /** Larger exponents would make the weights of low ranks underflow to zero. */
    public static final double MAX_ZIPF_EXPONENT = 10;

    public CatalogueConfig {
        Objects.requireNonNull(initialAgeMicros, "catalogue initial age");
        Objects.requireNonNull(sizeBytes, "catalogue size");
        Objects.requireNonNull(publisherResidenceMicros, "catalogue publisher residence");
        if (initialTorrents < 0 || initialTorrents > MAX_TORRENTS) {
            throw new IllegalArgumentException("catalogue initial torrents must be in [0, " + MAX_TORRENTS + "]: "
                    + initialTorrents);
        }
        if (!(releasesPerSecond >= 0) || Double.isInfinite(releasesPerSecond)) {
            throw new IllegalArgumentException("catalogue release rate must be a finite number >= 0: "
                    + releasesPerSecond);
        }
        if (pieceBytes <= 0) {
            throw new IllegalArgumentException("catalogue piece size must be > 0 bytes: " + pieceBytes);
        }
        if (!(zipfExponent >= 0 && zipfExponent <= MAX_ZIPF_EXPONENT)) {
            throw new IllegalArgumentException("catalogue Zipf exponent must be in [0, " + MAX_ZIPF_EXPONENT + "]: "
                    + zipfExponent);
        }
        if (decayMicros <= 0) {
            throw new IllegalArgumentException("catalogue decay time constant must be > 0 microseconds: "
                    + decayMicros);
        }
    }

    /** Expected number of torrents within a horizon: the initial ones plus the expected releases. */
    public double expectedTorrents(long horizonMicros) {
        return initialTorrents + releasesPerSecond * horizonMicros / 1e6;
    }
}
