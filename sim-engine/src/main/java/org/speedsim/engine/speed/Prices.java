package org.speedsim.engine.speed;

import java.math.BigInteger;

/**
 * The one place where Speed prices are converted. A bid or clearing price is a {@code long} count of
 * <em>nano-BTT per KiB</em> (1 micro-BTT = 1000 nano-BTT), so that small per-KiB prices keep precision; balances and
 * payments are {@code long} micro-BTT.
 *
 * <p>Invariant: every conversion rounds down (a requester never pays more than its price implies) and saturates at
 * {@link Long#MAX_VALUE} instead of overflowing.
 */
public final class Prices {

    /** Nano-BTT in one micro-BTT. */
    public static final long NANO_PER_MICRO = 1000L;

    /** Bytes in one KiB. */
    public static final long KIB = 1024L;

    private Prices() {
    }

    /**
     * Micro-BTT owed for {@code bytes} of data at {@code priceNanoPerKiB}: {@code floor(price * bytes / 1024 / 1000)}.
     */
    public static long pieceCost(long priceNanoPerKiB, long bytes) {
        requireNonNegative(priceNanoPerKiB, "price");
        requireNonNegative(bytes, "bytes");
        return mulDiv(priceNanoPerKiB, bytes, KIB * NANO_PER_MICRO);
    }

    /** Whole KiB needed to hold {@code bytes}: {@code ceil(bytes / 1024)}. */
    public static long ceilKiB(long bytes) {
        requireNonNegative(bytes, "bytes");
        return bytes / KIB + (bytes % KIB == 0 ? 0 : 1);
    }

    /**
     * {@code floor(a * b / c)} for non-negative {@code a}, {@code b} and positive {@code c}, exact over the full
     * 128-bit product, saturated at {@link Long#MAX_VALUE}.
     */
    public static long mulDiv(long a, long b, long c) {
        requireNonNegative(a, "a");
        requireNonNegative(b, "b");
        if (c <= 0) {
            throw new IllegalArgumentException("divisor must be positive: " + c);
        }
        if (Math.multiplyHigh(a, b) == 0) {
            long lo = a * b;
            if (lo >= 0) {
                return lo / c;
            }
        }
        BigInteger q = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c));
        return q.bitLength() < 64 ? q.longValue() : Long.MAX_VALUE;
    }

    private static void requireNonNegative(long v, String what) {
        if (v < 0) {
            throw new IllegalArgumentException(what + " must be >= 0: " + v);
        }
    }
}
