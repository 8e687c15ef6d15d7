package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.reports.Csv;

/** {@code speedsim sweep} with many parameters and with lhs, sobol and saltelli designs, end to end. */
class SweepDesignTest {

    private static final String TINY = CompareCommandTest.TINY.toString();
    private static final String SLOTS = "protocol.unchokeSlots";
    private static final String TRACKER = "protocol.trackerPeers";
    private static final String LEAVE = "initialSeeds[0].leaveAt";
    private static final String SEEDING = "clients[0].seeding.mean";

    @TempDir
    Path tmp;

    private static Services real() {
        return SweepCommandTest.real();
    }

    private static Services failingAt(int failAt) {
        return SweepCommandTest.failingAt(failAt);
    }

    /** Three parameters: all 2 x 3 x 2 combinations run, the first slowest, each with its values in its scenario. */
    @Test
    void aThreeFactorGridRunsEveryCombination() throws IOException {
        Cli c = Cli.execute(real(), "sweep", TINY, "--param", SLOTS + "=3,4", "--param", TRACKER + "=10:30:10",
                "--param", LEAVE + "=10min,20min", "--replications", "1", "--out", tmp.toString());
        assertEquals(0, c.exit(), c::toString);
        Path dir = tmp.resolve("tiny-sweep");
        List<List<String>> rows = Csv.read(dir.resolve(SweepCommand.RESULTS));
        assertEquals(List.of("variant", SLOTS, TRACKER, LEAVE, "replication", "directory"), rows.get(0).subList(0, 6));
        List<List<String>> expected = new ArrayList<>();
        for (String s : List.of("3", "4")) {
            for (String t : List.of("10", "20", "30")) {
                for (String l : List.of("10min", "20min")) {
                    expected.add(List.of(s, t, l));
                }
            }
        }
        assertEquals(expected, rows.subList(1, rows.size()).stream().map(r -> r.subList(1, 4)).toList());
        for (List<String> row : rows.subList(1, rows.size())) {
            String yaml = Files.readString(dir.resolve(row.get(5)).resolve("scenario.yaml"));
            assertTrue(yaml.contains("unchokeSlots: " + row.get(1)) && yaml.contains("trackerPeers: " + row.get(2))
                    && yaml.contains("leaveAt: " + row.get(3)), row + "\n" + yaml);
        }
        List<List<String>> points = Csv.read(dir.resolve(SweepCommand.POINTS));
        assertEquals(List.of("point", SLOTS, TRACKER, LEAVE, "metric"), points.get(0).subList(0, 5));
        assertTrue(c.out().contains("12 points x 1 replications = 12 runs"), c::toString);
        for (String chart : List.of("main-effects-swarm_lifetime_s", "main-effects-download_time_mean_s")) {
            assertTrue(Files.size(dir.resolve("charts").resolve(chart + ".png")) > 0, chart);
            assertTrue(Files.size(dir.resolve("charts").resolve(chart + ".svg")) > 0, chart);
        }
    }

    private static String[] lhs(Path out, String... more) {
        return CompareCommandTest.concat(new String[] {"sweep", TINY, "--design", "lhs", "--points", "4",
            "--param", SLOTS + "=2:5", "--param", TRACKER + "=10:40", "--param", LEAVE + "=5min:20min",
            "--param", SEEDING + "=1min:3min", "--replications", "2", "--threads", "1", "--no-charts", "--quiet",
            "--out", out.toString()}, more);
    }

    /**
     * A four-parameter Latin hypercube: four points, each parameter's four strata holding one point; integer
     * parameters take whole values; a rerun of the same command draws the same points (it resumes, running nothing).
     */
    @Test
    void aFourFactorLatinHypercubeFillsEveryStratum() throws IOException {
        Cli c = Cli.execute(real(), lhs(tmp));
        assertEquals(0, c.exit(), c::toString);
        Path dir = tmp.resolve("tiny-sweep");
        List<List<String>> rows = Csv.read(dir.resolve(SweepCommand.RESULTS));
        assertEquals(1 + 4 * 2, rows.size());
        String[][] ranges = {{"2", "5"}, {"10", "40"}, {"5", "20"}, {"1", "3"}};
        for (int f = 0; f < 4; f++) {
            Set<Integer> strata = new LinkedHashSet<>();
            for (List<String> row : rows.subList(1, rows.size())) {
                String v = row.get(1 + f).replace("min", "");
                if (f < 2) {
                    assertTrue(v.matches("[0-9]+"), "an integer: " + row);
                }
                double lo = Double.parseDouble(ranges[f][0]);
                double hi = Double.parseDouble(ranges[f][1]) + (f < 2 ? 1 : 0);
                strata.add((int) Math.floor((Double.parseDouble(v) - lo) / (hi - lo) * 4));
                String yaml = Files.readString(dir.resolve(row.get(6)).resolve("scenario.yaml"));
                assertTrue(yaml.contains(": " + row.get(1 + f) + "\n"), row + "\n" + yaml);
            }
            assertEquals(Set.of(0, 1, 2, 3), strata, "one point per stratum of parameter " + f);
        }
        String table = Files.readString(dir.resolve(SweepCommand.RESULTS));
        Cli again = Cli.execute(real(), lhs(tmp));
        assertEquals(0, again.exit(), again::toString);
        assertEquals(table, Files.readString(dir.resolve(SweepCommand.RESULTS)));
        assertTrue(Files.readString(dir.resolve("sweep.json")).contains("\"design\" : \"lhs\""));
    }

    /**
     * The real thing: a four-parameter Latin hypercube sweep runs in its own JVM and is killed (SIGKILL) once two of
     * its eight runs are complete; the same command run again finishes it, and its tables equal those of an
     * uninterrupted sweep byte for byte.
     */
    @Test
    void aKilledLatinHypercubeSweepResumesToTheSameTables() throws Exception {
        Path whole = tmp.resolve("whole");
        assertEquals(0, Cli.execute(real(), lhs(whole, "--set", "file.size=16MiB")).exit());

        Path killed = tmp.resolve("killed");
        Path dir = killed.resolve("tiny-sweep");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SpeedsimCommand.class.getName()));
        command.addAll(List.of(lhs(killed, "--set", "file.size=16MiB")));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("killed.log").toFile()).start();
        long complete = 0;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (p.isAlive() && System.nanoTime() < deadline) {
            complete = completeRuns(dir, 4, 2);
            if (complete >= 2) {
                p.destroyForcibly();
                break;
            }
            Thread.sleep(5);
        }
        p.waitFor();
        assertTrue(complete >= 2 && complete < 8, "killed midway: " + complete + " of 8 complete; "
                + Files.readString(tmp.resolve("killed.log")));
        assertFalse(Files.exists(dir.resolve(SweepCommand.RESULTS)));

        Cli resumed = Cli.execute(real(), lhs(killed, "--set", "file.size=16MiB"));
        assertEquals(0, resumed.exit(), resumed::toString);
        for (String table : List.of(SweepCommand.RESULTS, SweepCommand.POINTS, "sweep.json")) {
            assertEquals(Files.readString(whole.resolve("tiny-sweep").resolve(table)),
                    Files.readString(dir.resolve(table)), table);
        }
    }

    private static String[] saltelli(Path out, String... more) {
        return CompareCommandTest.concat(new String[] {"sweep", TINY, "--design", "saltelli", "--points", "4",
            "--param", SLOTS + "=2:5", "--param", LEAVE + "=5min:20min", "--replications", "1", "--threads", "1",
            "--quiet", "--out", out.toString()}, more);
    }

    /**
     * Saltelli's design of two parameters runs 4 (2 + 2) points; sensitivity.csv holds, per metric and parameter,
     * Jansen's indices recomputed here from runs.csv (one replication: a point's estimate is its run's value);
     * an interrupted saltelli sweep, run again, writes the same sensitivity table byte for byte.
     */
    @Test
    void aSaltelliSweepWritesSobolIndicesAndResumes() throws IOException {
        Cli c = Cli.execute(real(), saltelli(tmp.resolve("whole")));
        assertEquals(0, c.exit(), c::toString);
        Path dir = tmp.resolve("whole/tiny-sweep");
        List<List<String>> runs = Csv.read(dir.resolve(SweepCommand.RESULTS));
        assertEquals(1 + 16, runs.size());
        List<List<String>> sens = Csv.read(dir.resolve(SweepCommand.SENSITIVITY));
        assertEquals(List.of("metric", "factor", "first_order", "first_order_ci_low", "first_order_ci_high", "total",
                "total_ci_low", "total_ci_high"), sens.get(0));
        String metric = "download_time_mean_s";
        int column = runs.get(0).indexOf(metric);
        double[] y = runs.subList(1, runs.size()).stream().mapToDouble(r -> Double.parseDouble(r.get(column)))
                .toArray();
        for (int i = 0; i < 2; i++) {
            double mean = 0;
            for (int j = 0; j < 8; j++) {
                mean += y[j] / 8;
            }
            double v = 0;
            double firstSq = 0;
            double totalSq = 0;
            for (int j = 0; j < 4; j++) {
                v += (Math.pow(y[j] - mean, 2) + Math.pow(y[4 + j] - mean, 2)) / 7;
                firstSq += Math.pow(y[4 + j] - y[(2 + i) * 4 + j], 2);
                totalSq += Math.pow(y[j] - y[(2 + i) * 4 + j], 2);
            }
            String factor = i == 0 ? SLOTS : LEAVE;
            List<String> row = sens.stream().filter(r -> r.get(0).equals(metric) && r.get(1).equals(factor))
                    .findFirst().orElseThrow();
            assertEquals((v - firstSq / 8) / v, Double.parseDouble(row.get(2)), 1e-9, row::toString);
            assertEquals(totalSq / 8 / v, Double.parseDouble(row.get(5)), 1e-9, row::toString);
            assertTrue(Double.parseDouble(row.get(3)) <= Double.parseDouble(row.get(4)), row::toString);
        }
        assertTrue(Files.size(dir.resolve("charts/sensitivity-" + metric + ".png")) > 0);
        assertTrue(Files.size(dir.resolve("charts/sensitivity-" + metric + ".svg")) > 0);
        assertTrue(Files.size(dir.resolve("charts/main-effects-" + metric + ".png")) > 0);

        Path broken = tmp.resolve("broken");
        assertEquals(1, Cli.execute(failingAt(5), saltelli(broken)).exit());
        assertFalse(Files.exists(broken.resolve("tiny-sweep").resolve(SweepCommand.SENSITIVITY)));
        Cli resumed = Cli.execute(real(), saltelli(broken));
        assertEquals(0, resumed.exit(), resumed::toString);
        for (String table : List.of(SweepCommand.RESULTS, SweepCommand.POINTS, SweepCommand.SENSITIVITY)) {
            assertEquals(Files.readString(dir.resolve(table)),
                    Files.readString(broken.resolve("tiny-sweep").resolve(table)), table);
        }
    }

    @Test
    void badDesignsExitWithTwo() {
        for (String[] args : List.of(
                new String[] {"sweep", TINY, "--design", "lhs", "--param", SLOTS + "=2:5"},
                new String[] {"sweep", TINY, "--design", "lhs", "--points", "1", "--param", SLOTS + "=2:5"},
                new String[] {"sweep", TINY, "--design", "lhs", "--points", "4", "--param", SLOTS + "=2,5"},
                new String[] {"sweep", TINY, "--design", "random", "--points", "4", "--param", SLOTS + "=2:5"},
                new String[] {"sweep", TINY, "--points", "4", "--param", SLOTS + "=2:5:1"},
                new String[] {"sweep", TINY, "--design", "saltelli", "--points", "50000", "--param", SLOTS + "=2:5"},
                new String[] {"sweep", TINY, "--design", "sobol", "--points", "4", "--param", SLOTS + "=0:5"})) {
            Cli c = Cli.execute(real(), CompareCommandTest.concat(args, "--out", tmp.toString()));
            assertEquals(2, c.exit(), c::toString);
            assertFalse(c.leaksStackTrace(), c::toString);
        }
    }

    /** Complete runs of a sweep of {@code points} x {@code replications}, by each run's summary.json. */
    private static long completeRuns(Path dir, int points, int replications) {
        long complete = 0;
        for (int point = 0; point < points; point++) {
            for (int r = 0; r < replications; r++) {
                if (Files.exists(dir.resolve("points").resolve(Integer.toString(point))
                        .resolve(Integer.toString(r)).resolve("summary.json"))) {
                    complete++;
                }
            }
        }
        return complete;
    }
}
