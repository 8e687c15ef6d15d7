package org.speedsim.engine.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.kernel.Simulator;

/** Edges of the ledger's parts: the transaction ring's ordering rule, channel states as values, metric sampling. */
class LedgerPartsTest {

    private static final long S = 1_000_000L;

    @Test
    void theQueueRefusesAnEarlierInclusionAndAnEmptyPopButAnEmptyQueueTakesAnyTime() {
        TxQueue q = new TxQueue();
        assertThrows(IllegalStateException.class, q::pop);
        q.push(10, TxKind.TRANSFER, 0, 1, -1, 5, null);
        q.push(10, TxKind.TRANSFER, 0, 1, -1, 6, null);
        assertThrows(IllegalStateException.class, () -> q.push(9, TxKind.TRANSFER, 0, 1, -1, 5, null));
        assertEquals(2, q.size());
        assertEquals(11, q.reserved());
        q.pop();
        q.pop();
        // fill every slot with a late time and drain it, so that the slot before the head holds that late time
        for (int i = 0; i < 64; i++) {
            q.push(1_000, TxKind.TRANSFER, 0, 1, -1, 1, null);
        }
        for (int i = 0; i < 64; i++) {
            q.pop();
        }
        assertEquals(0, q.size());
        assertEquals(0, q.reserved());
        q.push(5, TxKind.OPEN, 0, 1, 0, 3, null);
        assertEquals(3, q.reserved());
        assertEquals(1, q.countIncludedAfter(4));
        assertEquals(0, q.countIncludedAfter(5));
    }

    @Test
    void theChannelTableRecordsWhenAChannelOpened() {
        ChannelTable table = new ChannelTable();
        int id = table.create(4, 5, 60);
        assertEquals(-1, table.openedAt(id));
        table.markOpen(id, 7 * S, 9 * S, 3);
        assertEquals(7 * S, table.openedAt(id));
        assertEquals(9 * S, table.timeoutAt(id));
        assertEquals(3, table.timeoutHandle(id));
    }

    @Test
    void channelStatesAreValuesOverTheirSignatureBytes() {
        assertThrows(IllegalArgumentException.class, () -> new ChannelState(1, 1, 1, null));
        ChannelState a = new ChannelState(3, 4, 5, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        ChannelState same = new ChannelState(3, 4, 5, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, new ChannelState(3, 4, 5, new byte[] {1, 2, 3, 4, 5, 6, 7, 9}));
        assertNotEquals(a, new ChannelState(2, 4, 5, a.signature()));
        assertNotEquals(a, new ChannelState(3, 5, 5, a.signature()));
        assertNotEquals(a, new ChannelState(3, 4, 6, a.signature()));
        assertNotEquals(a, (Object) "state");
        // the hash mixes every field: states differing in one field hash apart here
        assertNotEquals(a.hashCode(), new ChannelState(2, 4, 5, a.signature()).hashCode());
        assertNotEquals(a.hashCode(), new ChannelState(3, 5, 5, a.signature()).hashCode());
        assertNotEquals(a.hashCode(), new ChannelState(3, 4, 6, a.signature()).hashCode());
        assertEquals(32, a.wireBytes());
        assertEquals(88, new ChannelState(3, 4, 5, new byte[64]).wireBytes());
        assertTrue(a.toString().contains("channel=3"), a.toString());
    }

    @Test
    void twoSamplesAtTheSameInstantReportNoThroughput() {
        Simulator sim = new Simulator();
        Ledger ledger = new Ledger(sim, new LedgerConfig(S, 0, 100 * S, SignatureMode.ACCOUNTING),
                new SplittableRandom(3));
        LedgerMetrics metrics = new LedgerMetrics(ledger);
        ledger.mint(0, 100);
        ledger.submitTransfer(0, 1, 10);
        ledger.submitTransfer(0, 1, 10);
        double[] row = new double[6];
        metrics.sample(0, row, 0);
        sim.runUntil(2 * S);
        metrics.sample(2 * S, row, 0);
        assertEquals(1.0, row[4], "two confirmations in two seconds");
        metrics.sample(2 * S, row, 0);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0}, row);
    }
}
