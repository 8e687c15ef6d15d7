package org.speedsim.engine.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.bt.RarestFirstPicker;
import org.speedsim.engine.bt.Seeding;
import org.speedsim.engine.ledger.Ledger;
import org.speedsim.engine.ledger.LedgerConfig;
import org.speedsim.engine.ledger.SignatureMode;
import org.speedsim.engine.speed.bidding.BiddingStrategy;
import org.speedsim.engine.swarm.ArrivalProcess;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.FileSpec;
import org.speedsim.engine.swarm.InitialSeeds;
import org.speedsim.engine.swarm.PeerClass;
import org.speedsim.engine.swarm.PeerRecord;
import org.speedsim.engine.swarm.ProtocolConfig;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.Swarm;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.engine.swarm.SwarmExtension;
import org.speedsim.strategies.auction.UniformPriceAuction;

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

    @Test
    void everyPieceIsChargedAtTheReservePaidAndSettled() {
        BiddingStrategy.Factory fixedBid = (peer, rng) -> ctx -> 5_000;
        SpeedSettings settings = SpeedSettings.honest(fixedBid, new UniformPriceAuction(),
                new Distribution.Fixed(AIRDROP)).withReserve(2_000);
        List<ClientSpec> clients = List.of(
                ClientSpec.speedClient("leecher", 1.0, RarestFirstPicker::new, Seeding.leaveAtOnce(), settings),
                ClientSpec.speedClient("seeder", 0.0, RarestFirstPicker::new, Seeding.forever(), settings));
        SpeedConfig speed = new SpeedConfig(new LedgerConfig(2 * S, 20, 600 * S, SignatureMode.ACCOUNTING), 4,
                8 * S, 2, 300 * S, 60 * S, true, true, SpeedConfig.INSTANT);
        SpeedExtension[] made = new SpeedExtension[1];
        SwarmExtension.Factory factory = control -> made[0] = new SpeedExtension(control, speed);
        SwarmConfig config = new SwarmConfig("hand-worked", 3, 0, new FileSpec(PIECES * 256 * 1024, 256 * 1024),
                List.of(new PeerClass("fibre", 1.0, new Distribution.Fixed(1e6), new Distribution.Fixed(8e6))),
                clients, new ArrivalProcess.FlashCrowd(1, S, 0),
                List.of(new InitialSeeds(1, "fibre", "seeder", Long.MAX_VALUE)), ProtocolConfig.DEFAULT, 120 * S,
                30 * S, false, List.of(), "max-min", List.of(factory));
        RunResult r = new Swarm(config).run();
        assertNotNull(made[0]);
        PeerRecord seed = r.peers().stream().filter(p -> p.client().equals("seeder")).findFirst().orElseThrow();
        PeerRecord leecher = r.peers().stream().filter(p -> p.client().equals("leecher")).findFirst().orElseThrow();
        long total = PIECES * PIECE_COST;
        assertEquals(PIECES * 256 * 1024, leecher.bytesDown() - leecher.duplicateBytes(), "the leecher completed");
        assertEquals(total, leecher.tokensSpent());
        assertEquals(total, seed.tokensEarned());
        assertEquals(total, seed.tokensEarnedSettled(), "the seed closed the channel when the leecher left");
        assertEquals(0, seed.tokensSpent());
        assertEquals(0, leecher.tokensEarned());
        Ledger ledger = made[0].ledger();
        assertEquals(AIRDROP + total, ledger.balance(seed.peer()));
        assertEquals(AIRDROP - total, ledger.balance(leecher.peer()));
        assertEquals(0, ledger.escrowLocked());
        assertEquals(total, made[0].chargedTotal());
        assertEquals(total, made[0].acceptedTotal());
        assertEquals(total, made[0].tokensSettled(seed.peer()));
        assertEquals(total, made[0].tokensEarnedSince(seed.peer(), -1));
        assertEquals(0, made[0].tokensEarnedSince(seed.peer(), 120 * S));
        // the last piece is paid on the second channel (the first escrowed 4 pieces) the instant it is verified
        assertEquals(0, made[0].tokensEarnedSince(seed.peer(), leecher.completionMicros()));
        assertEquals(PIECE_COST, made[0].tokensEarnedSince(seed.peer(), leecher.completionMicros() - 1));
        assertEquals(0, made[0].paymentFailures());
        assertEquals(List.of(), TokenAudit.check(made[0], r.peers()));
        @SuppressWarnings("unchecked")
        Map<String, Object> tokens = (Map<String, Object>) r.summary().extra().get("tokens");
        assertEquals(total, tokens.get("charged"));
        assertEquals(total, tokens.get("settled"));
        assertEquals(2 * AIRDROP, tokens.get("airdropped"), "one airdrop for each of the two peer ids");
    }
}
