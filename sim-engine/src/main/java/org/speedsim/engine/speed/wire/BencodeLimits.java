package org.speedsim.engine.speed.wire;

/**
 * Bounds that a strict bencode decoder enforces, so hostile input cannot exhaust memory or stack.
 *
 * @param maxTotalBytes   largest encoded value accepted
 * @param maxStringBytes  longest byte string accepted
 * @param maxDepth        deepest nesting of lists and dictionaries (the top level counts as 1)
 */
public record BencodeLimits(int maxTotalBytes, int maxStringBytes, int maxDepth) {

    /** Ample for every Speed message and for real clients' extension handshakes. */
    public static final BencodeLimits DEFAULT = new BencodeLimits(16 * 1024, 4096, 16);

    public BencodeLimits {
        if (maxTotalBytes < 1 || maxStringBytes < 0 || maxDepth < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
