package org.speedsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.Swarm;
import org.speedsim.engine.swarm.SwarmConfig;

/**
 * Issue 14 defect 8: a scenario the engine cannot hold (a piece table beyond one array, a token supply beyond 64
 * bits, more peers than an array indexes) is refused by loading - what
 * {@code validate} does - naming the field; just inside each limit it loads and the engine starts.
 */
class EngineLimitsTest {

    private static final Path DEFAULT = Path.of("default.yaml");
    private static final Path SPEED = Path.of("speed-vs-legacy.yaml");

    private static void assertRefused(Path file, String field, String expected, String... sets) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, List.of(sets)));
        assertTrue(e.problems().stream().anyMatch(p -> p.path().equals(field) && p.message().contains(expected)),
                e.problems()::toString);
    }

    /** Loads and simulates the first microsecond: the engine builds every structure without overflowing. */
    private static void assertStarts(Path file, String... sets) throws ScenarioException {
        SwarmConfig c = ScenarioLoader.load(file, List.of(sets)).config();
        SwarmConfig first = c.toBuilder().replication(0).durationMicros(1).stopWhenAllComplete(false)
                .actions(List.of()).build();
        RunResult r = assertDoesNotThrow(() -> new Swarm(first).run());
        assertTrue(r.summary().invariantsOk());
    }

    @Test
    void aPieceTableBeyondOneArrayIsRefused() throws ScenarioException {
        assertRefused(DEFAULT, "file.pieceSize", "more than one Java array holds", "file.size=512MiB",
                "file.pieceSize=1B");
        // 2^21 pieces x 201 peers: 421 MB, within one array (not run here: too much memory for a test)
        ScenarioLoader.load(DEFAULT, List.of("file.size=512MiB", "file.pieceSize=256B"));
        assertStarts(DEFAULT, "file.size=512MiB", "file.pieceSize=64KiB");
    }

    @Test
    void aTokenSupplyBeyondSixtyFourBitsIsRefused() throws ScenarioException {
        assertRefused(SPEED, "clients[1].balance", "the most the ledger counts", "clients[1].balance=9000000000000BTT");
        assertRefused(SPEED, "clients[1].balance", "the most the ledger counts",
                "clients[1].balance={distribution: uniform, min: 0BTT, max: 9000000000000BTT}");
        assertStarts(SPEED, "clients[1].balance=1000000000BTT");
    }

    @Test
    void moreArrivalsThanAnArrayIndexesAreRefused() {
        assertRefused(SPEED, "arrivals", "more than the", "arrivals.rate=1000000/s");
    }
}
