package org.speedsim.engine.ledger;

import java.util.Arrays;

/**
 * The operations a {@link Ledger} performed, in the order it performed them, with their inputs only (who, which
 * channel, how much was asked for or signed), never their outcome: {@link LedgerAudit} recomputes the outcomes from
 * these and compares them with the ledger's accounts. Off by default ({@link Ledger#enableLog}); when on, one
 * append per ledger operation into primitive arrays.
 */
public final class LedgerLog {

    /** What an entry records; the fields it uses are named in each constant's comment. */
    public enum Op {
        /** Genesis tokens: {@code a} = account, {@code amount}. */
        MINT,
        /** Balance to balance at once: {@code a} = from, {@code b} = to, {@code amount}. */
        GRANT,
        /** A transfer queued, reserving {@code amount} from {@code a} for {@code b}; {@code id} = transaction. */
        SUBMIT_TRANSFER,
        /** A channel open queued: {@code id} = channel, {@code a} = payer, {@code b} = payee, {@code amount} = escrow. */
        SUBMIT_OPEN,
        /**
         * A close queued: {@code id} = transaction, {@code a} = submitter, {@code b} = channel, {@code amount} = the
         * signed state's cumulative amount to the payee.
         */
        SUBMIT_CLOSE,
        /** A transfer confirmed: {@code id} = transaction. */
        APPLY_TRANSFER,
        /** A channel open confirmed: {@code id} = channel. */
        APPLY_OPEN,
        /** A close confirmed and valid: {@code id} = transaction. */
        APPLY_CLOSE,
        /** A close confirmed and refused by the channel rules: {@code id} = transaction. */
        REJECT_CLOSE,
        /** A channel timed out open: {@code id} = channel. */
        TIMEOUT
    }

    private static final Op[] OPS = Op.values();

    private long[] time = new long[256];
    private byte[] op = new byte[256];
    private long[] id = new long[256];
    private int[] a = new int[256];
    private int[] b = new int[256];
    private long[] amount = new long[256];
    private int size;

    void add(long at, Op kind, long idOf, int first, int second, long value) {
        if (size == op.length) {
            int c = size * 2;
            time = Arrays.copyOf(time, c);
            op = Arrays.copyOf(op, c);
            id = Arrays.copyOf(id, c);
            a = Arrays.copyOf(a, c);
            b = Arrays.copyOf(b, c);
            amount = Arrays.copyOf(amount, c);
        }
        time[size] = at;
        op[size] = (byte) kind.ordinal();
        id[size] = idOf;
        a[size] = first;
        b[size] = second;
        amount[size] = value;
        size++;
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return time[i];
    }

    public Op op(int i) {
        return OPS[op[i]];
    }

    public long id(int i) {
        return id[i];
    }

    public int a(int i) {
        return a[i];
    }

    public int b(int i) {
        return b[i];
    }

    public long amount(int i) {
        return amount[i];
    }
}
