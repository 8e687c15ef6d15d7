package org.speedsim.engine.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.kernel.Simulator;

/** Confirmation latency and throughput limit against confirmation times computed by hand. */
class LedgerTimingTest {

    private static final long S = 1_000_000L;

    private static Ledger ledger(Simulator sim, long latency, double tps) {
        return new Ledger(sim, new LedgerConfig(latency, tps, 3600 * S, SignatureMode.ACCOUNTING),
                new SplittableRandom(1));
    }

    /** Records (time, tx id) of every applied transfer. */
    private static List<long[]> recordTransfers(Simulator sim, Ledger ledger) {
        List<long[]> applied = new ArrayList<>();
        ledger.addListener(new LedgerListener() {
            @Override
            public void onTransferApplied(long txId, int from, int to, long amount) {
                applied.add(new long[] {sim.now(), txId});
            }
        });
        return applied;
    }

    @Test
    void throughputLimitSpacesInclusionsAndLatencyDelaysConfirmation() {
        Simulator sim = new Simulator();
        Ledger ledger = ledger(sim, 2 * S, 4.0); // one inclusion per 250 ms
        List<long[]> applied = recordTransfers(sim, ledger);
        ledger.mint(0, 1_000);
        for (int i = 0; i < 5; i++) {
            assertEquals(i, ledger.submitTransfer(0, 1, 10));
        }
        // inclusions at 0, .25, .5, .75, 1.0 s: four still wait at t = 0
        assertEquals(4, ledger.queueLength());
        assertEquals(1, ledger.inFlight());
        assertEquals(50, ledger.reserved());
        assertEquals(950, ledger.balance(0));
        Steps.runChecked(sim, ledger, 300_000);
        assertEquals(3, ledger.queueLength()); // inclusions at .5, .75 and 1.0 s are still ahead
        assertEquals(2, ledger.inFlight()); // included at 0 and .25 s, confirmed only at 2 and 2.25 s
        Steps.runChecked(sim, ledger, 10 * S);
        long[] expect = {2_000_000, 2_250_000, 2_500_000, 2_750_000, 3_000_000};
        assertEquals(5, applied.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(expect[i], applied.get(i)[0], "confirmation time of tx " + i);
            assertEquals(i, applied.get(i)[1]);
        }
        assertEquals(50, ledger.balance(1));
        assertEquals(0, ledger.reserved());
        assertEquals(0, ledger.pendingTransactions());
        assertEquals(5, ledger.transactionsConfirmed());

        // idle ledger: a transaction submitted at 10 s is included at once and confirmed 2 s later
        long tx = ledger.submitTransfer(0, 1, 1);
        assertEquals(0, ledger.queueLength());
        Steps.runChecked(sim, ledger, 20 * S);
        assertEquals(12 * S, applied.get(5)[0]);
        assertEquals(tx, applied.get(5)[1]);
    }

    @Test
    void unlimitedThroughputConfirmsEverythingAfterTheLatency() {
        Simulator sim = new Simulator();
        Ledger ledger = ledger(sim, 1_500_000, 0);
        List<long[]> applied = recordTransfers(sim, ledger);
        ledger.mint(0, 100);
        for (int i = 0; i < 10; i++) {
            ledger.submitTransfer(0, 1 + i % 3, 10);
        }
        assertEquals(0, ledger.queueLength());
        assertEquals(10, ledger.inFlight());
        Steps.runChecked(sim, ledger, 5 * S);
        assertEquals(10, applied.size());
        for (long[] a : applied) {
            assertEquals(1_500_000, a[0]);
        }
        assertEquals(40, ledger.balance(1));
        assertEquals(30, ledger.balance(2));
        assertEquals(30, ledger.balance(3));
    }

    @Test
    void queueBuildsUpWhenArrivalsExceedThroughput() {
        Simulator sim = new Simulator();
        Ledger ledger = ledger(sim, 0, 2.0); // 500 ms per inclusion, no latency
        List<long[]> applied = recordTransfers(sim, ledger);
        ledger.mint(0, 1_000_000);
        int kind = sim.registerKind("submit", (t, a) -> ledger.submitTransfer(0, 1, 1));
        for (int i = 0; i < 100; i++) {
            sim.scheduleAt(i * 100_000L, kind, 0, 0); // 10 per second offered, 2 per second served
        }
        Steps.runChecked(sim, ledger, 5 * S);
        // by t = 5 s: 51 offered (t = 0, .1, ..., 5.0), included at 0, .5, ..., 5.0 -> 11 applied, 40 waiting
        assertEquals(11, applied.size());
        assertEquals(40, ledger.queueLength());
        assertEquals(0, ledger.inFlight());
        for (int i = 0; i < applied.size(); i++) {
            assertEquals(i * 500_000L, applied.get(i)[0]);
        }
        Steps.runChecked(sim, ledger, 100 * S);
        assertEquals(100, applied.size());
        assertEquals(99 * 500_000L, applied.get(99)[0]);
    }

    @Test
    void inclusionIntervalRoundsToMicroseconds() {
        assertEquals(333_333, new LedgerConfig(0, 3.0, 1, SignatureMode.ACCOUNTING).inclusionIntervalMicros());
        assertEquals(0, new LedgerConfig(0, 0.0, 1, SignatureMode.ACCOUNTING).inclusionIntervalMicros());
        assertEquals(1, new LedgerConfig(0, 1e9, 1, SignatureMode.ACCOUNTING).inclusionIntervalMicros());
        assertThrows(IllegalArgumentException.class, () -> new LedgerConfig(0, Double.NaN, 1, SignatureMode.ED25519));
        assertThrows(IllegalArgumentException.class, () -> new LedgerConfig(-1, 0, 1, SignatureMode.ED25519));
        assertThrows(IllegalArgumentException.class, () -> new LedgerConfig(0, 0, 0, SignatureMode.ED25519));
    }

    @Test
    void mintOnlyAtGenesisAndTransfersNeedFunds() {
        Simulator sim = new Simulator();
        Ledger ledger = ledger(sim, 0, 0);
        ledger.mint(3, 100);
        assertEquals(4, ledger.accounts());
        assertEquals(Ledger.REFUSED, ledger.submitTransfer(3, 0, 101));
        assertEquals(100, ledger.balance(3));
        assertEquals(Ledger.REFUSED, ledger.submitOpen(0, 3, 1));
        ledger.submitTransfer(3, 0, 100);
        Steps.runChecked(sim, ledger, 1);
        assertThrows(IllegalStateException.class, () -> ledger.mint(0, 1));
        assertEquals(100, ledger.totalSupply());
        assertEquals(100, ledger.balance(0));
    }
}
