/**
 * The Speed messages on the wire: strict bencode ({@link org.speedsim.engine.speed.wire.Bencode}) and BEP 10
 * peer-wire frames of bids, bid responses, payments and the extension handshake
 * ({@link org.speedsim.engine.speed.wire.SpeedCodec}), so that message overhead is counted from real encodings.
 *
 * <p>Invariants: decoding untrusted bytes never throws and is bounded by
 * {@link org.speedsim.engine.speed.wire.BencodeLimits}; every accepted input is the canonical encoding of its value
 * ({@code encode(decode(b)) == b}); a measured size always equals the written size.
 */
package org.speedsim.engine.speed.wire;
