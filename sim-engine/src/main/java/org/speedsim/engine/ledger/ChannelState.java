package org.speedsim.engine.ledger;

import java.util.Arrays;

/**
 * One signed off-ledger state of a payment channel: the payer promises {@code cumulativeToPayee} micro-BTT of the
 * channel's escrow to the payee, the rest going back to the payer. The signature is the payer's, over
 * (channelId, sequence, cumulativeToPayee). A state is a value: equality compares the signature bytes.
 *
 * @param channelId          the ledger's channel id
 * @param sequence           strictly increasing per channel, starting at 1
 * @param cumulativeToPayee  micro-BTT allocated to the payee in total, non-decreasing per channel, at most the escrow
 * @param signature          the payer's signature (64 bytes Ed25519, 8 bytes in accounting mode); never mutated
 */
public record ChannelState(int channelId, long sequence, long cumulativeToPayee, byte[] signature) {

    public ChannelState {
        if (signature == null) {
            throw new IllegalArgumentException("signature is required");
        }
    }

    /** Bytes this state occupies in a message: three 8-byte fields plus the signature. */
    public int wireBytes() {
        return 24 + signature.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelState s && s.channelId == channelId && s.sequence == sequence
                && s.cumulativeToPayee == cumulativeToPayee && Arrays.equals(s.signature, signature);
    }

    @Override
    public int hashCode() {
        return ((Integer.hashCode(channelId) * 31 + Long.hashCode(sequence)) * 31
                + Long.hashCode(cumulativeToPayee)) * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "ChannelState[channel=" + channelId + ", seq=" + sequence + ", cumulative=" + cumulativeToPayee
                + ", sig=" + signature.length + "B]";
    }
}
