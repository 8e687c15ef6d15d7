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
        assertEquals(List.of("leave-at-once", "fixed", "exponential", "forever"), registry.seeding().names());
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
}
