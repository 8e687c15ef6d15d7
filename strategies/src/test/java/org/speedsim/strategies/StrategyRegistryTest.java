package org.speedsim.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.speedsim.strategies.picking.RandomPicker;
import org.speedsim.strategies.picking.RarestFirstPicker;
import org.speedsim.strategies.choking.TitForTatChoker;
import org.speedsim.engine.swarm.SeedingBehaviour;

class StrategyRegistryTest {

    private final StrategyRegistry registry = StrategyRegistry.builtIn();

    @Test
    void builtInNamesAndDefaults() {
        assertEquals(List.of("tit-for-tat", "tit-for-tat-upload-rate"), registry.choking().names());
        assertEquals(List.of("rarest-first", "random"), registry.picking().names());
        assertEquals(List.of("leave-at-once", "fixed", "exponential", "forever", "earnings-aware"),
                registry.seeding().names());
        assertEquals(List.of("auto", "fixed", "free-rider", "shader"), registry.bidding().names());
        assertEquals(List.of("uniform-price", "vcg", "first-price"), registry.auction().names());
        assertEquals(List.of("bids-first", "weighted"), registry.allocation().names());
        assertTrue(registry.choking().names().contains(registry.choking().defaultName()));
        assertTrue(registry.picking().names().contains(registry.picking().defaultName()));
        assertTrue(registry.seeding().names().contains(registry.seeding().defaultName()));
    }

    @Test
    void namesMapToTheEngineImplementations() {
        assertInstanceOf(TitForTatChoker.class, registry.choking().create("tit-for-tat", StrategyArgs.NONE).create(0));
        assertInstanceOf(RarestFirstPicker.class,
                registry.picking().create("rarest-first", StrategyArgs.NONE).create(0));
        assertInstanceOf(RandomPicker.class, registry.picking().create("random", StrategyArgs.NONE).create(0));
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.choking().create("tft", StrategyArgs.NONE));
        assertEquals("unknown choking strategy 'tft'; known: tit-for-tat, tit-for-tat-upload-rate", e.getMessage());
        assertNull(registry.seeding().find("sometimes"));
    }

    @Test
    void strategiesBuiltFromTheSameNameAndArgumentsAreEqual() {
        StrategyArgs a = new StrategyArgs(Map.of("mean", 1_800_000_000L));
        assertEquals(registry.seeding().create("exponential", a), registry.seeding().create("exponential", a));
        assertEquals(registry.seeding().create("exponential", a).hashCode(),
                registry.seeding().create("exponential", new StrategyArgs(Map.of("mean", 1_800_000_000L))).hashCode());
        assertNotEquals(registry.seeding().create("exponential", a),
                registry.seeding().create("exponential", new StrategyArgs(Map.of("mean", 1L))));
        assertNotEquals(registry.seeding().create("fixed", new StrategyArgs(Map.of("time", 5L))),
                registry.seeding().create("exponential", new StrategyArgs(Map.of("mean", 5L))));
    }

    @Test
    void seedingModelsDecideAsTheirParametersSay() {
        SeedingBehaviour fixed = registry.seeding().create("fixed", new StrategyArgs(Map.of("time", 7L)))
                .create(3, new SplittableRandom(1));
        assertEquals(SeedingBehaviour.Decision.leaveAfter(7), fixed.decide(null));
        SeedingBehaviour now = registry.seeding().create("leave-at-once", StrategyArgs.NONE)
                .create(3, new SplittableRandom(1));
        assertEquals(SeedingBehaviour.Decision.leaveAfter(0), now.decide(null));
        assertEquals(SeedingBehaviour.Decision.STAY, registry.seeding().create("forever", StrategyArgs.NONE)
                .create(3, new SplittableRandom(1)).decide(null));
        // exponential: sample mean of many peers close to the parameter
        double sum = 0;
        int n = 20_000;
        SplittableRandom rng = new SplittableRandom(9);
        var f = registry.seeding().create("exponential", new StrategyArgs(Map.of("mean", 1_000_000L)));
        for (int i = 0; i < n; i++) {
            sum += f.create(i, rng).decide(null).afterMicros();
        }
        assertEquals(1_000_000, sum / n, 1_000_000 * 4 / Math.sqrt(n));
    }

    @Test
    void registeringANameTwiceFails() {
        assertThrows(IllegalArgumentException.class,
                () -> registry.picking().add("random", "again", List.of(), x -> RandomPicker::new));
    }

    @Test
    void speedStrategiesAreBuiltWithTheirArgumentsAndCompareAsValues() {
        var rng = new SplittableRandom(1);
        var fixed = registry.bidding().create("fixed", new StrategyArgs(Map.of("price", 200L)));
        assertEquals(200L, assertInstanceOf(org.speedsim.strategies.bidding.FixedBid.class, fixed.create(0, rng))
                .price());
        assertEquals(fixed, registry.bidding().create("fixed", new StrategyArgs(Map.of("price", 200L))));
        assertNotEquals(fixed, registry.bidding().create("fixed", new StrategyArgs(Map.of("price", 201L))));
        var auto = registry.bidding().create("auto", new StrategyArgs(Map.of("spendingRate", 0.25)));
        assertEquals(0.25, assertInstanceOf(org.speedsim.strategies.bidding.AutoBid.class, auto.create(0, rng))
                .spendingRate());
        assertThrows(IllegalArgumentException.class,
                () -> registry.bidding().create("auto", new StrategyArgs(Map.of("spendingRate", 1.5))));
        for (String name : registry.auction().names()) {
            var f = registry.auction().create(name, StrategyArgs.NONE);
            assertEquals(name, f.name());
            assertEquals(f, registry.auction().create(name, StrategyArgs.NONE));
            assertEquals(name.equals("first-price") ? org.speedsim.engine.speed.auction.Pricing.PAY_BID
                    : org.speedsim.engine.speed.auction.Pricing.CRITICAL, f.pricing());
        }
        assertEquals(new org.speedsim.engine.speed.auction.SlotAllocation.Weighted(0.5),
                registry.allocation().create("weighted", new StrategyArgs(Map.of("weight", 0.5))));
    }

    @Test
    void earningsAwareReservationIsTokensPerWindow() {
        // 6 BTT per 10 min is 10,000 micro-BTT per second
        var f = registry.seeding().create("earnings-aware", new StrategyArgs(Map.of("reservation", 6_000_000L,
                "window", 600_000_000L, "check", 60_000_000L, "minSeed", 0L)));
        var s = assertInstanceOf(org.speedsim.strategies.seeding.EarningsAwareSeeding.class,
                f.create(0, new SplittableRandom(1)));
        assertEquals(10_000.0, s.reservationMicroBttPerSecond(), 1e-9);
    }

    /**
     * A seed with five candidates: by round-robin the longest unserved go first (4 never served, then 2, then 3);
     * by upload rate the ones it sent most to (1, then 3, then 0). Both rankings are reachable by name.
     */
    @Test
    void titForTatSeedRankingIsChosenByName() {
        for (String name : List.of("tit-for-tat", "tit-for-tat-upload-rate")) {
            var factory = registry.choking().create(name, StrategyArgs.NONE);
            org.speedsim.engine.swarm.FakeRechokeView v = new org.speedsim.engine.swarm.FakeRechokeView(5);
            v.seed = true;
            v.now = 100;
            v.rng = new java.util.SplittableRandom(1);
            long[] sent = {20, 50, 10, 30, 0};
            long[] choked = {-1, 90, 10, 40, -1};
            System.arraycopy(sent, 0, v.sent, 0, 5);
            System.arraycopy(choked, 0, v.lastChoked, 0, 5);
            v.unchoked[0] = true;
            v.lastUnchoked[0] = 50;
            factory.create(0).rechoke(v);
            assertEquals(name.equals("tit-for-tat") ? List.of(4, 2, 3) : List.of(1, 3, 0), v.regular, name);
        }
        assertEquals(registry.choking().create("tit-for-tat-upload-rate", StrategyArgs.NONE),
                registry.choking().create("tit-for-tat-upload-rate", StrategyArgs.NONE), "named: two loads are equal");
        assertNotEquals(registry.choking().create("tit-for-tat-upload-rate", StrategyArgs.NONE),
                registry.choking().create("tit-for-tat", StrategyArgs.NONE));
    }
}
