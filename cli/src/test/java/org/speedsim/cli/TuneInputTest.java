package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.reports.Csv;

/**
 * Issue 14 defect 5 and issue 18 defect 2, with the real loader and engine: an objective the scenario's summary does
 * not have as a number is refused before anything runs (exit 2, the closest field suggested); integer parameters are
 * tuned on integers.
 */
class TuneInputTest {

    private static final Path DEFAULT = EndToEndTest.ROOT.resolve("scenarios/default.yaml");
    private static final Path SPEED = EndToEndTest.ROOT.resolve("scenarios/speed-vs-legacy.yaml");

    @TempDir
    Path tmp;

    private final AtomicInteger runs = new AtomicInteger();

    private Services counting() {
        Services standard = Services.standard();
        return new Services(standard.scenarios(), (c, t, p, every) -> {
            if (c.durationMicros() > 1) {
                runs.incrementAndGet();
            }
            return standard.engine().run(c, t, p, every);
        }, () -> null);
    }

    private void assertRefused(Path scenario, String objective, String goal, String expected) {
        Path out = tmp.resolve("out");
        Cli c = Cli.execute(counting(), "tune", scenario.toString(), "--param", "protocol.unchokeSlots=2:6",
                "--objective", objective, "--goal", goal, "--out", out.toString(), "--quiet");
        assertEquals(2, c.exit(), c::toString);
        assertEquals(1, c.err().lines().count(), c::toString);
        assertTrue(c.err().startsWith("speedsim: --objective " + objective + ": ") && c.err().contains(expected),
                c::toString);
        assertEquals(0, runs.get(), "nothing ran");
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void objectivesTheSummaryDoesNotHaveAreRefusedBeforeRunning() {
        assertRefused(SPEED, "tokens_piad", "min", "did you mean 'tokens_paid'?");
        assertRefused(DEFAULT, "tokens_paid", "max", "known: swarm_lifetime_s");
        assertRefused(DEFAULT, "nosuchfield", "max", "peers_completed");
        assertRefused(DEFAULT, "scenario", "max", "not a numeric field");
    }

    @Test
    void theNamesOfEarlierVersionsAreRefusedWithTheirSnakeCaseNameSuggested() {
        assertRefused(SPEED, "tokens.paid", "max", "did you mean 'tokens_paid'?");
        assertRefused(DEFAULT, "peersCompleted", "max", "did you mean 'peers_completed'?");
        Cli c = Cli.execute(counting(), "tune", DEFAULT.toString(), "--param", "protocol.unchokeSlots=2:6",
                "--objective", "swarmLifetime", "--out", tmp.resolve("out").toString(), "--quiet");
        assertEquals(2, c.exit(), c::toString);
        assertTrue(c.err().startsWith("speedsim: --objective swarmLifetime: not one of swarm_lifetime_s")
                && c.err().contains("did you mean 'swarm_lifetime_s'?"), c::toString);
        assertEquals(0, runs.get(), "nothing ran");
    }

    @Test
    void integerParametersAreTunedOnIntegers() throws Exception {
        for (String param : List.of("protocol.unchokeSlots=2:6", "arrivals.peers=10:20")) {
            Path out = tmp.resolve("out-" + param.substring(0, param.indexOf('=')));
            Cli c = Cli.execute(counting(), "tune", DEFAULT.toString(), "--param", param, "--objective",
                    "download_time_mean_s", "--budget", "6", "--replications", "2", "--set", "arrivals.peers=12",
                    "--out", out.toString(), "--no-charts", "--quiet");
            assertEquals(0, c.exit(), c::toString);
            List<List<String>> rows = Csv.read(out.resolve("default-tune").resolve(TuneCommand.EVALUATIONS));
            assertTrue(rows.size() >= 3, rows::toString);
            for (List<String> row : rows.subList(1, rows.size())) {
                BigDecimal value = new BigDecimal(row.get(1));
                assertEquals(0, value.stripTrailingZeros().scale() <= 0 ? 0 : 1, () -> "integer value: " + row);
            }
        }
    }
}
