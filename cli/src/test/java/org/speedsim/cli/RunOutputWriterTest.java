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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.engine.swarm.PeerRecord;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.TimeSeries;
import org.speedsim.reports.Csv;
import org.speedsim.reports.Numbers;

class RunOutputWriterTest {

    @TempDir
    Path tmp;

    private RunResult result(long seed, int replication) {
        return Fakes.run(Fakes.config("demo", seed).withSeed(seed, replication), null, null);
    }

    @Test
    void writesEveryFileOfTheContract() throws IOException {
        Path dir = tmp.resolve("demo/0");
        new RunOutputWriter().write(dir, "name: demo\n", result(42, 0));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("peers.csv", "piececopies.csv", "scenario.yaml", "summary.json", "timeseries.csv"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertEquals("name: demo\n", Files.readString(dir.resolve("scenario.yaml")));
    }

    @Test
    void pieceCopiesAreOneRowPerTimeAndCopyCount() throws IOException {
        RunResult r = result(42, 0);
        Path dir = tmp.resolve("p");
        new RunOutputWriter().write(dir, "", r);
        List<List<String>> rows = Csv.read(dir.resolve("piececopies.csv"));
        assertEquals(List.of("time_s", "copies", "pieces"), rows.get(0));
        var d = r.pieceCopies();
        assertEquals(d.size() + 1, rows.size());
        for (int i = 0; i < d.size(); i++) {
            assertEquals(List.of(Numbers.seconds(d.timeMicros(i)), Integer.toString(d.copies(i)),
                    Integer.toString(d.pieces(i))), rows.get(i + 1));
        }
    }

    @Test
    void timeSeriesHasTheEngineColumnsInOrderAndRoundTrips() throws IOException {
        RunResult r = result(42, 0);
        Path dir = tmp.resolve("d");
        new RunOutputWriter().write(dir, "", r);
        List<List<String>> rows = Csv.read(dir.resolve("timeseries.csv"));
        assertEquals(Fakes.SERIES_COLUMNS, rows.get(0));
        TimeSeries ts = r.timeSeries();
        assertEquals(ts.size() + 1, rows.size());
        for (int i = 0; i < ts.size(); i++) {
            List<String> row = rows.get(i + 1);
            assertEquals(ts.columns().size(), row.size());
            for (int c = 0; c < row.size(); c++) {
                double expected = ts.get(i, c);
                String cell = row.get(c);
                if (Double.isNaN(expected)) {
                    assertEquals("", cell);
                } else {
                    assertEquals(expected, Double.parseDouble(cell), Math.abs(expected) * 1e-11, cell);
                }
            }
        }
    }

    @Test
    void peersFollowTheContract() throws IOException {
        RunResult r = result(7, 1);
        Path dir = tmp.resolve("d");
        new RunOutputWriter().write(dir, "", r);
        List<List<String>> rows = Csv.read(dir.resolve("peers.csv"));
        assertEquals(List.of("peer", "class", "client", "arrival_s", "completion_s", "departure_s", "uploaded_bytes",
                "downloaded_bytes", "tokens_spent_ubtt", "tokens_earned_ubtt", "initial_seed", "upload_bytes_per_s", "download_bytes_per_s",
                "duplicate_bytes", "tokens_settled_ubtt", "speed_message_bytes"), rows.get(0));
        assertEquals(r.peers().size() + 1, rows.size());
        boolean sawEmpty = false;
        for (int i = 0; i < r.peers().size(); i++) {
            PeerRecord p = r.peers().get(i);
            List<String> row = rows.get(i + 1);
            assertEquals(16, row.size());
            assertEquals(Integer.toString(p.peer()), row.get(0));
            assertEquals(p.peerClass(), row.get(1));
            assertEquals(p.client(), row.get(2));
            assertSeconds(p.arrivalMicros(), row.get(3));
            assertSeconds(p.completionMicros(), row.get(4));
            assertSeconds(p.departureMicros(), row.get(5));
            sawEmpty |= row.get(4).isEmpty() || row.get(5).isEmpty();
            assertEquals(Long.toString(p.bytesUp()), row.get(6));
            assertEquals(Long.toString(p.bytesDown()), row.get(7));
            assertEquals(Long.toString(p.tokensSpent()), row.get(8));
            assertEquals(Long.toString(p.tokensEarned()), row.get(9));
            assertEquals(Boolean.toString(p.initialSeed()), row.get(10));
            assertEquals(p.uploadBytesPerSecond(), Double.parseDouble(row.get(11)), p.uploadBytesPerSecond() * 1e-11);
            assertEquals(p.downloadBytesPerSecond(), Double.parseDouble(row.get(12)),
                    p.downloadBytesPerSecond() * 1e-11);
            assertEquals(Long.toString(p.duplicateBytes()), row.get(13));
            assertEquals(Long.toString(p.tokensEarnedSettled()), row.get(14));
            assertEquals(Long.toString(p.messageBytes()), row.get(15));
        }
        assertTrue(sawEmpty, "the fake run should contain peers that never completed or left");
        String text = Files.readString(dir.resolve("peers.csv"));
        assertTrue(text.contains("\"dsl, slow\"") && text.contains("\"fibre \"\"fast\"\"\""), "quoted names");
    }

    private static void assertSeconds(long micros, String cell) {
        if (micros < 0) {
            assertEquals("", cell);
        } else {
            assertEquals(micros / 1e6, Double.parseDouble(cell), cell);
        }
    }

    @Test
    void summaryHasTheContractFields() throws IOException {
        RunResult alive = result(42, 0);
        RunResult died = result(42, 1);
        ObjectMapper json = new ObjectMapper();
        new RunOutputWriter().write(tmp.resolve("a"), "", alive);
        new RunOutputWriter().write(tmp.resolve("b"), "", died);
        JsonNode a = json.readTree(tmp.resolve("a/summary.json").toFile());
        JsonNode b = json.readTree(tmp.resolve("b/summary.json").toFile());
        for (String field : List.of("scenario", "seed", "replication", "simulated_s", "wall_s", "events",
                "peers_arrived", "peers_completed", "download_time_p50_s", "download_time_p90_s", "download_time_mean_s",
                "swarm_death_s", "uploaded_bytes", "downloaded_bytes", "invariants_ok", "duplicate_bytes", "piece_transfers", "overhead_bytes")) {
            assertTrue(a.has(field), field);
        }
        assertEquals("demo", a.get("scenario").asText());
        assertEquals(42, a.get("seed").asLong());
        assertEquals(0, a.get("replication").asInt());
        assertEquals(1, b.get("replication").asInt());
        assertEquals(7200.0, a.get("simulated_s").asDouble());
        assertEquals(0.125, a.get("wall_s").asDouble());
        assertEquals(alive.summary().events(), a.get("events").asLong());
        assertEquals(alive.summary().peersArrived(), a.get("peers_arrived").asInt());
        assertEquals(alive.summary().peersCompleted(), a.get("peers_completed").asInt());
        assertEquals(400.5, a.get("download_time_p50_s").asDouble());
        assertEquals(812.25, a.get("download_time_p90_s").asDouble());
        assertTrue(a.get("download_time_mean_s").isNull(), "NaN mean is null");
        assertTrue(a.get("swarm_death_s").isNull(), "alive swarm: null death time");
        assertEquals(1234.56789, b.get("swarm_death_s").asDouble());
        assertEquals(1_000_000_007L, a.get("uploaded_bytes").asLong());
        assertEquals(999_999_937L, a.get("downloaded_bytes").asLong());
        assertTrue(a.get("invariants_ok").asBoolean());
        assertEquals(123_456_789L, a.get("tokens_paid").asLong());
        assertEquals(1.1, b.get("clearing_price_mean").asDouble());
        assertEquals(alive.summary().events(), a.get("events").asLong(), "extra never replaces a standard field");
        assertEquals("clash", a.get("extra_events").asText());
    }

    @Test
    void sameResultGivesByteIdenticalCsvFiles() throws IOException {
        RunOutputWriter w = new RunOutputWriter();
        w.write(tmp.resolve("x"), "y", result(9, 2));
        w.write(tmp.resolve("y"), "y", result(9, 2));
        for (String f : List.of("timeseries.csv", "peers.csv", "summary.json", "scenario.yaml")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("x").resolve(f)),
                    Files.readAllBytes(tmp.resolve("y").resolve(f)), f);
        }
        assertFalse(Files.readString(tmp.resolve("x/timeseries.csv")).contains("\r"));
    }

    @Test
    void leavesNoTemporaryFiles() throws IOException {
        Path dir = tmp.resolve("d");
        RunOutputWriter w = new RunOutputWriter();
        w.write(dir, "a", result(1, 0));
        w.write(dir, "b", result(2, 0));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(RunOutputWriter.FILES.size(), files.filter(f -> !f.getFileName().toString().startsWith(".")).count());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().startsWith(".")).count());
        }
        assertEquals("b", Files.readString(dir.resolve("scenario.yaml")));
    }
}
