package org.speedsim.engine.speed.wire;

/**
 * The outcome of decoding untrusted bytes: either a value or the reason the bytes are malformed. Decoders return
 * this instead of throwing.
 */
public sealed interface DecodeResult<T> permits DecodeResult.Ok, DecodeResult.Malformed {

    /** A successfully decoded value. */
    record Ok<T>(T value) implements DecodeResult<T> {
    }

    /** Bytes that are not a valid encoding; {@code offset} is where the problem was found (-1 if not local). */
    record Malformed<T>(String reason, int offset) implements DecodeResult<T> {
    }

    default boolean isOk() {
        return this instanceof Ok;
    }
}
