package org.speedsim.engine.ledger;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a ledger's counters into time-series columns and run-summary fields. Transactions per second is measured
 * between consecutive samples (confirmed transactions over elapsed simulated time; 0 for the first sample or when no
 * time passed). Amounts are in micro-BTT.
 */
public final class LedgerMetrics {

    private static final String[] COLUMNS = {
        "escrow_locked_ubtt", "open_channels", "ledger_queue", "ledger_in_flight", "ledger_tps", "tokens_paid_ubtt"
    };

    private final Ledger ledger;
    private long lastSampleMicros = -1;
    private long lastConfirmed;

    public LedgerMetrics(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Column names, in the order {@link #sample} writes them. */
    public String[] columns() {
        return COLUMNS.clone();
    }

    /** Writes one value per column into {@code out} from {@code offset}. */
    public void sample(long nowMicros, double[] out, int offset) {
        long confirmed = ledger.transactionsConfirmed();
        double tps = 0;
        if (lastSampleMicros >= 0 && nowMicros > lastSampleMicros) {
            tps = (confirmed - lastConfirmed) * 1e6 / (nowMicros - lastSampleMicros);
        }
        lastSampleMicros = nowMicros;
        lastConfirmed = confirmed;
        out[offset] = ledger.escrowLocked();
        out[offset + 1] = ledger.openChannels();
        out[offset + 2] = ledger.queueLength();
        out[offset + 3] = ledger.inFlight();
        out[offset + 4] = tps;
        out[offset + 5] = ledger.paidToPayees();
    }

    /**
     * Ledger totals for the run summary, including {@code ledger_conserved}: the invariant check run now and every
     * earlier check held.
     */
    public Map<String, Object> summary() {
        boolean conserved = ledger.checkInvariants().isEmpty() && ledger.everyCheckHeld();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ledger_total_supply_ubtt", ledger.totalSupply());
        m.put("ledger_paid_to_payees_ubtt", ledger.paidToPayees());
        m.put("ledger_returned_at_close_ubtt", ledger.returnedAtClose());
        m.put("ledger_refunded_at_timeout_ubtt", ledger.refundedAtTimeout());
        m.put("ledger_transferred_ubtt", ledger.transferred());
        m.put("ledger_escrow_locked_ubtt", ledger.escrowLocked());
        m.put("ledger_channels_opened", ledger.channelsOpened());
        m.put("ledger_transactions_applied", ledger.transactionsApplied());
        m.put("ledger_transactions_rejected", ledger.transactionsRejected());
        m.put("ledger_pending_transactions", ledger.pendingTransactions());
        m.put("ledger_conserved", conserved);
        return m;
    }
}
