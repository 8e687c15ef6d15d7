package org.speedsim.engine.world;

/**
 * One torrent of a world's catalogue, fixed for the whole run. Its current popularity at time {@code t >= release}
 * is {@code weight * exp(-(t - release) / decay)}: a Zipf weight by rank that decays exponentially with the age of
 * the torrent (Guo et al. 2005). Its publisher (the origin seed) is online from the later of its release and the
 * start of the world, for {@code publisherResidenceMicros}.
 *
 * @param id                       the torrent's identity; its random streams are keyed by it
 * @param releaseMicros            release time; negative for an initial torrent that was already {@code -release}
 *                                 microseconds old when the world started
 * @param rank                     popularity rank, 1 for the most popular; ranks are a permutation of 1..N
 * @param weight                   Zipf weight {@code rank^-s}
 */
public record Torrent(int id, long sizeBytes, long pieceBytes, long releaseMicros, int rank, double weight,
                      long publisherResidenceMicros) {

    public Torrent {
        if (id < 0 || sizeBytes <= 0 || pieceBytes <= 0 || rank < 1 || !(weight > 0)
                || publisherResidenceMicros < 0) {
            throw new IllegalArgumentException("torrent " + id + ": needs id >= 0, size > 0, piece > 0, rank >= 1,"
                    + " weight > 0 and publisher residence >= 0");
        }
    }

    /** Number of pieces; the last one holds the remainder. */
    public long pieces() {
        return (sizeBytes + pieceBytes - 1) / pieceBytes;
    }

    /** When the torrent (and its publisher) become available: its release, or the start of the world. */
    public long availableFromMicros() {
        return Math.max(0, releaseMicros);
    }

    /** When the publisher leaves (saturating at {@link Long#MAX_VALUE}). */
    public long publisherLeavesMicros() {
        long t = availableFromMicros() + publisherResidenceMicros;
        return t < 0 ? Long.MAX_VALUE : t;
    }
}
