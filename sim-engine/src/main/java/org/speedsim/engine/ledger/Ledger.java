package org.speedsim.engine.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.speedsim.engine.kernel.Simulator;

/**
 * The token ledger of one run: accounts with balances in micro-BTT, payment channels, and a transaction queue with a
 * confirmation latency and a throughput limit, driven by the run's {@link Simulator}.
 *
 * <p><b>Timing.</b> A submitted transaction is included at {@code max(now, previous inclusion + interval)}, where the
 * interval is {@link LedgerConfig#inclusionIntervalMicros()} (0 when throughput is unlimited), so transactions are
 * included in FIFO order at most at the throughput limit; it is applied (confirmed) at inclusion + confirmation
 * latency and then reported to the listeners. {@link #queueLength()} counts transactions still waiting for inclusion,
 * {@link #inFlight()} those included but not yet applied. A channel's timeout is its confirmation time plus the
 * configured channel timeout; a close counts only if it is applied strictly before that moment.
 *
 * <p><b>When balances move.</b>
 * <ul>
 *   <li>{@link #mint}: at once, before the run starts; it is the only way the total supply grows.</li>
 *   <li>{@link #grant}: at once, balance to balance (an airdrop from a treasury to a peer arriving later).</li>
 *   <li>{@link #submitTransfer}, {@link #submitOpen}: the amount leaves the sender's balance at submission and is
 *       held as <i>reserved</i> (refused when the balance does not cover it); at confirmation it goes to the
 *       recipient's balance, respectively becomes the channel's locked escrow. Neither can fail once queued.</li>
 *   <li>{@link #submitClose}: nothing moves at submission; at confirmation, if the state passes the channel rules,
 *       the cumulative amount goes to the payee and the rest of the escrow back to the payer.</li>
 *   <li>Channel timeout: the whole escrow of a channel still open goes back to the payer.</li>
 * </ul>
 *
 * <p>Invariant (checked by {@link #checkInvariants()} at any moment): sum of balances + escrow of open channels +
 * reserved funds of queued transactions == total supply, no balance is negative, and the escrow ever locked by
 * confirmed opens == settled to payees + returned to payers at close + refunded at timeout + still locked.
 */
public final class Ledger {

    /** Returned by a submission the ledger refuses at once (the balance does not cover the amount). */
    public static final int REFUSED = -1;

    private final Simulator sim;
    private final LedgerConfig config;
    private final SignatureScheme scheme;
    private final Balances balances = new Balances();
    private final ChannelTable channels = new ChannelTable();
    private final TxQueue queue = new TxQueue();
    private final ChannelRules rules;
    private final long interval;
    private final int confirmKind;
    private final int timeoutKind;
    private LedgerListener[] listeners = new LedgerListener[0];
    private LedgerLog log;

    private long nextInclusion;
    private long totalSupply;
    private long escrowLocked;
    private int openChannels;
    private long paidToPayees;
    private long returnedAtClose;
    private long refundedAtTimeout;
    private long escrowCommitted;
    private long transferred;
    private long granted;
    private long transactionsApplied;
    private long transactionsRejected;
    private long channelsOpened;
    private boolean everyCheckHeld = true;

    /**
     * @param keys the generator every account's signing key material is drawn from (for example the run's
     *             {@code ledger-keys} stream)
     */
    public Ledger(Simulator sim, LedgerConfig config, RandomGenerator keys) {
        this.sim = sim;
        this.config = config;
        this.scheme = SignatureScheme.create(config.signatureMode(), keys);
        this.rules = new ChannelRules(channels, scheme);
        this.interval = config.inclusionIntervalMicros();
        this.confirmKind = sim.registerKind("ledger-confirm", (target, arg) -> confirmHead(arg));
        this.timeoutKind = sim.registerKind("ledger-channel-timeout", (target, arg) -> timeout(target));
    }

    public void addListener(LedgerListener listener) {
        listeners = Arrays.copyOf(listeners, listeners.length + 1);
        listeners[listeners.length - 1] = listener;
    }

    /**
     * Starts recording every operation from now on in a {@link LedgerLog} (for tests and checks; {@link LedgerAudit}
     * replays it). Call before the first mint so the log covers the whole supply. Returns the log.
     */
    public LedgerLog enableLog() {
        if (log == null) {
            log = new LedgerLog();
        }
        return log;
    }

    /** The log of operations, or null when {@link #enableLog} was never called. */
    public LedgerLog log() {
        return log;
    }

    public LedgerConfig config() {
        return config;
    }

    /** The scheme payers sign their channel states with. */
    public SignatureScheme scheme() {
        return scheme;
    }

    public long now() {
        return sim.now();
    }

    // ---------------------------------------------------------------- accounts

    /** Makes accounts 0..account exist, creating their keys in id order. */
    public void ensureAccount(int account) {
        if (account < 0) {
            throw new IllegalArgumentException("account ids are >= 0: " + account);
        }
        for (int a = balances.accounts(); a <= account; a++) {
            scheme.addAccount(a);
        }
        balances.grow(account);
    }

    public int accounts() {
        return balances.accounts();
    }

    /** Spendable balance of an account in micro-BTT (excludes reserved funds and escrow). */
    public long balance(int account) {
        return account < 0 ? 0 : balances.get(account);
    }

    /** Creates tokens at genesis: allowed only before the simulator has processed any event. */
    public void mint(int account, long amount) {
        if (sim.eventsProcessed() != 0) {
            throw new IllegalStateException("mint is allowed only at genesis, before the run starts");
        }
        requirePositive(amount);
        ensureAccount(account);
        balances.credit(account, amount);
        totalSupply = Math.addExact(totalSupply, amount);
        if (log != null) {
            log.add(sim.now(), LedgerLog.Op.MINT, -1, account, -1, amount);
        }
    }

    /** Moves tokens between balances at once, outside the queue; false (nothing moves) if {@code from} lacks them. */
    public boolean grant(int from, int to, long amount) {
        requirePositive(amount);
        ensureAccount(from);
        ensureAccount(to);
        if (!balances.debit(from, amount)) {
            return false;
        }
        balances.credit(to, amount);
        granted += amount;
        if (log != null) {
            log.add(sim.now(), LedgerLog.Op.GRANT, -1, from, to, amount);
        }
        return true;
    }

    // ---------------------------------------------------------------- submissions

    /** Queues a transfer, reserving the amount now; returns the transaction id, or {@link #REFUSED}. */
    public long submitTransfer(int from, int to, long amount) {
        requirePositive(amount);
        ensureAccount(from);
        ensureAccount(to);
        if (!balances.debit(from, amount)) {
            return REFUSED;
        }
        long tx = enqueue(TxKind.TRANSFER, from, to, -1, amount, null);
        if (log != null) {
            log.add(sim.now(), LedgerLog.Op.SUBMIT_TRANSFER, tx, from, to, amount);
        }
        return tx;
    }

    /**
     * Queues the opening of a channel from {@code payer} to {@code payee} with {@code escrow} micro-BTT, reserving
     * the escrow now. Returns the new channel's id (the channel is {@link ChannelStatus#PENDING} until confirmed),
     * or {@link #REFUSED} when the payer's balance does not cover the escrow.
     */
    public int submitOpen(int payer, int payee, long escrow) {
        requirePositive(escrow);
        if (payer == payee) {
            throw new IllegalArgumentException("a channel needs two parties: " + payer);
        }
        ensureAccount(payer);
        ensureAccount(payee);
        if (!balances.debit(payer, escrow)) {
            return REFUSED;
        }
        int id = channels.create(payer, payee, escrow);
        enqueue(TxKind.OPEN, payer, payee, id, escrow, null);
        if (log != null) {
            log.add(sim.now(), LedgerLog.Op.SUBMIT_OPEN, id, payer, payee, escrow);
        }
        return id;
    }

    /**
     * Queues the close of {@code state}'s channel by {@code submitter}; the channel rules are applied at
     * confirmation (see {@link LedgerListener#onCloseRejected}). Returns the transaction id.
     */
    public long submitClose(int submitter, ChannelState state) {
        if (state == null) {
            throw new IllegalArgumentException("a close needs a signed state");
        }
        ensureAccount(submitter);
        long tx = enqueue(TxKind.CLOSE, submitter, -1, state.channelId(), 0, state);
        if (log != null) {
            log.add(sim.now(), LedgerLog.Op.SUBMIT_CLOSE, tx, submitter, state.channelId(),
                    state.cumulativeToPayee());
        }
        return tx;
    }

    private long enqueue(TxKind kind, int from, int to, int channel, long amount, ChannelState state) {
        long now = sim.now();
        long inclusion = Math.max(now, nextInclusion);
        nextInclusion = inclusion + interval;
        long id = queue.push(inclusion, kind, from, to, channel, amount, state);
        long confirm = inclusion + config.confirmationLatencyMicros();
        sim.scheduleAt(confirm < inclusion ? Simulator.NEVER : confirm, confirmKind, 0, id);
        return id;
    }

    // ---------------------------------------------------------------- events

    private void confirmHead(long txId) {
        if (queue.size() == 0 || queue.headId() != txId) {
            throw new IllegalStateException("ledger confirmations out of FIFO order: " + txId);
        }
        TxKind kind = queue.headKind();
        int from = queue.headFrom();
        int to = queue.headTo();
        int channel = queue.headChannel();
        long amount = queue.headAmount();
        ChannelState state = queue.headState();
        queue.pop();
        switch (kind) {
            case TRANSFER -> applyTransfer(txId, from, to, amount);
            case OPEN -> applyOpen(channel);
            case CLOSE -> applyClose(txId, from, state);
        }
    }

    private void applyTransfer(long txId, int from, int to, long amount) {
        balances.credit(to, amount);
        transferred += amount;
        transactionsApplied++;
        if (log != null) {
            log.add(sim.now(), LedgerLog.Op.APPLY_TRANSFER, txId, from, to, amount);
        }
        for (LedgerListener l : listeners) {
            l.onTransferApplied(txId, from, to, amount);
        }
    }

    private void applyOpen(int id) {
        long now = sim.now();
        long timeoutAt = now + config.channelTimeoutMicros();
        if (timeoutAt < now) {
            timeoutAt = Simulator.NEVER;
        }
        long escrow = channels.escrow(id);
        escrowLocked += escrow;
        escrowCommitted += escrow;
        openChannels++;
        channelsOpened++;
        transactionsApplied++;
        if (log != null) {
            log.add(now, LedgerLog.Op.APPLY_OPEN, id, -1, -1, 0);
        }
        long handle = sim.scheduleAt(timeoutAt, timeoutKind, id, 0);
        channels.markOpen(id, now, timeoutAt, handle);
        for (LedgerListener l : listeners) {
            l.onChannelOpened(id, channels.payer(id), channels.payee(id), escrow, timeoutAt);
        }
    }

    private void applyClose(long txId, int submitter, ChannelState state) {
        int id = state.channelId();
        Verdict v = rules.check(state, submitter, ChannelRules.ANY_PAYER, 0, 0, sim.now());
        if (v != Verdict.VALID) {
            transactionsRejected++;
            if (log != null) {
                log.add(sim.now(), LedgerLog.Op.REJECT_CLOSE, txId, submitter, id, 0);
            }
            for (LedgerListener l : listeners) {
                l.onCloseRejected(txId, id, submitter, v);
            }
            return;
        }
        long escrow = channels.escrow(id);
        long toPayee = state.cumulativeToPayee();
        long toPayer = escrow - toPayee;
        balances.credit(channels.payee(id), toPayee);
        balances.credit(channels.payer(id), toPayer);
        escrowLocked -= escrow;
        openChannels--;
        paidToPayees += toPayee;
        returnedAtClose += toPayer;
        transactionsApplied++;
        channels.markClosed(id, toPayee);
        sim.cancel(channels.timeoutHandle(id));
        if (log != null) {
            log.add(sim.now(), LedgerLog.Op.APPLY_CLOSE, txId, submitter, id, 0);
        }
        for (LedgerListener l : listeners) {
            l.onChannelClosed(txId, id, toPayee, toPayer);
        }
    }

    private void timeout(int id) {
        if (channels.status(id) != ChannelStatus.OPEN) {
            return;
        }
        long escrow = channels.escrow(id);
        int payer = channels.payer(id);
        balances.credit(payer, escrow);
        escrowLocked -= escrow;
        openChannels--;
        refundedAtTimeout += escrow;
        channels.markRefunded(id);
        if (log != null) {
            log.add(sim.now(), LedgerLog.Op.TIMEOUT, id, -1, -1, 0);
        }
        for (LedgerListener l : listeners) {
            l.onChannelRefunded(id, payer, escrow);
        }
    }

    // ---------------------------------------------------------------- channel lookups

    /**
     * Checks a state against the channel rules as {@code presenter} (the payee) sees it, given the highest sequence
     * and cumulative it accepted before on that channel (0 and 0 when none).
     *
     * @param expectedPayer the peer the state came from
     */
    public Verdict checkState(ChannelState state, int presenter, int expectedPayer, long lastSequence,
                              long lastCumulative) {
        return rules.check(state, presenter, expectedPayer, lastSequence, lastCumulative, sim.now());
    }

    /** Number of channels ever submitted (ids are 0 .. channelCount()-1). */
    public int channelCount() {
        return channels.count();
    }

    /** Whether a channel id was ever handed out by {@link #submitOpen}. */
    public boolean channelExists(int id) {
        return channels.exists(id);
    }

    public ChannelInfo channel(int id) {
        requireChannel(id);
        return channels.info(id);
    }

    public ChannelStatus channelStatus(int id) {
        requireChannel(id);
        return channels.status(id);
    }

    public int channelPayer(int id) {
        requireChannel(id);
        return channels.payer(id);
    }

    public int channelPayee(int id) {
        requireChannel(id);
        return channels.payee(id);
    }

    public long channelEscrow(int id) {
        requireChannel(id);
        return channels.escrow(id);
    }

    /** Timeout of a confirmed channel; -1 while pending. */
    public long channelTimeoutAt(int id) {
        requireChannel(id);
        return channels.timeoutAt(id);
    }

    // ---------------------------------------------------------------- counters

    /** Micro-BTT minted at genesis; constant once the run starts. */
    public long totalSupply() {
        return totalSupply;
    }

    /** Micro-BTT locked as escrow in open (confirmed, not yet closed or refunded) channels. */
    public long escrowLocked() {
        return escrowLocked;
    }

    /** Micro-BTT taken from balances for queued transfers and opens. */
    public long reserved() {
        return queue.reserved();
    }

    public int openChannels() {
        return openChannels;
    }

    public long channelsOpened() {
        return channelsOpened;
    }

    /** Transactions submitted and not yet included (waiting for ledger capacity). */
    public int queueLength() {
        return queue.countIncludedAfter(sim.now());
    }

    /** Transactions included and awaiting their confirmation. */
    public int inFlight() {
        return queue.size() - queueLength();
    }

    /** All transactions submitted and not yet applied or rejected. */
    public int pendingTransactions() {
        return queue.size();
    }

    /** Micro-BTT paid to payees by channel closes. */
    public long paidToPayees() {
        return paidToPayees;
    }

    /** Micro-BTT returned to payers as the unpaid part of closed channels. */
    public long returnedAtClose() {
        return returnedAtClose;
    }

    /** Micro-BTT returned to payers by channel timeouts. */
    public long refundedAtTimeout() {
        return refundedAtTimeout;
    }

    /**
     * Micro-BTT ever locked as escrow by confirmed opens; always {@link #paidToPayees()} + {@link #returnedAtClose()}
     * + {@link #refundedAtTimeout()} + {@link #escrowLocked()}.
     */
    public long escrowCommitted() {
        return escrowCommitted;
    }

    /** Micro-BTT moved by confirmed transfers. */
    public long transferred() {
        return transferred;
    }

    /** Micro-BTT moved by {@link #grant}. */
    public long granted() {
        return granted;
    }

    public long transactionsApplied() {
        return transactionsApplied;
    }

    public long transactionsRejected() {
        return transactionsRejected;
    }

    /** Transactions that consumed ledger capacity and reached confirmation (applied + rejected). */
    public long transactionsConfirmed() {
        return transactionsApplied + transactionsRejected;
    }

    // ---------------------------------------------------------------- invariants

    /**
     * Recomputes every total from the accounts, channels and queue and compares them with the total supply and the
     * running counters. Returns the violations found (empty when everything holds); a violation is remembered by
     * {@link #everyCheckHeld()}. Costs O(accounts + channels + queued transactions).
     */
    public List<String> checkInvariants() {
        List<String> problems = new ArrayList<>();
        long sumBalances = 0;
        for (int a = 0; a < balances.accounts(); a++) {
            long b = balances.get(a);
            if (b < 0) {
                problems.add("negative balance " + b + " of account " + a);
            }
            sumBalances = Math.addExact(sumBalances, b);
        }
        long sumEscrow = 0;
        long sumPaid = 0;
        long sumCommitted = 0;
        int open = 0;
        for (int c = 0; c < channels.count(); c++) {
            ChannelStatus st = channels.status(c);
            long e = channels.escrow(c);
            long p = channels.paidOut(c);
            if (e <= 0) {
                problems.add("channel " + c + " has escrow " + e);
            }
            if (st == ChannelStatus.OPEN) {
                sumEscrow = Math.addExact(sumEscrow, e);
                open++;
            }
            if (st != ChannelStatus.PENDING) {
                sumCommitted = Math.addExact(sumCommitted, e);
            }
            if (st == ChannelStatus.CLOSED) {
                sumPaid = Math.addExact(sumPaid, p);
                if (p < 0 || p > e) {
                    problems.add("channel " + c + " paid out " + p + " of escrow " + e);
                }
            } else if (p != 0) {
                problems.add("channel " + c + " in state " + st + " paid out " + p);
            }
        }
        long reservedNow = queue.recomputeReserved();
        long total = Math.addExact(Math.addExact(sumBalances, sumEscrow), reservedNow);
        if (total != totalSupply) {
            problems.add("supply not conserved: balances " + sumBalances + " + escrow " + sumEscrow + " + reserved "
                    + reservedNow + " = " + total + " != supply " + totalSupply);
        }
        if (sumEscrow != escrowLocked) {
            problems.add("escrow counter " + escrowLocked + " != recomputed " + sumEscrow);
        }
        if (reservedNow != queue.reserved()) {
            problems.add("reserved counter " + queue.reserved() + " != recomputed " + reservedNow);
        }
        if (open != openChannels) {
            problems.add("open-channel counter " + openChannels + " != recomputed " + open);
        }
        if (sumPaid != paidToPayees) {
            problems.add("paid-to-payees counter " + paidToPayees + " != recomputed " + sumPaid);
        }
        if (sumCommitted != escrowCommitted) {
            problems.add("escrow-locked-ever counter " + escrowCommitted + " != recomputed " + sumCommitted);
        }
        long accounted = paidToPayees + returnedAtClose + refundedAtTimeout + escrowLocked;
        if (accounted != sumCommitted) {
            problems.add("escrow ever locked " + sumCommitted + " != settled " + paidToPayees + " + returned at close "
                    + returnedAtClose + " + refunded at timeout " + refundedAtTimeout + " + still locked "
                    + escrowLocked);
        }
        if (!problems.isEmpty()) {
            everyCheckHeld = false;
        }
        return problems;
    }

    /** Whether every {@link #checkInvariants()} call so far found nothing wrong (true before the first call). */
    public boolean everyCheckHeld() {
        return everyCheckHeld;
    }

    private void requireChannel(int id) {
        if (!channels.exists(id)) {
            throw new IllegalArgumentException("no channel " + id);
        }
    }

    private static void requirePositive(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be > 0 micro-BTT: " + amount);
        }
    }
}
