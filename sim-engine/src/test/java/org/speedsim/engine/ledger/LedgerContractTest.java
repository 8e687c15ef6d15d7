package org.speedsim.engine.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.speedsim.engine.kernel.Simulator;

/**
 * The ledger's public contract, case by case: refused arguments, accounts that come into existence with the first
 * transaction naming them, the counters of a small hand-worked run, channel lookups, and times that overflow.
 */
class LedgerContractTest {

    private static final long S = 1_000_000L;

    private final Simulator sim = new Simulator();
    private final LedgerConfig config = new LedgerConfig(S, 0, 100 * S, SignatureMode.ACCOUNTING);
    private final Ledger ledger = new Ledger(sim, config, new SplittableRandom(11));

    @Test
    void amountsMustBePositiveAndAChannelNeedsTwoParties() {
        ledger.mint(0, 1_000);
        for (long bad : new long[] {0, -1, Long.MIN_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> ledger.mint(1, bad));
            assertThrows(IllegalArgumentException.class, () -> ledger.grant(0, 1, bad));
            assertThrows(IllegalArgumentException.class, () -> ledger.submitTransfer(0, 1, bad));
            assertThrows(IllegalArgumentException.class, () -> ledger.submitOpen(0, 1, bad));
        }
        assertThrows(IllegalArgumentException.class, () -> ledger.submitOpen(0, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> ledger.submitClose(1, null));
        assertThrows(IllegalArgumentException.class, () -> ledger.ensureAccount(-1));
        // nothing moved
        assertEquals(1_000, ledger.balance(0));
        assertEquals(0, ledger.balance(1));
        assertEquals(0, ledger.reserved());
        assertEquals(0, ledger.pendingTransactions());
        assertEquals(0, ledger.channelCount());
        Steps.assertHolds(ledger);
    }

    @Test
    void aNegativeAccountHasNoBalanceAndMintingStopsWhenTheRunStarts() {
        assertEquals(0, ledger.balance(-1));
        ledger.mint(0, 5);
        ledger.submitTransfer(0, 1, 5);
        sim.runUntil(10 * S);
        assertThrows(IllegalStateException.class, () -> ledger.mint(0, 5));
        assertEquals(5, ledger.totalSupply());
    }

    @Test
    void everyPartyNamedByATransactionGetsAnAccountHoweverHighItsId() {
        ledger.mint(0, 10_000);
        // ids beyond the initial capacity of the account arrays
        ledger.mint(64, 7);
        assertEquals(7, ledger.balance(64));
        assertEquals(65, ledger.accounts());
        ledger.mint(200, 9);
        assertEquals(9, ledger.balance(200));
        assertEquals(201, ledger.accounts());
        assertEquals(201, ledger.scheme().accounts());

        assertTrue(ledger.grant(0, 300, 11));
        assertEquals(11, ledger.balance(300));
        assertEquals(301, ledger.accounts());
        // an unknown sender lacks the funds: refused, not an error
        assertFalse(ledger.grant(400, 0, 1));
        assertEquals(401, ledger.accounts());
        assertEquals(Ledger.REFUSED, ledger.submitTransfer(500, 0, 1));
        assertEquals(501, ledger.accounts());
        assertEquals(Ledger.REFUSED, ledger.submitOpen(600, 0, 1));

        assertEquals(601, ledger.accounts());
        ledger.submitTransfer(0, 650, 13);
        assertEquals(651, ledger.accounts());
        int ch = ledger.submitOpen(0, 660, 100);
        assertEquals(661, ledger.accounts());
        ledger.submitClose(700, ledger.scheme().signState(0, ch, 1, 60)); // not the payee: rejected later
        assertEquals(701, ledger.accounts());
        sim.runUntil(10 * S);
        assertEquals(13, ledger.balance(650));
        assertEquals(ChannelStatus.OPEN, ledger.channelStatus(ch));
        ledger.submitClose(660, ledger.scheme().signState(0, ch, 1, 60));
        sim.runUntil(20 * S);
        assertEquals(60, ledger.balance(660));
        assertEquals(1, ledger.transactionsRejected());
        Steps.assertHolds(ledger);
    }

    @Test
    void anAccountFarBeyondTheCapacityCanBeMintedAtOnce() {
        ledger.mint(1_000, 3);
        assertEquals(3, ledger.balance(1_000));
        ledger.mint(5_000, 4);
        assertEquals(4, ledger.balance(5_000));
        assertEquals(5_001, ledger.accounts());
    }

    @Test
    void aCloseMayPayNothingOrTheWholeEscrow() {
        ledger.mint(0, 1_000);
        int nothing = ledger.submitOpen(0, 1, 100);
        int all = ledger.submitOpen(0, 2, 200);
        sim.runUntil(S);
        ledger.submitClose(1, ledger.scheme().signState(0, nothing, 1, 0));
        ledger.submitClose(2, ledger.scheme().signState(0, all, 1, 200));
        sim.runUntil(2 * S);
        assertEquals(ChannelStatus.CLOSED, ledger.channelStatus(nothing));
        assertEquals(ChannelStatus.CLOSED, ledger.channelStatus(all));
        assertEquals(0, ledger.balance(1));
        assertEquals(200, ledger.balance(2));
        assertEquals(800, ledger.balance(0));
        Steps.assertHolds(ledger);
    }

    @Test
    void constructingAPayerOrAPayeeOpensItsAccount() {
        new ChannelPayee(ledger, 3);
        assertEquals(4, ledger.accounts());
        assertEquals(0, ledger.balance(3));
        new ChannelPayer(ledger, 9, 0);
        assertEquals(10, ledger.accounts());
        assertEquals(10, ledger.scheme().accounts());
        assertThrows(IllegalArgumentException.class, () -> new ChannelPayer(ledger, 1, -1));
        assertEquals(5, new ChannelPayee(ledger, 5).payee());
        assertEquals(6, new ChannelPayer(ledger, 6, 0).payer());
    }

    @Test
    void countersOfAHandWorkedRun() {
        ledger.mint(0, 1_000);
        ledger.mint(1, 50);
        assertTrue(ledger.grant(1, 2, 20));
        assertTrue(ledger.grant(1, 2, 5));
        assertFalse(ledger.grant(1, 2, 26)); // 25 left
        assertEquals(25, ledger.granted());
        long t1 = ledger.submitTransfer(0, 3, 100);
        int a = ledger.submitOpen(0, 1, 200);
        int b = ledger.submitOpen(0, 2, 300);
        assertEquals(0, t1);
        assertEquals(0, a);
        assertEquals(1, b);
        assertEquals(3, ledger.pendingTransactions());
        assertEquals(600, ledger.reserved());
        assertEquals(400, ledger.balance(0));
        assertEquals(0, ledger.channelsOpened());
        assertSame(config, ledger.config());

        sim.runUntil(S);
        assertEquals(0, ledger.pendingTransactions());
        assertEquals(2, ledger.channelsOpened());
        assertEquals(2, ledger.openChannels());
        assertEquals(3, ledger.transactionsApplied());
        assertEquals(3, ledger.transactionsConfirmed());
        assertEquals(100, ledger.transferred());

        ledger.submitClose(1, ledger.scheme().signState(0, a, 1, 150));
        ledger.submitClose(2, ledger.scheme().signState(0, b, 1, 301)); // over the escrow: rejected
        assertEquals(2, ledger.pendingTransactions());
        sim.runUntil(2 * S);
        assertEquals(4, ledger.transactionsApplied());
        assertEquals(1, ledger.transactionsRejected());
        assertEquals(5, ledger.transactionsConfirmed());
        assertEquals(150, ledger.paidToPayees());
        assertEquals(50, ledger.returnedAtClose());
        assertEquals(2, ledger.channelsOpened());
        assertEquals(1, ledger.openChannels());
        assertEquals(300, ledger.escrowLocked());
        assertEquals(1_050, ledger.totalSupply());
        Steps.assertHolds(ledger);
    }

    @Test
    void channelLookupsRefuseIdsNeverHandedOut() {
        ledger.mint(0, 1_000);
        int ch = ledger.submitOpen(0, 1, 100);
        assertTrue(ledger.channelExists(ch));
        assertEquals(0, ch);
        for (int bad : new int[] {-1, 1, 63, 64}) {
            assertFalse(ledger.channelExists(bad));
            List<Executable> lookups = List.of(() -> ledger.channel(bad), () -> ledger.channelStatus(bad),
                    () -> ledger.channelPayer(bad), () -> ledger.channelPayee(bad), () -> ledger.channelEscrow(bad),
                    () -> ledger.channelTimeoutAt(bad));
            for (Executable lookup : lookups) {
                assertThrows(IllegalArgumentException.class, lookup, "channel " + bad);
            }
        }
        assertEquals(-1, ledger.channelTimeoutAt(ch));
        assertEquals(-1, ledger.channel(ch).openedAtMicros());
        sim.runUntil(3 * S);
        ChannelInfo info = ledger.channel(ch);
        assertEquals(new ChannelInfo(ch, 0, 1, 100, S, 101 * S, ChannelStatus.OPEN, 0), info);
        assertEquals(0, ledger.channelPayer(ch));
        assertEquals(1, ledger.channelPayee(ch));
        assertEquals(100, ledger.channelEscrow(ch));
        assertEquals(101 * S, ledger.channelTimeoutAt(ch));
    }

    @Test
    void manyChannelsKeepTheirOwnPartiesAndEscrow() {
        ledger.mint(0, 1_000_000);
        int n = 150;
        for (int i = 0; i < n; i++) {
            assertEquals(i, ledger.submitOpen(0, 1 + i % 7, 1 + i));
        }
        sim.runUntil(2 * S);
        assertEquals(n, ledger.channelCount());
        for (int i = 0; i < n; i++) {
            assertEquals(new ChannelInfo(i, 0, 1 + i % 7, 1 + i, S, 101 * S, ChannelStatus.OPEN, 0),
                    ledger.channel(i));
        }
        Steps.assertHolds(ledger);
    }

    @Test
    void aClosedChannelLeavesNoTimeoutBehindAndOtherEventsStillRun() {
        List<Long> fired = new ArrayList<>();
        int kind = sim.registerKind("probe", (target, arg) -> fired.add(sim.now()));
        sim.scheduleAt(500 * S, kind, 0, 0); // scheduled before any ledger event
        ledger.mint(0, 1_000);
        int ch = ledger.submitOpen(0, 1, 100);
        sim.runUntil(2 * S);
        ledger.submitClose(1, ledger.scheme().signState(0, ch, 1, 40));
        sim.runUntil(3 * S);
        assertEquals(ChannelStatus.CLOSED, ledger.channelStatus(ch));
        assertEquals(1, sim.pending(), "only the probe is left: the channel's timeout was cancelled");
        sim.runUntil(1_000 * S);
        assertEquals(List.of(500 * S), fired);
        assertEquals(0, ledger.refundedAtTimeout());
    }

    @Test
    void timesBeyondTheEndOfTimeMeanNever() {
        Simulator s = new Simulator();
        Ledger forever = new Ledger(s, new LedgerConfig(S, 0, Long.MAX_VALUE, SignatureMode.ACCOUNTING),
                new SplittableRandom(1));
        forever.mint(0, 100);
        int ch = forever.submitOpen(0, 1, 10);
        s.runUntil(5 * S);
        assertEquals(Simulator.NEVER, forever.channelTimeoutAt(ch));
        assertEquals(ChannelStatus.OPEN, forever.channelStatus(ch));

        Simulator s2 = new Simulator();
        Ledger stuck = new Ledger(s2, new LedgerConfig(Long.MAX_VALUE, 0, S, SignatureMode.ACCOUNTING),
                new SplittableRandom(1));
        stuck.mint(0, 100);
        s2.runUntil(5 * S);
        assertEquals(0, stuck.submitTransfer(0, 1, 10));
        s2.runUntil(50 * S);
        assertEquals(1, stuck.pendingTransactions());
        assertEquals(1, stuck.inFlight());
        assertEquals(0, stuck.balance(1));
        Steps.assertHolds(stuck);
    }

    @Test
    void aConfigurationIsCheckedAndCanChangeItsSignatureMode() {
        assertThrows(IllegalArgumentException.class, () -> new LedgerConfig(-1, 0, S, SignatureMode.ACCOUNTING));
        assertThrows(IllegalArgumentException.class, () -> new LedgerConfig(0, -1, S, SignatureMode.ACCOUNTING));
        assertThrows(IllegalArgumentException.class,
                () -> new LedgerConfig(0, Double.NaN, S, SignatureMode.ACCOUNTING));
        assertThrows(IllegalArgumentException.class,
                () -> new LedgerConfig(0, Double.POSITIVE_INFINITY, S, SignatureMode.ACCOUNTING));
        assertThrows(IllegalArgumentException.class, () -> new LedgerConfig(0, 0, 0, SignatureMode.ACCOUNTING));
        assertThrows(IllegalArgumentException.class, () -> new LedgerConfig(0, 0, S, null));
        new LedgerConfig(0, 0, 1, SignatureMode.ACCOUNTING); // the smallest valid values
        LedgerConfig ed = config.withSignatureMode(SignatureMode.ED25519);
        assertEquals(new LedgerConfig(S, 0, 100 * S, SignatureMode.ED25519), ed);
        assertEquals(0, config.inclusionIntervalMicros());
        assertEquals(333_333, new LedgerConfig(0, 3, S, SignatureMode.ACCOUNTING).inclusionIntervalMicros());
        assertEquals(1, new LedgerConfig(0, 5e6, S, SignatureMode.ACCOUNTING).inclusionIntervalMicros());
    }
}
