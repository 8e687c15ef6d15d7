package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.reports.Csv;

/** The command line with fake loader and engine: help, version, exit codes, output contract, trace. */
class CommandLineTest {

    @TempDir
    Path tmp;

    private Path scenario(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    private Cli cli(String... args) {
        return Cli.execute(Fakes.services(), args);
    }

    @Test
    void helpListsTheCommandsWithExamples() {
        Cli top = cli("--help");
        assertEquals(0, top.exit(), top::toString);
        assertTrue(top.out().contains("run") && top.out().contains("validate") && top.out().contains("report"),
                top::toString);
        for (String sub : List.of("run", "validate", "report", "compare", "sweep", "tune")) {
            Cli c = cli(sub, "--help");
            assertEquals(0, c.exit(), c::toString);
            assertTrue(c.out().contains("Examples:") && c.out().contains("./speedsim " + sub), c::toString);
        }
        assertTrue(cli("run", "--help").out().contains("--replications"));
    }

    @Test
    void examplesAndSummariesAreNotWrapped() {
        picocli.CommandLine cl = SpeedsimCommand.commandLine(Fakes.services());
        assertEquals(java.util.Set.of("run", "validate", "report", "compare", "sweep", "tune"),
                cl.getSubcommands().keySet());
        List<picocli.CommandLine> commands = new java.util.ArrayList<>(List.of(cl));
        commands.addAll(cl.getSubcommands().values());
        for (picocli.CommandLine c : commands) {
            String usage = c.getUsageMessage();
            for (String line : c.getCommandSpec().usageMessage().footer()) {
                assertTrue(usage.contains(line), () -> "wrapped: " + line);
            }
            String[] description = c.getCommandSpec().usageMessage().description();
            if (description.length > 0 && c != cl) {
                String first = description[0];
                assertTrue(first.length() < 68 && first.endsWith("."), () -> "one-line summary: " + first);
            }
        }
    }

    @Test
    void versionNamesTheProgram() {
        Cli c = cli("--version");
        assertEquals(0, c.exit(), c::toString);
        assertTrue(c.out().startsWith("speedsim "), c::toString);
        assertFalse(c.out().contains("${"), "version filtered in by Maven");
    }

    @Test
    void unknownOptionsAndMissingCommandAreUsageErrors() {
        for (String[] args : List.of(new String[] {"run", "x.yaml", "--bogus"}, new String[] {"--nope"},
                new String[] {}, new String[] {"frobnicate"}, new String[] {"run"},
                new String[] {"run", "x.yaml", "--threads", "many"})) {
            Cli c = cli(args);
            assertEquals(2, c.exit(), c::toString);
            assertTrue(c.err().startsWith("speedsim: ") && c.err().contains(" --help'"), c::toString);
            assertFalse(c.leaksStackTrace(), c::toString);
        }
    }

    @Test
    void nonsenseNumbersAreUsageErrors() throws IOException {
        Path good = scenario("good.yaml", "name: good\n");
        for (String[] extra : List.of(new String[] {"--replications", "0"}, new String[] {"--threads", "0"},
                new String[] {"--trace-kinds", "piece"})) {
            String[] args = Stream.concat(Stream.of("run", good.toString(), "--out", tmp.resolve("o").toString()),
                    Stream.of(extra)).toArray(String[]::new);
            Cli c = cli(args);
            assertEquals(2, c.exit(), c::toString);
            assertFalse(c.leaksStackTrace(), c::toString);
        }
    }

    @Test
    void validateAcceptsGoodAndReportsEveryProblemOfBadFiles() throws IOException {
        Path good = scenario("good.yaml", "name: good\n");
        Path bad = scenario("bad.yaml", "name: bad\nbad: rate must be > 0\nx: 1\nbad: unknown client\n");
        Cli ok = cli("validate", good.toString());
        assertEquals(0, ok.exit(), ok::toString);
        assertTrue(ok.out().contains("good.yaml: ok"), ok::toString);

        Cli c = cli("validate", good.toString(), bad.toString(), tmp.resolve("missing.yaml").toString());
        assertEquals(2, c.exit(), c::toString);
        assertTrue(c.err().contains(bad + ":2:6: bad: rate must be > 0"), c::toString);
        assertTrue(c.err().contains(bad + ":4:6: bad: unknown client"), c::toString);
        assertTrue(c.err().contains("missing.yaml: no such file"), c::toString);
        assertTrue(c.out().contains("good.yaml: ok"), c::toString);
        assertFalse(c.leaksStackTrace(), c::toString);
    }

    @Test
    void runOfABadScenarioExitsTwoWithItsProblems() throws IOException {
        Path bad = scenario("bad.yaml", "bad: no peers\n");
        Cli c = cli("run", bad.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, c.exit(), c::toString);
        assertEquals(bad + ":1:6: bad: no peers\n", c.err());
        assertFalse(Files.exists(tmp.resolve("o/bad")), "nothing written for a bad scenario");
        Cli missing = cli("run", tmp.resolve("nope.yaml").toString());
        assertEquals(2, missing.exit(), missing::toString);
        assertTrue(missing.err().contains("nope.yaml: no such file"), missing::toString);
    }

    @Test
    void runWritesTheContractForEveryReplication() throws IOException {
        Path file = scenario("demo.yaml", "name: demo\n");
        Path out = tmp.resolve("runs");
        Cli c = cli("run", file.toString(), "--out", out.toString(), "--seed", "99", "--set", "a.b=1");
        assertEquals(0, c.exit(), c::toString);
        assertTrue(c.out().contains("wrote 3 replications to " + out.resolve("demo")), c::toString);
        ObjectMapper json = new ObjectMapper();
        for (int r = 0; r < 3; r++) {
            Path rep = out.resolve("demo").resolve(Integer.toString(r));
            for (String f : RunOutputWriter.FILES) {
                assertTrue(Files.isRegularFile(rep.resolve(f)), rep.resolve(f)::toString);
            }
            JsonNode s = json.readTree(rep.resolve("summary.json").toFile());
            assertEquals(99, s.get("seed").asLong());
            assertEquals(r, s.get("replication").asInt());
            assertTrue(Files.readString(rep.resolve("scenario.yaml")).contains("overrides: [a.b=1, seed=99]"));
            RunResult expected = Fakes.run(Fakes.config("demo", 42).withSeed(99, r), null, null);
            assertEquals(expected.peers().size() + 1, Csv.read(rep.resolve("peers.csv")).size());
        }
        try (Stream<Path> all = Files.walk(out)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files");
        }
    }

    @Test
    void replicationsOverrideAndAnExistingDirectoryIsRefusedUnlessForced() throws IOException {
        Path file = scenario("demo.yaml", "name: demo\n");
        Path out = tmp.resolve("runs");
        Cli first = cli("run", file.toString(), "--out", out.toString(), "--replications", "2", "--quiet");
        assertEquals(0, first.exit(), first::toString);
        assertEquals("", first.out(), "quiet");
        assertTrue(Files.exists(out.resolve("demo/1")) && !Files.exists(out.resolve("demo/2")));
        byte[] before = Files.readAllBytes(out.resolve("demo/0/summary.json"));

        Cli again = cli("run", file.toString(), "--out", out.toString(), "--replications", "1");
        assertEquals(2, again.exit(), again::toString);
        assertTrue(again.err().contains("already exists") && again.err().contains("--force"), again::toString);
        assertArrayEquals(before, Files.readAllBytes(out.resolve("demo/0/summary.json")));

        Cli forced = cli("run", file.toString(), "--out", out.toString(), "--replications", "1", "--force");
        assertEquals(0, forced.exit(), forced::toString);
        assertFalse(Files.exists(out.resolve("demo/1")), "--force replaces the whole run");
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() throws IOException {
        Path file = scenario("demo.yaml", "name: demo\n");
        for (int threads = 1; threads <= 3; threads++) {
            Cli c = cli("run", file.toString(), "--out", tmp.resolve("t" + threads).toString(),
                    "--replications", "5", "--threads", Integer.toString(threads), "--quiet");
            assertEquals(0, c.exit(), c::toString);
        }
        for (int r = 0; r < 5; r++) {
            for (String f : List.of("timeseries.csv", "piececopies.csv", "peers.csv", "scenario.yaml")) {
                byte[] one = Files.readAllBytes(tmp.resolve("t1/demo/" + r + "/" + f));
                for (int threads = 2; threads <= 3; threads++) {
                    assertArrayEquals(one, Files.readAllBytes(tmp.resolve("t" + threads + "/demo/" + r + "/" + f)),
                            f + " of replication " + r + " with " + threads + " threads");
                }
            }
        }
    }

    @Test
    void aFailedReplicationSaysWhatWasKept() throws IOException {
        Path file = scenario("demo.yaml", "name: demo\n");
        Services failing = new Services(Fakes.loader(), (config, trace, progress, every) -> {
            if (config.replication() == 1) {
                throw new IllegalStateException("engine bug\nsecond line");
            }
            return Fakes.run(config, trace, progress);
        }, () -> null);
        Path out = tmp.resolve("runs");
        Cli c = Cli.execute(failing, "run", file.toString(), "--out", out.toString(), "--threads", "1");
        assertEquals(1, c.exit(), c::toString);
        assertTrue(c.err().contains("replication 1 failed: engine bug ..."), c::toString);
        assertTrue(c.err().contains("complete replications 0") && c.err().contains("not run 2"), c::toString);
        assertFalse(c.err().contains("\tat "), c::toString);
        assertTrue(Files.exists(out.resolve("demo/0/summary.json")));

        Cli debug = Cli.execute(failing, "run", file.toString(), "--out", out.toString(), "--threads", "1",
                "--force", "--debug");
        assertEquals(1, debug.exit(), debug::toString);
        assertTrue(debug.err().contains("\tat "), "stack trace with --debug");

        Services allFail = new Services(Fakes.loader(), (config, trace, progress, every) -> {
            throw new IllegalStateException("engine not written");
        }, () -> null);
        Path fresh = tmp.resolve("fresh");
        Cli none = Cli.execute(allFail, "run", file.toString(), "--out", fresh.toString(), "--replications", "1");
        assertEquals(1, none.exit(), none::toString);
        assertTrue(none.err().contains("nothing kept"), none::toString);
        assertFalse(Files.exists(fresh.resolve("demo")), "no empty directory left behind");
    }

    @Test
    void internalErrorsAreOneLineUnlessDebug() throws IOException {
        Path file = scenario("demo.yaml", "name: demo\n");
        Services broken = new Services((f, o) -> {
            throw new UnsupportedOperationException("loader not written yet");
        }, (config, trace, progress, every) -> null, () -> null);
        Cli c = Cli.execute(broken, "validate", file.toString());
        assertEquals(1, c.exit(), c::toString);
        assertEquals(1, c.err().strip().lines().count(), c::toString);
        assertTrue(c.err().startsWith("speedsim: internal error: loader not written yet"), c::toString);
        Cli d = Cli.execute(broken, "validate", file.toString(), "--debug");
        assertEquals(1, d.exit(), d::toString);
        assertTrue(d.err().contains("\tat "), d::toString);
    }

    @Test
    void traceWritesTheRequestedKindsAsJsonLines() throws IOException {
        Path file = scenario("demo.yaml", "name: demo\n");
        Path trace = tmp.resolve("trace.jsonl");
        Cli c = cli("run", file.toString(), "--out", tmp.resolve("o").toString(), "--replications", "1",
                "--trace", trace.toString(), "--trace-kinds", "unchoke, piece,bid");
        assertEquals(0, c.exit(), c::toString);
        List<String> lines = Files.readAllLines(trace);
        assertFalse(lines.isEmpty());
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            String kind = json.readTree(line).get("kind").asText();
            assertTrue(kind.equals("unchoke") || kind.equals("piece"), line);
        }
        assertTrue(c.out().contains("trace: " + lines.size() + " events in " + trace), c::toString);
        assertTrue(c.err().contains("no bid events") && c.err().contains("connect, piece, unchoke"), c::toString);

        Cli refused = cli("run", file.toString(), "--out", tmp.resolve("p").toString(), "--replications", "1",
                "--trace", trace.toString());
        assertEquals(2, refused.exit(), refused::toString);

        Cli several = cli("run", file.toString(), "--out", tmp.resolve("q").toString(), "--replications", "2",
                "--trace", trace.toString());
        assertEquals(0, several.exit(), several::toString);
        assertTrue(Files.exists(tmp.resolve("trace-0.jsonl")) && Files.exists(tmp.resolve("trace-1.jsonl")));
    }

    @Test
    void progressBarOnlyOnATerminalAndNotWhenQuiet() throws IOException {
        Path file = scenario("demo.yaml", "name: demo\n");
        StringWriter terminal = new StringWriter();
        PrintWriter console = new PrintWriter(terminal);
        Cli shown = Cli.execute(Fakes.services(() -> console), "run", file.toString(), "--out",
                tmp.resolve("a").toString());
        assertEquals(0, shown.exit(), shown::toString);
        assertTrue(terminal.toString().contains("ev/s"), terminal::toString);
        assertFalse(shown.out().contains("ev/s"), "the bar goes to the terminal only");

        StringWriter quietTerminal = new StringWriter();
        PrintWriter quietConsole = new PrintWriter(quietTerminal);
        Cli quiet = Cli.execute(Fakes.services(() -> quietConsole), "run", file.toString(), "--out",
                tmp.resolve("b").toString(), "--quiet");
        assertEquals(0, quiet.exit(), quiet::toString);
        assertEquals("", quietTerminal.toString());
    }
}
