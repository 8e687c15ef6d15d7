package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.scenarios.LoadedScenario;

/**
 * Issue 14 defect 4: impossible sizes are refused before any work starts (no scenario run, no directory written),
 * with one line and exit code 2.
 */
class SizeLimitTest {

    @TempDir
    Path tmp;

    private final AtomicInteger runs = new AtomicInteger();

    private Services counting() {
        return new Services(Fakes.loader(), (c, t, p, every) -> {
            runs.incrementAndGet();
            return Fakes.run(c, t, p);
        }, () -> null);
    }

    private void assertRefused(String expected, String... args) {
        Cli c = Cli.execute(counting(), args);
        assertEquals(2, c.exit(), c::toString);
        assertEquals(1, c.err().lines().count(), c::toString);
        assertTrue(c.err().startsWith("speedsim: ") && c.err().contains(expected), c::toString);
        assertEquals(0, runs.get(), "nothing ran");
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }

    @Test
    void hugeReplicationCountsAreRefusedAtTheScenarioCap() throws IOException {
        String file = Files.writeString(tmp.resolve("demo.yaml"), "name: demo\n").toString();
        String out = tmp.resolve("out").toString();
        String cap = "at most " + LoadedScenario.MAX_REPLICATIONS;
        assertRefused(cap, "run", file, "--replications", "1000000000", "--out", out);
        assertRefused(cap, "compare", file, "--vary", "a=1,2", "--replications", "1000000000", "--out", out);
        assertRefused(cap, "sweep", file, "--param", "a=1,2", "--replications", "100001", "--out", out);
    }

    @Test
    void hugeGridsAndBudgetsAreRefusedBeforeLoadingAPoint() throws IOException {
        String file = Files.writeString(tmp.resolve("demo.yaml"), "name: demo\n").toString();
        String out = tmp.resolve("out").toString();
        assertRefused("100020001 runs", "sweep", file, "--param", "a=0:10000:1", "--param", "b=0:10000:1",
                "--out", out);
        assertRefused("--budget must be at most 10000", "tune", file, "--param", "a=0:1", "--objective",
                "peers_completed", "--budget", "1000000000", "--out", out);
    }

    @Test
    void theMemoryEstimateNamesTheOptionThatGivesJavaMore() throws UserInputException {
        UserInputException e = assertThrows(UserInputException.class, () -> Sizes.checkExperiment("sweep grid",
                10_000, 100, "use fewer values", 1L << 30));
        assertTrue(e.getMessage().contains("1000000 runs") && e.getMessage().contains(OutOfMemory.HINT),
                e::getMessage);
        // 1000 runs of bookkeeping fit in a 1 GiB heap
        Sizes.checkExperiment("sweep grid", 100, 10, "use fewer values", 1L << 30);
        assertEquals(Long.MAX_VALUE, Sizes.product(List.of(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE)));
    }
}
