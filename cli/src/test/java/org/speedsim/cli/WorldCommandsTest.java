package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command on a world scenario ({@code kind: world}), end to end through the command line: run (byte-identical
 * whatever the thread count), report, compare, sweep, tune and validate, and the one-line refusals.
 */
class WorldCommandsTest {

    private static final Path WORLD = EndToEndTest.ROOT.resolve("scenarios/world-default.yaml");
    private static final List<String> SMALL = List.of("--set", "duration=8h", "--set", "users.count=80",
            "--set", "catalogue.initialTorrents=12");

    @TempDir
    Path tmp;

    private static Cli cli(List<String> args) {
        Services standard = Services.standard();
        return Cli.execute(new Services(standard.scenarios(), standard.engine(), () -> null),
                args.toArray(String[]::new));
    }

    private static List<String> args(String... head) {
        List<String> all = new java.util.ArrayList<>(List.of(head));
        all.addAll(SMALL);
        return all;
    }

    @Test
    void runWritesAWorldDirectoryThatDoesNotDependOnThreads() throws IOException {
        Path one = tmp.resolve("one");
        Path three = tmp.resolve("three");
        List<String> a = args("run", WORLD.toString(), "--replications", "3", "--quiet", "--threads", "1",
                "--out", one.toString(), "--report");
        Cli first = cli(a);
        assertEquals(0, first.exit(), first::toString);
        List<String> b = args("run", WORLD.toString(), "--replications", "3", "--quiet", "--threads", "3",
                "--out", three.toString(), "--report");
        Cli second = cli(b);
        assertEquals(0, second.exit(), second::toString);
        Path rep = one.resolve("world-default/0");
        for (String f : List.of("scenario.yaml", "timeseries.csv", "torrents.csv", "users.csv", "requests.csv",
                "summary.json")) {
            assertTrue(Files.isRegularFile(rep.resolve(f)), f);
        }
        assertTrue(Files.isRegularFile(one.resolve("world-default/runs.csv")));
        assertFalse(Files.exists(one.resolve("world-default/peers.csv")), "a world has no peers table");
        assertTrue(Files.isRegularFile(one.resolve("world-default/report/report.html")));
        Map<String, String> x = CatalogueGoldenTest.fingerprints(one, "w");
        Map<String, String> y = CatalogueGoldenTest.fingerprints(three, "w");
        assertEquals(x, y, "outputs differ between 1 and 3 threads");
        assertTrue(x.size() > 20, "files compared: " + x.size());
        String runs = Files.readString(one.resolve("world-default/runs.csv"));
        assertTrue(runs.lines().findFirst().orElseThrow().contains("request_success"), runs);
        assertEquals(4, runs.lines().count(), runs);
    }

    @Test
    void reportAndValidateTakeWorlds() throws IOException {
        Path out = tmp.resolve("r");
        assertEquals(0, cli(args("run", WORLD.toString(), "--quiet", "--out", out.toString())).exit());
        Cli report = cli(List.of("report", out.resolve("world-default").toString()));
        assertEquals(0, report.exit(), report::toString);
        assertTrue(Files.isRegularFile(out.resolve("world-default/report/report.md")));
        assertTrue(Files.readString(out.resolve("world-default/report/report.md")).contains("decile"));
        Cli ok = cli(List.of("validate", WORLD.toString()));
        assertEquals(0, ok.exit(), ok::toString);
        assertTrue(ok.out().contains("ok (world world-default"), ok.out());
    }

    @Test
    void compareSweepAndTuneTakeWorlds() throws IOException {
        Path out = tmp.resolve("x");
        Cli compare = cli(args("compare", WORLD.toString(), "--labels", "legacy,speed", "--vary",
                "clients[0].share=1,0", "--vary", "clients[1].share=0,1", "--replications", "2", "--quiet",
                "--out", out.toString()));
        assertEquals(0, compare.exit(), compare::toString);
        String table = Files.readString(out.resolve("world-default/compare.csv"));
        assertTrue(table.contains("request_success"), table);
        assertTrue(table.contains("tokens_spent_ubtt"), table);

        Cli sweep = cli(args("sweep", WORLD.toString(), "--param", "librarySeeding.maxAtOnce=0,5",
                "--quiet", "--out", out.toString()));
        assertEquals(0, sweep.exit(), sweep::toString);
        assertTrue(Files.readString(out.resolve("world-default-sweep/points.csv")).contains("request_success"));

        Cli tune = cli(args("tune", WORLD.toString(), "--param", "clients[1].bidding.spendingRate=0.1:1",
                "--objective", "request_success", "--goal", "max", "--budget", "3", "--quiet",
                "--out", out.toString()));
        assertEquals(0, tune.exit(), tune::toString);
    }

    @Test
    void badWorldInputIsOneLineAndExitTwo() throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "kind: world\nusers: { count: -3 }\n");
        for (String command : List.of("run", "validate")) {
            Cli c = cli(List.of(command, bad.toString(), "--out", tmp.resolve("o").toString()).subList(0,
                    command.equals("run") ? 4 : 2));
            assertEquals(2, c.exit(), c::toString);
            assertEquals(1, c.err().strip().lines().count(), c.err());
            assertTrue(c.err().contains("bad.yaml:2") && c.err().contains("users.count"), c.err());
            assertFalse(c.leaksStackTrace(), c::toString);
        }
        Cli trace = cli(List.of("run", WORLD.toString(), "--trace", tmp.resolve("t.jsonl").toString(), "--out",
                tmp.resolve("o").toString()));
        assertEquals(2, trace.exit(), trace::toString);
        assertTrue(trace.err().contains("--trace"), trace.err());
        assertFalse(Files.exists(tmp.resolve("o/world-default")), "nothing is written before refusing");
    }
}
