package org.speedsim.engine.ledger;

/**
 * The one set of rules a channel state must satisfy, applied by the payee to every payment it receives and by the
 * ledger to every close, in both signature modes: the channel exists and is confirmed, open and before its timeout;
 * it pays the presenter; it comes from the expected payer; the sequence is above the last one seen; the cumulative
 * amount is at least the last one seen and at most the escrow; the payer's signature covers
 * (channelId, sequence, cumulative). The checks run in that order (the signature last, being the costly one), and
 * the first failure is the verdict.
 */
final class ChannelRules {

    /** Accepts states from any payer (the ledger checks the signature against the channel's own payer). */
    static final int ANY_PAYER = -1;

    private final ChannelTable channels;
    private final SignatureScheme scheme;

    ChannelRules(ChannelTable channels, SignatureScheme scheme) {
        this.channels = channels;
        this.scheme = scheme;
    }

    /**
     * @param presenter      the party claiming the state pays it (the payee)
     * @param expectedPayer  the peer the state came from, or {@link #ANY_PAYER}
     * @param lastSequence   highest sequence accepted before (0 when none)
     * @param lastCumulative cumulative amount accepted before (0 when none)
     */
    Verdict check(ChannelState s, int presenter, int expectedPayer, long lastSequence, long lastCumulative,
                  long now) {
        int id = s.channelId();
        if (!channels.exists(id)) {
            return Verdict.UNKNOWN_CHANNEL;
        }
        ChannelStatus status = channels.status(id);
        if (status == ChannelStatus.PENDING) {
            return Verdict.UNKNOWN_CHANNEL;
        }
        if (status != ChannelStatus.OPEN) {
            return Verdict.NOT_OPEN;
        }
        if (now >= channels.timeoutAt(id)) {
            return Verdict.TIMED_OUT;
        }
        if (channels.payee(id) != presenter) {
            return Verdict.NOT_PAYEE;
        }
        int payer = channels.payer(id);
        if (expectedPayer != ANY_PAYER && payer != expectedPayer) {
            return Verdict.WRONG_PAYER;
        }
        if (s.sequence() <= Math.max(0L, lastSequence)) {
            return Verdict.STALE_SEQUENCE;
        }
        if (s.cumulativeToPayee() < Math.max(0L, lastCumulative)) {
            return Verdict.DECREASING_AMOUNT;
        }
        if (s.cumulativeToPayee() > channels.escrow(id)) {
            return Verdict.OVER_ESCROW;
        }
        if (!scheme.verify(payer, id, s.sequence(), s.cumulativeToPayee(), s.signature())) {
            return Verdict.BAD_SIGNATURE;
        }
        return Verdict.VALID;
    }
}
