package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code compare}, {@code sweep} and {@code tune} write, read back: {@code speedsim report} understands each
 * experiment directory (and a sweep's {@code points/}, a tune's {@code evaluations/}), with the real loader and
 * engine on the tiny scenario.
 */
class ExperimentLayoutsTest {

    private static final String TINY = CompareCommandTest.TINY.toString();

    @TempDir
    static Path tmp;

    private static Path compare;
    private static Path sweep;
    private static Path tune;

    private static Services real() {
        Services standard = Services.standard();
        return new Services(standard.scenarios(), standard.engine(), () -> null);
    }

    private static void ok(Cli c) {
        assertEquals(0, c.exit(), c::toString);
    }

    @BeforeAll
    static void runExperiments() {
        ok(Cli.execute(real(), "compare", TINY, "--vary", "protocol.unchokeSlots=2,4", "--labels", "two,four slots",
                "--replications", "2", "--threads", "1", "--out", tmp.toString(), "--no-charts", "--quiet"));
        compare = tmp.resolve("tiny");
        ok(Cli.execute(real(), "sweep", TINY, "--param", "protocol.unchokeSlots=2:4:1", "--replications", "2",
                "--threads", "1", "--out", tmp.toString(), "--no-charts", "--quiet"));
        sweep = tmp.resolve("tiny-sweep");
        ok(Cli.execute(real(), "tune", TINY, "--param", "arrivals.rate=1:3/min", "--objective",
                "meanDownloadTime", "--budget", "3", "--replications", "2", "--threads", "1", "--out",
                tmp.toString(), "--no-charts", "--quiet"));
        tune = tmp.resolve("tiny-tune");
    }

    /** Reports {@code dir} into a fresh directory and returns the report's Markdown. */
    private static String report(Path dir, String out) throws IOException {
        Cli c = Cli.execute(real(), "report", dir.toString(), "--out", tmp.resolve(out).toString());
        ok(c);
        assertFalse(c.err().contains("incomplete"), () -> "no point is taken for a replication: " + c);
        return Files.readString(tmp.resolve(out).resolve("report.md"));
    }

    @Test
    void aSweepAndItsPointsAreReportedPointByPoint() throws IOException {
        for (String dir : new String[] {"", "points"}) {
            String md = report(sweep.resolve(dir), "sweep-report" + dir);
            for (int slots = 2; slots <= 4; slots++) {
                assertTrue(md.contains("### protocol.unchokeSlots=" + slots), md);
            }
        }
    }

    @Test
    void aTuneAndItsEvaluationsAreReportedEvaluationByEvaluation() throws IOException {
        for (String dir : new String[] {"", "evaluations"}) {
            String md = report(tune.resolve(dir), "tune-report" + dir);
            assertTrue(md.contains("### 1/min") && md.contains("### 3/min"), md);
        }
    }

    @Test
    void eachVariantOfAComparisonCarriesItsLabelAsName() throws IOException {
        for (String directory : new String[] {"two", "four_slots"}) {
            for (int r = 0; r < 2; r++) {
                Path run = compare.resolve(directory).resolve(Integer.toString(r));
                assertTrue(Files.readString(run.resolve("scenario.yaml")).contains("\nname: " + directory + "\n"),
                        run::toString);
                assertEquals(directory, new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(run.resolve("summary.json").toFile()).path("scenario").asText());
            }
        }
    }

    @Test
    void aComparisonIsReportedWithEachVariantsLabel() throws IOException {
        String md = report(compare, "compare-report");
        assertTrue(md.contains("### two") && md.contains("### four slots"), md);
    }
}
