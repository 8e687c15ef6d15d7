package org.speedsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.engine.swarm.ArrivalProcess;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.SwarmConfig;

/** The scenario files shipped at the module root. */
class CatalogueTest {

    static List<Path> catalogue() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("."))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void theCatalogueHoldsTheDocumentedScenarios() throws IOException {
        List<String> names = catalogue().stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("default.yaml", "flash-crowd.yaml", "steady-state.yaml",
                "seed-departure.yaml", "speed-seeding.yaml", "speed-vs-legacy.yaml", "spending-rate.yaml")),
                names.toString());
    }

    @Test
    void everyCatalogueFileLoadsAndRoundTrips(@TempDir Path tmp) throws Exception {
        for (Path file : catalogue()) {
            Loaded s = ScenarioLoader.loadAny(file, List.of());
            assertEquals(file.getFileName().toString().replace(".yaml", ""), s.name());
            Path resolved = tmp.resolve(s.name() + "-resolved.yaml");
            Files.writeString(resolved, s.resolvedYaml());
            Loaded again = ScenarioLoader.loadAny(resolved, List.of());
            assertEquals(config(s), config(again), file + "\n" + s.resolvedYaml());
            assertEquals(s.replications(), again.replications());
            assertEquals(s.resolvedYaml(), again.resolvedYaml());
        }
    }

    /** A loaded scenario's configuration, of either kind. */
    private static Object config(Loaded s) {
        return s instanceof LoadedScenario swarm ? swarm.config() : ((LoadedWorld) s).config();
    }

    @Test
    void defaultIsSmallAndAsDocumented() throws Exception {
        SwarmConfig c = ScenarioLoader.load(Path.of("default.yaml"), List.of()).config();
        assertEquals(16L << 20, c.file().sizeBytes());
        assertEquals(64, c.file().pieces());
        assertEquals(new ArrivalProcess.FlashCrowd(200, 300_000_000L, 0), c.arrivals());
        assertEquals(42, c.seed());
        assertEquals(0, c.replication());
        assertTrue(c.stopWhenAllComplete());
        assertEquals(new Distribution.Fixed(125_000), c.peerClass("dsl").uploadBytesPerSecond());
        assertEquals(new Distribution.Uniform(1_250_000, 3_750_000), c.peerClass("fibre").uploadBytesPerSecond());
        assertEquals("exponential{mean=600000000}", c.client("legacy").seeding().toString());
        assertEquals(1, c.initialSeeds().size());
        assertEquals(7_200_000_000L, c.initialSeeds().get(0).leaveAtMicros());
        assertEquals("max-min", c.networkModel());
    }

    @Test
    void seedDepartureExtendsFlashCrowd() throws Exception {
        SwarmConfig crowd = ScenarioLoader.load(Path.of("flash-crowd.yaml"), List.of()).config();
        SwarmConfig dep = ScenarioLoader.load(Path.of("seed-departure.yaml"), List.of()).config();
        assertEquals("seed-departure", dep.name());
        assertEquals(crowd.peerClasses(), dep.peerClasses());
        assertEquals(crowd.file(), dep.file());
        assertEquals(new ArrivalProcess.FlashCrowd(300, 1_800_000_000L, 0), dep.arrivals());
        assertEquals(1_200_000_000L, dep.initialSeeds().get(0).leaveAtMicros());
        assertEquals("leave-at-once{}", dep.client("legacy").seeding().toString());
        assertEquals(1, dep.actions().size());
    }

    @Test
    void steadyStateIsPoissonUntilTheEnd() throws Exception {
        SwarmConfig c = ScenarioLoader.load(Path.of("steady-state.yaml"), List.of()).config();
        ArrivalProcess.Poisson p = assertInstanceOf(ArrivalProcess.Poisson.class, c.arrivals());
        assertEquals(2.0 / 60, p.ratePerSecond(), 1e-15);
        assertEquals(c.durationMicros(), p.endMicros());
        assertFalse(c.stopWhenAllComplete());
    }

    @Test
    void speedSeedingIsHalfSpeedWithEarningsAwareSeeds() throws Exception {
        SwarmConfig c = ScenarioLoader.load(Path.of("speed-seeding.yaml"), List.of()).config();
        assertEquals(0.5, c.client("speed").share());
        assertTrue(c.client("speed").speed());
        assertEquals("earnings-aware", ((org.speedsim.strategies.NamedStrategy) c.client("speed")
                .seeding()).name());
        assertFalse(c.client("legacy").speed());
        assertEquals("exponential", ((org.speedsim.strategies.NamedStrategy) c.client("legacy")
                .seeding()).name());
        assertEquals(1, c.extensions().size());
        assertInstanceOf(ConfigBuilder.SpeedExtensionFactory.class, c.extensions().get(0));
    }
}
