package org.speedsim.engine.ledger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The provider side of Speed payments for one payee: checks every received state against the ledger's record of the
 * channel with the channel rules (confirmed and open, pays me, from the sender, sequence above the last, amount not
 * below the last and within the escrow, payer's signature valid), keeps the last valid state per channel, and closes
 * channels with it.
 *
 * <p>Invariant: per channel the held state is the accepted one with the highest sequence, and its cumulative amount
 * is the most this payee has accepted on that channel; a channel is submitted for closing at most once at a time.
 */
public final class ChannelPayee {

    /** The verdict on a received state and, when valid, the micro-BTT it adds over the previous state. */
    public record Acceptance(Verdict verdict, long increment) {
        public boolean accepted() {
            return verdict == Verdict.VALID;
        }
    }

    private final Ledger ledger;
    private final int payee;
    private final Map<Integer, ChannelState> latest = new TreeMap<>();
    private final Set<Integer> closing = new HashSet<>();
    private long accepted;

    public ChannelPayee(Ledger ledger, int payee) {
        this.ledger = ledger;
        this.payee = payee;
        ledger.ensureAccount(payee);
    }

    public int payee() {
        return payee;
    }

    /** Checks a state received from {@code from}; a valid one replaces the held state of its channel. */
    public Acceptance accept(int from, ChannelState state) {
        int id = state.channelId();
        if (closing.contains(id)) {
            return new Acceptance(Verdict.NOT_OPEN, 0);
        }
        ChannelState last = latest.get(id);
        long lastSeq = last == null ? 0 : last.sequence();
        long lastCum = last == null ? 0 : last.cumulativeToPayee();
        Verdict v = ledger.checkState(state, payee, from, lastSeq, lastCum);
        if (v != Verdict.VALID) {
            return new Acceptance(v, 0);
        }
        latest.put(id, state);
        long increment = state.cumulativeToPayee() - lastCum;
        accepted += increment;
        return new Acceptance(Verdict.VALID, increment);
    }

    /** Submits the close of a channel with its held state; returns the transaction id, or -1 if nothing to close. */
    public long close(int channelId) {
        ChannelState s = latest.get(channelId);
        if (s == null || closing.contains(channelId)) {
            return Ledger.REFUSED;
        }
        closing.add(channelId);
        return ledger.submitClose(payee, s);
    }

    /** Closes, in channel id order, every held channel whose timeout is at or before {@code deadline}. */
    public int closeDue(long deadline) {
        List<Integer> due = new ArrayList<>();
        for (int id : latest.keySet()) {
            if (!closing.contains(id) && ledger.channelTimeoutAt(id) <= deadline) {
                due.add(id);
            }
        }
        for (int id : due) {
            close(id);
        }
        return due.size();
    }

    /** Closes every held channel not already closing, in channel id order. */
    public int closeAll() {
        return closeDue(Long.MAX_VALUE);
    }

    /** Called when a channel this payee holds was closed or refunded: forgets it. */
    public void onChannelEnded(int channelId) {
        latest.remove(channelId);
        closing.remove(channelId);
    }

    /** Called when the ledger rejected this payee's close: the channel may be closed again. */
    public void onCloseRejected(int channelId) {
        closing.remove(channelId);
    }

    /** The held state of a channel, or null. */
    public ChannelState held(int channelId) {
        return latest.get(channelId);
    }

    /** Number of channels with a held state (closing or not). */
    public int heldChannels() {
        return latest.size();
    }

    /** Micro-BTT accepted in valid states so far (promised, not necessarily settled on the ledger). */
    public long accepted() {
        return accepted;
    }
}
