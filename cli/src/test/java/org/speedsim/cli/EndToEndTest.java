package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.reports.Csv;

/**
 * The command with the real scenario loader and engine, on the scenario catalogue ({@code scenarios/*.yaml}) and
 * the malformed corpus ({@code scenarios/src/test/resources/malformed/}).
 */
class EndToEndTest {

    @TempDir
    Path tmp;

    static final Path ROOT = repositoryRoot();
    private static final Path DEFAULT = ROOT.resolve("scenarios/default.yaml");

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("scenarios/pom.xml")) && Files.isRegularFile(p.resolve("cli/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
    }

    private static Services real() {
        Services standard = Services.standard();
        return new Services(standard.scenarios(), standard.engine(), () -> null);
    }

    private static Cli cli(String... args) {
        return Cli.execute(real(), args);
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        }
    }

    @Test
    void defaultScenarioRunWithReportAndReportedAgain() throws IOException {
        Path out = tmp.resolve("runs");
        Cli c = cli("run", DEFAULT.toString(), "--replications", "2", "--threads", "2", "--out", out.toString(),
                "--report");
        assertEquals(0, c.exit(), c::toString);
        Path report = out.resolve("default/report");
        for (String f : List.of("report.html", "report.md", "charts/availability.png", "charts/availability.svg",
                "charts/survival.png", "charts/download-cdf.png", "charts/population.png",
                "tables/summary-default.csv", "tables/survival-default.csv")) {
            assertTrue(Files.isRegularFile(report.resolve(f)), f);
        }
        Cli again = cli("report", out.toString(), "--force", "--out", report.toString());
        assertEquals(0, again.exit(), again::toString);
        assertFalse(again.leaksStackTrace(), again::toString);
        assertTrue(Files.readString(report.resolve("report.md")).contains("download_time_p50_s"));
    }

    @Test
    void runOfTheDefaultScenarioProducesTheContract() throws IOException {
        Path out = tmp.resolve("runs");
        Cli c = cli("run", DEFAULT.toString(), "--replications", "1", "--threads", "1", "--out", out.toString());
        assertEquals(0, c.exit(), c::toString);
        assertFalse(c.leaksStackTrace(), c::toString);
        Path scenarioDir;
        try (Stream<Path> s = Files.list(out)) {
            List<Path> dirs = s.toList();
            assertEquals(1, dirs.size(), dirs::toString);
            scenarioDir = dirs.get(0);
        }
        Path rep = scenarioDir.resolve("0");
        for (String f : RunOutputWriter.FILES) {
            assertTrue(Files.isRegularFile(rep.resolve(f)), f);
        }
        List<List<String>> series = Csv.read(rep.resolve("timeseries.csv"));
        assertEquals(List.of("time_s", "leechers", "seeds", "distributed_copies", "min_piece_copies",
                "mean_piece_copies", "upload_utilisation"), series.get(0).subList(0, 7));
        assertTrue(series.size() > 1, "at least one sample");
        for (List<String> row : series.subList(1, series.size())) {
            assertEquals(series.get(0).size(), row.size());
            Double.parseDouble(row.get(0));
        }
        List<List<String>> copies = Csv.read(rep.resolve("piececopies.csv"));
        assertEquals(List.of("time_s", "copies", "pieces"), copies.get(0));
        assertEquals(series.get(1).get(0), copies.get(1).get(0), "the histogram is taken at the sample times");
        List<List<String>> peers = Csv.read(rep.resolve("peers.csv"));
        assertEquals(RunOutputWriter.PEER_COLUMNS, peers.get(0));
        assertTrue(peers.size() > 1, "at least one peer");
        JsonNode summary = new ObjectMapper().readTree(rep.resolve("summary.json").toFile());
        for (String field : List.of("scenario", "seed", "replication", "simulated_s", "wall_s", "events",
                "peers_arrived", "peers_completed", "download_time_p50_s", "swarm_death_s", "uploaded_bytes",
                "downloaded_bytes", "invariants_ok")) {
            assertTrue(summary.has(field), field);
        }
        assertTrue(summary.get("invariants_ok").asBoolean());
        int arrived = summary.get("peers_arrived").asInt();
        int initialSeeds = (int) peers.stream().skip(1).filter(r -> r.get(10).equals("true")).count();
        int rows = peers.size() - 1;
        assertTrue(rows == arrived || rows == arrived + initialSeeds,
                "one peers.csv row per peer: " + rows + " rows, " + arrived + " arrived, " + initialSeeds + " seeds");
    }

    @Test
    void validateAcceptsEveryCatalogueFile() throws IOException {
        List<Path> catalogue = yamlFiles(ROOT.resolve("scenarios"));
        assertTrue(catalogue.contains(DEFAULT), "the catalogue has default.yaml");
        List<String> args = new ArrayList<>(List.of("validate"));
        catalogue.forEach(f -> args.add(f.toString()));
        Cli c = cli(args.toArray(String[]::new));
        assertEquals(0, c.exit(), c::toString);
        assertEquals(catalogue.size(), c.out().lines().filter(l -> l.contains(": ok")).count(), c::toString);
    }

    @Test
    void theNumberOfThreadsDoesNotChangeResults() throws IOException {
        Cli one = cli("run", DEFAULT.toString(), "--seed", "11", "--replications", "2", "--threads", "1",
                "--quiet", "--out", tmp.resolve("one").toString());
        Cli two = cli("run", DEFAULT.toString(), "--seed", "11", "--replications", "2", "--threads", "2",
                "--quiet", "--out", tmp.resolve("two").toString());
        assertEquals(0, one.exit(), one::toString);
        assertEquals(0, two.exit(), two::toString);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(tmp.resolve("one"))) {
            s.filter(f -> f.toString().endsWith(".csv")).forEach(files::add);
        }
        assertEquals(8, files.size(), "three files per replication, runs.csv and peers.csv: " + files);
        for (Path f : files) {
            Path other = tmp.resolve("two").resolve(tmp.resolve("one").relativize(f));
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(other), f::toString);
        }
        String yaml = Files.readString(tmp.resolve("one/default/0/scenario.yaml"));
        assertTrue(yaml.lines().anyMatch(l -> l.strip().startsWith("seed: 11")),
                "scenario.yaml names the seed the run used, so it reruns the same run:\n" + yaml);
    }

    /** One case of the malformed corpus: a file, its --set overrides and the problems it must produce. */
    private record MalformedCase(String file, List<String> overrides, List<String[]> problems) {
    }

    /** Reads {@code cases.txt}: file | overrides (;; separated, - for none) | problem file | path | line | message. */
    private static List<MalformedCase> malformedCases(Path corpus) throws IOException {
        java.util.Map<String, MalformedCase> cases = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(corpus.resolve("cases.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].strip();
            }
            List<String> overrides = f[1].equals("-") ? List.of() : List.of(f[1].split(";;"));
            cases.computeIfAbsent(f[0] + " " + f[1], k -> new MalformedCase(f[0], overrides, new ArrayList<>()))
                    .problems().add(f);
        }
        return List.copyOf(cases.values());
    }

    @Test
    void everyMalformedScenarioIsBadInputWithoutAStackTrace() throws IOException {
        Path corpus = ROOT.resolve("scenarios/src/test/resources/malformed");
        List<MalformedCase> cases = malformedCases(corpus);
        assertFalse(cases.isEmpty(), "the malformed corpus is not empty");
        for (MalformedCase mc : cases) {
            String file = corpus.resolve(mc.file()).toString();
            List<String> sets = new ArrayList<>();
            mc.overrides().forEach(o -> {
                sets.add("--set");
                sets.add(o);
            });
            List<List<String>> commands = List.of(
                    Stream.concat(Stream.of("validate", file), sets.stream()).toList(),
                    Stream.concat(Stream.of("run", file, "--out", tmp.resolve("never").toString()), sets.stream())
                            .toList());
            for (List<String> command : commands) {
                Cli c = cli(command.toArray(String[]::new));
                String where = String.join(" ", command) + "\n" + c;
                assertEquals(2, c.exit(), where);
                assertFalse(c.leaksStackTrace(), where);
                assertFalse(c.err().contains("Usage:"), "a scenario problem, not a usage error: " + where);
                for (String[] p : mc.problems()) {
                    String at = p[4].equals("-") ? p[2] : p[2] + ":" + p[4];
                    assertTrue(c.err().contains(at), () -> "names " + at + ": " + where);
                    assertTrue(c.err().contains(p[5]), () -> "says '" + p[5] + "': " + where);
                }
            }
        }
        assertFalse(Files.exists(tmp.resolve("never")), "nothing written for malformed scenarios");
    }
}
