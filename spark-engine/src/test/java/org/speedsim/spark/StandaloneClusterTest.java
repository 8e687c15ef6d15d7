package org.speedsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.cli.Cli;

/**
 * A real standalone cluster on localhost (a master and two one-core workers, separate JVMs): a two-parameter sweep
 * and a three-variant compare submitted to it write the local engine's directories, file by file.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterTest {

    @TempDir
    static Path tmp;

    private static StandaloneCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        StandaloneCluster.driverProperties();
        cluster = new StandaloneCluster(tmp.resolve("cluster"), 2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The sweep of the interruption and worker-loss tests: 24 runs, long enough to be cut in the middle. */
    private static final List<String> LONGER_SWEEP = List.of("sweep", Outputs.TINY.toString(),
            "--param", "protocol.unchokeSlots=2:4:1", "--param", "protocol.trackerPeers=10:20:10",
            "--replications", "4", "--no-charts", "--quiet");

    private static Path longerLocal;

    /** The local engine's result of {@link #LONGER_SWEEP}, computed once. */
    private static Path longerLocal() {
        if (longerLocal == null) {
            Path out = tmp.resolve("longer-local");
            Cli local = Outputs.execute(Outputs.concat(LONGER_SWEEP, "--out", out.toString()));
            assertEquals(0, local.exit(), local::toString);
            longerLocal = out.resolve("tiny-sweep");
        }
        return longerLocal;
    }

    @Test
    @Order(3)
    void aClusterSweepInterruptedAndResumedLocallyGivesTheSameTables() throws Exception {
        Path out = tmp.resolve("interrupted");
        Path dir = out.resolve("tiny-sweep");
        Cli[] cut = new Cli[1];
        Thread sweep = new Thread(() -> cut[0] = Outputs.execute(Outputs.concat(LONGER_SWEEP, "--out",
                out.toString(), "--engine", "spark", "--master", cluster.url())));
        sweep.start();
        int before = Runs.awaitComplete(dir, 3, sweep);
        sweep.interrupt();
        sweep.join();
        assertTrue(before < 24, "interrupted before the end: " + before + " runs complete");
        assertTrue(cut[0].exit() != 0, cut[0]::toString);
        int kept = Runs.complete(dir);
        assertTrue(kept >= 3 && kept < 24, "some runs kept, not all: " + kept);

        Cli resumed = Outputs.execute(Outputs.concat(LONGER_SWEEP, "--out", out.toString()));
        assertEquals(0, resumed.exit(), resumed::toString);
        Outputs.assertSameResults(longerLocal(), dir, Set.of());
    }

    @Test
    @Order(4)
    void aSweepLosingAWorkerInTheMiddleFinishesWithTheSameResults() throws Exception {
        Path out = tmp.resolve("worker-lost");
        Path dir = out.resolve("tiny-sweep");
        int[] atKill = {-1};
        Thread killer = new Thread(() -> {
            try {
                atKill[0] = Runs.awaitComplete(dir, 2, null);
                cluster.kill(0);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        killer.start();
        Cli spark = Outputs.execute(Outputs.concat(LONGER_SWEEP, "--out", out.toString(), "--engine", "spark",
                "--master", cluster.url()));
        killer.join();
        assertEquals(0, spark.exit(), spark::toString);
        assertTrue(atKill[0] >= 2 && atKill[0] < 24, "the worker died in the middle: " + atKill[0] + " runs done");
        Outputs.assertSameResults(longerLocal(), dir, Set.of("runs.parquet"));
    }

    @Test
    @Order(1)
    void aSweepOnTheClusterIsTheLocalEnginesSweep() throws Exception {
        Path out = tmp.resolve("sweep");
        Cli local = Outputs.execute(Outputs.concat(LocalModeTest.SWEEP, "--out", out.resolve("local").toString()));
        assertEquals(0, local.exit(), local::toString);
        Cli spark = Outputs.execute(Outputs.concat(LocalModeTest.SWEEP, "--out", out.resolve("spark").toString(),
                "--engine", "spark", "--master", cluster.url()));
        assertEquals(0, spark.exit(), spark::toString);
        assertTrue(Outputs.assertSameResults(out.resolve("local/tiny-sweep"), out.resolve("spark/tiny-sweep"),
                Set.of("runs.parquet")) >= 60);
        assertTrue(cluster.executorsLaunched(0) > 0 && cluster.executorsLaunched(1) > 0,
                "both workers ran an executor of the sweep");
    }

    @Test
    @Order(2)
    void aCompareOfThreeVariantsOnTheClusterIsTheLocalEnginesCompare() throws Exception {
        Path out = tmp.resolve("compare");
        List<String> compare = List.of("compare", Outputs.TINY.toString(),
                "--vary", "initialSeeds[0].leaveAt=1min,60s,20min", "--replications", "3", "--quiet");
        Cli local = Outputs.execute(Outputs.concat(compare, "--out", out.resolve("local").toString()));
        assertEquals(0, local.exit(), local::toString);
        Cli spark = Outputs.execute(Outputs.concat(compare, "--out", out.resolve("spark").toString(),
                "--engine", "spark", "--master", cluster.url()));
        assertEquals(0, spark.exit(), spark::toString);
        assertTrue(Outputs.assertSameResults(out.resolve("local/tiny"), out.resolve("spark/tiny"),
                Set.of("runs.parquet")) >= 45);
    }
}
