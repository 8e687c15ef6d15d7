package org.speedsim.engine.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts and channels a {@link LedgerLog} implies, recomputed from the logged operations alone (the outcome of
 * every close and timeout is derived here from the submitted escrow and signed amount, not read from the ledger), and
 * the differences from what the {@link Ledger} itself holds. For tests and checks after a run: the ledger's counters
 * and this reconstruction are computed by different code from different inputs, so a ledger that moves a token
 * wrongly disagrees with it.
 *
 * <p>Identities it checks on the reconstruction: minted == balances + escrow of open channels + reserved funds of
 * queued transactions; escrow ever locked == settled + returned at close + refunded at timeout + still locked; a close
 * applies only to an open channel, by its payee, for at most its escrow.
 */
public final class LedgerAudit {

    private long[] balance = new long[16];
    private long[] settledTo = new long[16];
    private long[] refundedTo = new long[16];
    private int accounts;
    private final Map<Integer, long[]> channels = new HashMap<>();
    private final Map<Long, long[]> transfers = new HashMap<>();
    private final Map<Long, long[]> closes = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private long minted;
    private long reserved;
    private long escrowLocked;
    private long escrowCommitted;
    private long settled;
    private long returnedAtClose;
    private long refundedAtTimeout;

    private static final int PAYER = 0;
    private static final int PAYEE = 1;
    private static final int ESCROW = 2;
    private static final int STATUS = 3;

    private LedgerAudit() {
    }

    /** Replays {@code log} from its first entry. */
    public static LedgerAudit replay(LedgerLog log) {
        LedgerAudit r = new LedgerAudit();
        for (int i = 0; i < log.size(); i++) {
            r.apply(log, i);
        }
        return r;
    }

    private void apply(LedgerLog log, int i) {
        long id = log.id(i);
        int a = log.a(i);
        int b = log.b(i);
        long amount = log.amount(i);
        switch (log.op(i)) {
            case MINT -> {
                credit(a, amount);
                minted += amount;
            }
            case GRANT -> {
                debit(a, amount, i);
                credit(b, amount);
            }
            case SUBMIT_TRANSFER -> {
                debit(a, amount, i);
                reserved += amount;
                transfers.put(id, new long[] {a, b, amount});
            }
            case SUBMIT_OPEN -> {
                debit(a, amount, i);
                reserved += amount;
                channels.put((int) id, new long[] {a, b, amount, ChannelStatus.PENDING.ordinal()});
                grow(b);
            }
            case SUBMIT_CLOSE -> closes.put(id, new long[] {a, b, amount});
            case APPLY_TRANSFER -> {
                long[] t = transfers.remove(id);
                if (t == null) {
                    problems.add("entry " + i + ": transfer " + id + " applied but never submitted");
                    return;
                }
                reserved -= t[2];
                credit((int) t[1], t[2]);
            }
            case APPLY_OPEN -> {
                long[] c = channel((int) id, i);
                if (c == null) {
                    return;
                }
                if (c[STATUS] != ChannelStatus.PENDING.ordinal()) {
                    problems.add("entry " + i + ": channel " + id + " opened twice");
                }
                c[STATUS] = ChannelStatus.OPEN.ordinal();
                reserved -= c[ESCROW];
                escrowLocked += c[ESCROW];
                escrowCommitted += c[ESCROW];
            }
            case APPLY_CLOSE -> {
                long[] t = closes.remove(id);
                long[] c = t == null ? null : channel((int) t[1], i);
                if (c == null) {
                    problems.add("entry " + i + ": close " + id + " applied but not submitted for a known channel");
                    return;
                }
                long cumulative = t[2];
                if (c[STATUS] != ChannelStatus.OPEN.ordinal() || t[0] != c[PAYEE] || cumulative < 0
                        || cumulative > c[ESCROW]) {
                    problems.add("entry " + i + ": close of channel " + t[1] + " for " + cumulative + " by "
                            + t[0] + " applied although the channel is " + ChannelStatus.values()[(int) c[STATUS]]
                            + ", payee " + c[PAYEE] + ", escrow " + c[ESCROW]);
                    return;
                }
                c[STATUS] = ChannelStatus.CLOSED.ordinal();
                credit((int) c[PAYEE], cumulative);
                credit((int) c[PAYER], c[ESCROW] - cumulative);
                settledTo[(int) c[PAYEE]] += cumulative;
                settled += cumulative;
                returnedAtClose += c[ESCROW] - cumulative;
                escrowLocked -= c[ESCROW];
            }
            case REJECT_CLOSE -> closes.remove(id);
            case TIMEOUT -> {
                long[] c = channel((int) id, i);
                if (c == null) {
                    return;
                }
                if (c[STATUS] != ChannelStatus.OPEN.ordinal()) {
                    problems.add("entry " + i + ": channel " + id + " timed out while "
                            + ChannelStatus.values()[(int) c[STATUS]]);
                    return;
                }
                c[STATUS] = ChannelStatus.REFUNDED.ordinal();
                credit((int) c[PAYER], c[ESCROW]);
                refundedTo[(int) c[PAYER]] += c[ESCROW];
                refundedAtTimeout += c[ESCROW];
                escrowLocked -= c[ESCROW];
            }
        }
    }

    private long[] channel(int id, int entry) {
        long[] c = channels.get(id);
        if (c == null) {
            problems.add("entry " + entry + ": channel " + id + " was never submitted");
        }
        return c;
    }

    private void grow(int account) {
        if (account >= balance.length) {
            int c = Math.max(account + 1, balance.length * 2);
            balance = Arrays.copyOf(balance, c);
            settledTo = Arrays.copyOf(settledTo, c);
            refundedTo = Arrays.copyOf(refundedTo, c);
        }
        accounts = Math.max(accounts, account + 1);
    }

    private void credit(int account, long amount) {
        grow(account);
        balance[account] += amount;
    }

    private void debit(int account, long amount, int entry) {
        grow(account);
        balance[account] -= amount;
        if (balance[account] < 0) {
            problems.add("entry " + entry + ": account " + account + " went to " + balance[account]);
        }
    }

    /**
     * The problems found while replaying, the identities of the reconstruction, and every difference between the
     * reconstruction and {@code ledger}'s accounts, channels and totals; empty when all agree.
     */
    public List<String> compareWith(Ledger ledger) {
        List<String> out = new ArrayList<>(problems);
        long sumBalances = 0;
        for (int acc = 0; acc < Math.max(accounts, ledger.accounts()); acc++) {
            long mine = balance(acc);
            sumBalances += mine;
            if (mine != ledger.balance(acc)) {
                out.add("account " + acc + ": ledger balance " + ledger.balance(acc) + ", log implies " + mine);
            }
        }
        if (minted != sumBalances + escrowLocked + reserved) {
            out.add("minted " + minted + " != balances " + sumBalances + " + escrow locked " + escrowLocked
                    + " + reserved " + reserved);
        }
        if (escrowCommitted != settled + returnedAtClose + refundedAtTimeout + escrowLocked) {
            out.add("escrow ever locked " + escrowCommitted + " != settled + returned + refunded + locked");
        }
        if (channels.size() != ledger.channelCount()) {
            out.add("ledger has " + ledger.channelCount() + " channels, log " + channels.size());
        }
        for (Map.Entry<Integer, long[]> e : channels.entrySet()) {
            int id = e.getKey();
            ChannelStatus mine = ChannelStatus.values()[(int) e.getValue()[STATUS]];
            if (!ledger.channelExists(id) || ledger.channelStatus(id) != mine) {
                out.add("channel " + id + ": log implies " + mine + ", ledger "
                        + (ledger.channelExists(id) ? ledger.channelStatus(id) : "none"));
            }
        }
        expect(out, "total supply", ledger.totalSupply(), minted);
        expect(out, "escrow locked", ledger.escrowLocked(), escrowLocked);
        expect(out, "reserved", ledger.reserved(), reserved);
        expect(out, "paid to payees", ledger.paidToPayees(), settled);
        expect(out, "returned at close", ledger.returnedAtClose(), returnedAtClose);
        expect(out, "refunded at timeout", ledger.refundedAtTimeout(), refundedAtTimeout);
        return out;
    }

    private static void expect(List<String> out, String what, long ledgerValue, long logValue) {
        if (ledgerValue != logValue) {
            out.add(what + ": ledger " + ledgerValue + ", log implies " + logValue);
        }
    }

    public long balance(int account) {
        return account < accounts ? balance[account] : 0;
    }

    /** Micro-BTT the log's applied closes paid to {@code payee}. */
    public long settledTo(int payee) {
        return payee < accounts ? settledTo[payee] : 0;
    }

    /** Micro-BTT the log's timeouts returned to {@code payer}. */
    public long refundedTo(int payer) {
        return payer < accounts ? refundedTo[payer] : 0;
    }

    /** Ids of channels still open at the end of the log whose payee is {@code payee}, ascending. */
    public int[] openChannelsTo(int payee) {
        return channels.entrySet().stream()
                .filter(e -> e.getValue()[PAYEE] == payee && e.getValue()[STATUS] == ChannelStatus.OPEN.ordinal())
                .mapToInt(Map.Entry::getKey).sorted().toArray();
    }

    /** Whether a close of {@code channel} was submitted and is neither applied nor rejected at the end of the log. */
    public boolean closePending(int channel) {
        return closes.values().stream().anyMatch(t -> t[1] == channel);
    }

    /** Ids of channels that timed out whose payee is {@code payee}, ascending. */
    public int[] refundedChannelsTo(int payee) {
        return channels.entrySet().stream()
                .filter(e -> e.getValue()[PAYEE] == payee
                        && e.getValue()[STATUS] == ChannelStatus.REFUNDED.ordinal())
                .mapToInt(Map.Entry::getKey).sorted().toArray();
    }

    public int accounts() {
        return accounts;
    }

    public long minted() {
        return minted;
    }

    public long settled() {
        return settled;
    }

    public long escrowLocked() {
        return escrowLocked;
    }

    public long reserved() {
        return reserved;
    }

    public long returnedAtClose() {
        return returnedAtClose;
    }

    public long refundedAtTimeout() {
        return refundedAtTimeout;
    }
}
