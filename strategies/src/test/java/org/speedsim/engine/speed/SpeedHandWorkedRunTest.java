package org.speedsim.engine.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.ledger.Ledger;
import org.speedsim.engine.ledger.LedgerConfig;
import org.speedsim.engine.ledger.SignatureMode;
import org.speedsim.engine.speed.bidding.BiddingStrategy;
import org.speedsim.engine.speed.wire.SpeedCodec;
import org.speedsim.engine.speed.wire.SpeedMessage;
import org.speedsim.engine.swarm.ArrivalProcess;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.FileSpec;
import org.speedsim.engine.swarm.InitialSeeds;
import org.speedsim.engine.swarm.PeerClass;
import org.speedsim.engine.swarm.PeerRecord;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.Swarm;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.engine.swarm.SwarmExtension;
import org.speedsim.engine.swarm.TimeSeries;
import org.speedsim.strategies.auction.UniformPriceAuction;
import org.speedsim.strategies.picking.RarestFirstPicker;
import org.speedsim.strategies.seeding.Seeding;

/**
 * One Speed seed sells to one Speed leecher that always bids 5000 nano-BTT per KiB, with a reserve of 2000 and
 * messages delivered at once: the leecher is the only bidder, so the uniform price is the reserve, and each of the
 * file's 8 pieces of 256 KiB costs 2000 * 256 / 1000 = 512 micro-BTT. Every token figure of the run follows by hand.
 */
class SpeedHandWorkedRunTest {

    private static final long S = 1_000_000L;
    private static final long PIECES = 8;
    private static final long PIECE_COST = 512;
    private static final long AIRDROP = 1_000_000;

    /** The run's Speed extension and result. */
    private record Run(SpeedExtension speed, RunResult result) {
        PeerRecord peer(String client) {
            return result.peers().stream().filter(p -> p.client().equals(client)).findFirst().orElseThrow();
        }
    }

    /** One seed of client "seeder" and one leecher of client "leecher" with the given settings. */
    private static Run run(SpeedSettings leecherSettings, SpeedSettings seedSettings) {
        return run(leecherSettings, seedSettings, SpeedConfig.INSTANT);
    }

    private static Run run(SpeedSettings leecherSettings, SpeedSettings seedSettings, Distribution latency) {
        return run(leecherSettings, seedSettings, latency, true, true);
    }

    private static Run run(SpeedSettings leecherSettings, SpeedSettings seedSettings, Distribution latency,
            boolean checks, boolean withSpeed) {
        List<ClientSpec> clients = List.of(
                ClientSpec.speedClient("leecher", 1.0, RarestFirstPicker::new, Seeding.leaveAtOnce(),
                        leecherSettings),
                ClientSpec.speedClient("seeder", 0.0, RarestFirstPicker::new, Seeding.forever(), seedSettings));
        SpeedConfig speed = new SpeedConfig(new LedgerConfig(2 * S, 20, 600 * S, SignatureMode.ACCOUNTING), 4,
                8 * S, 2, 300 * S, 60 * S, true, checks, latency);
        SpeedExtension[] made = new SpeedExtension[1];
        SwarmExtension.Factory factory = control -> made[0] = new SpeedExtension(control, speed);
        SwarmConfig config = SwarmConfig.builder("hand-worked").seed(3)
                .file(new FileSpec(PIECES * 256 * 1024, 256 * 1024))
                .peerClasses(List.of(new PeerClass("fibre", 1.0, new Distribution.Fixed(1e6),
                        new Distribution.Fixed(8e6))))
                .clients(clients).arrivals(new ArrivalProcess.FlashCrowd(1, S, 0))
                .initialSeeds(List.of(new InitialSeeds(1, "fibre", "seeder", Long.MAX_VALUE)))
                .durationMicros(120 * S).sampleIntervalMicros(30 * S)
                .extensions(withSpeed ? List.of(factory) : List.of()).build();
        if (!withSpeed) {
            assertEquals(List.of("the run had no Speed extension"), TokenAudit.run(config).problems());
            return null;
        }
        RunResult r = new Swarm(config).run();
        assertNotNull(made[0]);
        return new Run(made[0], r);
    }

    private static SpeedSettings fixedBidder() {
        BiddingStrategy.Factory fixedBid = (peer, rng) -> ctx -> 5_000;
        return SpeedSettings.honest(fixedBid, new UniformPriceAuction(), new Distribution.Fixed(AIRDROP))
                .withReserve(2_000);
    }

    @Test
    void everyPieceIsChargedAtTheReservePaidAndSettled() {
        Run run = run(fixedBidder(), fixedBidder());
        RunResult r = run.result();
        PeerRecord seed = run.peer("seeder");
        PeerRecord leecher = run.peer("leecher");
        long total = PIECES * PIECE_COST;
        assertEquals(PIECES * 256 * 1024, leecher.bytesDown() - leecher.duplicateBytes(), "the leecher completed");
        assertEquals(total, leecher.tokensSpent());
        assertEquals(total, seed.tokensEarned());
        assertEquals(total, seed.tokensEarnedSettled(), "the seed closed the channel when the leecher left");
        assertEquals(0, seed.tokensSpent());
        assertEquals(0, leecher.tokensEarned());
        Ledger ledger = run.speed().ledger();
        assertEquals(AIRDROP + total, ledger.balance(seed.peer()));
        assertEquals(AIRDROP - total, ledger.balance(leecher.peer()));
        assertEquals(0, ledger.escrowLocked());
        assertEquals(total, run.speed().chargedTotal());
        assertEquals(total, run.speed().acceptedTotal());
        assertEquals(total, run.speed().tokensSettled(seed.peer()));
        assertEquals(total, run.speed().tokensEarnedSince(seed.peer(), -1));
        assertEquals(0, run.speed().tokensEarnedSince(seed.peer(), 120 * S));
        // the last piece is paid on the second channel (the first escrowed 4 pieces) the instant it is verified
        assertEquals(0, run.speed().tokensEarnedSince(seed.peer(), leecher.completionMicros()));
        assertEquals(PIECE_COST, run.speed().tokensEarnedSince(seed.peer(), leecher.completionMicros() - 1));
        assertEquals(0, run.speed().paymentFailures());
        assertEquals(List.of(), TokenAudit.check(run.speed(), r.peers()));
        @SuppressWarnings("unchecked")
        Map<String, Object> tokens = (Map<String, Object>) r.summary().extra().get("tokens");
        assertEquals(total, tokens.get("charged"));
        assertEquals(total, tokens.get("settled"));
        assertEquals(2 * AIRDROP, tokens.get("airdropped"), "one airdrop for each of the two peer ids");
        assertEquals(0L, tokens.get("refundedAtTimeout"));
        assertEquals(0L, tokens.get("inFlightAccepted"));
        @SuppressWarnings("unchecked")
        Map<String, Object> messages = (Map<String, Object>) r.summary().extra().get("speedMessages");
        assertEquals(2L, messages.get("handshakes"), "one extension handshake from each peer");
        assertEquals(PIECES, messages.get("payments"), "one payment message per piece");
        assertEquals(1L, messages.get("latencyPairs"));
        assertEquals(0L, messages.get("latencyMaxMicros"));
        assertEquals(0L, messages.get("delayed"), "instant messages are never scheduled");
        assertEquals(0, messages.get("inFlightAtEnd"));
        assertEquals(PIECES * 256 * 1024, run.speed().pricedBytes(), "every piece was priced");
        assertEquals(messages.get("totalBytes"), tokens.get("overheadBytes"), "per-kind books against the running total");
        assertEquals(2L * SpeedCodec.encodedSize(new SpeedMessage.ExtendedHandshake(1, "speedsim")),
                messages.get("handshakeBytes"), "two handshakes of the codec's size");
        // the time series: the one sold slot's price is the reserve in every interval that sold it; the ledger's
        // columns follow its payments
        TimeSeries ts = r.timeSeries();
        int sold = 0;
        for (int row = 0; row < ts.size(); row++) {
            if (ts.get(row, "slots_sold") > 0) {
                sold++;
                assertEquals(2_000.0, ts.get(row, "clearing_price_nano_per_kib"), "row " + row);
            } else {
                assertEquals(0.0, ts.get(row, "clearing_price_nano_per_kib"), "row " + row);
            }
        }
        assertTrue(sold > 0);
        assertEquals((double) total, ts.get(ts.size() - 1, "tokens_paid_ubtt"), "settled by the last sample");
        assertEquals(0.0, ts.get(ts.size() - 1, "open_channels"), "both channels closed by the end");
        assertEquals(2L, tokens.get("ledger_channels_opened"));
    }

    /**
     * A leecher that never pays gets one piece per unchoke (the seed starts no piece while it is owed), is choked
     * after the first payment timeout and banned after the second: two pieces charged, nothing paid.
     */
    @Test
    void aNonPayerIsChokedOnceThenBannedAfterTwoUnpaidPieces() {
        Run run = run(fixedBidder().withNonPayer(true), fixedBidder());
        assertEquals(2, run.speed().paymentFailures());
        assertEquals(1, run.speed().paymentBans());
        assertEquals(2 * PIECE_COST, run.speed().chargedTotal());
        assertEquals(0, run.speed().acceptedTotal());
        assertEquals(0, run.peer("leecher").tokensSpent());
        assertEquals(0, run.peer("seeder").tokensEarned());
        assertEquals(AIRDROP, run.speed().ledger().balance(run.peer("seeder").peer()));
        assertEquals(List.of(), TokenAudit.check(run.speed(), run.result().peers()));
    }

    /** A seed whose every piece fails verification is banned by the leecher at its first piece and never paid. */
    @Test
    void aBadDataSeedIsBannedAndNeverPaid() {
        Run run = run(fixedBidder(), fixedBidder().withBadData(true));
        assertEquals(1, run.speed().badDataBans());
        long bad = (Long) ((Map<?, ?>) run.result().summary().extra().get("tokens")).get("badPieces");
        assertTrue(bad >= 1 && bad <= PIECES, "the pieces that failed verification before the ban: " + bad);
        assertEquals(0, run.speed().chargedTotal());
        assertEquals(0, run.peer("seeder").tokensEarned());
        assertEquals(AIRDROP, run.speed().ledger().balance(run.peer("leecher").peer()));
    }

    /** A drawn message latency is capped at one day, whether the distribution is fixed or not. */
    @Test
    void aLatencyLongerThanADayIsCappedAtADay() {
        for (Distribution latency : List.of(new Distribution.Fixed(1e12), new Distribution.Uniform(2e11, 3e11))) {
            Run run = run(fixedBidder(), fixedBidder(), latency);
            @SuppressWarnings("unchecked")
            Map<String, Object> messages = (Map<String, Object>) run.result().summary().extra().get("speedMessages");
            assertEquals(86_400_000_000L, messages.get("latencyMaxMicros"), latency.toString());
            assertEquals(86_400_000_000L, messages.get("latencyMeanMicros"), latency.toString());
            assertEquals(0L, run.speed().chargedTotal(), "no bid ever reached the seed: " + latency);
        }
    }

    /**
     * A leecher airdropped nothing cannot afford the first channel: each of its two charged pieces is unaffordable,
     * times out and the second gets it banned; the treasury keeps the airdrop minted for its id.
     */
    @Test
    void aLeecherWithoutTokensCannotPayAndIsBanned() {
        BiddingStrategy.Factory fixedBid = (peer, rng) -> ctx -> 5_000;
        SpeedSettings broke = SpeedSettings.honest(fixedBid, new UniformPriceAuction(), new Distribution.Fixed(0))
                .withReserve(2_000);
        Run run = run(broke, fixedBidder());
        @SuppressWarnings("unchecked")
        Map<String, Object> tokens = (Map<String, Object>) run.result().summary().extra().get("tokens");
        assertEquals(2L, tokens.get("unaffordable"));
        assertEquals(2L, tokens.get("paymentFailures"));
        assertEquals(1L, tokens.get("paymentBans"));
        assertEquals(2 * AIRDROP, tokens.get("airdropped"), "the most any client would give each peer id");
        assertEquals(AIRDROP, tokens.get("treasury"), "the leecher's id was granted nothing");
        assertEquals(0L, run.speed().ledger().balance(run.peer("leecher").peer()));
    }

    /** The audit says why it cannot check a run: no ledger log, or no Speed extension at all. */
    @Test
    void theAuditNamesWhatItCannotCheck() {
        Run unlogged = run(fixedBidder(), fixedBidder(), SpeedConfig.INSTANT, false, true);
        assertEquals(List.of("the ledger kept no log: run with checkEveryOperation"),
                TokenAudit.check(unlogged.speed(), unlogged.result().peers()));
        assertEquals(0L, ((Map<?, ?>) unlogged.result().summary().extra().get("tokens")).get("ledgerChecks"));
        Run logged = run(fixedBidder(), fixedBidder());
        assertEquals(List.of(), TokenAudit.check(logged.speed(), logged.result().peers()));
        run(fixedBidder(), fixedBidder(), SpeedConfig.INSTANT, true, false);
    }

    /**
     * A bidding strategy sees, at each decision, the bid it last decided and when: none (NO_BID, at -1) before its
     * first, then each earlier decision in turn.
     */
    @Test
    void aBidderSeesItsLastBidAndWhenItWasDecided() {
        List<long[]> asked = new ArrayList<>(); // now, lastBid, lastBidAt
        BiddingStrategy.Factory recording = (peer, rng) -> ctx -> {
            asked.add(new long[] {ctx.now(), ctx.lastBid(), ctx.lastBidAt()});
            return 5_000;
        };
        run(SpeedSettings.honest(recording, new UniformPriceAuction(), new Distribution.Fixed(AIRDROP))
                .withReserve(2_000), fixedBidder());
        assertTrue(asked.size() >= PIECES, "asked at joining and after each piece: " + asked.size());
        assertEquals(BiddingStrategy.NO_BID, asked.get(0)[1]);
        assertEquals(-1, asked.get(0)[2]);
        for (int k = 1; k < asked.size(); k++) {
            assertEquals(5_000, asked.get(k)[1], "decision " + k);
            assertEquals(asked.get(k - 1)[0], asked.get(k)[2], "decision " + k);
        }
    }

    /** A client declared Speed without Speed settings is refused by name when the run starts. */
    @Test
    void aSpeedClientWithoutSettingsIsRefused() {
        SpeedConfig speed = new SpeedConfig(new LedgerConfig(2 * S, 20, 600 * S, SignatureMode.ACCOUNTING), 4,
                8 * S, 2, 300 * S, 60 * S, true, true, SpeedConfig.INSTANT);
        ClientSpec bare = new ClientSpec("bare", 1.0, true, peer -> view -> { }, RarestFirstPicker::new,
                Seeding.leaveAtOnce(), null);
        SwarmConfig config = SwarmConfig.builder("bare").seed(3)
                .file(new FileSpec(PIECES * 256 * 1024, 256 * 1024))
                .peerClasses(List.of(new PeerClass("fibre", 1.0, new Distribution.Fixed(1e6),
                        new Distribution.Fixed(8e6))))
                .clients(List.of(bare)).arrivals(new ArrivalProcess.FlashCrowd(1, S, 0))
                .durationMicros(10 * S).sampleIntervalMicros(5 * S)
                .extensions(List.of(SpeedExtension.factory(speed))).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Swarm(config).run());
        assertEquals("Speed client 'bare' has no Speed settings", e.getMessage());
    }

    /** A bidding strategy that answers a negative bid other than NO_CHANGE stops the run, naming the peer. */
    @Test
    void aNegativeBidIsRefused() {
        BiddingStrategy.Factory negative = (peer, rng) -> ctx -> -5;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(SpeedSettings.honest(negative,
                new UniformPriceAuction(), new Distribution.Fixed(AIRDROP)).withReserve(2_000), fixedBidder()));
        assertTrue(e.getMessage().matches("bidding strategy of peer \\d+ answered -5"), e.getMessage());
    }

    /**
     * A leecher's strategy is asked at each of its choking rounds, 10 s apart, also while it gets no piece (here a
     * non-payer banned after two unpaid pieces); a seed's strategy is never asked.
     */
    @Test
    void aLeecherIsAskedAtEveryChokingRoundAndASeedNever() {
        List<Long> leecherAsked = new ArrayList<>();
        List<Long> seedAsked = new ArrayList<>();
        BiddingStrategy.Factory leecher = (peer, rng) -> ctx -> {
            leecherAsked.add(ctx.now());
            return 5_000;
        };
        BiddingStrategy.Factory seed = (peer, rng) -> ctx -> {
            seedAsked.add(ctx.now());
            return 5_000;
        };
        Run run = run(SpeedSettings.honest(leecher, new UniformPriceAuction(), new Distribution.Fixed(AIRDROP))
                        .withReserve(2_000).withNonPayer(true),
                SpeedSettings.honest(seed, new UniformPriceAuction(), new Distribution.Fixed(AIRDROP))
                        .withReserve(2_000));
        assertEquals(1, run.speed().paymentBans());
        assertEquals(List.of(), seedAsked);
        PeerRecord l = run.peer("leecher");
        assertTrue(l.completionMicros() < 0, "the banned leecher never completed");
        // from a minute in (well after the ban) to the end, one ask per 10 s round and no other
        List<Long> late = leecherAsked.stream().filter(t -> t >= 60 * S).toList();
        assertEquals(6, late.size(), "rounds in [60 s, 120 s): " + late);
        for (int k = 1; k < late.size(); k++) {
            assertEquals(10 * S, late.get(k) - late.get(k - 1), late.toString());
        }
    }
}
