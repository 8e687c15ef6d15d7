package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.reports.Replication;
import tech.tablesaw.api.Table;

/** A replication read back from the files the run command writes equals the one built in memory from the result. */
class ReplicationRoundTripTest {

    @TempDir
    Path tmp;

    @Test
    void filesAndMemoryGiveTheSameTablesAndSummary() throws Exception {
        for (int r = 0; r < 4; r++) {
            RunResult result = Fakes.run(Fakes.config("round", 42).withSeed(42, r), null, null);
            Path dir = tmp.resolve(Integer.toString(r));
            new RunOutputWriter().write(dir, "name: round\n", result);
            Replication read = Replication.load(dir);
            Replication built = Replication.of(r, result);
            assertEquals(r, read.index());
            assertEquals(read.summary(), built.summary(), "summary.json equals SummaryJson");
            assertSameTable(read.timeseries(), built.timeseries());
            assertSameTable(read.peers(), built.peers());
            assertSameTable(read.pieceCopies(), built.pieceCopies());
            assertEquals(read.deathSeconds(), built.deathSeconds());
        }
    }

    private static void assertSameTable(Table expected, Table actual) {
        assertEquals(expected.columnNames(), actual.columnNames());
        assertEquals(expected.rowCount(), actual.rowCount());
        for (int c = 0; c < expected.columnCount(); c++) {
            assertEquals(expected.column(c).type(), actual.column(c).type(), expected.column(c).name());
            for (int i = 0; i < expected.rowCount(); i++) {
                assertEquals(expected.column(c).get(i), actual.column(c).get(i),
                        expected.column(c).name() + " row " + i);
            }
        }
    }
}
