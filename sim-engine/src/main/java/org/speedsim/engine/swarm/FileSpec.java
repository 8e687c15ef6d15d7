package org.speedsim.engine.swarm;

/**
 * The shared file: {@code sizeBytes} split into pieces of {@code pieceBytes}; the last piece holds the remainder.
 */
public record FileSpec(long sizeBytes, long pieceBytes) {

    public static final long DEFAULT_PIECE_BYTES = 256 * 1024;

    public FileSpec {
        if (sizeBytes <= 0 || pieceBytes <= 0) {
            throw new IllegalArgumentException("file and piece sizes must be > 0");
        }
        if ((sizeBytes + pieceBytes - 1) / pieceBytes > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("too many pieces");
        }
    }

    public int pieces() {
        return (int) ((sizeBytes + pieceBytes - 1) / pieceBytes);
    }

    public long pieceSize(int piece) {
        long start = piece * pieceBytes;
        return Math.min(pieceBytes, sizeBytes - start);
    }
}
