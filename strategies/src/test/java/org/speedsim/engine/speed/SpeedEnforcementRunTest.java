package org.speedsim.engine.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.ledger.LedgerConfig;
import org.speedsim.engine.ledger.LedgerLog;
import org.speedsim.engine.ledger.SignatureMode;
import org.speedsim.engine.speed.bidding.BiddingStrategy;
import org.speedsim.engine.swarm.ArrivalProcess;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.FileSpec;
import org.speedsim.engine.swarm.InitialSeeds;
import org.speedsim.engine.swarm.PeerClass;
import org.speedsim.engine.swarm.PeerRecord;
import org.speedsim.engine.swarm.ProtocolTrace;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.SeedingBehaviour;
import org.speedsim.engine.swarm.Swarm;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.engine.swarm.SwarmExtension;
import org.speedsim.strategies.auction.UniformPriceAuction;
import org.speedsim.strategies.picking.RarestFirstPicker;
import org.speedsim.strategies.seeding.Seeding;

/**
 * Payment enforcement worked by hand, through whole runs: one Speed seed sells a file of 8 pieces of 256 KiB to one
 * Speed leecher bidding 5000 nano-BTT per KiB above a reserve of 2000, so every piece costs 2000 * 256 / 1000 = 512
 * micro-BTT (as in {@link SpeedHandWorkedRunTest}); here the payment timeout, the failures before a ban and the
 * message latency vary, and each figure follows from them and the trace of the run.
 */
class SpeedEnforcementRunTest {

    private static final long S = 1_000_000L;
    private static final long MS = 1_000L;
    private static final long PIECES = 8;
    private static final long PIECE_COST = 512;
    private static final long AIRDROP = 1_000_000;

    /** The run's Speed extension, result and trace events (kind, time, peer, other, value). */
    private record Run(SpeedExtension speed, RunResult result, List<Object[]> trace) {
        PeerRecord peer(String client) {
            return result.peers().stream().filter(p -> p.client().equals(client)).findFirst().orElseThrow();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> tokens() {
            return (Map<String, Object>) result.summary().extra().get("tokens");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> messages() {
            return (Map<String, Object>) result.summary().extra().get("speedMessages");
        }

        List<Object[]> events(String kind) {
            return trace.stream().filter(e -> e[0].equals(kind)).toList();
        }
    }

    /** Records every Speed trace event. */
    private static final class Recorder implements ProtocolTrace {
        final List<Object[]> events = new ArrayList<>();

        @Override
        public boolean wants(String kind) {
            return kind.startsWith("speed-");
        }

        @Override
        public void emit(long timeMicros, String kind, int peer, int other, long value) {
            events.add(new Object[] {kind, timeMicros, peer, other, value});
        }
    }

    private static SpeedSettings fixedBidder() {
        BiddingStrategy.Factory fixedBid = (peer, rng) -> ctx -> 5_000;
        return SpeedSettings.honest(fixedBid, new UniformPriceAuction(), new Distribution.Fixed(AIRDROP))
                .withReserve(2_000);
    }

    /** One seed and one leecher; the leecher leaves as soon as it completes. */
    private static Run run(SpeedSettings leecher, long paymentTimeout, int failuresBeforeBan, Distribution latency,
            long duration) {
        return run(leecher, Seeding.leaveAtOnce(), speed(4, paymentTimeout, failuresBeforeBan, latency),
                Setup.lasting(duration));
    }

    /**
     * The tests' usual Speed configuration: a ledger of 2 s blocks, 20 transactions per second and 600 s channels; a
     * 300 s ban and a 60 s close margin; messages encoded and every ledger operation checked.
     */
    private static SpeedConfig speed(int escrowPieces, long paymentTimeout, int failuresBeforeBan,
            Distribution latency) {
        return new SpeedConfig(new LedgerConfig(2 * S, 20, 600 * S, SignatureMode.ACCOUNTING), escrowPieces,
                paymentTimeout, failuresBeforeBan, 300 * S, 60 * S, true, true, latency);
    }

    /**
     * The swarm around the leecher: run length, file size in pieces, the seeds (count, uplink, when they leave) and
     * the leechers' arrivals; {@link #lasting} gives one leecher arriving in the first second, one seed of 1 MB/s
     * staying to the end and the 8-piece file.
     */
    private record Setup(long duration, long pieces, int seeds, double uplink, long seedStay,
            ArrivalProcess arrivals) {
        static Setup lasting(long duration) {
            return new Setup(duration, PIECES, 1, 1e6, Long.MAX_VALUE, new ArrivalProcess.FlashCrowd(1, S, 0));
        }

        Setup pieces(long n) {
            return new Setup(duration, n, seeds, uplink, seedStay, arrivals);
        }

        Setup seeds(int n) {
            return new Setup(duration, pieces, n, uplink, seedStay, arrivals);
        }

        Setup uplink(double bytesPerSecond) {
            return new Setup(duration, pieces, seeds, bytesPerSecond, seedStay, arrivals);
        }

        Setup seedStay(long leaveAtMicros) {
            return new Setup(duration, pieces, seeds, uplink, leaveAtMicros, arrivals);
        }

        Setup arrivals(ArrivalProcess process) {
            return new Setup(duration, pieces, seeds, uplink, seedStay, process);
        }
    }

    private static Run run(SpeedSettings leecher, SeedingBehaviour.Factory leecherSeeding, SpeedConfig speed,
            Setup setup) {
        List<ClientSpec> clients = List.of(
                ClientSpec.speedClient("leecher", 1.0, RarestFirstPicker::new, leecherSeeding, leecher),
                ClientSpec.speedClient("seeder", 0.0, RarestFirstPicker::new, Seeding.forever(), fixedBidder()));
        SpeedExtension[] made = new SpeedExtension[1];
        SwarmExtension.Factory factory = control -> made[0] = new SpeedExtension(control, speed);
        SwarmConfig config = SwarmConfig.builder("enforcement").seed(3)
                .file(new FileSpec(setup.pieces() * 256 * 1024, 256 * 1024))
                .peerClasses(List.of(new PeerClass("fibre", 1.0, new Distribution.Fixed(setup.uplink()),
                        new Distribution.Fixed(8e6))))
                .clients(clients).arrivals(setup.arrivals())
                .initialSeeds(List.of(new InitialSeeds(setup.seeds(), "fibre", "seeder", setup.seedStay())))
                .durationMicros(setup.duration()).sampleIntervalMicros(30 * S).extensions(List.of(factory)).build();
        Recorder trace = new Recorder();
        RunResult r = new Swarm(config).trace(trace).run();
        return new Run(made[0], r, trace.events);
    }

    /**
     * A leecher that never pays gets one piece per unchoke (the seed starts no piece while it is owed): each unpaid
     * piece is written off one payment timeout after it was charged and counts one more failure of the pair; the
     * first two choke the leecher, the third (failuresBeforeBan = 3) bans it. Three pieces charged, none paid.
     */
    @Test
    void aNonPayerIsChokedTwiceThenBannedAtTheThirdFailure() {
        Run run = run(fixedBidder().withNonPayer(true), 8 * S, 3, SpeedConfig.INSTANT, 120 * S);
        List<Object[]> timeouts = run.events("speed-payment-timeout");
        assertEquals(3, timeouts.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1L, timeouts.get(i)[4], "the pair's failure count at timeout " + i);
            assertEquals(run.peer("seeder").peer(), timeouts.get(i)[2]);
            assertEquals(run.peer("leecher").peer(), timeouts.get(i)[3]);
        }
        assertEquals(3, run.speed().paymentFailures());
        assertEquals(1, run.speed().paymentBans());
        assertEquals(3 * PIECE_COST, run.speed().chargedTotal());
        assertEquals(3, run.speed().slotsSold(), "one sold slot per unchoke");
        assertEquals(0, run.speed().exposureViolations(), "never a second piece while one is unpaid");
        assertEquals(0, run.speed().acceptedTotal());
        assertEquals(0L, run.tokens().get("failuresAfterDisconnect"));
        assertEquals(AIRDROP, run.speed().ledger().balance(run.peer("leecher").peer()));
        assertEquals(AIRDROP, run.speed().ledger().balance(run.peer("seeder").peer()));
        assertEquals(List.of(), TokenAudit.check(run.speed(), run.result().peers()));
    }

    /**
     * With a ban only after 100 failures, the non-payer is choked after each timeout and unchoked again, one piece
     * each time, until it completes and leaves: all 8 pieces charged, 7 written off (the 8th was still owed when the
     * leecher left, and a departed peer's pairs are dropped), no ban, nothing paid.
     */
    @Test
    void aNonPayerThatIsNeverBannedCompletesOnePieceAtATime() {
        Run run = run(fixedBidder().withNonPayer(true), 8 * S, 100, SpeedConfig.INSTANT, 1_200 * S);
        PeerRecord leecher = run.peer("leecher");
        assertEquals(PIECES * 256 * 1024, leecher.bytesDown() - leecher.duplicateBytes(), "the leecher completed");
        assertTrue(leecher.departureMicros() > 0);
        assertEquals(PIECES * PIECE_COST, run.speed().chargedTotal());
        assertEquals(PIECES - 1, run.speed().paymentFailures());
        assertEquals(PIECES - 1, run.events("speed-payment-timeout").size());
        assertEquals(0, run.speed().paymentBans());
        assertEquals(0, run.speed().acceptedTotal());
        assertEquals(0, leecher.tokensSpent());
        assertEquals(0, run.peer("seeder").tokensEarned());
        assertEquals(List.of(), TokenAudit.check(run.speed(), run.result().peers()));
    }

    /**
     * Two seeds sell a file of 64 pieces to a leecher that stays on as a seed (both rechoke while it downloads; an escrow
     * of 64 pieces puts each seed's payments on one channel). When it completes it drops both connections and all three
     * stay online; the seed that sent the last piece closes its channel when that payment arrives, and the other,
     * which accepted its last payment earlier, closes the channel it holds at that instant too (not 60 s before the
     * channel's 600 s timeout, long after this 120 s run). So at the end everything accepted is settled, nothing is
     * left on an open channel, and the ledger's log shows each seed's last close submitted at the completion or within
     * one 2 s block of it (a first payment waits for its channel's open to be confirmed).
     */
    @Test
    void bothSeedsCloseTheirChannelsWhenTheConnectionsEndThoughAllStayOnline() {
        bothSeedsClose(SpeedConfig.INSTANT);
    }

    /**
     * As above with 50 ms messages: the last payments are still travelling when the connections end, and each seed
     * closes its channel when the payment arrives (the connection is gone and nothing else is on its way).
     */
    @Test
    void bothSeedsCloseWhenTheLastPaymentsArriveAfterTheConnectionsEnded() {
        bothSeedsClose(new Distribution.Fixed(50 * MS));
    }

    private static void bothSeedsClose(Distribution latency) {
        SpeedConfig speed = speed(64, 8 * S, 2, latency);
        Run run = run(fixedBidder(), Seeding.forever(), speed, Setup.lasting(120 * S).pieces(8 * PIECES).seeds(2));
        PeerRecord leecher = run.peer("leecher");
        assertEquals(-1, leecher.departureMicros(), "the leecher stayed on as a seed");
        assertTrue(leecher.completionMicros() > 0);
        assertEquals(8 * PIECES * PIECE_COST, leecher.tokensSpent());
        List<PeerRecord> seeds = run.result().peers().stream().filter(p -> p.client().equals("seeder")).toList();
        assertEquals(2, seeds.size());
        LedgerLog log = run.speed().ledger().log();
        for (PeerRecord seed : seeds) {
            assertTrue(seed.tokensEarned() > 0, "both seeds sold pieces: " + seed.tokensEarned());
            assertEquals(seed.tokensEarned(), seed.tokensEarnedSettled(), "seed " + seed.peer());
            long lastClose = -1;
            for (int i = 0; i < log.size(); i++) {
                if (log.op(i) == LedgerLog.Op.SUBMIT_CLOSE && log.a(i) == seed.peer()) {
                    lastClose = log.time(i);
                }
            }
            assertTrue(lastClose >= leecher.completionMicros() && lastClose <= leecher.completionMicros() + 2 * S,
                    "seed " + seed.peer() + " closed at the completion, or when a channel opened for the last"
                            + " payment was confirmed one 2 s block later: " + lastClose);
        }
        assertEquals(0L, run.tokens().get("inFlightAccepted"));
        assertEquals(0L, run.tokens().get("inFlightChannels"));
        assertEquals(List.of(), TokenAudit.check(run.speed(), run.result().peers()));
    }

    /**
     * A non-payer that stays on as a seed after completing (bans only after 100 failures) drops its connection to the
     * seed before its last piece is reported, and both stay online: that piece is still charged on the pair and
     * written off at its timeout, counted as a failure after disconnection. All 8 pieces charged, 8 written off.
     */
    @Test
    void theLastUnpaidPieceOfANonPayerThatStaysIsWrittenOffAfterTheDisconnection() {
        SpeedConfig speed = speed(4, 8 * S, 100, SpeedConfig.INSTANT);
        Run run = run(fixedBidder().withNonPayer(true), Seeding.forever(), speed, Setup.lasting(1_200 * S));
        PeerRecord leecher = run.peer("leecher");
        assertEquals(-1, leecher.departureMicros());
        assertEquals(PIECES * PIECE_COST, run.speed().chargedTotal());
        List<Object[]> timeouts = run.events("speed-payment-timeout");
        assertEquals(PIECES, timeouts.size());
        assertEquals(PIECES, run.speed().paymentFailures());
        assertEquals(1L, run.tokens().get("failuresAfterDisconnect"));
        assertTrue((Long) timeouts.get(timeouts.size() - 1)[1] > leecher.completionMicros(),
                "the last timeout came after the completion");
        assertEquals(0, run.speed().paymentBans());
        assertEquals(0, run.speed().acceptedTotal());
    }

    /**
     * A slow download outlives the 100 s channel lifetime. The payer leaves a channel twice the close margin (2 x 20 s)
     * before its timeout and opens a new one; the seed closes the old channel at the first state on the new one, well
     * before its own margin, so the ledger never refunds, rejects or sees a state after the close, and all that was
     * accepted is settled.
     */
    @Test
    void aPayerLeavesAChannelBeforeTheProvidersCloseMargin() {
        SpeedConfig speed = new SpeedConfig(new LedgerConfig(2 * S, 20, 100 * S, SignatureMode.ACCOUNTING), 8,
                30 * S, 3, 300 * S, 20 * S, true, true, SpeedConfig.INSTANT);
        Run run = run(fixedBidder(), Seeding.leaveAtOnce(), speed, Setup.lasting(400 * S).uplink(2e4));
        PeerRecord seed = run.peer("seeder");
        assertTrue(run.peer("leecher").completionMicros() > 100 * S, "the download outlived a channel");
        assertEquals(PIECES * PIECE_COST, seed.tokensEarned());
        assertEquals(seed.tokensEarned(), seed.tokensEarnedSettled());
        LedgerLog log = run.speed().ledger().log();
        List<long[]> opens = new ArrayList<>(); // submitted at, channel
        List<long[]> closes = new ArrayList<>(); // submitted at, channel
        for (int i = 0; i < log.size(); i++) {
            switch (log.op(i)) {
                case SUBMIT_OPEN -> opens.add(new long[] {log.time(i), log.id(i)});
                case SUBMIT_CLOSE -> closes.add(new long[] {log.time(i), log.b(i)});
                case REJECT_CLOSE, TIMEOUT -> throw new AssertionError(log.op(i) + " at " + log.time(i));
                default -> { }
            }
        }
        assertEquals(2, opens.size(), "a second channel");
        assertEquals(2, closes.size(), "each channel closed once");
        long pieceTime = 256 * 1024 * S / 20_000;
        long moved = opens.get(1)[0] - opens.get(0)[0];
        assertTrue(moved >= 60 * S && moved <= 60 * S + 2 * S + pieceTime,
                "the payer moved at its first piece 100 - 2 x 20 s after the first channel's open: " + moved);
        assertEquals(0, closes.get(0)[1]);
        assertEquals(opens.get(1)[0] + 2 * S, closes.get(0)[0],
                "the seed closed the first channel at the first state on the second, confirmed one 2 s block later");
        assertTrue(closes.get(0)[0] < opens.get(0)[0] + 80 * S, "before the seed's own 20 s close margin");
        assertEquals(0L, run.tokens().get("paymentsRejected"));
    }

    /**
     * A seed that leaves while the leecher's payment for its last piece is still travelling (50 ms messages) closes
     * the channel with the last state it holds as it leaves; the travelling state is lost with the departed peer. In
     * runs that outlast the 600 s channel lifetime, whatever each seed accepted is settled to it and nothing it
     * accepted is refunded, whether or not a payment was on its way when it left (it was in some of these runs).
     */
    @Test
    void aSeedLeavingWithAPaymentOnItsWayClosesWhatItHolds() {
        SpeedConfig speed = speed(4, 8 * S, 2, new Distribution.Fixed(50 * MS));
        int travelling = 0;
        for (int k = 0; k < 20; k++) {
            long stay = 12 * S + k * 31 * MS;
            Run run = run(fixedBidder(), Seeding.leaveAtOnce(), speed,
                    Setup.lasting(700 * S).pieces(8 * PIECES).seedStay(stay));
            PeerRecord seed = run.peer("seeder");
            assertEquals(stay, seed.departureMicros());
            assertTrue(seed.tokensEarned() > 0, "stay " + stay);
            assertEquals(seed.tokensEarned(), seed.tokensEarnedSettled(), "stay " + stay);
            assertEquals(0L, run.tokens().get("acceptedRefunded"), "stay " + stay);
            assertEquals(List.of(), TokenAudit.check(run.speed(), run.result().peers()), "stay " + stay);
            boolean onItsWay = run.events("speed-payment").stream()
                    .anyMatch(e -> (Long) e[1] < stay && (Long) e[1] > stay - 50 * MS);
            travelling += onItsWay ? 1 : 0;
        }
        assertTrue(travelling >= 2, "runs where the seed left with a payment on its way: " + travelling);
    }

    /**
     * Two leechers come one after the other, 40 s apart (four of the seed's 10 s choking rounds and twenty of the
     * ledger's 2 s blocks), the second after the first has completed and left, so the extension keeps the second's
     * exchange with the seed (bids, the sold slot, its bid response, payments, the channel's close) in the pair records
     * the first one's departure freed. With 50 ms messages it goes exactly as the first's did, shifted by 40 s: the
     * same download time, the same tokens spent, all of them settled.
     */
    @Test
    void aSecondLeecherOnTheFreedPairRecordsIsServedExactlyAsTheFirst() {
        SpeedConfig speed = speed(4, 8 * S, 2, new Distribution.Fixed(50 * MS));
        Run run = run(fixedBidder(), Seeding.leaveAtOnce(), speed,
                Setup.lasting(700 * S).arrivals(new ArrivalProcess.Explicit(new long[] {S, 41 * S})));
        List<PeerRecord> leechers = run.result().peers().stream().filter(p -> p.client().equals("leecher")).toList();
        assertEquals(2, leechers.size());
        PeerRecord first = leechers.get(0);
        PeerRecord second = leechers.get(1);
        assertTrue(first.departureMicros() > 0 && first.departureMicros() < second.arrivalMicros(),
                "the first left before the second came");
        assertEquals(first.completionMicros() - first.arrivalMicros(),
                second.completionMicros() - second.arrivalMicros(), "the same download time");
        assertTrue(first.tokensSpent() >= 7 * PIECE_COST, "the first paid for its pieces: " + first.tokensSpent());
        assertEquals(first.tokensSpent(), second.tokensSpent(), "the same tokens spent");
        PeerRecord seed = run.peer("seeder");
        assertEquals(seed.tokensEarned(), seed.tokensEarnedSettled());
        assertEquals(0, run.speed().exposureViolations());
        assertEquals(0, run.speed().paymentFailures());
        assertEquals(List.of(), TokenAudit.check(run.speed(), run.result().peers()));
    }

    /** A copy of {@code p} with other token figures and departure. */
    private static PeerRecord doctored(PeerRecord p, long earned, long settled, long departure) {
        return new PeerRecord(p.peer(), p.peerClass(), p.client(), p.initialSeed(), p.arrivalMicros(),
                p.completionMicros(), departure, p.uploadBytesPerSecond(), p.downloadBytesPerSecond(), p.bytesUp(),
                p.bytesDown(), p.duplicateBytes(), p.tokensSpent(), earned, settled, p.messageBytes());
    }

    private static List<PeerRecord> replace(Run run, PeerRecord changed) {
        return run.result().peers().stream().map(p -> p.peer() == changed.peer() ? changed : p).toList();
    }

    /**
     * The audit checks the per-peer records against the ledger's log: a seed record claiming one micro-BTT more or
     * less than it accepted, or a settled figure the log does not show, is reported; the true records pass.
     */
    @Test
    void theAuditReportsRecordsThatDisagreeWithTheLedgerLog() {
        Run run = run(fixedBidder(), 8 * S, 2, SpeedConfig.INSTANT, 120 * S);
        PeerRecord seed = run.peer("seeder");
        long total = PIECES * PIECE_COST;
        assertEquals(total, seed.tokensEarned());
        assertEquals(total, seed.tokensEarnedSettled());
        assertEquals(List.of(), TokenAudit.check(run.speed(), run.result().peers()));
        List<String> more = TokenAudit.check(run.speed(),
                replace(run, doctored(seed, total + 1, total, seed.departureMicros())));
        assertEquals(1, more.size(), more.toString());
        assertTrue(more.get(0).contains("accepted " + (total + 1) + " != settled " + total), more.get(0));
        List<String> less = TokenAudit.check(run.speed(),
                replace(run, doctored(seed, total - 1, total, seed.departureMicros())));
        assertEquals(2, less.size(), less.toString());
        assertTrue(less.get(1).contains("settled " + total + " > accepted " + (total - 1)), less.get(1));
        List<String> settled = TokenAudit.check(run.speed(),
                replace(run, doctored(seed, total, total - 512, seed.departureMicros())));
        assertEquals(List.of("peer " + seed.peer() + " (seeder) record says settled " + (total - 512) + ", log "
                + total), settled);
    }

    /**
     * With 50 ms messages the leecher's last payment is still travelling when it completes and leaves, so the seed
     * still holds an accepted state on an open channel at the end of the 120 s run (its channels time out after
     * 600 s): correct while the seed is online, reported if the seed's record said it had left with it unclosed.
     */
    @Test
    void theAuditReportsAProviderThatLeftHoldingAnUnclosedState() {
        Run run = run(fixedBidder(), 8 * S, 2, new Distribution.Fixed(50 * MS), 120 * S);
        PeerRecord seed = run.peer("seeder");
        assertEquals(-1, seed.departureMicros());
        long held = (Long) run.tokens().get("inFlightAccepted");
        assertTrue(held > 0, "accepted value on channels still open: " + held);
        assertEquals(List.of(), TokenAudit.check(run.speed(), run.result().peers()));
        List<String> left = TokenAudit.check(run.speed(),
                replace(run, doctored(seed, seed.tokensEarned(), seed.tokensEarnedSettled(), 100 * S)));
        assertEquals(1, left.size(), left.toString());
        assertTrue(left.get(0).startsWith("peer " + seed.peer() + " (seeder) left at 100000000 us without closing"
                + " channel"), left.get(0));
        assertTrue(left.get(0).endsWith("holding " + held), left.get(0));
    }

    /**
     * A provider closes every channel it holds an accepted state on before the ledger's timeout could refund it: in
     * a run longer than the 600 s channel lifetime, everything the seed accepted (also on the channel still held
     * when the leecher left with its last payment travelling) is settled to it, nothing accepted is refunded, and
     * the seed's balance is its airdrop plus what it settled.
     */
    @Test
    void everyAcceptedStateIsSettledBeforeItsChannelTimesOut() {
        Run run = run(fixedBidder(), 8 * S, 2, new Distribution.Fixed(50 * MS), 700 * S);
        PeerRecord seed = run.peer("seeder");
        assertTrue(seed.tokensEarned() >= 7 * PIECE_COST, "accepted " + seed.tokensEarned());
        assertEquals(seed.tokensEarned(), seed.tokensEarnedSettled());
        assertEquals(0L, run.tokens().get("acceptedRefunded"));
        assertEquals(0L, run.tokens().get("channelsRefundedWithAccepted"));
        assertEquals(0L, run.tokens().get("inFlightAccepted"));
        assertEquals(0L, run.tokens().get("refundedAtTimeout"));
        assertEquals(AIRDROP + seed.tokensEarnedSettled(), run.speed().ledger().balance(seed.peer()));
        assertEquals(List.of(), TokenAudit.check(run.speed(), run.result().peers()));
        assertTrue((Long) run.messages().get("delayed") > 0);
        assertEquals(0, run.messages().get("inFlightAtEnd"), "every bid, response and payment arrived long ago");
    }

    /**
     * A ledger that includes one transaction per 100 s cannot include the seed's close before its 100 s channel
     * times out: the ledger refunds the escrow to the leecher, and what the seed had accepted on that channel is lost
     * to it. The summary counts that value apart (accepted = settled + in flight + accepted-then-refunded), the seed's
     * record shows it accepted more than it settled by exactly that value, and the audit names the seed.
     */
    @Test
    void aCloseTooLateForTheChannelTimeoutLosesWhatTheSeedAccepted() {
        SpeedConfig speed = new SpeedConfig(new LedgerConfig(2 * S, 0.01, 100 * S, SignatureMode.ACCOUNTING), 4,
                8 * S, 3, 300 * S, 20 * S, true, true, SpeedConfig.INSTANT);
        Run run = run(fixedBidder(), Seeding.leaveAtOnce(), speed, Setup.lasting(1_000 * S));
        Map<String, Object> tokens = run.tokens();
        PeerRecord seed = run.peer("seeder");
        long lost = (Long) tokens.get("acceptedRefunded");
        assertTrue(lost > 0 && lost % PIECE_COST == 0, "accepted then refunded: " + lost);
        assertTrue((Long) tokens.get("channelsRefundedWithAccepted") >= 1);
        assertEquals(tokens.get("accepted"), (Long) tokens.get("settled") + (Long) tokens.get("inFlightAccepted")
                + lost);
        assertEquals(true, tokens.get("accountsAgree"));
        assertTrue((Long) tokens.get("refundedAtTimeout") > 0);
        assertEquals(tokens.get("escrowCommitted"), (Long) tokens.get("settled") + (Long) tokens.get("refunded")
                + (Long) tokens.get("escrowLocked"), "escrow is paid out, returned or still locked");
        assertEquals(lost, seed.tokensEarned() - seed.tokensEarnedSettled());
        assertEquals(AIRDROP + seed.tokensEarnedSettled(), run.speed().ledger().balance(seed.peer()));
        List<String> problems = TokenAudit.check(run.speed(), run.result().peers());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("peer " + seed.peer() + " (seeder) accepted " + seed.tokensEarned()
                + " != settled " + seed.tokensEarnedSettled() + " + in flight 0"), problems.get(0));
    }
}
