package org.speedsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.engine.swarm.SeedPolicy;
import org.speedsim.strategies.choking.TitForTatChoker;
import org.speedsim.engine.ledger.LedgerConfig;
import org.speedsim.engine.ledger.SignatureMode;
import org.speedsim.engine.speed.AuctionChoker;
import org.speedsim.engine.speed.SpeedConfig;
import org.speedsim.engine.speed.SpeedSettings;
import org.speedsim.engine.speed.auction.SlotAllocation;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.engine.swarm.TimedAction;
import org.speedsim.strategies.bidding.AutoBid;
import org.speedsim.strategies.bidding.BidShader;
import org.speedsim.strategies.bidding.FixedBid;
import org.speedsim.strategies.bidding.FreeRider;
import org.speedsim.strategies.seeding.EarningsAwareSeeding;

/** The speed section and the Speed client keys: what they build, their defaults and their problems. */
class SpeedScenarioTest {

    static final String BASE = """
            duration: 1h
            file: { size: 4MiB }
            peerClasses:
              - { name: dsl, share: 1, upload: 1Mbit/s, download: 8Mbit/s }
            clients:
              - { name: legacy, share: 0.5 }
              - name: speed
                share: 0.5
                protocol: speed
                bidding: { strategy: auto, spendingRate: 0.5 }
                auction: vcg
                allocation: { model: weighted, weight: 0.25 }
                reservePrice: 0.2uBTT/KiB
                seedRanking: round-robin
                balance: { distribution: uniform, min: 1BTT, max: 20BTT }
                adversary: non-payer
                seeding: { model: earnings-aware, reservation: 0.5BTT, window: 10min, check: 1min }
            speed:
              signatures: ed25519
              ledger: { latency: 3s, throughput: 1000/s, channelTimeout: 2h }
              escrowPieces: 8
              paymentTimeout: 20s
              failuresBeforeBan: 2
              banPeriod: 5min
              closeMargin: 10min
            """;

    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("s.yaml"), text);
    }

    private static List<Problem> problems(Path file, String... overrides) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, List.of(overrides))).problems();
    }

    private static void assertProblem(List<Problem> problems, String path, String fragment) {
        assertTrue(problems.stream().anyMatch(p -> p.path().equals(path) && p.message().contains(fragment)),
                path + ": " + fragment + " not in " + problems);
    }

    @Test
    void everySpeedKeyReachesTheEngine() throws Exception {
        SwarmConfig c = ScenarioLoader.load(write(BASE), List.of()).config();
        ClientSpec legacy = c.clients().get(0);
        assertFalse(legacy.speed());
        assertNull(legacy.speedSettings());
        ClientSpec speed = c.clients().get(1);
        assertTrue(speed.speed());
        SpeedSettings s = speed.speedSettings();
        var rng = new SplittableRandom(1);
        assertEquals(0.5, assertInstanceOf(AutoBid.class, s.bidding().create(0, rng)).spendingRate());
        assertEquals("vcg", s.auction().name());
        assertEquals(new SlotAllocation.Weighted(0.25), s.allocation());
        assertEquals(200, s.reservePriceNanoPerKiB());
        assertEquals(SeedPolicy.ROUND_ROBIN, s.seedPolicy());
        assertEquals(new Distribution.Uniform(1e6, 20e6), s.balanceMicroBtt());
        assertTrue(s.nonPayer());
        assertFalse(s.badData());
        assertInstanceOf(AuctionChoker.class, speed.choking().create(0));
        // 0.5 BTT per 10 min
        assertEquals(500_000 / 600.0, assertInstanceOf(EarningsAwareSeeding.class, speed.seeding().create(0, rng))
                .reservationMicroBttPerSecond(), 1e-9);
        assertEquals(1, c.extensions().size());
        SpeedConfig sc = assertInstanceOf(ConfigBuilder.SpeedExtensionFactory.class, c.extensions().get(0)).config();
        assertEquals(new SpeedConfig(new LedgerConfig(3_000_000L, 1000, 7_200_000_000L, SignatureMode.ED25519), 8,
                20_000_000L, 2, 300_000_000L, 600_000_000L, true, false), sc);
    }

    @Test
    void defaultsAreTheEngineDefaultsAndAreWrittenOut() throws Exception {
        String minimal = BASE.substring(0, BASE.indexOf("    bidding:")) + "    balance: 10BTT\n";
        LoadedScenario l = ScenarioLoader.load(write(minimal), List.of());
        assertEquals(SpeedConfig.DEFAULT, ((ConfigBuilder.SpeedExtensionFactory) l.config().extensions().get(0))
                .config());
        SpeedSettings s = l.config().clients().get(1).speedSettings();
        assertEquals(1.0, assertInstanceOf(AutoBid.class, s.bidding().create(0, new SplittableRandom(1)))
                .spendingRate());
        assertEquals("uniform-price", s.auction().name());
        assertEquals(new SlotAllocation.BidsFirst(), s.allocation());
        assertEquals(0, s.reservePriceNanoPerKiB());
        assertEquals(SeedPolicy.UPLOAD_RATE, s.seedPolicy(), "the white paper's seed rule");
        assertEquals(new Distribution.Fixed(10e6), s.balanceMicroBtt());
        assertFalse(s.nonPayer() || s.badData());
        String y = l.resolvedYaml();
        for (String k : List.of("strategy: auto\n      spendingRate: 1.0", "auction: uniform-price",
                "allocation: bids-first", "adversary: none", "throughput: unlimited", "escrowPieces: 4")) {
            assertTrue(y.contains(k), k + " not in\n" + y);
        }
        // legacy clients get no speed keys, speed clients no choking
        assertEquals(1, y.split("bidding:", -1).length - 1, y);
        assertEquals(1, y.split("choking:", -1).length - 1, y);
    }

    @Test
    void legacyScenariosHaveNoExtension() throws Exception {
        SwarmConfig c = ScenarioLoader.load(write(BASE), List.of("clients[1].protocol=legacy",
                "clients[1].bidding=", "clients[1].auction=", "clients[1].allocation=", "clients[1].reservePrice=",
                "clients[1].seedRanking=",
                "clients[1].balance=", "clients[1].adversary=")).config();
        assertTrue(c.extensions().isEmpty());
        assertFalse(c.clients().get(1).speed());
    }

    @Test
    void otherBiddingStrategiesAndAdversaries() throws Exception {
        Path f = write(BASE);
        var rng = new SplittableRandom(1);
        SpeedSettings s = ScenarioLoader.load(f, List.of("clients[1].bidding={strategy: fixed, price: 2mBTT/KiB}",
                "clients[1].adversary=bad-data")).config().clients().get(1).speedSettings();
        assertEquals(2_000_000, assertInstanceOf(FixedBid.class, s.bidding().create(0, rng)).price());
        assertTrue(s.badData() && !s.nonPayer());
        s = ScenarioLoader.load(f, List.of("clients[1].bidding=free-rider")).config().clients().get(1).speedSettings();
        assertInstanceOf(FreeRider.class, s.bidding().create(0, rng));
        s = ScenarioLoader.load(f, List.of("clients[1].bidding={strategy: shader, factor: 0.5}")).config().clients()
                .get(1).speedSettings();
        assertInstanceOf(BidShader.class, s.bidding().create(0, rng));
    }

    @Test
    void speedKeysOnALegacyClientAreNamed() throws Exception {
        Path f = write(BASE);
        List<Problem> p = problems(f, "clients[0].bidding=auto", "clients[0].balance=1BTT",
                "clients[1].choking=tit-for-tat");
        assertProblem(p, "clients[0].bidding", "bidding is only for protocol: speed");
        assertProblem(p, "clients[0].balance", "balance is only for protocol: speed");
        assertProblem(p, "clients[1].choking", "choking is only for protocol: legacy");
        assertEquals(3, p.size(), p.toString());
    }

    @Test
    void aMisspeltProtocolIsOneProblemNotOnePerSpeedKey() throws Exception {
        List<Problem> p = problems(write(BASE), "clients[1].protocol=sped");
        assertProblem(p, "clients[1].protocol", "expected one of legacy, speed, got 'sped'");
        assertEquals(1, p.size(), p.toString());
    }

    @Test
    void valuesAreChecked() throws Exception {
        Path f = write(BASE);
        assertProblem(problems(f, "clients[1].bidding.spendingRate=1.5"), "clients[1].bidding.spendingRate",
                "1.5 must be between 0 and 1");
        assertProblem(problems(f, "clients[1].bidding={strategy: greedy}"), "clients[1].bidding.strategy",
                "unknown bidding strategy 'greedy'; known: auto, fixed, free-rider, shader");
        assertProblem(problems(f, "clients[1].auction=dutch"), "clients[1].auction",
                "unknown auction strategy 'dutch'; known: uniform-price, vcg, first-price");
        assertProblem(problems(f, "clients[1].reservePrice=200"), "clients[1].reservePrice", "200 needs a unit");
        assertProblem(problems(f, "clients[1].reservePrice=0.5nBTT/KiB"), "clients[1].reservePrice",
                "not a whole number of nano-BTT per KiB");
        assertProblem(problems(f, "clients[1].balance.max=0.5BTT"), "clients[1].balance.max",
                "must be at least min (1BTT)");
        assertProblem(problems(f, "clients[1].balance="), "clients[1]", "missing required key 'balance'");
        assertProblem(problems(f, "clients[1].adversary=sybil"), "clients[1].adversary",
                "expected one of none, non-payer, bad-data");
        assertProblem(problems(f, "speed.closeMargin=1h"), "speed.closeMargin",
                "must be less than half the ledger's channelTimeout (2h)");
        assertProblem(problems(f, "speed.ledger.throughput=lots"), "speed.ledger.throughput", "lots");
        assertProblem(problems(f, "speed.signatures=rsa"), "speed.signatures", "expected one of accounting, ed25519");
        assertProblem(problems(f, "speed.escrowPieces=0"), "speed.escrowPieces", "0 must be between 1");
    }

    @Test
    void zeroThroughputMeansUnlimited() throws Exception {
        SwarmConfig c = ScenarioLoader.load(write(BASE), List.of("speed.ledger.throughput=0/s")).config();
        assertEquals(0.0, ((ConfigBuilder.SpeedExtensionFactory) c.extensions().get(0)).config().ledger()
                .transactionsPerSecond());
    }

    @Test
    void aSpendingRateEventBecomesATimedAction() throws Exception {
        SwarmConfig c = ScenarioLoader.load(write(BASE), List.of("events=[{at: 10min, action: set-spending-rate,"
                + " spendingRate: 0.25, client: speed, class: dsl}, {at: 20min, action: set-spending-rate,"
                + " spendingRate: 1}]")).config();
        assertEquals(List.of(new TimedAction.SetSpendingRate(600_000_000L, "speed", "dsl", 0.25),
                new TimedAction.SetSpendingRate(1_200_000_000L, null, null, 1.0)), c.actions());
    }

    @Test
    void loadingTwiceGivesEqualConfigs() throws Exception {
        Path f = write(BASE);
        assertEquals(ScenarioLoader.load(f, List.of()).config(), ScenarioLoader.load(f, List.of()).config());
    }
}
