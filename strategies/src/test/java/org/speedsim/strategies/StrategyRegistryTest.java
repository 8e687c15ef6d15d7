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
import org.speedsim.engine.bt.RandomPicker;
import org.speedsim.engine.bt.RarestFirstPicker;
import org.speedsim.engine.bt.TitForTatChoker;
import org.speedsim.engine.swarm.SeedingBehaviour;

class StrategyRegistryTest {

    private final StrategyRegistry registry = StrategyRegistry.builtIn();

    @Test
    void builtInNamesAndDefaults() {
        assertEquals(List.of("tit-for-tat"), registry.choking().names());
        assertEquals(List.of("rarest-first", "random"), registry.picking().names());
        assertEquals(List.of("leave-at-once", "fixed", "exponential", "forever", "earnings-aware"),
                registry.seeding().names());
        assertEquals(List.of("auto", "fixed", "free-rider", "shader"), registry.bidding().names());
        assertEquals(org.speedsim.strategies.auction.AuctionFormats.NAMES, registry.auction().names());
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
        assertEquals("unknown choking strategy 'tft'; known: tit-for-tat", e.getMessage());
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
            assertEquals(org.speedsim.strategies.auction.AuctionFormats.byName(name).pricing(), f.pricing());
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
}
