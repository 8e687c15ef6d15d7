package org.speedsim.engine.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.kernel.Simulator;

/**
 * Randomized runs over many seeds: transfers, grants, payments through {@link ChannelPayer} and {@link ChannelPayee},
 * stale and forged states, closes by the payee and by others, timeouts, all through a queue with random latency and
 * throughput. After every single ledger operation (submission, confirmation, timeout) the supply must be conserved
 * to the micro-BTT, no balance negative, and every balance equal to an independent model driven by the listener's
 * reports; at the end every channel is settled exactly as the payee's last accepted state says, and the ledger's
 * accounts, channels and totals, mid-run and at the end, are those its operation log implies ({@link LedgerAudit}).
 */
class LedgerConservationPropertyTest {

    private static final long S = 1_000_000L;

    @Test
    void accountingModeConservesSupplyOverManySeeds() {
        Map<Verdict, Integer> seen = new EnumMap<>(Verdict.class);
        long closes = 0;
        long refunds = 0;
        for (long seed = 1; seed <= 300; seed++) {
            Run r = new Run(seed, SignatureMode.ACCOUNTING, 150);
            r.execute();
            r.rejections.forEach((v, n) -> seen.merge(v, n, Integer::sum));
            closes += r.closes;
            refunds += r.refunds;
        }
        // the random runs must actually exercise the rules they claim to test
        for (Verdict v : List.of(Verdict.BAD_SIGNATURE, Verdict.NOT_PAYEE, Verdict.NOT_OPEN)) {
            assertTrue(seen.getOrDefault(v, 0) > 0, "no ledger rejection " + v + " in " + seen);
        }
        assertTrue(closes > 300, "closes " + closes);
        assertTrue(refunds > 100, "refunds " + refunds);
    }

    @Test
    void ed25519ModeObeysTheSameRules() {
        for (long seed = 1; seed <= 4; seed++) {
            new Run(seed, SignatureMode.ED25519, 40).execute();
        }
    }

    @Test
    void sameSeedSameOutcomeInBothModes() {
        for (long seed = 7; seed <= 9; seed++) {
            Run a = new Run(seed, SignatureMode.ACCOUNTING, 40);
            Run b = new Run(seed, SignatureMode.ED25519, 40);
            a.execute();
            b.execute();
            assertArrayEquals(a.finalBalances, b.finalBalances, "seed " + seed);
            assertEquals(a.rejections, b.rejections, "seed " + seed);
        }
    }

    /** One randomized run. */
    private static final class Run implements LedgerListener {
        final SplittableRandom rng;
        final int ops;
        final Simulator sim = new Simulator();
        final Ledger ledger;
        final long timeout;
        final int n;
        final long[] model;
        final ChannelPayer[] payers;
        final ChannelPayee[] payees;
        final Map<Integer, Set<Long>> signed = new HashMap<>();
        final Map<Integer, Long> acceptedMax = new HashMap<>();
        final List<ChannelState> accepted = new ArrayList<>();
        final Set<Long> mustBeRejected = new HashSet<>();
        final Map<Verdict, Integer> rejections = new EnumMap<>(Verdict.class);
        long closes;
        long refunds;
        long[] finalBalances;
        boolean driving = true;

        Run(long seed, SignatureMode mode, int ops) {
            this.rng = new SplittableRandom(seed);
            this.ops = ops;
            long latency = rng.nextInt(4) * 500_000L;
            double tps = rng.nextBoolean() ? 0 : 0.5 + rng.nextInt(20);
            timeout = (5 + rng.nextInt(60)) * S;
            ledger = new Ledger(sim, new LedgerConfig(latency, tps, timeout, mode), new SplittableRandom(~seed));
            ledger.addListener(this);
            ledger.enableLog();
            n = 3 + rng.nextInt(6);
            model = new long[n];
            for (int a = 0; a < n; a++) {
                if (rng.nextInt(4) != 0) {
                    long amount = 1 + rng.nextLong(10_000);
                    ledger.mint(a, amount);
                    model[a] += amount;
                    check();
                }
            }
            ledger.ensureAccount(n - 1);
            payers = new ChannelPayer[n];
            payees = new ChannelPayee[n];
            for (int a = 0; a < n; a++) {
                payers[a] = new ChannelPayer(ledger, a, rng.nextLong(timeout / 2));
                payees[a] = new ChannelPayee(ledger, a);
            }
        }

        void execute() {
            int driver = sim.registerKind("driver", (target, arg) -> {
                operate();
                check();
            });
            long t = 0;
            for (int i = 0; i < ops; i++) {
                t += rng.nextLong(3 * S);
                sim.scheduleAt(t, driver, 0, 0);
            }
            runChecked(t);
            assertEquals(List.of(), LedgerAudit.replay(ledger.log()).compareWith(ledger), "mid-run, rebuilt from log");
            driving = false;
            for (ChannelPayee p : payees) {
                p.closeAll();
                check();
            }
            runChecked(sim.now() + 3 * timeout + 10_000 * S);
            assertEquals(0, ledger.pendingTransactions());
            assertEquals(0, ledger.reserved());
            assertEquals(0, ledger.escrowLocked());
            assertEquals(0, ledger.openChannels());
            long sum = 0;
            finalBalances = new long[n];
            for (int a = 0; a < n; a++) {
                finalBalances[a] = ledger.balance(a);
                sum += finalBalances[a];
            }
            assertEquals(ledger.totalSupply(), sum);
            for (int c = 0; c < ledger.channelCount(); c++) {
                ChannelInfo info = ledger.channel(c);
                long best = acceptedMax.getOrDefault(c, 0L);
                switch (info.status()) {
                    case CLOSED -> assertEquals(best, info.paidOut(), "channel " + c + " settled with the last state");
                    case REFUNDED -> assertEquals(0, info.paidOut());
                    default -> fail("channel " + c + " left " + info.status());
                }
            }
            assertTrue(ledger.everyCheckHeld());
            assertEquals(List.of(), LedgerAudit.replay(ledger.log()).compareWith(ledger), "rebuilt from the log");
            assertEquals(Boolean.TRUE, new LedgerMetrics(ledger).summary().get("ledger_conserved"));
        }

        private void operate() {
            int a = rng.nextInt(n);
            int b = (a + 1 + rng.nextInt(n - 1)) % n;
            switch (rng.nextInt(10)) {
                case 0 -> {
                    long amount = 1 + rng.nextLong(2_000);
                    long before = ledger.balance(a);
                    long tx = ledger.submitTransfer(a, b, amount);
                    assertEquals(amount > before, tx == Ledger.REFUSED);
                    if (tx != Ledger.REFUSED) {
                        model[a] -= amount;
                    }
                }
                case 1 -> {
                    long amount = 1 + rng.nextLong(500);
                    long before = ledger.balance(a);
                    boolean ok = ledger.grant(a, b, amount);
                    assertEquals(amount <= before, ok);
                    if (ok) {
                        model[a] -= amount;
                        model[b] += amount;
                    }
                }
                case 2, 3, 4 -> pay(a, b);
                case 5 -> replayStale();
                case 6 -> forge();
                case 7 -> payees[a].closeDue(sim.now() + rng.nextLong(timeout));
                case 8 -> closeByOther();
                default -> {
                    if (rng.nextInt(3) == 0) {
                        payers[a].forgive(b);
                    }
                }
            }
        }

        private void pay(int a, int b) {
            int channelsBefore = ledger.channelCount();
            long balanceBefore = ledger.balance(a);
            long owedBefore = payers[a].owed(b);
            long price = 1 + rng.nextLong(300);
            ChannelPayer.Payment p = payers[a].pay(b, price, rng.nextLong(2_000));
            if (ledger.channelCount() > channelsBefore) {
                assertEquals(channelsBefore + 1, ledger.channelCount());
                long escrow = ledger.channelEscrow(channelsBefore);
                assertTrue(escrow >= owedBefore + price && escrow <= balanceBefore);
                model[a] -= escrow;
            }
            if (p instanceof ChannelPayer.Unaffordable u) {
                assertEquals(owedBefore + price, u.owed());
                assertTrue(u.owed() > balanceBefore);
            }
            deliver(p, a, b);
        }

        private void deliver(ChannelPayer.Payment p, int from, int to) {
            if (!(p instanceof ChannelPayer.Paid paid)) {
                return;
            }
            ChannelState s = paid.state();
            signed.computeIfAbsent(s.channelId(), k -> new HashSet<>()).add(s.cumulativeToPayee());
            ChannelState before = payees[to].held(s.channelId());
            ChannelPayee.Acceptance acc = payees[to].accept(from, s);
            if (acc.accepted()) {
                long prev = before == null ? 0 : before.cumulativeToPayee();
                assertEquals(s.cumulativeToPayee() - prev, acc.increment());
                accepted.add(s);
                acceptedMax.put(s.channelId(), s.cumulativeToPayee());
            } else {
                // the only reason a fresh payment is refused: the payee already submitted its close
                assertEquals(Verdict.NOT_OPEN, acc.verdict());
            }
        }

        private void replayStale() {
            if (accepted.isEmpty()) {
                return;
            }
            ChannelState s = accepted.get(rng.nextInt(accepted.size()));
            int payee = ledger.channelPayee(s.channelId());
            int payer = ledger.channelPayer(s.channelId());
            assertNotEquals(Verdict.VALID, payees[payee].accept(payer, s).verdict());
        }

        private void forge() {
            if (accepted.isEmpty()) {
                return;
            }
            ChannelState s = accepted.get(rng.nextInt(accepted.size()));
            int ch = s.channelId();
            int payee = ledger.channelPayee(ch);
            int payer = ledger.channelPayer(ch);
            ChannelState forged = switch (rng.nextInt(3)) {
                case 0 -> new ChannelState(ch, s.sequence() + 1, s.cumulativeToPayee() + 1 + rng.nextLong(100),
                        s.signature());
                case 1 -> ledger.scheme().signState(payee, ch, s.sequence() + 1, ledger.channelEscrow(ch));
                default -> {
                    byte[] sig = s.signature().clone();
                    sig[rng.nextInt(sig.length)] ^= (byte) (1 << rng.nextInt(8));
                    yield new ChannelState(ch, s.sequence() + 1, s.cumulativeToPayee(), sig);
                }
            };
            assertNotEquals(Verdict.VALID, payees[payee].accept(payer, forged).verdict());
            if (rng.nextBoolean()) {
                mustBeRejected.add(ledger.submitClose(payee, forged));
            }
        }

        private void closeByOther() {
            if (accepted.isEmpty()) {
                return;
            }
            ChannelState s = accepted.get(rng.nextInt(accepted.size()));
            int payee = ledger.channelPayee(s.channelId());
            int other = (payee + 1 + rng.nextInt(n - 1)) % n;
            mustBeRejected.add(ledger.submitClose(other, s));
        }

        private void runChecked(long until) {
            while (true) {
                boolean[] once = {true};
                long ran = sim.runWhile(() -> {
                    boolean go = once[0];
                    once[0] = false;
                    return go;
                }, until);
                if (ran == 0) {
                    return;
                }
                check();
            }
        }

        private void check() {
            Steps.assertHolds(ledger);
            for (int a = 0; a < n; a++) {
                assertEquals(model[a], ledger.balance(a), "balance of " + a + " at t=" + sim.now());
                assertTrue(ledger.balance(a) >= 0);
            }
        }

        @Override
        public void onTransferApplied(long txId, int from, int to, long amount) {
            model[to] += amount;
            check();
        }

        @Override
        public void onChannelOpened(int channelId, int payer, int payee, long escrow, long timeoutAt) {
            check();
            assertEquals(sim.now() + timeout, timeoutAt);
            int channelsBefore = ledger.channelCount();
            ChannelPayer.Payment p = payers[payer].onChannelOpened(channelId);
            if (ledger.channelCount() > channelsBefore) { // the debt outgrew this escrow: another channel
                model[payer] -= ledger.channelEscrow(channelsBefore);
            }
            deliver(p, payer, payee);
        }

        @Override
        public void onChannelClosed(long txId, int channelId, long toPayee, long toPayer) {
            assertFalse(mustBeRejected.contains(txId), "forged or foreign close applied: tx " + txId);
            int payer = ledger.channelPayer(channelId);
            int payee = ledger.channelPayee(channelId);
            assertTrue(signed.getOrDefault(channelId, Set.of()).contains(toPayee),
                    "payee received an amount the payer never signed: " + toPayee);
            assertTrue(sim.now() < ledger.channelTimeoutAt(channelId));
            model[payee] += toPayee;
            model[payer] += toPayer;
            closes++;
            payers[payer].onChannelEnded(channelId);
            payees[payee].onChannelEnded(channelId);
            check();
        }

        @Override
        public void onChannelRefunded(int channelId, int payer, long escrow) {
            assertEquals(ledger.channelTimeoutAt(channelId), sim.now());
            model[payer] += escrow;
            refunds++;
            payers[payer].onChannelEnded(channelId);
            payees[ledger.channelPayee(channelId)].onChannelEnded(channelId);
            check();
        }

        @Override
        public void onCloseRejected(long txId, int channelId, int submitter, Verdict reason) {
            assertNotEquals(Verdict.VALID, reason);
            mustBeRejected.remove(txId);
            rejections.merge(reason, 1, Integer::sum);
            if (ledger.channelExists(channelId) && ledger.channelPayee(channelId) == submitter) {
                payees[submitter].onCloseRejected(channelId);
            }
            check();
        }
    }
}
