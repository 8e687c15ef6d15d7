package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seam of the cluster engines, without Spark: runs delivered by an engine (in any order) are written as the
 * local engine writes them; a run that fails for a model reason is reported as a local failure is, the others are
 * kept, and the local engine finishes the experiment with the tables of an uninterrupted local one.
 */
class ClusterSeamTest {

    @TempDir
    Path tmp;

    @AfterEach
    void noFailure() {
        InProcessClusterEngine.failTask = -1;
    }

    private static String[] sweep(Path out, String... more) {
        return CompareCommandTest.concat(new String[] {"sweep", CompareCommandTest.TINY.toString(), "--param",
            "protocol.unchokeSlots=2:4:1", "--replications", "2", "--out", out.toString(), "--no-charts", "--quiet"},
                more);
    }

    @Test
    void aFailedRemoteRunIsReportedAndTheOthersAreKeptForTheLocalEngineToFinish() throws IOException {
        Cli local = Cli.execute(SweepCommandTest.real(), sweep(tmp.resolve("local"), "--threads", "2"));
        assertEquals(0, local.exit(), local::toString);

        InProcessClusterEngine.failTask = 3;
        Path out = tmp.resolve("cluster");
        Cli failed = Cli.execute(SweepCommandTest.real(), sweep(out, "--engine", "in-process"));
        assertEquals(ErrorHandler.INTERNAL, failed.exit(), failed::toString);
        assertTrue(failed.err().contains("replication 1 failed: the model broke"), failed::toString);
        assertTrue(failed.err().contains("incomplete; 5 complete runs kept"), failed::toString);
        assertFalse(failed.err().contains("\tat "), failed::toString);
        Path dir = out.resolve("tiny-sweep");
        assertFalse(Files.exists(dir.resolve("points/1/1/summary.json")), "the failed run wrote no summary");
        assertTrue(Files.exists(dir.resolve("points/2/1/summary.json")), "a later run is kept");

        Cli resumed = Cli.execute(SweepCommandTest.real(), sweep(out, "--threads", "2"));
        assertEquals(0, resumed.exit(), resumed::toString);
        for (String table : List.of("runs.csv", "peers.csv", "points.csv", "points/1/1/peers.csv")) {
            assertEquals(Files.readString(tmp.resolve("local/tiny-sweep").resolve(table)),
                    Files.readString(dir.resolve(table)), table);
        }
    }
}
