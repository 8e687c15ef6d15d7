package org.speedsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.cli.Cli;

/**
 * {@code --engine spark --master local[2]}: a two-parameter sweep gives the local engine's directory, file by file,
 * plus {@code runs.parquet}, which Spark reads back as the rows of {@code runs.csv}.
 */
class LocalModeTest {

    static final List<String> SWEEP = List.of("sweep", Outputs.TINY.toString(),
            "--param", "protocol.unchokeSlots=2:4:1", "--param", "protocol.trackerPeers=10:20:10",
            "--replications", "2", "--no-charts", "--quiet");

    @TempDir
    Path tmp;

    @Test
    void aSweepOnLocalTwoIsTheLocalEnginesSweep() throws Exception {
        Cli local = Outputs.execute(Outputs.concat(SWEEP, "--out", tmp.resolve("local").toString(),
                "--threads", "2"));
        assertEquals(0, local.exit(), local::toString);
        Cli spark = Outputs.execute(Outputs.concat(SWEEP, "--out", tmp.resolve("spark").toString(),
                "--engine", "spark", "--master", "local[2]"));
        assertEquals(0, spark.exit(), spark::toString);
        Path dir = tmp.resolve("spark/tiny-sweep");
        int compared = Outputs.assertSameResults(tmp.resolve("local/tiny-sweep"), dir, Set.of("runs.parquet"));
        assertTrue(compared >= 6 * 2 * 5, "every run's files compared: " + compared);

        List<List<String>> csv = Csv.parse(Files.readString(dir.resolve("runs.csv")));
        try (SparkSession reader = SparkSession.builder().master("local[1]").appName("read-back").getOrCreate()) {
            Dataset<Row> table = reader.read().parquet(dir.resolve("runs.parquet").toString());
            assertEquals(List.of(table.columns()), csv.get(0));
            List<Row> rows = table.collectAsList();
            assertEquals(csv.size() - 1, rows.size());
            int replication = csv.get(0).indexOf("replication");
            int lifetime = csv.get(0).indexOf("swarm_lifetime_s");
            for (int r = 0; r < rows.size(); r++) {
                List<String> expected = csv.get(r + 1);
                assertEquals(expected.get(0), rows.get(r).getString(0));
                assertEquals(Integer.parseInt(expected.get(replication)), rows.get(r).getInt(replication));
                assertEquals(Double.parseDouble(expected.get(lifetime)), rows.get(r).getDouble(lifetime));
            }
        }
    }

    @Test
    void aWorldComparisonOnLocalTwoIsTheLocalEnginesComparison() throws Exception {
        List<String> compare = List.of("compare", Path.of("..", "scenarios", "world-default.yaml").toAbsolutePath().normalize().toString(),
                "--labels", "legacy,speed", "--vary", "clients[0].share=1,0", "--vary", "clients[1].share=0,1",
                "--set", "duration=4h", "--set", "users.count=50", "--set", "catalogue.initialTorrents=8",
                "--replications", "2", "--no-charts", "--quiet");
        Cli local = Outputs.execute(Outputs.concat(compare, "--out", tmp.resolve("local").toString(),
                "--threads", "2"));
        assertEquals(0, local.exit(), local::toString);
        Cli spark = Outputs.execute(Outputs.concat(compare, "--out", tmp.resolve("spark").toString(),
                "--engine", "spark", "--master", "local[2]"));
        assertEquals(0, spark.exit(), spark::toString);
        int compared = Outputs.assertSameResults(tmp.resolve("local/world-default"),
                tmp.resolve("spark/world-default"), Set.of("runs.parquet"));
        assertTrue(compared >= 2 * 2 * 6, "every world run's files compared: " + compared);
    }

    @Test
    void aMistypedMasterIsOneLineAndExitTwo() {
        Cli c = Outputs.execute(Outputs.concat(SWEEP, "--out", tmp.toString(), "--engine", "spark",
                "--master", "spark:/head:7077"));
        assertEquals(2, c.exit(), c::toString);
        assertEquals("speedsim: --master spark:/head:7077: not a Spark master; expected local, local[N], local[*], "
                + "spark://HOST:PORT, yarn or k8s://URL; nothing was run", c.err().strip(), c::toString);
    }
}
