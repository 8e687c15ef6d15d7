package org.speedsim.engine.ledger;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.kernel.Simulator;

/**
 * Edge cases of the payer and payee sides of a channel and of the channel rules at their boundaries: the exact
 * moment of the timeout, a state that repeats the last amount, notifications about channels a party does not hold,
 * and the transaction id a close hands back. Account 0 pays, account 1 provides.
 */
class ChannelPartiesContractTest {

    private static final long S = 1_000_000L;
    private static final long TIMEOUT = 100 * S;

    private final Simulator sim = new Simulator();
    private final Ledger ledger = new Ledger(sim, new LedgerConfig(S, 0, TIMEOUT, SignatureMode.ACCOUNTING),
            new SplittableRandom(5));
    private final List<Long> closedTx = new ArrayList<>();
    private final List<Verdict> rejected = new ArrayList<>();

    ChannelPartiesContractTest() {
        ledger.mint(0, 1_000);
        ledger.addListener(new LedgerListener() {
            @Override
            public void onChannelClosed(long txId, int channelId, long toPayee, long toPayer) {
                closedTx.add(txId);
            }

            @Override
            public void onCloseRejected(long txId, int channelId, int submitter, Verdict reason) {
                rejected.add(reason);
            }
        });
    }

    private int openConfirmed(long escrow) {
        int ch = ledger.submitOpen(0, 1, escrow);
        sim.runUntil(sim.now() + S);
        assertEquals(ChannelStatus.OPEN, ledger.channelStatus(ch));
        return ch;
    }

    @Test
    void aPayeeClosesOnlyAChannelItHoldsAndOnlyOnceAtATime() {
        ChannelPayee payee = new ChannelPayee(ledger, 1);
        assertEquals(Ledger.REFUSED, payee.close(0), "nothing held yet");
        ledger.submitTransfer(0, 2, 1); // takes transaction id 0, so the close cannot get it
        int ch = openConfirmed(100);
        assertEquals(Verdict.VALID, payee.accept(0, ledger.scheme().signState(0, ch, 1, 30)).verdict());
        assertEquals(1, payee.heldChannels());
        assertEquals(Ledger.REFUSED, payee.close(ch + 1));
        long tx = payee.close(ch);
        assertEquals(2, tx);
        assertEquals(Ledger.REFUSED, payee.close(ch), "already closing");
        assertEquals(new ChannelPayee.Acceptance(Verdict.NOT_OPEN, 0),
                payee.accept(0, ledger.scheme().signState(0, ch, 2, 40)));
        sim.runUntil(sim.now() + S);
        assertEquals(List.of(tx), closedTx);
        assertEquals(30, ledger.balance(1));
    }

    @Test
    void aStateRepeatingTheLastAmountWithAHigherSequenceIsValidAndAddsNothing() {
        ChannelPayee payee = new ChannelPayee(ledger, 1);
        int ch = openConfirmed(100);
        assertEquals(new ChannelPayee.Acceptance(Verdict.VALID, 30),
                payee.accept(0, ledger.scheme().signState(0, ch, 1, 30)));
        assertEquals(new ChannelPayee.Acceptance(Verdict.VALID, 0),
                payee.accept(0, ledger.scheme().signState(0, ch, 2, 30)));
        assertEquals(new ChannelPayee.Acceptance(Verdict.DECREASING_AMOUNT, 0),
                payee.accept(0, ledger.scheme().signState(0, ch, 3, 29)));
        assertEquals(new ChannelPayee.Acceptance(Verdict.VALID, 70),
                payee.accept(0, ledger.scheme().signState(0, ch, 4, 100)));
        assertEquals(100, payee.accepted());
    }

    @Test
    void atTheVeryMomentOfItsTimeoutAChannelNoLongerTakesStates() {
        ChannelPayee payee = new ChannelPayee(ledger, 1);
        List<Verdict> atTimeout = new ArrayList<>();
        int[] channel = {-1};
        int kind = sim.registerKind("probe", (target, arg) -> {
            assertEquals(ChannelStatus.OPEN, ledger.channelStatus(channel[0]), "the refund has not run yet");
            atTimeout.add(payee.accept(0, ledger.scheme().signState(0, channel[0], 1, 10)).verdict());
            atTimeout.add(ledger.checkState(ledger.scheme().signState(0, channel[0], 1, 10), 1, 0, 0, 0));
        });
        // the channel will be confirmed at 1 s and time out at 1 s + TIMEOUT; this probe, scheduled first, runs
        // at that same instant before the refund
        sim.scheduleAt(S + TIMEOUT, kind, 0, 0);
        channel[0] = ledger.submitOpen(0, 1, 100);
        sim.runUntil(S);
        assertEquals(S + TIMEOUT, ledger.channelTimeoutAt(channel[0]));
        assertEquals(Verdict.VALID,
                ledger.checkState(ledger.scheme().signState(0, channel[0], 1, 10), 1, 0, 0, 0));
        sim.runUntil(S + TIMEOUT);
        assertEquals(List.of(Verdict.TIMED_OUT, Verdict.TIMED_OUT), atTimeout);
        assertEquals(ChannelStatus.REFUNDED, ledger.channelStatus(channel[0]));
    }

    @Test
    void aPayerRefusesFreeOrSelfPaymentsAndIgnoresChannelsItDoesNotHold() {
        ChannelPayer payer = new ChannelPayer(ledger, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> payer.pay(1, 0, 100));
        assertThrows(IllegalArgumentException.class, () -> payer.pay(1, -5, 100));
        assertThrows(IllegalArgumentException.class, () -> payer.pay(0, 5, 100));
        assertEquals(0, payer.owed(0), "a refused payment leaves no debt");
        assertEquals(0, payer.owed(1));
        assertEquals(-1, payer.currentChannel(1));
        assertNull(payer.onChannelOpened(7));
        assertDoesNotThrow(() -> payer.onChannelEnded(7));

        ChannelPayer.Waiting w = assertInstanceOf(ChannelPayer.Waiting.class, payer.pay(1, 5, 100));
        assertEquals(w.channelId(), payer.currentChannel(1));
        assertEquals(5, payer.forgive(1));
        assertEquals(0, payer.forgive(2));
        sim.runUntil(S);
        assertNull(payer.onChannelOpened(w.channelId()), "nothing is owed any more");
        assertEquals(0, payer.promised());
        // the channel stays current and pays the next piece at once
        ChannelPayer.Paid paid = assertInstanceOf(ChannelPayer.Paid.class, payer.pay(1, 7, 100));
        assertEquals(new ChannelState(w.channelId(), 1, 7, paid.state().signature()), paid.state());
        payer.onChannelEnded(w.channelId());
        payer.onChannelEnded(w.channelId());
        assertEquals(-1, payer.currentChannel(1));
    }
}
