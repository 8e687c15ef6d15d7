package org.speedsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class SummaryTableTest {

    @TempDir
    Path tmp;

    @Test
    void everyNumericFieldFlattenedWithMeanSdAndInterval() throws IOException {
        List<Replication> reps = ScenarioResults.load(Fixtures.scenario(tmp, "s", 4)).replications();
        Table t = SummaryTable.of(reps);
        assertEquals(List.of("field", "n", "mean", "sd", "ci_low", "ci_high", "interval"), t.columnNames());
        List<String> fields = t.stringColumn("field").asList();
        assertEquals(List.of("simulated_s", "peers_completed", "download_time_p50_s",
                "download_time_p90_s", "swarm_death_s", "swarm_died", "invariants_ok", "tokens_paid",
                "tokens_conserved"), fields);
        assertFalse(fields.contains("seed") || fields.contains("replication") || fields.contains("scenario"));

        int paid = fields.indexOf("tokens_paid");
        // 1000, 2000, 3000, 4000: mean 2500, sd 1290.994, half width t(0.975, 3) * sd / 2 = 3.182446 * 645.497
        assertEquals(4, t.intColumn("n").get(paid));
        assertEquals(2500, t.doubleColumn("mean").get(paid), 1e-9);
        assertEquals(1290.9944, t.doubleColumn("sd").get(paid), 1e-4);
        assertEquals(2500 - 2054.2603, t.doubleColumn("ci_low").get(paid), 1e-3);
        assertEquals(2500 + 2054.2603, t.doubleColumn("ci_high").get(paid), 1e-3);

        int p50 = fields.indexOf("download_time_p50_s");
        assertEquals(3, t.intColumn("n").get(p50), "null in replication 0 is left out");
        assertEquals(102, t.doubleColumn("mean").get(p50), 1e-9);

        int death = fields.indexOf("swarm_death_s");
        assertEquals(2, t.intColumn("n").get(death), "only the swarms that died have a death time");
        assertEquals((360 + 480) / 2.0, t.doubleColumn("mean").get(death), 1e-9);

        int died = fields.indexOf("swarm_died");
        assertEquals(0.5, t.doubleColumn("mean").get(died), 1e-12, "a boolean's mean is a fraction");
        // 2 of 4 died: Wilson 95 % interval [0.1500, 0.8500] (Newcombe's method 3; scipy agrees), not the t
        // interval 0.5 -+ 3.182 * 0.57735 / 2 = [-0.419, 1.419]
        assertEquals(0.15004, t.doubleColumn("ci_low").get(died), 1e-5);
        assertEquals(0.84996, t.doubleColumn("ci_high").get(died), 1e-5);
        assertEquals("Wilson", t.stringColumn("interval").get(died));
        assertEquals("Student t", t.stringColumn("interval").get(paid));
        for (int i = 0; i < t.rowCount(); i++) {
            assertTrue(!(t.doubleColumn("ci_low").get(i) < 0), "no field here is ever negative: " + fields.get(i));
        }
    }
}
