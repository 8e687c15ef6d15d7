package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.reports.Csv;

/** {@code speedsim compare} with the real loader and engine on tiny scenarios. */
class CompareCommandTest {

    static final Path TINY = EndToEndTest.ROOT.resolve("cli/src/test/resources/experiments/tiny.yaml");
    static final Path TINY_SPEED = EndToEndTest.ROOT.resolve("cli/src/test/resources/experiments/tiny-speed.yaml");

    @TempDir
    Path tmp;

    static Cli real(String... args) {
        Services standard = Services.standard();
        return Cli.execute(new Services(standard.scenarios(), standard.engine(), () -> null), args);
    }

    private static List<List<String>> columns(Path peersCsv, List<String> names) throws IOException {
        List<List<String>> rows = Csv.read(peersCsv);
        List<String> header = rows.get(0);
        List<List<String>> out = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            List<String> picked = new ArrayList<>();
            for (String n : names) {
                picked.add(row.get(header.indexOf(n)));
            }
            out.add(picked);
        }
        return out;
    }

    private static final List<String> DRAWN = List.of("peer", "class", "arrival_s", "upload_bytes_per_s", "download_bytes_per_s");

    @Test
    void variantsSeeIdenticalArrivalsAndBandwidths() throws IOException {
        Cli c = real("compare", TINY.toString(), "--vary", "clients[0].seeding.mean=30s,10min", "--threads", "2",
                "--out", tmp.toString(), "--quiet", "--no-charts");
        assertEquals(0, c.exit(), c::toString);
        Path dir = tmp.resolve("tiny");
        boolean departuresDiffer = false;
        for (int r = 0; r < 4; r++) {
            Path a = dir.resolve("30s").resolve(Integer.toString(r)).resolve("peers.csv");
            Path b = dir.resolve("10min").resolve(Integer.toString(r)).resolve("peers.csv");
            List<List<String>> drawnA = columns(a, DRAWN);
            assertTrue(drawnA.size() > 20, "a swarm of some size: " + drawnA.size());
            assertEquals(drawnA, columns(b, DRAWN), "replication " + r);
            departuresDiffer |= !columns(a, List.of("departure_s")).equals(columns(b, List.of("departure_s")));
        }
        assertTrue(departuresDiffer, "the varied seeding time changes departures");
        // replications differ from each other: the streams are keyed by replication
        assertNotEquals(columns(dir.resolve("30s/0/peers.csv"), DRAWN), columns(dir.resolve("30s/1/peers.csv"), DRAWN));
    }

    @Test
    void clientMixVariantsSeeIdenticalArrivalsAndBandwidths() throws IOException {
        Cli c = real("compare", TINY_SPEED.toString(), "--vary", "clients[0].share=1,0.5", "--vary",
                "clients[1].share=0,0.5", "--labels", "legacy,mixed", "--out", tmp.toString(), "--quiet");
        assertEquals(0, c.exit(), c::toString);
        Path dir = tmp.resolve("tiny-speed");
        for (int r = 0; r < 3; r++) {
            List<String> drawn = List.of("peer", "class", "arrival_s", "upload_bytes_per_s", "download_bytes_per_s");
            List<List<String>> legacy = columns(dir.resolve("legacy/" + r + "/peers.csv"), drawn);
            List<List<String>> mixed = columns(dir.resolve("mixed/" + r + "/peers.csv"), drawn);
            assertEquals(legacy, mixed, "replication " + r);
            assertTrue(columns(dir.resolve("mixed/" + r + "/peers.csv"), List.of("client")).contains(List.of("speed")));
            assertFalse(columns(dir.resolve("legacy/" + r + "/peers.csv"), List.of("client")).contains(List.of("speed")));
        }
    }

    /**
     * Known answer: every leecher leaves on completion and the only seed, on a 1 Mbit/s uplink, leaves after one
     * minute. In 60 s it uploads at most 125 kB/s x 60 s = 7.5 MB, less than half of the 16 MiB file, so pieces leave
     * with it and the swarm dies at exactly 60 s; with the seed staying to the end (20 min), the swarm lives to the
     * end. Identical variants (two spellings of the same value) must show no difference at all, and no NaN.
     */
    @Test
    void aVariantBetterByConstructionIsSignificantAndIdenticalVariantsAreNot() throws IOException {
        Cli c = real("compare", TINY.toString(), "--vary", "initialSeeds[0].leaveAt=1min,60s,20min",
                "--labels", "leaves,leaves-too,stays", "--set", "clients[0].seeding={model: leave-at-once}",
                "--set", "file.size=16MiB", "--out", tmp.toString());
        assertEquals(0, c.exit(), c::toString);
        assertFalse(c.leaksStackTrace(), c::toString);
        List<List<String>> table = Csv.read(tmp.resolve("tiny/compare.csv"));
        List<String> header = table.get(0);
        assertEquals(List.of("metric", "variant", "n", "mean", "ci_low", "ci_high", "diff_vs_leaves", "diff_ci_low",
                "diff_ci_high", "p_value", "censored", "estimate", "interval", "test", "km_median"), header);
        List<String> leavesToo = row(table, RunMetrics.LIFETIME, "leaves-too");
        List<String> stays = row(table, RunMetrics.LIFETIME, "stays");
        List<String> leaves = row(table, RunMetrics.LIFETIME, "leaves");
        assertEquals("60", leaves.get(header.indexOf("mean")));
        assertEquals("1200", stays.get(header.indexOf("mean")));
        // the lifetime's test is the log-rank by replication: in each of the 4 pairs the leaving seed's swarm dies
        // first, so the exact p is 2 / 2^4 = 0.125, the smallest 4 replications can give; the paired interval of the
        // restricted means (1200 - 60 in every replication) excludes 0
        double p = Double.parseDouble(stays.get(header.indexOf("p_value")));
        assertEquals(0.125, p, 1e-12, stays::toString);
        assertEquals("log-rank by replication, exact", stays.get(header.indexOf("test")));
        assertEquals("1140", stays.get(header.indexOf("diff_ci_low")));
        assertTrue(Double.parseDouble(stays.get(header.indexOf("diff_ci_low"))) > 0, stays::toString);
        assertEquals("0", leavesToo.get(header.indexOf("diff_vs_leaves")));
        assertEquals("1", leavesToo.get(header.indexOf("p_value")));
        for (List<String> row : table.subList(1, table.size())) {
            if (row.get(header.indexOf("variant")).equals("leaves-too")
                    && Integer.parseInt(row.get(header.indexOf("n"))) >= 2) {
                assertEquals("1", row.get(header.indexOf("p_value")), "identical runs: no difference in " + row);
            }
        }
        assertTrue(c.out().contains("best: stays"), c::toString);
        assertTrue(Files.readString(tmp.resolve("tiny/compare.md")).contains("## " + RunMetrics.LIFETIME));
        assertEquals(1 + 3 * 4, Csv.read(tmp.resolve("tiny/runs.csv")).size());
        for (String chart : List.of("survival", "availability", "download-cdf")) {
            assertTrue(Files.size(tmp.resolve("tiny/charts").resolve(chart + ".png")) > 0, chart);
        }
    }

    private static List<String> row(List<List<String>> table, String metric, String variant) {
        for (List<String> r : table) {
            if (r.get(0).equals(metric) && r.get(1).equals(variant)) {
                return r;
            }
        }
        throw new AssertionError("no row " + metric + " " + variant);
    }

    @Test
    void aSecondRunResumesTheSameComparisonAndRefusesAnother() throws IOException {
        String[] args = {"compare", TINY.toString(), "--vary", "clients[0].seeding.mean=30s,10min",
            "--replications", "2", "--no-charts", "--out", tmp.toString()};
        Cli first = real(args);
        assertEquals(0, first.exit(), first::toString);
        String table = Files.readString(tmp.resolve("tiny/compare.csv"));
        Files.delete(tmp.resolve("tiny/10min/1/summary.json"));
        Cli again = real(args);
        assertEquals(0, again.exit(), again::toString);
        assertTrue(again.out().contains("resumed: 3 of 4 runs"), again::toString);
        assertEquals(table, Files.readString(tmp.resolve("tiny/compare.csv")));

        Cli other = real("compare", TINY.toString(), "--vary", "clients[0].seeding.mean=30s,20min",
                "--replications", "2", "--out", tmp.toString());
        assertEquals(2, other.exit(), other::toString);
        assertTrue(other.err().contains("holds a different compare") && other.err().contains("--force"),
                other::toString);
        assertFalse(other.leaksStackTrace());
        Cli forced = real("compare", TINY.toString(), "--vary", "clients[0].seeding.mean=30s,20min",
                "--replications", "2", "--out", tmp.toString(), "--force", "--quiet");
        assertEquals(0, forced.exit(), forced::toString);
        assertFalse(Files.exists(tmp.resolve("tiny/10min")), "the old comparison was replaced");
    }

    @Test
    void badRequestsExitWithTwoAndOneLine() throws IOException {
        List<String[]> bad = List.of(
                new String[] {"compare", TINY.toString()},
                new String[] {"compare", TINY.toString(), "--vary", "duration=1h"},
                new String[] {"compare", TINY.toString(), "--vary", "duration"},
                new String[] {"compare", TINY.toString(), "--vary", "duration=1h,1h"},
                new String[] {"compare", TINY.toString(), "--vary", "duration=1h,2h", "--labels", "a"},
                new String[] {"compare", TINY.toString(), "--vary", "duration=1h,2h", "--vary", "seed=1,2,3"},
                new String[] {"compare", TINY.toString(), TINY_SPEED.toString(), "--vary", "duration=1h,2h"},
                new String[] {"compare", TINY.toString(), "--vary", "duration=1h,-2h"},
                new String[] {"compare", tmp.resolve("missing.yaml").toString(), "--vary", "duration=1h,2h"},
                new String[] {"compare", TINY.toString(), "--vary", "duration=1h,2h", "--replications", "0"});
        for (String[] args : bad) {
            Cli c = real(concat(args, "--out", tmp.toString()));
            assertEquals(2, c.exit(), c::toString);
            assertFalse(c.leaksStackTrace(), c::toString);
            assertFalse(c.err().isBlank(), c::toString);
        }
        assertFalse(Files.exists(tmp.resolve("tiny")), "nothing written for a bad request");
    }

    @Test
    void aBadVariedPathIsReportedUnderItsOwnOption() {
        Cli c = real("compare", TINY.toString(), "--vary", "nosuchfield=1,2", "--out", tmp.toString(), "--quiet");
        assertEquals(2, c.exit(), c::toString);
        assertTrue(c.err().contains("--vary nosuchfield=1"), c::toString);
        assertFalse(c.err().contains("--set nosuchfield"), c::toString);
    }

    static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
