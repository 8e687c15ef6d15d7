package org.speedsim.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.engine.swarm.TimeSeries;
import org.speedsim.engine.world.RequestRecord;
import org.speedsim.engine.world.TorrentRecord;
import org.speedsim.engine.world.UserRecord;
import org.speedsim.engine.world.WorldColumns;
import org.speedsim.engine.world.WorldResult;
import org.speedsim.engine.world.WorldSummary;
import org.speedsim.reports.format.Column;
import org.speedsim.reports.format.WorldFiles;
import tech.tablesaw.api.Table;

/**
 * The world files {@link WorldOutputWriter} writes hold the columns {@link WorldFiles} declares, with the values of
 * the result: read back with a plain CSV and JSON parse and checked through a mapping from column name to record
 * field written out here (not the declarations' getters); {@link WorldReplication#read} gives the same tables.
 */
class WorldDirectoryFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static WorldResult result;
    private static Path dir;
    private static List<Path> written;

    @BeforeAll
    static void writeOnce() throws IOException {
        result = WorldFixtures.result("tail", 1, 14);
        dir = tmp.resolve("tail").resolve("1");
        written = new WorldOutputWriter().write(dir, "name: tail\n", result);
    }

    @Test
    void writesEveryFileInOrderSummaryLastAndNoTemporaryFile() throws IOException {
        assertEquals(WorldFiles.FILES.stream().map(dir::resolve).toList(), written);
        try (var files = Files.list(dir)) {
            assertEquals(WorldFiles.FILES.size(), files.count(), "only the declared files, no temporary one");
        }
        assertEquals("name: tail\n", Files.readString(dir.resolve("scenario.yaml")));
        assertTrue(WorldReplication.isComplete(dir) && WorldReplication.isWorld(dir));
    }

    @Test
    void torrentsCsvHoldsTheRecords() throws IOException {
        List<List<String>> rows = Csv.read(dir.resolve("torrents.csv"));
        assertEquals(Column.names(WorldFiles.TORRENTS_COLUMNS), rows.get(0));
        assertEquals(result.torrents().size() + 1, rows.size());
        for (int i = 0; i < result.torrents().size(); i++) {
            for (int c = 0; c < rows.get(0).size(); c++) {
                String name = rows.get(0).get(c);
                assertEquals(torrentField(result.torrents().get(i), name), rows.get(i + 1).get(c),
                        name + " of torrent " + i);
            }
        }
        // hand-checked cells: torrent 0 released 200 s before the start, torrent 13 never released in 1000 s
        assertEquals(List.of("0", "1000", "1", "-200", "0", "1", "1", "3", "0", "0.1", "200", "200", "1", "0"),
                rows.get(1));
        assertEquals("", rows.get(14).get(10));
        assertEquals("", rows.get(14).get(11));
        assertReadAsWritten(rows, WorldReplication.read(dir).torrents());
    }

    private static String torrentField(TorrentRecord t, String name) {
        return switch (name) {
            case "torrent" -> Integer.toString(t.id());
            case "size_bytes" -> Long.toString(t.sizeBytes());
            case "pieces" -> Integer.toString(t.pieces());
            case "release_s" -> seconds(t.releaseMicros());
            case "available_from_s" -> seconds(t.availableFromMicros());
            case "rank" -> Integer.toString(t.rank());
            case "decile" -> Integer.toString(t.decile());
            case "requests" -> Long.toString(t.requests());
            case "completions" -> Long.toString(t.completions());
            case "available_fraction" -> decimal(t.availableFraction());
            case "first_unavailable_s" -> t.firstUnavailableMicros() < 0 ? "" : seconds(t.firstUnavailableMicros());
            case "last_available_s" -> t.lastAvailableMicros() < 0 ? "" : seconds(t.lastAvailableMicros());
            case "swarms" -> Integer.toString(t.swarms());
            case "uploaded_bytes" -> Long.toString(t.uploadedBytes());
            default -> throw new AssertionError("torrents.csv column " + name + " is not in this test's list");
        };
    }

    @Test
    void usersCsvHoldsTheRecordsAndQuotesACommaInAClassName() throws IOException {
        String text = Files.readString(dir.resolve("users.csv"));
        assertTrue(text.contains("\n0,\"dsl, slow\",legacy,125000.5,1000000,"), text);
        List<List<String>> rows = Csv.read(dir.resolve("users.csv"));
        assertEquals(Column.names(WorldFiles.USERS_COLUMNS), rows.get(0));
        assertEquals(result.users().size() + 1, rows.size());
        for (int i = 0; i < result.users().size(); i++) {
            for (int c = 0; c < rows.get(0).size(); c++) {
                String name = rows.get(0).get(c);
                assertEquals(userField(result.users().get(i), name), rows.get(i + 1).get(c), name + " of user " + i);
            }
        }
        assertEquals("250.000001", rows.get(1).get(12), "seeding time in exact seconds");
        assertReadAsWritten(rows, WorldReplication.read(dir).users());
    }

    private static String userField(UserRecord u, String name) {
        return switch (name) {
            case "user" -> Integer.toString(u.id());
            case "class" -> u.peerClass();
            case "client" -> u.client();
            case "upload_bytes_per_s" -> decimal(u.uploadBytesPerSecond());
            case "download_bytes_per_s" -> decimal(u.downloadBytesPerSecond());
            case "airdrop_ubtt" -> Long.toString(u.airdropUbtt());
            case "final_balance_ubtt" -> Long.toString(u.finalBalanceUbtt());
            case "tokens_earned_ubtt" -> Long.toString(u.earnedUbtt());
            case "tokens_spent_ubtt" -> Long.toString(u.spentUbtt());
            case "uploaded_bytes" -> Long.toString(u.uploadedBytes());
            case "downloaded_bytes" -> Long.toString(u.downloadedBytes());
            case "online_s" -> seconds(u.onlineMicros());
            case "seeding_s" -> seconds(u.seedingMicros());
            case "torrents_seeded" -> Integer.toString(u.torrentsSeeded());
            case "sessions" -> Integer.toString(u.sessions());
            case "library_torrents" -> Integer.toString(u.libraryTorrents());
            default -> throw new AssertionError("users.csv column " + name + " is not in this test's list");
        };
    }

    @Test
    void requestsCsvHoldsTheRecords() throws IOException {
        List<List<String>> rows = Csv.read(dir.resolve("requests.csv"));
        assertEquals(List.of("user", "torrent", "requested_s", "ended_s", "outcome", "downloaded_bytes"), rows.get(0));
        assertEquals(Column.names(WorldFiles.REQUESTS_COLUMNS), rows.get(0));
        assertEquals(result.requests().size() + 1, rows.size());
        for (int i = 0; i < result.requests().size(); i++) {
            RequestRecord q = result.requests().get(i);
            assertEquals(List.of(Integer.toString(q.user()), Integer.toString(q.torrent()),
                    seconds(q.requestedMicros()), q.endedMicros() < 0 ? "" : seconds(q.endedMicros()),
                    switch (q.outcome()) {
                        case COMPLETED -> "completed";
                        case GAVE_UP -> "gave-up";
                        case WENT_OFFLINE -> "went-offline";
                        case OPEN -> "open";
                    }, Long.toString(q.downloadedBytes())), rows.get(i + 1), "request " + i);
        }
        assertEquals(List.of("1", "1", "1", "6.5", "went-offline", "7"), rows.get(2));
        assertEquals(List.of("3", "13", "891", "", "open", "7"), rows.get(rows.size() - 1));
        assertReadAsWritten(rows, WorldReplication.read(dir).requests());
    }

    @Test
    void timeSeriesCsvHasTheContractsColumnsAndValues() throws IOException {
        List<List<String>> rows = Csv.read(dir.resolve("timeseries.csv"));
        assertEquals(WorldColumns.SERIES, rows.get(0));
        assertEquals(Column.names(WorldFiles.TIMESERIES_COLUMNS), rows.get(0));
        TimeSeries s = result.series();
        assertEquals(s.size() + 1, rows.size());
        for (int r = 0; r < s.size(); r++) {
            for (int c = 0; c < s.columns().size(); c++) {
                assertEquals(decimal(s.get(r, c)), rows.get(r + 1).get(c), s.columns().get(c) + " at row " + r);
            }
        }
        assertEquals("0.3", rows.get(2).get(13), "0.1 + 0.2 written as the rounded value");
        assertReadAsWritten(rows, WorldReplication.read(dir).timeseries());
    }

    @Test
    void summaryJsonIsFlatSnakeCaseInDeclaredOrderWithTheSummarysValues() throws IOException {
        JsonNode json = JSON.readTree(dir.resolve("summary.json").toFile());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertEquals(Column.names(WorldFiles.SUMMARY_FIELDS), keys);
        WorldSummary s = result.summary();
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            assertTrue(key.matches("[a-z][a-z0-9_]*"), key);
            JsonNode v = json.get(key);
            assertTrue(v.isValueNode(), key + " is flat");
            Object expected = summaryField(s, key);
            if (expected instanceof Double d) {
                if (Double.isNaN(d)) {
                    assertTrue(v.isNull(), key + " null for NaN");
                } else {
                    assertEquals(Numbers.asWritten(d), v.asDouble(), 0, key);
                }
            } else if (expected instanceof Boolean b) {
                assertEquals(b, v.asBoolean(), key);
            } else if (expected instanceof String t) {
                assertEquals(t, v.asText(), key);
            } else {
                assertTrue(v.isIntegralNumber(), key + " integral");
                assertEquals(((Number) expected).longValue(), v.asLong(), key);
            }
        }
        assertEquals(0.3, json.get("funded_by_earnings_share").asDouble(), 0, "0.1 + 0.2 as 0.3");
        assertEquals(0.5, json.get("request_success_d2").asDouble(), 0);
        assertTrue(json.get("request_success_d10").isNull());
        assertEquals(0.30000000000000004, 0.1 + 0.2, 0);
        assertEquals(JSON.readTree(dir.resolve("summary.json").toFile()), WorldReplication.read(dir).summary());
    }

    private static Object summaryField(WorldSummary s, String key) {
        if (key.startsWith("request_success_d")) {
            return s.requestSuccessByDecile().get(Integer.parseInt(key.substring(17)) - 1);
        }
        if (key.startsWith("availability_d")) {
            return s.availabilityByDecile().get(Integer.parseInt(key.substring(14)) - 1);
        }
        return switch (key) {
            case "scenario" -> "tail";
            case "seed" -> 42L;
            case "replication" -> 1L;
            case "simulated_s" -> s.simulatedMicros() / 1e6;
            case "wall_s" -> result.wallSeconds();
            case "events" -> s.events();
            case "piece_transfers" -> s.pieceTransfers();
            case "requests" -> s.requests();
            case "requests_completed" -> s.completed();
            case "requests_gave_up" -> s.gaveUp();
            case "requests_went_offline" -> s.wentOffline();
            case "requests_open" -> s.open();
            case "request_success" -> s.requestSuccess();
            case "torrents" -> (long) s.torrents();
            case "torrents_released" -> (long) s.torrentsReleased();
            case "torrents_unavailable" -> (long) s.torrentsUnavailable();
            case "tokens_airdropped_ubtt" -> s.airdroppedUbtt();
            case "tokens_spent_ubtt" -> s.spentUbtt();
            case "tokens_earned_ubtt" -> s.earnedUbtt();
            case "tokens_settled_ubtt" -> s.settledUbtt();
            case "funded_by_earnings_share" -> s.fundedByEarningsShare();
            case "token_velocity_per_day" -> s.tokenVelocityPerDay();
            case "conserved" -> s.conserved();
            case "ledger_checks" -> s.ledgerChecks();
            case "uplink_exceeded" -> s.uplinkExceeded();
            case "uploaded_bytes" -> s.uploadedBytes();
            case "downloaded_bytes" -> s.downloadedBytes();
            case "peak_swarms" -> (long) s.peakSwarms();
            case "peak_users_online" -> (long) s.peakUsersOnline();
            default -> throw new AssertionError("summary.json field " + key + " is not in this test's list");
        };
    }

    @Test
    void inMemoryTablesEqualTheFilesRead() throws IOException {
        WorldReplication read = WorldReplication.read(dir);
        WorldReplication memory = WorldReplication.of(1, result);
        for (String f : List.of("timeseries.csv", "torrents.csv", "users.csv", "requests.csv")) {
            assertReadAsWritten(Csv.read(dir.resolve(f)), switch (f) {
                case "timeseries.csv" -> memory.timeseries();
                case "torrents.csv" -> memory.torrents();
                case "users.csv" -> memory.users();
                default -> memory.requests();
            });
        }
        assertEquals(read.summary(), memory.summary());
        assertEquals(1, memory.index());
    }

    @Test
    void theSameResultGivesTheSameBytesExceptTheWallClock() throws IOException {
        WorldResult again = WorldFixtures.result("tail", 1, 14);
        Path other = tmp.resolve("again");
        new WorldOutputWriter().write(other, "name: tail\n", new WorldResult(again.config(), again.summary(),
                again.torrents(), again.users(), again.requests(), again.series(), result.wallSeconds()));
        for (String f : WorldFiles.FILES) {
            assertArrayEquals(Files.readAllBytes(dir.resolve(f)), Files.readAllBytes(other.resolve(f)), f);
        }
    }

    @Test
    void everyFileIsToldToTheRecordersBeforeItIsWritten() throws IOException {
        List<Path> told = new ArrayList<>();
        AtomicFiles.Recorder recorder = target -> {
            assertTrue(Files.notExists(target), target + " told before it exists");
            told.add(target);
        };
        AtomicFiles.addRecorder(recorder);
        try {
            Path fresh = tmp.resolve("recorded");
            assertEquals(told, List.of());
            List<Path> files = new WorldOutputWriter().write(fresh, "name: tail\n", result);
            assertEquals(files, told);
        } finally {
            AtomicFiles.removeRecorder(recorder);
        }
    }

    @Test
    void aSeriesWithOtherColumnsIsRefusedBeforeAnythingIsWritten() {
        WorldResult bad = new WorldResult(result.config(), result.summary(), result.torrents(), result.users(),
                result.requests(), new TimeSeries(List.of("time_s", "users_online")), 0);
        Path target = tmp.resolve("bad");
        assertThrows(IllegalArgumentException.class, () -> new WorldOutputWriter().write(target, bad));
        assertTrue(Files.notExists(target));
    }

    @Test
    void aDamagedFileIsRefusedNamingIt() throws IOException {
        Path copy = tmp.resolve("damaged");
        new WorldOutputWriter().write(copy, result);
        String text = Files.readString(copy.resolve("torrents.csv"));
        Files.writeString(copy.resolve("torrents.csv"), text.substring(0, text.length() - 3));
        DamagedResultException e = assertThrows(DamagedResultException.class, () -> WorldReplication.read(copy));
        assertTrue(e.getMessage().contains("torrents.csv"), e.getMessage());
    }

    /** Every cell the reader holds is the file's text parsed as its type (empty: missing). */
    private static void assertReadAsWritten(List<List<String>> rows, Table read) {
        assertEquals(rows.get(0), read.columnNames(), "the reader's columns");
        assertEquals(rows.size() - 1, read.rowCount());
        for (int r = 1; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(0).size(); c++) {
                String cell = rows.get(r).get(c);
                var column = read.column(c);
                if (column instanceof tech.tablesaw.api.NumericColumn<?> n) {
                    double expected = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
                    assertEquals(expected, n.getDouble(r - 1), 0, rows.get(0).get(c) + " row " + r);
                } else {
                    assertEquals(cell, column.getString(r - 1), rows.get(0).get(c) + " row " + r);
                }
            }
        }
    }

    private static String seconds(long micros) {
        return new BigDecimal(micros).movePointLeft(6).stripTrailingZeros().toPlainString();
    }

    private static String decimal(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return new BigDecimal(d).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
    }
}
