package org.speedsim.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.engine.swarm.TimeSeries;
import org.speedsim.engine.world.WorldColumns;
import org.speedsim.engine.world.WorldResult;
import org.speedsim.reports.format.Column;
import org.speedsim.reports.format.ReportFiles;
import org.w3c.dom.Document;

/**
 * The world report over replication directories written from {@link WorldFixtures}: every file exists and parses,
 * the tables hold values computed here by hand from the fixture's definition, and the same input gives the same
 * bytes whatever the order of the directories.
 */
class WorldReportTest {

    @TempDir
    Path tmp;

    private List<Path> replications(String scenario, int n) throws IOException {
        List<Path> dirs = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            Path dir = tmp.resolve("runs").resolve(scenario).resolve(Integer.toString(r));
            new WorldOutputWriter().write(dir, "name: " + scenario + "\n# replication " + r + "\n",
                    WorldFixtures.result(scenario, r));
            dirs.add(dir);
        }
        return dirs;
    }

    private static final List<String> CHARTS = List.of("world-availability", "world-request-success",
            "world-survival", "world-lorenz", "world-gini", "world-tokens");

    @Test
    void writesEveryChartAndTableAndTheyParse() throws Exception {
        List<Path> dirs = new ArrayList<>(replications("tail", 3));
        Path partial = tmp.resolve("runs").resolve("tail").resolve("3");
        Files.createDirectories(partial);
        Files.writeString(partial.resolve("timeseries.csv"), "time_s\n");
        dirs.add(partial);
        Path out = tmp.resolve("report");
        Report.Written w = WorldReport.write(dirs, out, ReportOptions.defaults());
        for (String chart : CHARTS) {
            assertTrue(w.charts().contains(out.resolve("charts").resolve(chart + ".png")), chart);
            Document svg = Xml.parse(out.resolve("charts").resolve(chart + ".svg"));
            assertEquals("svg", svg.getDocumentElement().getTagName(), chart);
        }
        assertEquals(2 * CHARTS.size(), w.charts().size());
        Document html = Xml.parse(w.html());
        assertEquals(CHARTS.size(), html.getElementsByTagName("img").getLength());
        String md = Files.readString(w.markdown());
        for (String chart : CHARTS) {
            assertTrue(md.contains("](charts/" + chart + ".png)"), chart);
        }
        assertTrue(md.contains("1 incomplete replication directory skipped"), md);
        Map<String, List<? extends Column<?>>> declared = Map.of(
                "world-request-success-tail.csv", ReportFiles.WORLD_REQUEST_SUCCESS,
                "world-survival-tail.csv", ReportFiles.WORLD_SURVIVAL,
                "world-lorenz-tail.csv", ReportFiles.WORLD_LORENZ,
                "world-tokens-tail.csv", ReportFiles.WORLD_TOKENS,
                "world-summary-tail.csv", ReportFiles.SUMMARY);
        for (Map.Entry<String, List<? extends Column<?>>> e : declared.entrySet()) {
            Path file = out.resolve("tables").resolve(e.getKey());
            assertTrue(w.tables().contains(file), e.getKey());
            assertEquals(Column.names(e.getValue()), Csv.read(file).get(0), e.getKey());
        }
        assertEquals(6, w.tables().size());
    }

    @Test
    void tablesHoldTheFixturesValues() throws Exception {
        Path out = tmp.resolve("report");
        WorldReport.write(replications("tail", 3), out, ReportOptions.defaults());
        Path tables = out.resolve("tables");

        // decile 1 is torrent 0, unavailable at age 100 (1 + r): 100, 200, 300 s; KM 2/3, 1/3, 0
        List<List<String>> survival = Csv.read(tables.resolve("world-survival-tail.csv"));
        List<List<String>> d1 = survival.stream().filter(r -> r.get(0).equals("1")).toList();
        assertEquals(List.of("1", "100", "3", "1", "0.666666666667"), d1.get(0).subList(0, 5));
        assertEquals(List.of("1", "200", "2", "1", "0.333333333333"), d1.get(1).subList(0, 5));
        assertEquals(List.of("1", "300", "1", "1", "0"), d1.get(2).subList(0, 5));

        // sample 5 (500 s): decile 5 available only in replication 0 (5 <= 5 - r)
        List<List<String>> series = Csv.read(tables.resolve("world-timeseries-tail.csv"));
        int column = series.get(0).indexOf("available_share_d5_mean");
        List<String> at500 = series.stream().filter(r -> r.get(0).equals("500")).findFirst().orElseThrow();
        assertEquals("0.333333333333", at500.get(column));
        int cumulative = series.get(0).indexOf("tokens_moved_cum_ubtt_mean");
        assertEquals(Numbers.format(2.5e4 * (1 + 2 + 3 + 4 + 5)), at500.get(cumulative));

        // the last moment (1000 s): lorenz_p50 = 0.5^(1 + 10/5) = 0.125 in every replication
        List<List<String>> lorenz = Csv.read(tables.resolve("world-lorenz-tail.csv"));
        assertEquals(List.of("1000", "0.5", "3", "0.125", "0.125", "0.125"),
                lorenz.stream().filter(r -> r.get(0).equals("1000") && r.get(1).equals("0.5")).findFirst()
                        .orElseThrow());

        // final balances of the airdropped users {0, 0.5, 2.5 + r} BTT: Gini 5/9, 7/12, 3/5
        Map<String, List<String>> tokens = new TreeMap<>();
        Csv.read(tables.resolve("world-tokens-tail.csv")).forEach(r -> tokens.put(r.get(0), r));
        assertEquals((5.0 / 9 + 7.0 / 12 + 3.0 / 5) / 3,
                Double.parseDouble(tokens.get(WorldReport.FINAL_BALANCE_GINI).get(4)), 1e-11);
        assertEquals("1500001", tokens.get("tokens_settled_ubtt").get(4));
        assertEquals("0.3", tokens.get("funded_by_earnings_share").get(4));

        List<List<String>> success = Csv.read(tables.resolve("world-request-success-tail.csv"));
        assertEquals(WorldReport.REQUEST_BINS * 10 + 1, success.size());
        assertEquals(300, success.stream().skip(1).mapToLong(r -> Long.parseLong(r.get(3))).sum());
    }

    @Test
    void theSameInputGivesTheSameBytesInAnyOrder() throws Exception {
        List<Path> dirs = replications("tail", 3);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        WorldReport.write(dirs, a, ReportOptions.defaults());
        WorldReport.write(List.of(dirs.get(2), dirs.get(0), dirs.get(1)), b, ReportOptions.defaults());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(a)) {
            files = walk.filter(Files::isRegularFile).map(a::relativize).sorted().toList();
        }
        assertEquals(2 + 2 * CHARTS.size() + 6, files.size());
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f.toString());
        }
    }

    @Test
    void severalScenariosGetAChartEachAndOneGiniChart() throws Exception {
        List<Path> dirs = new ArrayList<>(replications("all legacy", 2));
        dirs.addAll(replications("all speed", 2));
        Path out = tmp.resolve("compare");
        Report.Written w = WorldReport.write(dirs, out, ReportOptions.defaults());
        for (String slug : List.of("all-legacy", "all-speed")) {
            assertTrue(Files.isRegularFile(out.resolve("charts").resolve("world-survival-" + slug + ".svg")), slug);
            assertTrue(Files.isRegularFile(out.resolve("tables").resolve("world-tokens-" + slug + ".csv")), slug);
        }
        assertTrue(Files.isRegularFile(out.resolve("charts").resolve("world-gini.svg")));
        assertEquals(2 * (5 * 2 + 1), w.charts().size());
    }

    /** A legacy-only world: no request, no Speed user (the balance columns empty); the report still writes. */
    @Test
    void aWorldWithoutRequestsOrTokensStillReports() throws Exception {
        List<Path> dirs = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            WorldResult base = WorldFixtures.result("quiet", r);
            TimeSeries series = new TimeSeries(WorldColumns.SERIES);
            for (int i = 0; i <= 10; i++) {
                double[] row = new double[WorldColumns.SERIES.size()];
                java.util.Arrays.fill(row, Double.NaN);
                row[0] = 100.0 * i;
                row[1] = 3;
                series.add(row);
            }
            Path dir = tmp.resolve("quiet").resolve(Integer.toString(r));
            new WorldOutputWriter().write(dir, new WorldResult(base.config(), base.summary(), base.torrents(),
                    base.users().subList(0, 1), List.of(), series, 0));
            dirs.add(dir);
        }
        Path out = tmp.resolve("quiet-report");
        Report.Written w = WorldReport.write(dirs, out, ReportOptions.defaults());
        assertEquals(2 * CHARTS.size(), w.charts().size());
        List<List<String>> success = Csv.read(out.resolve("tables").resolve("world-request-success-quiet.csv"));
        assertTrue(success.stream().skip(1).allMatch(r -> r.get(3).equals("0") && r.get(6).isEmpty()));
        Map<String, List<String>> tokens = new TreeMap<>();
        Csv.read(out.resolve("tables").resolve("world-tokens-quiet.csv")).forEach(r -> tokens.put(r.get(0), r));
        assertEquals("0", tokens.get(WorldReport.FINAL_BALANCE_GINI).get(3), "no airdropped user: no value");
        Xml.parse(w.html());
    }

    @Test
    void findsTheReplicationsOfARunDirectoryInNumberOrder() throws IOException {
        List<Path> legacy = new ArrayList<>();
        for (int r : new int[] {10, 2, 1}) {
            Path dir = tmp.resolve("runs").resolve("legacy").resolve(Integer.toString(r));
            new WorldOutputWriter().write(dir, WorldFixtures.result("legacy", r));
            legacy.add(dir);
        }
        Path speed = tmp.resolve("runs").resolve("speed").resolve("0");
        new WorldOutputWriter().write(speed, WorldFixtures.result("speed", 0));
        Files.createDirectories(tmp.resolve("runs").resolve("legacy").resolve("report"));
        Files.createDirectories(tmp.resolve("runs").resolve("legacy").resolve("7"));
        List<Path> ordered = List.of(legacy.get(2), legacy.get(1), legacy.get(0));
        assertEquals(ordered, WorldReplication.directories(tmp.resolve("runs").resolve("legacy")));
        List<Path> all = new ArrayList<>(ordered);
        all.add(speed);
        assertEquals(all, WorldReplication.directories(tmp.resolve("runs")));
        assertEquals(List.of(speed), WorldReplication.directories(speed));
        assertEquals(List.of(), WorldReplication.directories(tmp.resolve("runs").resolve("legacy").resolve("7")));
    }

    /** Edits line {@code line} (1 = header) of a file with {@code edit}. */
    private static void editLine(Path file, int line, java.util.function.UnaryOperator<String> edit)
            throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(line - 1, edit.apply(lines.get(line - 1)));
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    @Test
    void damagedFilesAreRefusedNamingFileAndLine() throws IOException {
        Path dir = replications("tail", 1).get(0);
        Path requests = dir.resolve("requests.csv");
        Path torrents = dir.resolve("torrents.csv");
        String requestsText = Files.readString(requests);
        String torrentsText = Files.readString(torrents);
        Map<String, java.util.function.UnaryOperator<String>> requestEdits = Map.of(
                "torrent 99 is not in torrents.csv", l -> l.replaceFirst("^0,0,", "0,99,"),
                "requested_s is missing or negative", l -> l.replaceFirst("^0,0,0,", "0,0,,"));
        for (Map.Entry<String, java.util.function.UnaryOperator<String>> e : requestEdits.entrySet()) {
            editLine(requests, 2, e.getValue());
            DamagedResultException x = assertThrows(DamagedResultException.class,
                    () -> WorldReport.write(List.of(dir), tmp.resolve("out"), ReportOptions.defaults()));
            assertTrue(x.getMessage().contains("requests.csv") && x.getMessage().contains("line 2: " + e.getKey()),
                    x.getMessage());
            Files.writeString(requests, requestsText);
        }
        editLine(torrents, 3, l -> l.replaceFirst("^1,2000,2,-100,0,2,", "1,2000,2,-100,0,0,"));
        DamagedResultException x = assertThrows(DamagedResultException.class,
                () -> WorldReport.write(List.of(dir), tmp.resolve("out"), ReportOptions.defaults()));
        assertTrue(x.getMessage().contains("torrents.csv") && x.getMessage().contains("line 3: "), x.getMessage());
        Files.writeString(torrents, torrentsText.replaceFirst(",rank,", ",grade,"));
        x = assertThrows(DamagedResultException.class,
                () -> WorldReport.write(List.of(dir), tmp.resolve("out"), ReportOptions.defaults()));
        assertTrue(x.getMessage().contains("torrents.csv") && x.getMessage().contains("no rank column"),
                x.getMessage());
    }

    @Test
    void noCompleteReplicationIsRefused() throws IOException {
        Path partial = tmp.resolve("partial");
        Files.createDirectories(partial);
        assertThrows(IllegalArgumentException.class,
                () -> WorldReport.write(List.of(partial), tmp.resolve("out"), ReportOptions.defaults()));
    }
}
