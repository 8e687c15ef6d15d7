package org.speedsim.engine.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.speedsim.engine.kernel.Simulator;

/**
 * The life cycle of a payment channel, run in both signature modes: the same rules must hold in each. Account 0 pays,
 * account 1 provides, account 2 is a third party.
 */
class ChannelLifecycleTest {

    private static final long S = 1_000_000L;
    private static final long LATENCY = S;
    private static final long TIMEOUT = 60 * S;

    /** One ledger with a payer, a payee, and listener wiring as the Speed protocol would do it. */
    private static final class Fixture implements LedgerListener {
        final Simulator sim = new Simulator();
        final Ledger ledger;
        final ChannelPayer payer;
        final ChannelPayee payee;
        final List<Verdict> rejections = new ArrayList<>();
        final List<long[]> refunds = new ArrayList<>();
        final List<long[]> closes = new ArrayList<>();
        final List<ChannelPayer.Payment> afterOpen = new ArrayList<>();

        Fixture(SignatureMode mode, long payerBalance, long renewBefore) {
            ledger = new Ledger(sim, new LedgerConfig(LATENCY, 0, TIMEOUT, mode), new SplittableRandom(42));
            ledger.mint(0, payerBalance);
            ledger.mint(2, 500);
            ledger.ensureAccount(1);
            payer = new ChannelPayer(ledger, 0, renewBefore);
            payee = new ChannelPayee(ledger, 1);
            ledger.addListener(this);
        }

        @Override
        public void onChannelOpened(int channelId, int from, int to, long escrow, long timeoutAt) {
            Steps.assertHolds(ledger);
            ChannelPayer.Payment p = payer.onChannelOpened(channelId);
            if (p != null) {
                afterOpen.add(p);
            }
        }

        @Override
        public void onChannelClosed(long txId, int channelId, long toPayee, long toPayer) {
            Steps.assertHolds(ledger);
            closes.add(new long[] {sim.now(), channelId, toPayee, toPayer});
            payer.onChannelEnded(channelId);
            payee.onChannelEnded(channelId);
        }

        @Override
        public void onChannelRefunded(int channelId, int from, long escrow) {
            Steps.assertHolds(ledger);
            refunds.add(new long[] {sim.now(), channelId, escrow});
            payer.onChannelEnded(channelId);
            payee.onChannelEnded(channelId);
        }

        @Override
        public void onCloseRejected(long txId, int channelId, int submitter, Verdict reason) {
            Steps.assertHolds(ledger);
            rejections.add(reason);
            if (submitter == payee.payee()) {
                payee.onCloseRejected(channelId);
            }
        }

        void runTo(long t) {
            Steps.runChecked(sim, ledger, t);
        }

        /** Opens a channel with {@code escrow} and pays {@code price} once, returning the first signed state. */
        ChannelState openAndPay(long price, long escrow) {
            ChannelPayer.Waiting w = assertInstanceOf(ChannelPayer.Waiting.class, payer.pay(1, price, escrow));
            assertEquals(ChannelStatus.PENDING, ledger.channelStatus(w.channelId()));
            runTo(sim.now() + LATENCY);
            assertEquals(ChannelStatus.OPEN, ledger.channelStatus(w.channelId()));
            ChannelPayer.Payment p = afterOpen.remove(afterOpen.size() - 1);
            return assertInstanceOf(ChannelPayer.Paid.class, p).state();
        }

        ChannelState payNow(long price) {
            return assertInstanceOf(ChannelPayer.Paid.class, payer.pay(1, price, 0)).state();
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureMode.class)
    void closeWithTheLastStatePaysThePayeeAndReturnsTheRest(SignatureMode mode) {
        Fixture f = new Fixture(mode, 1_000, 0);
        ChannelState s1 = f.openAndPay(30, 100);
        assertEquals(900, f.ledger.balance(0));
        assertEquals(100, f.ledger.escrowLocked());
        assertEquals(1, s1.sequence());
        assertEquals(30, s1.cumulativeToPayee());
        assertEquals(new ChannelPayee.Acceptance(Verdict.VALID, 30), f.payee.accept(0, s1));
        ChannelState s2 = f.payNow(30);
        assertEquals(2, s2.sequence());
        assertEquals(60, s2.cumulativeToPayee());
        assertEquals(new ChannelPayee.Acceptance(Verdict.VALID, 30), f.payee.accept(0, s2));
        assertEquals(s2, f.payee.held(s2.channelId()));

        f.payee.close(s2.channelId());
        f.runTo(f.sim.now() + LATENCY);
        assertEquals(ChannelStatus.CLOSED, f.ledger.channelStatus(s2.channelId()));
        assertEquals(60, f.ledger.balance(1));
        assertEquals(940, f.ledger.balance(0));
        assertEquals(60, f.ledger.paidToPayees());
        assertEquals(40, f.ledger.returnedAtClose());
        assertEquals(0, f.ledger.escrowLocked());
        assertEquals(0, f.ledger.openChannels());
        assertEquals(1, f.closes.size());
        assertEquals(60, f.ledger.channel(s2.channelId()).paidOut());

        f.runTo(10 * TIMEOUT); // the cancelled timeout must not refund anything
        assertEquals(0, f.ledger.refundedAtTimeout());
        assertEquals(940, f.ledger.balance(0));
        assertEquals(0, f.payee.heldChannels());
    }

    @ParameterizedTest
    @EnumSource(SignatureMode.class)
    void timeoutRefundsTheWholeEscrowWhenThePayeeNeverCloses(SignatureMode mode) {
        Fixture f = new Fixture(mode, 1_000, 0);
        ChannelState s1 = f.openAndPay(70, 100);
        int ch = s1.channelId();
        assertTrue(f.payee.accept(0, s1).accepted());
        ChannelInfo info = f.ledger.channel(ch);
        assertEquals(LATENCY, info.openedAtMicros());
        assertEquals(LATENCY + TIMEOUT, info.timeoutAtMicros());

        f.runTo(LATENCY + TIMEOUT - 1);
        assertEquals(ChannelStatus.OPEN, f.ledger.channelStatus(ch));
        assertEquals(900, f.ledger.balance(0));
        f.runTo(LATENCY + TIMEOUT);
        assertEquals(ChannelStatus.REFUNDED, f.ledger.channelStatus(ch));
        assertEquals(1, f.refunds.size());
        assertArrayEquals(new long[] {LATENCY + TIMEOUT, ch, 100}, f.refunds.get(0));
        assertEquals(1_000, f.ledger.balance(0));
        assertEquals(0, f.ledger.balance(1));
        assertEquals(100, f.ledger.refundedAtTimeout());

        // a close after the timeout is refused and moves nothing
        f.ledger.submitClose(1, s1);
        f.runTo(f.sim.now() + 2 * LATENCY);
        assertEquals(List.of(Verdict.NOT_OPEN), f.rejections);
        assertEquals(1_000, f.ledger.balance(0));
        assertEquals(0, f.ledger.balance(1));
    }

    @ParameterizedTest
    @EnumSource(SignatureMode.class)
    void aCloseConfirmedAtTheTimeoutIsTooLate(SignatureMode mode) {
        Fixture f = new Fixture(mode, 1_000, 0);
        ChannelState s1 = f.openAndPay(70, 100);
        assertTrue(f.payee.accept(0, s1).accepted());
        f.runTo(TIMEOUT); // the close, submitted now, confirms exactly at the timeout (1 s + 60 s)
        f.payee.close(s1.channelId());
        f.runTo(TIMEOUT + 2 * LATENCY);
        assertEquals(1, f.rejections.size());
        assertTrue(f.rejections.get(0) == Verdict.NOT_OPEN || f.rejections.get(0) == Verdict.TIMED_OUT);
        assertEquals(ChannelStatus.REFUNDED, f.ledger.channelStatus(s1.channelId()));
        assertEquals(1_000, f.ledger.balance(0));
        assertEquals(0, f.ledger.balance(1));
    }

    @ParameterizedTest
    @EnumSource(SignatureMode.class)
    void staleStatesAreRejectedByThePayee(SignatureMode mode) {
        Fixture f = new Fixture(mode, 1_000, 0);
        ChannelState s1 = f.openAndPay(30, 100);
        ChannelState s2 = f.payNow(30);
        assertTrue(f.payee.accept(0, s1).accepted());
        assertTrue(f.payee.accept(0, s2).accepted());
        assertEquals(Verdict.STALE_SEQUENCE, f.payee.accept(0, s1).verdict());
        assertEquals(Verdict.STALE_SEQUENCE, f.payee.accept(0, s2).verdict());
        // correctly signed by the payer, newer sequence, but a smaller amount
        ChannelState lower = f.ledger.scheme().signState(0, s2.channelId(), 3, 50);
        assertEquals(Verdict.DECREASING_AMOUNT, f.payee.accept(0, lower).verdict());
        assertEquals(s2, f.payee.held(s2.channelId()));
        assertEquals(60, f.payee.accepted());

        // delivered out of order: the newer state first, the older one is then stale
        ChannelState s3 = f.payNow(10);
        ChannelState s4 = f.payNow(10);
        assertEquals(new ChannelPayee.Acceptance(Verdict.VALID, 20), f.payee.accept(0, s4));
        assertEquals(Verdict.STALE_SEQUENCE, f.payee.accept(0, s3).verdict());

        // a second close of the same channel is refused by the ledger
        f.payee.close(s4.channelId());
        f.ledger.submitClose(1, s2);
        f.runTo(f.sim.now() + LATENCY);
        assertEquals(List.of(Verdict.NOT_OPEN), f.rejections);
        assertEquals(80, f.ledger.balance(1));
        assertEquals(920, f.ledger.balance(0));
    }

    @ParameterizedTest
    @EnumSource(SignatureMode.class)
    void forgedStatesAreRejectedByThePayeeAndByTheLedger(SignatureMode mode) {
        Fixture f = new Fixture(mode, 1_000, 0);
        ChannelState s1 = f.openAndPay(30, 100);
        int ch = s1.channelId();
        SignatureScheme scheme = f.ledger.scheme();
        byte[] flipped = s1.signature().clone();
        flipped[flipped.length / 2] ^= 1;
        List<ChannelState> forgeries = List.of(
                new ChannelState(ch, 1, 100, s1.signature()), // amount raised, old signature
                new ChannelState(ch, 2, 30, s1.signature()), // sequence bumped, old signature
                scheme.signState(1, ch, 2, 100), // signed by the payee itself
                scheme.signState(2, ch, 2, 100), // signed by a third party
                new ChannelState(ch, 1, 30, flipped),
                new ChannelState(ch, 1, 30, Arrays.copyOf(s1.signature(), s1.signature().length - 1)),
                new ChannelState(ch, 1, 30, new byte[0]));
        for (ChannelState forged : forgeries) {
            assertEquals(Verdict.BAD_SIGNATURE, f.payee.accept(0, forged).verdict(), forged.toString());
        }
        assertNull(f.payee.held(ch));
        assertEquals(0, f.payee.accepted());

        for (ChannelState forged : forgeries) {
            f.ledger.submitClose(1, forged);
        }
        f.runTo(f.sim.now() + LATENCY);
        assertEquals(forgeries.size(), f.rejections.size());
        assertTrue(f.rejections.stream().allMatch(v -> v == Verdict.BAD_SIGNATURE), f.rejections.toString());
        assertEquals(ChannelStatus.OPEN, f.ledger.channelStatus(ch));
        assertEquals(0, f.ledger.balance(1));
        assertEquals(forgeries.size(), f.ledger.transactionsRejected());

        assertTrue(f.payee.accept(0, s1).accepted());
        f.payee.close(ch);
        f.runTo(f.sim.now() + LATENCY);
        assertEquals(30, f.ledger.balance(1));
        assertEquals(970, f.ledger.balance(0));
    }

    @ParameterizedTest
    @EnumSource(SignatureMode.class)
    void theOtherChannelRulesHoldAtThePayeeAndTheLedger(SignatureMode mode) {
        Fixture f = new Fixture(mode, 1_000, 0);
        SignatureScheme scheme = f.ledger.scheme();
        ChannelPayer.Waiting w = assertInstanceOf(ChannelPayer.Waiting.class, f.payer.pay(1, 10, 100));
        ChannelState early = scheme.signState(0, w.channelId(), 1, 10);
        assertEquals(Verdict.UNKNOWN_CHANNEL, f.payee.accept(0, early).verdict()); // not confirmed yet
        assertEquals(Verdict.UNKNOWN_CHANNEL, f.payee.accept(0, scheme.signState(0, 99, 1, 10)).verdict());
        f.runTo(LATENCY);
        ChannelState s1 = assertInstanceOf(ChannelPayer.Paid.class, f.afterOpen.get(0)).state();
        int ch = s1.channelId();

        assertEquals(Verdict.WRONG_PAYER, f.payee.accept(2, s1).verdict());
        ChannelPayee other = new ChannelPayee(f.ledger, 2);
        assertEquals(Verdict.NOT_PAYEE, other.accept(0, s1).verdict());
        ChannelState over = scheme.signState(0, ch, 2, 101);
        assertEquals(Verdict.OVER_ESCROW, f.payee.accept(0, over).verdict());
        assertEquals(Verdict.STALE_SEQUENCE, f.payee.accept(0, scheme.signState(0, ch, 0, 10)).verdict());
        assertEquals(Verdict.DECREASING_AMOUNT, f.payee.accept(0, scheme.signState(0, ch, 1, -1)).verdict());

        f.ledger.submitClose(2, s1); // not the payee
        f.ledger.submitClose(1, over);
        f.ledger.submitClose(1, scheme.signState(0, ch, 0, 10));
        f.ledger.submitClose(1, scheme.signState(0, ch, 1, -5));
        f.runTo(f.sim.now() + LATENCY);
        assertEquals(List.of(Verdict.NOT_PAYEE, Verdict.OVER_ESCROW, Verdict.STALE_SEQUENCE,
                Verdict.DECREASING_AMOUNT), f.rejections);
        assertEquals(ChannelStatus.OPEN, f.ledger.channelStatus(ch));
        assertEquals(100, f.ledger.escrowLocked());

        // the full escrow may go to the payee
        ChannelState all = scheme.signState(0, ch, 2, 100);
        assertEquals(new ChannelPayee.Acceptance(Verdict.VALID, 10), f.payee.accept(0, s1));
        assertEquals(new ChannelPayee.Acceptance(Verdict.VALID, 90), f.payee.accept(0, all));
        // and states arriving after the payee submitted its close are refused
        f.payee.close(ch);
        assertEquals(Verdict.NOT_OPEN, f.payee.accept(0, scheme.signState(0, ch, 3, 100)).verdict());
        f.runTo(f.sim.now() + LATENCY);
        assertEquals(100, f.ledger.balance(1));
        assertEquals(900, f.ledger.balance(0));
    }

    @ParameterizedTest
    @EnumSource(SignatureMode.class)
    void aNewChannelOpensWhenTheCurrentOneCannotCoverThePayment(SignatureMode mode) {
        Fixture f = new Fixture(mode, 1_000, 0);
        ChannelState a1 = f.openAndPay(40, 100);
        assertTrue(f.payee.accept(0, a1).accepted());
        ChannelState a2 = f.payNow(40);
        assertTrue(f.payee.accept(0, a2).accepted());
        ChannelPayer.Waiting w = assertInstanceOf(ChannelPayer.Waiting.class, f.payer.pay(1, 40, 100));
        assertNotEquals(a1.channelId(), w.channelId());
        assertEquals(40, f.payer.owed(1));
        assertEquals(800, f.ledger.balance(0));
        // a piece verified while the new channel is pending is owed too and paid in the same state
        assertInstanceOf(ChannelPayer.Waiting.class, f.payer.pay(1, 5, 100));
        f.runTo(f.sim.now() + LATENCY);
        ChannelState b1 = assertInstanceOf(ChannelPayer.Paid.class, f.afterOpen.get(0)).state();
        assertEquals(w.channelId(), b1.channelId());
        assertEquals(1, b1.sequence());
        assertEquals(45, b1.cumulativeToPayee());
        assertEquals(0, f.payer.owed(1));
        assertTrue(f.payee.accept(0, b1).accepted());
        assertEquals(125, f.payer.promised());
        assertEquals(125, f.payee.accepted());

        assertEquals(2, f.payee.closeAll());
        f.runTo(f.sim.now() + LATENCY);
        assertEquals(2, f.closes.size());
        assertEquals(125, f.ledger.balance(1));
        assertEquals(875, f.ledger.balance(0));
        assertEquals(0, f.ledger.escrowLocked());
    }

    @ParameterizedTest
    @EnumSource(SignatureMode.class)
    void unaffordablePaymentsStayOwedAndEscrowShrinksToTheBalance(SignatureMode mode) {
        Fixture f = new Fixture(mode, 50, 0);
        assertEquals(new ChannelPayer.Unaffordable(60), f.payer.pay(1, 60, 100));
        assertEquals(0, f.ledger.channelCount());
        assertEquals(60, f.payer.forgive(1));
        ChannelPayer.Waiting w = assertInstanceOf(ChannelPayer.Waiting.class, f.payer.pay(1, 30, 100));
        assertEquals(50, f.ledger.channelEscrow(w.channelId()));
        assertEquals(0, f.ledger.balance(0));
    }

    @ParameterizedTest
    @EnumSource(SignatureMode.class)
    void channelsNearTheirTimeoutAreRenewedAndClosedWhenDue(SignatureMode mode) {
        Fixture f = new Fixture(mode, 1_000, 30 * S);
        ChannelState a1 = f.openAndPay(10, 100);
        assertTrue(f.payee.accept(0, a1).accepted());
        f.runTo(LATENCY + 29 * S);
        assertTrue(f.payee.accept(0, f.payNow(10)).accepted()); // 1 s of margin left
        f.runTo(LATENCY + 30 * S);
        ChannelPayer.Payment p = f.payer.pay(1, 10, 100); // within 30 s of the timeout: renew
        assertNotEquals(a1.channelId(), assertInstanceOf(ChannelPayer.Waiting.class, p).channelId());
        assertEquals(0, f.payee.closeDue(LATENCY + TIMEOUT - 1));
        assertEquals(1, f.payee.closeDue(LATENCY + TIMEOUT));
        assertEquals(0, f.payee.closeDue(LATENCY + TIMEOUT)); // already closing
        f.runTo(f.sim.now() + LATENCY);
        assertEquals(20, f.ledger.balance(1));
        assertFalse(f.closes.isEmpty());
    }
}
