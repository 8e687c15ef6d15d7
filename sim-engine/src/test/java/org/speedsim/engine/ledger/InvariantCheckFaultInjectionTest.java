package org.speedsim.engine.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.kernel.Simulator;

/**
 * The auditor audited: the ledger's public operations cannot break its books, so each test corrupts one record of a
 * healthy ledger behind its back (fault injection through reflection) and checks that {@link Ledger#checkInvariants}
 * names that violation, and only that one, and that {@link Ledger#everyCheckHeld} remembers it.
 *
 * <p>The healthy ledger: supply 1000; channel 0 (escrow 100) closed paying 40; channel 1 (escrow 200) open;
 * channel 2 (escrow 50) pending; a transfer of 30 queued; a close queued.
 */
class InvariantCheckFaultInjectionTest {

    private static final long S = 1_000_000L;

    private static Ledger healthyLedger() {
        Simulator sim = new Simulator();
        Ledger ledger = new Ledger(sim, new LedgerConfig(S, 0, 100 * S, SignatureMode.ACCOUNTING),
                new SplittableRandom(2));
        ledger.mint(0, 1_000);
        int closed = ledger.submitOpen(0, 1, 100);
        int open = ledger.submitOpen(0, 2, 200);
        sim.runUntil(S);
        ledger.submitClose(1, ledger.scheme().signState(0, closed, 1, 40));
        sim.runUntil(2 * S);
        assertEquals(ChannelStatus.CLOSED, ledger.channelStatus(closed));
        ledger.submitOpen(0, 3, 50);
        ledger.submitTransfer(0, 4, 30);
        ledger.submitClose(2, ledger.scheme().signState(0, open, 1, 10));
        assertEquals(List.of(), ledger.checkInvariants());
        assertTrue(ledger.everyCheckHeld());
        return ledger;
    }

    private static Object field(Object owner, String name) {
        try {
            Field f = owner.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return f.get(owner);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void setLong(Object owner, String name, long value) {
        try {
            Field f = owner.getClass().getDeclaredField(name);
            f.setAccessible(true);
            if (f.getType() == int.class) {
                f.setInt(owner, (int) value);
            } else {
                f.setLong(owner, value);
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertDetected(Consumer<Ledger> corruption, String... expectedStarts) {
        Ledger ledger = healthyLedger();
        corruption.accept(ledger);
        List<String> problems = ledger.checkInvariants();
        assertEquals(expectedStarts.length, problems.size(), problems.toString());
        for (int i = 0; i < expectedStarts.length; i++) {
            assertTrue(problems.get(i).startsWith(expectedStarts[i]), problems.get(i));
        }
        assertFalse(ledger.everyCheckHeld());
        ledger.checkInvariants();
        assertFalse(ledger.everyCheckHeld(), "a failed check is remembered");
    }

    @Test
    void aNegativeBalanceIsReported() {
        // moving 2000 from account 4 to account 0 keeps the sum and makes account 4 negative
        assertDetected(l -> {
            long[] b = (long[]) field(field(l, "balances"), "balance");
            b[4] -= 2_000;
            b[0] += 2_000;
        }, "negative balance -2000 of account 4");
    }

    @Test
    void aBalanceChangeBreaksConservation() {
        assertDetected(l -> ((long[]) field(field(l, "balances"), "balance"))[3] += 1, "supply not conserved");
        assertDetected(l -> setLong(l, "totalSupply", 999), "supply not conserved");
    }

    @Test
    void aChannelWithoutEscrowIsReported() {
        // the pending channel 2 holds no locked escrow yet, so only the escrow check sees it
        assertDetected(l -> ((long[]) field(field(l, "channels"), "escrow"))[2] = 0, "channel 2 has escrow 0");
    }

    @Test
    void aPayoutAboveTheEscrowOrBelowZeroIsReported() {
        assertDetected(l -> {
            ((long[]) field(field(l, "channels"), "paidOut"))[0] = 101;
            setLong(l, "paidToPayees", 101);
        }, "channel 0 paid out 101 of escrow 100", "escrow ever locked 300 != settled 101 ");
        assertDetected(l -> {
            ((long[]) field(field(l, "channels"), "paidOut"))[0] = -1;
            setLong(l, "paidToPayees", -1);
        }, "channel 0 paid out -1 of escrow 100", "escrow ever locked 300 != settled -1 ");
    }

    @Test
    void aPayoutOnAChannelThatWasNotClosedIsReported() {
        assertDetected(l -> ((long[]) field(field(l, "channels"), "paidOut"))[1] = 5,
                "channel 1 in state OPEN paid out 5");
    }

    @Test
    void everyRunningCounterIsComparedWithItsRecomputation() {
        assertDetected(l -> setLong(l, "escrowLocked", 201), "escrow counter 201 != recomputed 200",
                "escrow ever locked 300 != settled 40 + returned at close 60 + refunded at timeout 0 + still locked 201");
        assertDetected(l -> setLong(l, "openChannels", 2), "open-channel counter 2 != recomputed 1");
        assertDetected(l -> setLong(l, "paidToPayees", 41), "paid-to-payees counter 41 != recomputed 40",
                "escrow ever locked 300 != settled 41 ");
        assertDetected(l -> setLong(field(l, "queue"), "reserved", 81), "reserved counter 81 != recomputed 80");
    }
}
