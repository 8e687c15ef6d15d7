package org.speedsim.engine.ledger;

import java.util.Arrays;

/**
 * The ledger's record of every channel, indexed by dense channel id in primitive arrays. Invariant: a channel's payer,
 * payee and escrow never change after creation; its status only moves forward (see {@link ChannelStatus}).
 */
final class ChannelTable {

    private static final ChannelStatus[] STATUSES = ChannelStatus.values();

    private int[] payer = new int[64];
    private int[] payee = new int[64];
    private long[] escrow = new long[64];
    private long[] openedAt = new long[64];
    private long[] timeoutAt = new long[64];
    private long[] paidOut = new long[64];
    private long[] timeoutHandle = new long[64];
    private byte[] status = new byte[64];
    private int count;

    int count() {
        return count;
    }

    boolean exists(int id) {
        return id >= 0 && id < count;
    }

    int create(int from, int to, long amount) {
        if (count == payer.length) {
            int c = count * 2;
            payer = Arrays.copyOf(payer, c);
            payee = Arrays.copyOf(payee, c);
            escrow = Arrays.copyOf(escrow, c);
            openedAt = Arrays.copyOf(openedAt, c);
            timeoutAt = Arrays.copyOf(timeoutAt, c);
            paidOut = Arrays.copyOf(paidOut, c);
            timeoutHandle = Arrays.copyOf(timeoutHandle, c);
            status = Arrays.copyOf(status, c);
        }
        int id = count++;
        payer[id] = from;
        payee[id] = to;
        escrow[id] = amount;
        openedAt[id] = -1;
        timeoutAt[id] = -1;
        paidOut[id] = 0;
        timeoutHandle[id] = -1;
        status[id] = (byte) ChannelStatus.PENDING.ordinal();
        return id;
    }

    void markOpen(int id, long now, long timeout, long handle) {
        openedAt[id] = now;
        timeoutAt[id] = timeout;
        timeoutHandle[id] = handle;
        status[id] = (byte) ChannelStatus.OPEN.ordinal();
    }

    void markClosed(int id, long toPayee) {
        paidOut[id] = toPayee;
        status[id] = (byte) ChannelStatus.CLOSED.ordinal();
    }

    void markRefunded(int id) {
        status[id] = (byte) ChannelStatus.REFUNDED.ordinal();
    }

    ChannelStatus status(int id) {
        return STATUSES[status[id]];
    }

    int payer(int id) {
        return payer[id];
    }

    int payee(int id) {
        return payee[id];
    }

    long escrow(int id) {
        return escrow[id];
    }

    long openedAt(int id) {
        return openedAt[id];
    }

    long timeoutAt(int id) {
        return timeoutAt[id];
    }

    long paidOut(int id) {
        return paidOut[id];
    }

    long timeoutHandle(int id) {
        return timeoutHandle[id];
    }

    ChannelInfo info(int id) {
        return new ChannelInfo(id, payer[id], payee[id], escrow[id], openedAt[id], timeoutAt[id], status(id),
                paidOut[id]);
    }
}
