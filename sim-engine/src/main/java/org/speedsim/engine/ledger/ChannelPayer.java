package org.speedsim.engine.ledger;

import java.util.HashMap;
import java.util.Map;

/**
 * The requester side of Speed payments for one payer. Per provider it keeps one current channel and signs, for each
 * verified piece, the next state (sequence + 1, cumulative + price). When the current channel cannot cover the next
 * payment (exhausted, closed, refunded, or within {@code renewBeforeMicros} of its timeout) it submits a new open
 * and the payment waits, as debt owed to that provider, until the ledger confirms the channel. An abandoned channel
 * is left to the payee, who closes it with the last state it holds (or lets it time out).
 *
 * <p>Invariant: per channel the signed sequence strictly increases and the cumulative amount never decreases nor
 * exceeds the escrow; a payment is signed only on a channel the ledger reports open.
 */
public final class ChannelPayer {

    /** What to do after {@link #pay}. */
    public sealed interface Payment permits Paid, Waiting, Unaffordable {
    }

    /** Send {@code state} to the provider now: it settles everything owed to it. */
    public record Paid(ChannelState state) implements Payment {
    }

    /** The payment waits for channel {@code channelId} to be confirmed ({@link #onChannelOpened}). */
    public record Waiting(int channelId) implements Payment {
    }

    /** The balance cannot cover the {@code owed} micro-BTT; the debt stays recorded. */
    public record Unaffordable(long owed) implements Payment {
    }

    private static final class Line {
        final int provider;
        int channel = -1;
        long escrow;
        long sequence;
        long cumulative;
        long owed;
        long escrowRequest;

        Line(int provider) {
            this.provider = provider;
        }
    }

    private final Ledger ledger;
    private final int payer;
    private final long renewBeforeMicros;
    private final Map<Integer, Line> lines = new HashMap<>();
    private final Map<Integer, Line> byChannel = new HashMap<>();
    private long promised;

    /**
     * @param renewBeforeMicros a channel this close to its timeout is not used for new payments, so that the payee
     *                          has time to close it (>= 0)
     */
    public ChannelPayer(Ledger ledger, int payer, long renewBeforeMicros) {
        if (renewBeforeMicros < 0) {
            throw new IllegalArgumentException("renewBeforeMicros must be >= 0");
        }
        this.ledger = ledger;
        this.payer = payer;
        this.renewBeforeMicros = renewBeforeMicros;
        ledger.ensureAccount(payer);
    }

    public int payer() {
        return payer;
    }

    /**
     * Pays {@code price} micro-BTT (> 0; free pieces need no payment) to {@code provider} for one verified piece.
     *
     * @param escrowIfNew escrow to lock if a new channel must be opened; raised to the amount owed if smaller and
     *                    lowered to the balance if larger
     */
    public Payment pay(int provider, long price, long escrowIfNew) {
        if (price <= 0) {
            throw new IllegalArgumentException("price must be > 0: " + price);
        }
        if (provider == payer) {
            throw new IllegalArgumentException("a peer does not pay itself: " + payer);
        }
        Line line = lines.computeIfAbsent(provider, Line::new);
        line.owed = Math.addExact(line.owed, price);
        line.escrowRequest = escrowIfNew;
        return settle(line);
    }

    /**
     * Called when the ledger confirms a channel of this payer. Returns the state that pays what is owed on it, another
     * {@link Waiting} if the debt outgrew its escrow meanwhile, or null when the channel is not this payer's current
     * one or nothing is owed.
     */
    public Payment onChannelOpened(int channelId) {
        Line line = byChannel.get(channelId);
        if (line == null || line.channel != channelId || line.owed == 0) {
            return null;
        }
        return settle(line);
    }

    /** Called when a channel of this payer was closed or refunded; it is never used again. */
    public void onChannelEnded(int channelId) {
        Line line = byChannel.remove(channelId);
        if (line != null && line.channel == channelId) {
            line.channel = -1;
        }
    }

    /** Micro-BTT owed to a provider and not yet covered by a signed state. */
    public long owed(int provider) {
        Line line = lines.get(provider);
        return line == null ? 0 : line.owed;
    }

    /** Drops the debt to a provider (for example after being banned by it); returns the amount dropped. */
    public long forgive(int provider) {
        Line line = lines.get(provider);
        if (line == null) {
            return 0;
        }
        long o = line.owed;
        line.owed = 0;
        return o;
    }

    /** The current channel to a provider, or -1. */
    public int currentChannel(int provider) {
        Line line = lines.get(provider);
        return line == null ? -1 : line.channel;
    }

    /** Micro-BTT this payer has promised in signed states, over all channels. */
    public long promised() {
        return promised;
    }

    private Payment settle(Line line) {
        int ch = line.channel;
        if (ch >= 0) {
            ChannelStatus st = ledger.channelStatus(ch);
            if (st == ChannelStatus.PENDING) {
                return new Waiting(ch);
            }
            boolean usable = st == ChannelStatus.OPEN
                    && ledger.now() < ledger.channelTimeoutAt(ch) - renewBeforeMicros
                    && line.cumulative + line.owed <= line.escrow;
            if (usable) {
                line.sequence++;
                line.cumulative += line.owed;
                promised += line.owed;
                line.owed = 0;
                return new Paid(ledger.scheme().signState(payer, ch, line.sequence, line.cumulative));
            }
            byChannel.remove(ch);
            line.channel = -1;
        }
        long escrow = Math.min(Math.max(line.escrowRequest, line.owed), ledger.balance(payer));
        if (escrow < line.owed) {
            return new Unaffordable(line.owed);
        }
        int opened = ledger.submitOpen(payer, line.provider, escrow);
        if (opened == Ledger.REFUSED) {
            throw new IllegalStateException("open refused although the balance covered it");
        }
        line.channel = opened;
        line.escrow = escrow;
        line.sequence = 0;
        line.cumulative = 0;
        byChannel.put(opened, line);
        return new Waiting(opened);
    }
}
