package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code speedsim report} and {@code run --report} with the fake engine: layouts, refusals, exit codes. */
class ReportCommandTest {

    @TempDir
    Path tmp;

    private static Cli cli(String... args) {
        return Cli.execute(Fakes.services(), args);
    }

    /** Three fake replications of scenario {@code name} under {@code tmp/runs}. */
    private Path run(String name) throws IOException {
        Path file = Files.writeString(tmp.resolve(name + ".yaml"), "name: " + name + "\n");
        Cli c = cli("run", file.toString(), "--out", tmp.resolve("runs").toString(), "--quiet");
        assertEquals(0, c.exit(), c::toString);
        return tmp.resolve("runs").resolve(name);
    }

    private static void assertReport(Path dir) throws IOException {
        assertTrue(Files.isRegularFile(dir.resolve("report.html")), dir::toString);
        assertTrue(Files.isRegularFile(dir.resolve("report.md")));
        for (String chart : List.of("population", "availability", "survival", "download-cdf")) {
            assertTrue(Files.isRegularFile(dir.resolve("charts/" + chart + ".png")), chart);
            assertTrue(Files.isRegularFile(dir.resolve("charts/" + chart + ".svg")), chart);
        }
        try (Stream<Path> s = Files.list(dir.resolve("tables"))) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("summary-")));
        }
    }

    @Test
    void reportsAScenarioIntoItsReportDirectoryAndRefusesToOverwriteWithoutForce() throws IOException {
        Path scenario = run("alpha");
        Cli c = cli("report", scenario.toString());
        assertEquals(0, c.exit(), c::toString);
        assertTrue(c.out().contains("wrote " + scenario.resolve("report/report.html")), c::toString);
        assertReport(scenario.resolve("report"));

        Cli again = cli("report", scenario.toString());
        assertEquals(2, again.exit(), again::toString);
        assertTrue(again.err().contains("already exists") && again.err().contains("--force"), again::toString);
        assertFalse(again.leaksStackTrace(), again::toString);

        Cli forced = cli("report", scenario.toString(), "--force", "--moments", "1min,5min", "--width", "500",
                "--height", "300");
        assertEquals(0, forced.exit(), forced::toString);
        assertReport(scenario.resolve("report"));
    }

    @Test
    void reportsOneReplicationOrSeveralScenariosSideBySide() throws IOException {
        Path alpha = run("alpha");
        run("beta");
        Cli one = cli("report", alpha.resolve("1").toString());
        assertEquals(0, one.exit(), one::toString);
        assertReport(alpha.resolve("1/report"));

        Cli both = cli("report", tmp.resolve("runs").toString(), "--out", tmp.resolve("fig").toString());
        assertEquals(0, both.exit(), both::toString);
        assertReport(tmp.resolve("fig"));
        String md = Files.readString(tmp.resolve("fig/report.md"));
        assertTrue(md.contains("### alpha") && md.contains("### beta"), md);
    }

    @Test
    void aRunCanBeRepeatedWithForceAfterItWasReported() throws IOException {
        Path alpha = run("alpha");
        assertEquals(0, cli("report", alpha.toString()).exit());
        assertEquals(0, cli("report", alpha.resolve("0").toString()).exit());
        Cli rerun = cli("run", tmp.resolve("alpha.yaml").toString(), "--out", tmp.resolve("runs").toString(),
                "--quiet", "--force");
        assertEquals(0, rerun.exit(), rerun::toString);
        assertFalse(Files.exists(alpha.resolve("report")), "the old report went with the old run");
    }

    @Test
    void runWithReportWritesTheReportAfterTheRun() throws IOException {
        Path file = Files.writeString(tmp.resolve("gamma.yaml"), "name: gamma\n");
        Cli c = cli("run", file.toString(), "--out", tmp.resolve("runs").toString(), "--report");
        assertEquals(0, c.exit(), c::toString);
        Path report = tmp.resolve("runs/gamma/report");
        assertReport(report);
        assertTrue(c.out().contains("report: " + report.resolve("report.html")), c::toString);
    }

    @Test
    void badInputIsAOneLineErrorWithExitTwo() throws IOException {
        Path alpha = run("alpha");
        Path empty = Files.createDirectories(tmp.resolve("empty/0"));
        Files.writeString(empty.resolve("timeseries.csv"), "time_s\n");
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("thesis.tex"), "precious");
        List<String[]> cases = List.of(
                new String[] {"report", tmp.resolve("nope").toString()},
                new String[] {"report", tmp.resolve("empty").toString()},
                new String[] {"report", tmp.toString() + "/alpha.yaml"},
                new String[] {"report", alpha.toString(), "--out", foreign.toString(), "--force"},
                new String[] {"report", alpha.toString(), "--moments", "10 parsecs"},
                new String[] {"report", alpha.toString(), "--width", "20"});
        for (String[] args : cases) {
            Cli c = cli(args);
            assertEquals(2, c.exit(), c::toString);
            assertFalse(c.leaksStackTrace(), c::toString);
            assertFalse(c.err().isBlank(), c::toString);
        }
        assertEquals("precious", Files.readString(foreign.resolve("thesis.tex")));
        assertTrue(cli("report", tmp.resolve("empty").toString()).err().contains("no complete replication"));
        assertTrue(cli("report", tmp.resolve("empty").toString()).err().contains("skipped"));
    }

    @Test
    void helpDescribesTheLayout() {
        Cli c = cli("report", "--help");
        assertEquals(0, c.exit(), c::toString);
        for (String s : List.of("report.html", "report.md", "charts/", "summary-SCENARIO.csv", "--moments", "--force")) {
            assertTrue(c.out().contains(s), s);
        }
    }
}
