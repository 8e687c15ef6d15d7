package org.speedsim.engine.ledger;

/**
 * Transactions submitted but not yet applied, in submission (FIFO) order, in a growable ring of primitive arrays.
 * Each carries its inclusion time; inclusion times are non-decreasing from head to tail, which lets the number still
 * waiting for ledger capacity be counted by binary search.
 *
 * <p>Invariant: ids are consecutive from head to tail; {@link #reserved()} is the sum of the amounts of queued
 * transfers and opens (closes reserve nothing).
 */
final class TxQueue {

    private static final TxKind[] KINDS = TxKind.values();

    private long[] includeAt = new long[64];
    private byte[] kind = new byte[64];
    private int[] from = new int[64];
    private int[] to = new int[64];
    private int[] channel = new int[64];
    private long[] amount = new long[64];
    private ChannelState[] state = new ChannelState[64];
    private int head;
    private int size;
    private long headId;
    private long reserved;

    int size() {
        return size;
    }

    long headId() {
        return headId;
    }

    long reserved() {
        return reserved;
    }

    /** Appends a transaction and returns its id. */
    long push(long inclusion, TxKind k, int a, int b, int ch, long amt, ChannelState st) {
        if (size == includeAt.length) {
            grow();
        }
        if (size > 0 && inclusion < includeAt[slot(size - 1)]) {
            throw new IllegalStateException("inclusion times must be non-decreasing");
        }
        int s = slot(size);
        includeAt[s] = inclusion;
        kind[s] = (byte) k.ordinal();
        from[s] = a;
        to[s] = b;
        channel[s] = ch;
        amount[s] = amt;
        state[s] = st;
        if (k != TxKind.CLOSE) {
            reserved = Math.addExact(reserved, amt);
        }
        size++;
        return headId + size - 1;
    }

    /** Drops the head after the caller has read it through the head accessors. */
    void pop() {
        if (size == 0) {
            throw new IllegalStateException("empty queue");
        }
        if (headKind() != TxKind.CLOSE) {
            reserved -= amount[head];
        }
        state[head] = null;
        head = (head + 1) & (includeAt.length - 1);
        size--;
        headId++;
    }

    TxKind headKind() {
        return KINDS[kind[head]];
    }

    int headFrom() {
        return from[head];
    }

    int headTo() {
        return to[head];
    }

    int headChannel() {
        return channel[head];
    }

    long headAmount() {
        return amount[head];
    }

    ChannelState headState() {
        return state[head];
    }

    /** Number of queued transactions whose inclusion time is after {@code t}. */
    int countIncludedAfter(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (includeAt[slot(mid)] > t) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return size - lo;
    }

    /** Sum of reserved amounts recomputed from the entries (for invariant checks). */
    long recomputeReserved() {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            int s = slot(i);
            if (kind[s] != TxKind.CLOSE.ordinal()) {
                sum = Math.addExact(sum, amount[s]);
            }
        }
        return sum;
    }

    private int slot(int i) {
        return (head + i) & (includeAt.length - 1);
    }

    private void grow() {
        int oldMask = includeAt.length - 1;
        int c = includeAt.length * 2;
        long[] inc = new long[c];
        long[] amt = new long[c];
        int[] a = new int[c];
        int[] b = new int[c];
        int[] ch = new int[c];
        byte[] k = new byte[c];
        ChannelState[] st = new ChannelState[c];
        for (int i = 0; i < size; i++) {
            int s = (head + i) & oldMask;
            inc[i] = includeAt[s];
            amt[i] = amount[s];
            a[i] = from[s];
            b[i] = to[s];
            ch[i] = channel[s];
            k[i] = kind[s];
            st[i] = state[s];
        }
        includeAt = inc;
        amount = amt;
        from = a;
        to = b;
        channel = ch;
        kind = k;
        state = st;
        head = 0;
    }
}
