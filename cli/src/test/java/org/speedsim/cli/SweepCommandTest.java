package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.reports.Csv;

/** {@code speedsim sweep} with the real loader and engine on a tiny scenario. */
class SweepCommandTest {

    private static final String TINY = CompareCommandTest.TINY.toString();

    @TempDir
    Path tmp;

    /** The real loader and engine, with no terminal. */
    static Services real() {
        Services standard = Services.standard();
        return new Services(standard.scenarios(), standard.engine(), () -> null);
    }

    /** The real engine, except that the run numbered {@code failAt} (counting from 0, in start order) throws. */
    static Services failingAt(int failAt) {
        Services standard = real();
        AtomicInteger started = new AtomicInteger();
        return new Services(standard.scenarios(), (c, t, p, every) -> {
            if (started.getAndIncrement() == failAt) {
                throw new IllegalStateException("interrupted here");
            }
            return standard.engine().run(c, t, p, every);
        }, () -> null);
    }

    private String[] sweep(Path out, String... more) {
        return CompareCommandTest.concat(new String[] {"sweep", TINY, "--param", "protocol.unchokeSlots=2:4:1",
            "--replications", "2", "--threads", "1", "--out", out.toString(), "--no-charts"}, more);
    }

    @Test
    void aGridOfOneParameterWritesOneRowPerRun() throws IOException {
        Cli c = Cli.execute(real(), "sweep", TINY, "--param", "protocol.unchokeSlots=2:4:1", "--replications", "2",
                "--out", tmp.toString());
        assertEquals(0, c.exit(), c::toString);
        Path dir = tmp.resolve("tiny-sweep");
        List<List<String>> rows = Csv.read(dir.resolve(SweepCommand.RESULTS));
        assertEquals(List.of("variant", "protocol.unchokeSlots", "replication", "directory"),
                rows.get(0).subList(0, 4));
        assertFalse(rows.get(0).contains("wall_s"), "no wall-clock column");
        assertTrue(rows.get(0).contains(RunMetrics.LIFETIME) && rows.get(0).contains("download_time_mean_s"));
        assertEquals(1 + 3 * 2, rows.size());
        assertEquals(List.of("2", "2", "3", "3", "4", "4"), rows.subList(1, 7).stream().map(r -> r.get(1)).toList());
        for (List<String> row : rows.subList(1, rows.size())) {
            assertTrue(Files.isRegularFile(dir.resolve(row.get(3)).resolve("summary.json")), row::toString);
            assertTrue(Files.readString(dir.resolve(row.get(3)).resolve("scenario.yaml"))
                    .contains("unchokeSlots: " + row.get(1)), row::toString);
        }
        List<List<String>> points = Csv.read(dir.resolve(SweepCommand.POINTS));
        assertEquals(List.of("point", "protocol.unchokeSlots", "metric", "n", "mean", "ci_low", "ci_high", "estimate",
                "interval"), points.get(0));
        assertTrue(Files.isRegularFile(dir.resolve("sweep.json")));
        for (String chart : List.of("response-swarm_lifetime_s", "response-download_time_mean_s")) {
            assertTrue(Files.size(dir.resolve("charts").resolve(chart + ".png")) > 0, chart);
            assertTrue(Files.isRegularFile(dir.resolve("charts").resolve(chart + ".svg")), chart);
        }
        String lifetime = Files.readString(dir.resolve("charts/response-swarm_lifetime_s.svg"));
        assertTrue(lifetime.contains(">swarm lifetime (s)<"), "the y axis names the metric and its unit");
        assertTrue(lifetime.contains(">unchoke slots<"), "the x axis names the parameter in words");
        String download = Files.readString(dir.resolve("charts/response-download_time_mean_s.svg"));
        assertTrue(download.contains(">mean download time (s)<"), "the y axis names the metric and its unit");
    }

    @Test
    void twoParametersRunEveryCombinationFirstSlowest() throws IOException {
        Cli c = Cli.execute(real(), "sweep", TINY, "--param", "protocol.unchokeSlots=3:4:1", "--param",
                "protocol.trackerPeers=10,30", "--replications", "1", "--out", tmp.toString(), "--quiet");
        assertTrue(Files.isRegularFile(tmp.resolve("tiny-sweep/charts/heatmap-swarm_lifetime_s.png")));
        assertEquals(0, c.exit(), c::toString);
        List<List<String>> rows = Csv.read(tmp.resolve("tiny-sweep").resolve(SweepCommand.RESULTS));
        assertEquals(List.of(List.of("3", "10"), List.of("3", "30"), List.of("4", "10"), List.of("4", "30")),
                rows.subList(1, 5).stream().map(r -> r.subList(1, 3)).toList());
    }

    /**
     * A sweep interrupted after three runs (the fourth fails; threads 1, so the rest never start), with the third
     * left as a kill during its writing would leave it (no summary.json, a temporary file), then run again, gives
     * byte for byte the tables of an uninterrupted sweep.
     */
    @Test
    void anInterruptedSweepRunAgainFinishesWithTheSameTables() throws IOException {
        Path whole = tmp.resolve("whole");
        Cli once = Cli.execute(real(), sweep(whole, "--quiet"));
        assertEquals(0, once.exit(), once::toString);

        Path broken = tmp.resolve("broken");
        Cli interrupted = Cli.execute(failingAt(3), sweep(broken));
        assertEquals(1, interrupted.exit(), interrupted::toString);
        assertTrue(interrupted.err().contains("run the same command again"), interrupted::toString);
        Path dir = broken.resolve("tiny-sweep");
        assertFalse(Files.exists(dir.resolve(SweepCommand.RESULTS)), "no table from an incomplete sweep");
        Path third = dir.resolve("points/1/0");
        Files.delete(third.resolve("summary.json"));
        Files.writeString(third.resolve(".peers.csv.999-1.tmp"), "half a file");

        Cli resumed = Cli.execute(real(), sweep(broken));
        assertEquals(0, resumed.exit(), resumed::toString);
        assertTrue(resumed.out().contains("resumed: 2 of 6 runs were complete already"), resumed::toString);
        assertFalse(Files.exists(third.resolve(".peers.csv.999-1.tmp")), "leftover removed");
        for (String table : List.of(SweepCommand.RESULTS, SweepCommand.POINTS)) {
            assertEquals(Files.readString(whole.resolve("tiny-sweep").resolve(table)),
                    Files.readString(dir.resolve(table)), table);
        }
        for (int k = 0; k < 3; k++) {
            for (int r = 0; r < 2; r++) {
                String run = "points/" + k + "/" + r + "/";
                assertEquals(Files.readString(whole.resolve("tiny-sweep").resolve(run + "peers.csv")),
                        Files.readString(dir.resolve(run + "peers.csv")), run);
            }
        }
    }

    @Test
    void aDifferentSweepInTheSameDirectoryIsRefusedUnlessForced() throws IOException {
        assertEquals(0, Cli.execute(real(), sweep(tmp, "--quiet")).exit());
        Cli other = Cli.execute(real(), "sweep", TINY, "--param", "protocol.unchokeSlots=2:5:1", "--replications",
                "2", "--no-charts", "--out", tmp.toString());
        assertEquals(2, other.exit(), other::toString);
        assertTrue(other.err().contains("holds a different sweep (parameters was"), other::toString);
        Cli reps = Cli.execute(real(), sweep(tmp, "--replications", "3"));
        assertEquals(2, reps.exit(), reps::toString);
        Files.writeString(tmp.resolve("tiny-sweep/notes.txt"), "mine");
        Cli forced = Cli.execute(real(), "sweep", TINY, "--param", "protocol.unchokeSlots=2:5:1", "--replications",
                "1", "--no-charts", "--out", tmp.toString(), "--force");
        assertEquals(2, forced.exit(), "a file speedsim did not write protects the directory: " + forced);
        assertTrue(forced.err().contains("notes.txt"), forced::toString);
        Files.delete(tmp.resolve("tiny-sweep/notes.txt"));
        forced = Cli.execute(real(), "sweep", TINY, "--param", "protocol.unchokeSlots=2:5:1", "--replications",
                "1", "--no-charts", "--out", tmp.toString(), "--force", "--quiet");
        assertEquals(0, forced.exit(), forced::toString);
        assertEquals(1 + 4, Csv.read(tmp.resolve("tiny-sweep").resolve(SweepCommand.RESULTS)).size());
    }

    @Test
    void badGridsExitWithTwo() {
        for (String[] args : List.of(
                new String[] {"sweep", TINY, "--param", "protocol.unchokeSlots=2:4"},
                new String[] {"sweep", TINY, "--param", "protocol.unchokeSlots=4:2:1"},
                new String[] {"sweep", TINY, "--param", "protocol.unchokeSlots=0:2:1"},
                new String[] {"sweep", TINY, "--param", "a=1,2", "--param", "b=1,2", "--param", "c=1,2"},
                new String[] {"sweep", TINY, "--param", "a=1,2", "--param", "a=3,4"},
                new String[] {"sweep", TINY})) {
            Cli c = Cli.execute(real(), CompareCommandTest.concat(args, "--out", tmp.toString()));
            assertEquals(2, c.exit(), c::toString);
            assertFalse(c.leaksStackTrace(), c::toString);
        }
    }

    @Test
    void progressShowsRunsDoneLeftAndTheTimeLeft() {
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
        java.io.StringWriter text = new java.io.StringWriter();
        ProgressBar bar = new ProgressBar(new java.io.PrintWriter(text), 4, "runs", clock::get);
        bar.alreadyDone(0);
        clock.set(10_000_000_000L);
        bar.finished(1);
        String shown = text.toString();
        // half done, a quarter of it in the 10 s of this command: a quarter left takes 20 s
        assertTrue(shown.contains("runs 2/4 done, 2 left"), shown);
        assertTrue(shown.contains("ETA 20s"), shown);
    }

    /**
     * The real thing: the sweep runs in its own JVM and is killed (SIGKILL, no chance to clean up) once two of its
     * six runs are complete; the same command run again finishes it, and its tables equal an uninterrupted sweep's.
     */
    @Test
    void aSweepKilledMidwayAndRestartedGivesTheSameTable() throws Exception {
        String[] args = {"sweep", TINY, "--param", "initialSeeds[0].leaveAt=5min,20min", "--set", "file.size=16MiB",
            "--replications", "3", "--threads", "1", "--no-charts", "--quiet"};
        Path whole = tmp.resolve("whole");
        assertEquals(0, Cli.execute(real(), CompareCommandTest.concat(args, "--out", whole.toString())).exit());

        Path killed = tmp.resolve("killed");
        Path dir = killed.resolve("tiny-sweep");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SpeedsimCommand.class.getName()));
        command.addAll(List.of(CompareCommandTest.concat(args, "--out", killed.toString())));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("killed.log").toFile()).start();
        long complete = 0;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (p.isAlive() && System.nanoTime() < deadline) {
            complete = completeRuns(dir);
            if (complete >= 2) {
                p.destroyForcibly();
                break;
            }
            Thread.sleep(5);
        }
        p.waitFor();
        assertTrue(complete >= 2 && complete < 6, "killed midway: " + complete + " of 6 complete; "
                + Files.readString(tmp.resolve("killed.log")));
        assertFalse(Files.exists(dir.resolve(SweepCommand.RESULTS)));

        Cli resumed = Cli.execute(real(), CompareCommandTest.concat(args, "--out", killed.toString()));
        assertEquals(0, resumed.exit(), resumed::toString);
        for (String table : List.of(SweepCommand.RESULTS, SweepCommand.POINTS)) {
            assertEquals(Files.readString(whole.resolve("tiny-sweep").resolve(table)),
                    Files.readString(dir.resolve(table)), table);
        }
    }

    /**
     * Complete runs of the 2-point, 3-replication sweep above, by looking for each run's {@code summary.json} where
     * it belongs: walking the directory instead races with the sweep renaming its temporary files.
     */
    private static long completeRuns(Path dir) {
        long complete = 0;
        for (int point = 0; point < 2; point++) {
            for (int replication = 0; replication < 3; replication++) {
                Path run = dir.resolve("points").resolve(Integer.toString(point)).resolve(Integer.toString(replication));
                if (Files.exists(run.resolve("summary.json"))) {
                    complete++;
                }
            }
        }
        return complete;
    }
}
