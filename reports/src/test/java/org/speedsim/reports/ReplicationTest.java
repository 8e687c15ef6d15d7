package org.speedsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;

class ReplicationTest {

    @TempDir
    Path tmp;

    @Test
    void loadsTheFilesWithFixedColumnTypesAndMissingValues() throws IOException {
        Replication r = Replication.load(Fixtures.replication(tmp.resolve("s/3"), "s", 3));
        assertEquals(3, r.index());
        assertEquals(Fixtures.samples(3), r.timeseries().rowCount());
        for (int c = 0; c < r.timeseries().columnCount(); c++) {
            assertEquals(ColumnType.DOUBLE, r.timeseries().column(c).type(), r.timeseries().column(c).name());
        }
        assertEquals(Fixtures.leechers(3, 4), r.timeseries().numberColumn("leechers").getDouble(4));
        assertEquals(ColumnType.STRING, r.peers().column("class").type());
        assertEquals(ColumnType.BOOLEAN, r.peers().column("initial_seed").type());
        assertEquals("fibre, fast", r.peers().stringColumn("class").get(1), "a quoted cell with a comma");
        assertTrue(Double.isNaN(r.peers().numberColumn("completion_s").getDouble(6)), "empty cell = did not happen");
        assertTrue(Double.isNaN(r.peers().numberColumn("departure_s").getDouble(0)));
        assertEquals(50, r.peers().numberColumn("tokens_earned_ubtt").getDouble(0));
        assertEquals(40, r.peers().numberColumn("tokens_settled_ubtt").getDouble(0));
        assertEquals(480, r.deathSeconds());
        assertEquals(60.0 * (Fixtures.samples(3) - 1), r.simulatedSeconds());
        assertEquals(3, r.pieceCopies().columnCount());
        assertTrue(r.hasColumn("balance_gini"));
        assertEquals("name: s\nseed: 1\n", r.scenarioYaml());
    }

    @Test
    void aSurvivingSwarmHasNoDeathTimeAndAbsentPieceCopiesAreNull() throws IOException {
        Path dir = Fixtures.replication(tmp.resolve("s/0"), "s", 0);
        Files.delete(dir.resolve("piececopies.csv"));
        Replication r = Replication.load(dir);
        assertTrue(Double.isNaN(r.deathSeconds()));
        assertNull(r.pieceCopies());
    }

    @Test
    void scenarioLoadKeepsCompleteReplicationsInOrderAndListsIncompleteOnes() throws IOException {
        Path dir = Fixtures.scenario(tmp, "alpha", 11);
        Files.createDirectories(dir.resolve("report/charts"));
        ScenarioResults s = ScenarioResults.load(dir);
        assertEquals("alpha", s.name());
        assertEquals(11, s.replications().size());
        for (int i = 0; i < 11; i++) {
            assertEquals(i, s.replications().get(i).index(), "numeric, not lexical, order");
        }
        assertEquals(List.of(dir.resolve("11")), s.skipped());
    }

    @Test
    void runDirectoriesTellTheThreeLayoutsApart() throws IOException {
        Path a = Fixtures.scenario(tmp, "alpha", 2);
        Fixtures.scenario(tmp, "beta", 3);
        Files.createDirectories(tmp.resolve("report/tables"));
        List<ScenarioResults> all = RunDirectories.find(tmp);
        assertEquals(List.of("alpha", "beta"), all.stream().map(ScenarioResults::name).toList());
        assertEquals(3, all.get(1).replications().size());
        List<ScenarioResults> one = RunDirectories.find(a);
        assertEquals(1, one.size());
        assertEquals(2, one.get(0).replications().size());
        List<ScenarioResults> rep = RunDirectories.find(a.resolve("1"));
        assertEquals(1, rep.get(0).replications().size());
        assertEquals(1, rep.get(0).replications().get(0).index());
        List<ScenarioResults> partial = RunDirectories.find(a.resolve("2"));
        assertTrue(partial.get(0).replications().isEmpty());
        assertFalse(partial.get(0).skipped().isEmpty());
        assertTrue(RunDirectories.find(tmp.resolve("report")).isEmpty());
    }

    @Test
    void twoDirectoriesOfTheSameScenarioGetDistinctNames() throws IOException {
        Path a = Fixtures.scenario(tmp.resolve("runs"), "alpha", 1);
        Path copy = tmp.resolve("runs/alpha-again/0");
        Fixtures.replication(copy, "alpha", 0);
        List<ScenarioResults> all = RunDirectories.find(tmp.resolve("runs"));
        assertEquals(List.of("alpha", "alpha (alpha-again)"), all.stream().map(ScenarioResults::name).toList());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Report.write(List.of(all.get(0), all.get(0)), tmp.resolve("r"), ReportOptions.defaults()));
        assertTrue(Files.isDirectory(a));
    }
}
