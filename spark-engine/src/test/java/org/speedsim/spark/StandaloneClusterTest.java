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

    @Test
    @Order(1)
    void aSweepOnTheClusterIsTheLocalEnginesSweep() throws Exception {
        Path out = tmp.resolve("sweep");
        Outputs.Cli local = Outputs.execute(Outputs.concat(LocalModeTest.SWEEP, "--out", out.resolve("local").toString()));
        assertEquals(0, local.exit(), local::toString);
        Outputs.Cli spark = Outputs.execute(Outputs.concat(LocalModeTest.SWEEP, "--out", out.resolve("spark").toString(),
                "--engine", "spark", "--master", cluster.url()));
        assertEquals(0, spark.exit(), spark::toString);
        assertTrue(Outputs.assertSameResults(out.resolve("local/tiny-sweep"), out.resolve("spark/tiny-sweep"),
                Set.of("runs.parquet")) >= 60);
    }

    @Test
    @Order(2)
    void aCompareOfThreeVariantsOnTheClusterIsTheLocalEnginesCompare() throws Exception {
        Path out = tmp.resolve("compare");
        List<String> compare = List.of("compare", Outputs.TINY.toString(),
                "--vary", "initialSeeds[0].leaveAt=1min,60s,20min", "--replications", "3", "--quiet");
        Outputs.Cli local = Outputs.execute(Outputs.concat(compare, "--out", out.resolve("local").toString()));
        assertEquals(0, local.exit(), local::toString);
        Outputs.Cli spark = Outputs.execute(Outputs.concat(compare, "--out", out.resolve("spark").toString(),
                "--engine", "spark", "--master", cluster.url()));
        assertEquals(0, spark.exit(), spark::toString);
        assertTrue(Outputs.assertSameResults(out.resolve("local/tiny"), out.resolve("spark/tiny"),
                Set.of("runs.parquet")) >= 45);
    }
}
