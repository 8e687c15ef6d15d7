package org.speedsim.engine.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The builders of {@link SwarmConfig} and {@link ProtocolConfig} against their canonical constructors: every field
 * set through a builder lands in its own component, and {@code toBuilder().build()} gives back an equal value.
 */
class ConfigBuildersTest {

    private static final SwarmExtension.Factory NO_EXTENSION = control -> new SwarmExtension() { };

    /** A configuration whose every component differs from the builder's default. */
    private static SwarmConfig everyFieldSet() {
        ProtocolConfig protocol = new ProtocolConfig(7, 30, 9, 11_000_000L, 5, 2_000_000L, 6_000_000L, false);
        return new SwarmConfig("all", 42, 3, new FileSpec(1L << 20, 64 * 1024),
                List.of(Configs.fixed("a", 0.5, 1000, 2000), Configs.fixed("b", 0.5, 3000, 4000)),
                List.of(Configs.client("c", 1.0, Configs.LEAVE_AT_ONCE), Configs.client("d", 0.0, Configs.FOREVER)),
                new ArrivalProcess.FlashCrowd(9, 5_000_000L, 0), List.of(new InitialSeeds(2, "b", "d", 77)),
                protocol, 123_000_000L, 7_000_000L, true, List.of(new TimedAction.RemoveSeeds(10, 1)), "max-min",
                List.of(NO_EXTENSION));
    }

    @Test
    void theSwarmBuilderPutsEveryFieldInItsComponent() {
        SwarmConfig expected = everyFieldSet();
        SwarmConfig built = SwarmConfig.builder("all").seed(42).replication(3).file(expected.file())
                .peerClasses(expected.peerClasses()).clients(expected.clients()).arrivals(expected.arrivals())
                .initialSeeds(expected.initialSeeds()).protocol(expected.protocol()).durationMicros(123_000_000L)
                .sampleIntervalMicros(7_000_000L).stopWhenAllComplete(true).actions(expected.actions())
                .networkModel("max-min").extensions(expected.extensions()).build();
        assertEquals(expected, built);
    }

    @Test
    void toBuilderKeepsEveryFieldAndChangesOnlyWhatItIsTold() {
        SwarmConfig c = everyFieldSet();
        assertEquals(c, c.toBuilder().build());
        SwarmConfig other = c.toBuilder().sampleIntervalMicros(8_000_000L).build();
        assertNotEquals(c, other);
        assertEquals(new SwarmConfig(c.name(), c.seed(), c.replication(), c.file(), c.peerClasses(), c.clients(),
                c.arrivals(), c.initialSeeds(), c.protocol(), c.durationMicros(), 8_000_000L,
                c.stopWhenAllComplete(), c.actions(), c.networkModel(), c.extensions()), other);
        assertEquals(new SwarmConfig(c.name(), 5, 6, c.file(), c.peerClasses(), c.clients(), c.arrivals(),
                c.initialSeeds(), c.protocol(), c.durationMicros(), c.sampleIntervalMicros(),
                c.stopWhenAllComplete(), c.actions(), c.networkModel(), c.extensions()), c.withSeed(5, 6));
    }

    @Test
    void theSwarmBuilderHasTheDocumentedDefaultsAndValidatesAsTheConstructorDoes() {
        SwarmConfig c = SwarmConfig.builder("d").file(new FileSpec(1L << 20, 64 * 1024))
                .peerClasses(List.of(Configs.fixed("a", 1.0, 1000, 2000)))
                .clients(List.of(Configs.client("c", 1.0, Configs.LEAVE_AT_ONCE)))
                .arrivals(new ArrivalProcess.None()).durationMicros(1).build();
        assertEquals(new SwarmConfig("d", 1, 0, c.file(), c.peerClasses(), c.clients(), c.arrivals(), List.of(),
                ProtocolConfig.DEFAULT, 1, 60_000_000L, false, List.of(), "max-min", List.of()), c);
        assertThrows(NullPointerException.class, () -> c.toBuilder().file(null).build());
        assertThrows(IllegalArgumentException.class, () -> c.toBuilder().durationMicros(0).build());
    }

    @Test
    void theProtocolBuilderPutsEveryParameterInItsComponent() {
        ProtocolConfig built = ProtocolConfig.DEFAULT.toBuilder().trackerPeers(7).maxConnections(30)
                .reannounceBelow(9).reannounceMicros(11_000_000L).unchokeSlots(5).rechokeMicros(2_000_000L)
                .optimisticMicros(6_000_000L).endGame(false).build();
        assertEquals(new ProtocolConfig(7, 30, 9, 11_000_000L, 5, 2_000_000L, 6_000_000L, false), built);
        assertEquals(ProtocolConfig.DEFAULT, ProtocolConfig.DEFAULT.toBuilder().build());
        assertEquals(new ProtocolConfig(50, 80, 20, 300_000_000L, 4, 10_000_000L, 30_000_000L, false),
                ProtocolConfig.DEFAULT.toBuilder().endGame(false).build());
        assertThrows(IllegalArgumentException.class, () -> ProtocolConfig.DEFAULT.toBuilder().maxConnections(128)
                .build());
    }
}
