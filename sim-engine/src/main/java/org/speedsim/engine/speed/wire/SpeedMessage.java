package org.speedsim.engine.speed.wire;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The BitTorrent Speed protocol messages, as carried in BEP 10 extended messages. Prices are nano-BTT per KiB,
 * amounts micro-BTT (see {@link org.speedsim.engine.speed.Prices}).
 *
 * <p>Invariant: every numeric field is non-negative; construction rejects anything else.
 */
public sealed interface SpeedMessage permits SpeedMessage.ExtendedHandshake, SpeedMessage.Bid,
        SpeedMessage.BidResponse, SpeedMessage.Payment {

    /** Largest extended message id a peer can assign (the id is one byte on the wire). */
    int MAX_EXTENSION_ID = 255;

    /**
     * The BEP 10 extension handshake (extended id 0): {@code "m": {"bt_speed": speedId}, "v": client}.
     *
     * @param speedId the id under which this peer wants to receive Speed messages, 1..255; 0 = Speed not supported
     * @param client  the client name and version
     */
    record ExtendedHandshake(int speedId, String client) implements SpeedMessage {
        public ExtendedHandshake {
            Objects.requireNonNull(client, "client");
            if (speedId < 0 || speedId > MAX_EXTENSION_ID) {
                throw new IllegalArgumentException("speedId must be in [0, 255]: " + speedId);
            }
        }

        public boolean supportsSpeed() {
            return speedId != 0;
        }
    }

    /** A requester's bid for an unchoke slot: the price it offers, nano-BTT per KiB. */
    record Bid(long priceNanoPerKiB) implements SpeedMessage {
        public Bid {
            requireNonNegative(priceNanoPerKiB, "price");
        }
    }

    /** A provider's answer to a winning bidder: the price it will charge, nano-BTT per KiB. */
    record BidResponse(long priceNanoPerKiB) implements SpeedMessage {
        public BidResponse {
            requireNonNegative(priceNanoPerKiB, "price");
        }
    }

    /**
     * A signed payment-channel state: the cumulative micro-BTT moved to the provider in channel {@code channelId}
     * as of state number {@code sequence}. The signature array is copied in and out.
     */
    record Payment(long channelId, long sequence, long cumulativeMicroBtt, byte[] signature) implements SpeedMessage {
        public Payment {
            requireNonNegative(channelId, "channelId");
            requireNonNegative(sequence, "sequence");
            requireNonNegative(cumulativeMicroBtt, "cumulativeMicroBtt");
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        public int signatureLength() {
            return signature.length;
        }

        byte[] signatureUnsafe() {
            return signature;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Payment p && channelId == p.channelId && sequence == p.sequence
                    && cumulativeMicroBtt == p.cumulativeMicroBtt && Arrays.equals(signature, p.signature);
        }

        @Override
        public int hashCode() {
            return Objects.hash(channelId, sequence, cumulativeMicroBtt, Arrays.hashCode(signature));
        }

        @Override
        public String toString() {
            return "Payment[channelId=" + channelId + ", sequence=" + sequence + ", cumulativeMicroBtt="
                    + cumulativeMicroBtt + ", signature=" + HexFormat.of().formatHex(signature) + "]";
        }
    }

    private static void requireNonNegative(long v, String what) {
        if (v < 0) {
            throw new IllegalArgumentException(what + " must be >= 0: " + v);
        }
    }
}
