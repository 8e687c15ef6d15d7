package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.reports.Csv;

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
    private static Path run;

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
                "download_time_mean_s", "--budget", "3", "--replications", "2", "--threads", "1", "--out",
                tmp.toString(), "--no-charts", "--quiet"));
        tune = tmp.resolve("tiny-tune");
        ok(Cli.execute(real(), "run", TINY, "--replications", "2", "--threads", "1", "--out",
                tmp.resolve("run").toString(), "--quiet"));
        run = tmp.resolve("run/tiny");
    }

    /**
     * Checks the tidy tables of {@code dir} against the run directories they summarise: {@code runs.csv} has
     * {@code variant}, the parameters, {@code replication}, {@code directory} and then each summary field with the
     * value of that run's {@code summary.json}; {@code peers.csv} has every row of every run's {@code peers.csv},
     * verbatim, after the run's variant, parameters and replication. Returns the summary columns.
     */
    private static List<String> assertTidy(Path dir, List<String> parameters, int runs) throws IOException {
        List<List<String>> table = Csv.read(dir.resolve("runs.csv"));
        List<String> header = table.get(0);
        List<String> identity = new ArrayList<>(List.of("variant"));
        identity.addAll(parameters);
        identity.add("replication");
        assertEquals(identity, header.subList(0, identity.size()), dir::toString);
        assertEquals("directory", header.get(identity.size()));
        assertEquals(1 + runs, table.size(), "one row per run");
        List<String> fields = header.subList(identity.size() + 1, header.size());
        assertTrue(fields.containsAll(List.of("swarm_lifetime_s", "events", "download_time_mean_s")), fields::toString);
        List<String> peerRows = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (List<String> row : table.subList(1, table.size())) {
            Path runDir = dir.resolve(row.get(identity.size()));
            assertEquals(runDir.getFileName().toString(), row.get(identity.size() - 1), "replication");
            JsonNode summary = json.readTree(runDir.resolve("summary.json").toFile());
            for (int c = identity.size() + 1; c < header.size(); c++) {
                JsonNode v = summary.at("/" + header.get(c).replace('.', '/'));
                String cell = row.get(c);
                if (v.isNumber()) {
                    assertEquals(v.asDouble(), Double.parseDouble(cell), Math.abs(v.asDouble()) * 1e-11,
                            header.get(c) + " of " + runDir);
                    if (v.isIntegralNumber()) {
                        assertEquals(v.asText(), cell, "integers as integers: " + header.get(c));
                    }
                } else if (v.isBoolean()) {
                    assertEquals(v.asBoolean() ? "1" : "0", cell, header.get(c));
                }
            }
            List<List<String>> peers = Csv.read(runDir.resolve("peers.csv"));
            assertEquals(RunOutputWriter.PEER_COLUMNS, peers.get(0));
            for (List<String> peer : peers.subList(1, peers.size())) {
                List<String> expected = new ArrayList<>(row.subList(0, identity.size()));
                expected.addAll(peer);
                peerRows.add(String.join("|", expected));
            }
        }
        List<List<String>> tidyPeers = Csv.read(dir.resolve("peers.csv"));
        List<String> peerHeader = new ArrayList<>(identity);
        peerHeader.addAll(RunOutputWriter.PEER_COLUMNS);
        assertEquals(peerHeader, tidyPeers.get(0));
        assertEquals(peerRows, tidyPeers.subList(1, tidyPeers.size()).stream().map(r -> String.join("|", r)).toList());
        return fields;
    }

    @Test
    void runCompareSweepAndTuneWriteTheSameTidyTables() throws IOException {
        List<String> fields = assertTidy(run, List.of(), 2);
        assertEquals(fields, assertTidy(compare, List.of("protocol.unchokeSlots"), 4));
        assertEquals(fields, assertTidy(sweep, List.of("protocol.unchokeSlots"), 6));
        assertEquals(fields, assertTidy(tune, List.of("arrivals.rate"), 6));
        assertEquals("tiny", Csv.read(run.resolve("runs.csv")).get(1).get(0), "a run's variant is its scenario");
        assertEquals("two", Csv.read(compare.resolve("peers.csv")).get(1).get(0));
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
