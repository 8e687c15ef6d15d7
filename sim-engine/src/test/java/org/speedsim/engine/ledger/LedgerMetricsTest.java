package org.speedsim.engine.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.kernel.Simulator;

/** Time-series columns and summary fields computed from the ledger's counters. */
class LedgerMetricsTest {

    private static final long S = 1_000_000L;

    @Test
    void samplesEscrowQueueAndTransactionsPerSecond() {
        Simulator sim = new Simulator();
        Ledger ledger = new Ledger(sim, new LedgerConfig(S, 2.0, 100 * S, SignatureMode.ACCOUNTING),
                new SplittableRandom(3));
        LedgerMetrics metrics = new LedgerMetrics(ledger);
        assertArrayEquals(new String[] {"escrow_locked_ubtt", "open_channels", "ledger_queue", "ledger_in_flight",
            "ledger_tps", "tokens_paid_ubtt"}, metrics.columns());
        ledger.mint(0, 1_000);
        int ch = ledger.submitOpen(0, 1, 300);
        for (int i = 0; i < 5; i++) {
            ledger.submitTransfer(0, 2, 10);
        }
        double[] row = new double[7];
        metrics.sample(0, row, 1);
        // six transactions included at 0, .5, ..., 2.5 s: five wait, one in flight
        assertArrayEquals(new double[] {0, 0, 0, 5, 1, 0, 0}, row);

        Steps.runChecked(sim, ledger, 2 * S);
        // confirmed at 1, 1.5 and 2 s (the open, two transfers); included at 1.5 and 2 s, in flight; 2.5 s waits
        metrics.sample(2 * S, row, 1);
        assertArrayEquals(new double[] {0, 300, 1, 1, 2, 1.5, 0}, row);

        ledger.submitClose(1, ledger.scheme().signState(0, ch, 1, 120));
        Steps.runChecked(sim, ledger, 10 * S);
        metrics.sample(10 * S, row, 1);
        // the close is included at 3 s, after the last transfer, and confirmed at 4 s: 4 confirmations in 8 s
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0.5, 120}, row);

        Map<String, Object> summary = metrics.summary();
        assertEquals(1_000L, summary.get("ledger_total_supply_ubtt"));
        assertEquals(120L, summary.get("ledger_paid_to_payees_ubtt"));
        assertEquals(180L, summary.get("ledger_returned_at_close_ubtt"));
        assertEquals(50L, summary.get("ledger_transferred_ubtt"));
        assertEquals(7L, summary.get("ledger_transactions_applied"));
        assertEquals(true, summary.get("ledger_conserved"));
    }
}
