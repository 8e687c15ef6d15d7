package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.engine.swarm.PeerRecord;
import org.speedsim.engine.swarm.PieceCopyDistribution;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.RunSummary;
import org.speedsim.engine.swarm.TimeSeries;
import org.speedsim.reports.Csv;
import org.speedsim.reports.Replication;
import org.speedsim.reports.format.Column;
import org.speedsim.reports.format.ExperimentFiles;
import org.speedsim.reports.format.ReportFiles;
import org.speedsim.reports.format.RunFiles;
import org.speedsim.scenarios.LoadedScenario;
import tech.tablesaw.api.Table;

/**
 * The declarations of {@code org.speedsim.reports.format} agree with what {@code speedsim run} writes and with what
 * {@link Replication} reads, for every file of a run directory and both tidy tables. The files are read back with a
 * plain CSV and JSON parse, and their values checked against the engine's result of the same seed run again, through
 * a mapping from column name to engine field written out here (not the declarations' getters).
 */
class RunDirectoryFormatTest {

    private static final Path SCENARIO = EndToEndTest.ROOT.resolve("scenarios/speed-seeding.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static Path runDir;
    private static Path replication;
    private static RunResult expected;

    @BeforeAll
    static void runOnce() throws Exception {
        Services standard = Services.standard();
        Services services = new Services(standard.scenarios(), standard.engine(), () -> null);
        Cli c = Cli.execute(services, "run", SCENARIO.toString(), "--replications", "1", "--out",
                tmp.resolve("runs").toString(), "--quiet", "--report");
        assertEquals(0, c.exit(), c::toString);
        LoadedScenario scenario = services.scenarios().load(SCENARIO, List.of());
        runDir = tmp.resolve("runs").resolve(scenario.name());
        replication = runDir.resolve("0");
        expected = services.engine().run(scenario.config().withSeed(scenario.config().seed(), 0), null, null, 0);
    }

    @Test
    void peersCsvHasTheDeclaredColumnsHoldingTheEnginesRecords() throws IOException {
        List<List<String>> rows = Csv.read(replication.resolve(RunFiles.PEERS));
        assertEquals(Column.names(RunFiles.PEERS_COLUMNS), rows.get(0));
        List<PeerRecord> peers = expected.peers();
        assertEquals(peers.size() + 1, rows.size());
        for (int i = 0; i < peers.size(); i++) {
            for (int c = 0; c < rows.get(0).size(); c++) {
                String name = rows.get(0).get(c);
                assertEquals(peerField(peers.get(i), name), rows.get(i + 1).get(c), name + " of peer " + i);
            }
        }
        Table read = Replication.load(replication).peers();
        assertEquals(rows.get(0), read.columnNames(), "the reader's columns");
        assertReadAsWritten(rows, read);
    }

    /** What each peers.csv column holds, as text, from the engine's record. */
    private static String peerField(PeerRecord p, String name) {
        return switch (name) {
            case "peer" -> Integer.toString(p.peer());
            case "class" -> p.peerClass();
            case "client" -> p.client();
            case "arrival_s" -> seconds(p.arrivalMicros());
            case "completion_s" -> seconds(p.completionMicros());
            case "departure_s" -> seconds(p.departureMicros());
            case "uploaded_bytes" -> Long.toString(p.bytesUp());
            case "downloaded_bytes" -> Long.toString(p.bytesDown());
            case "tokens_spent_ubtt" -> Long.toString(p.tokensSpent());
            case "tokens_earned_ubtt" -> Long.toString(p.tokensEarned());
            case "initial_seed" -> Boolean.toString(p.initialSeed());
            case "upload_bytes_per_s" -> decimal(p.uploadBytesPerSecond());
            case "download_bytes_per_s" -> decimal(p.downloadBytesPerSecond());
            case "duplicate_bytes" -> Long.toString(p.duplicateBytes());
            case "tokens_settled_ubtt" -> Long.toString(p.tokensEarnedSettled());
            case "speed_message_bytes" -> Long.toString(p.messageBytes());
            default -> throw new AssertionError("peers.csv column " + name + " is not in this test's list");
        };
    }

    @Test
    void pieceCopiesCsvHasTheDeclaredColumns() throws IOException {
        List<List<String>> rows = Csv.read(replication.resolve(RunFiles.PIECE_COPIES));
        assertEquals(List.of("time_s", "copies", "pieces"), rows.get(0));
        assertEquals(Column.names(RunFiles.PIECE_COPIES_COLUMNS), rows.get(0));
        PieceCopyDistribution d = expected.pieceCopies();
        assertEquals(d.size() + 1, rows.size());
        for (int i = 0; i < d.size(); i++) {
            assertEquals(List.of(seconds(d.timeMicros(i)), Integer.toString(d.copies(i)),
                    Integer.toString(d.pieces(i))), rows.get(i + 1));
        }
        Table read = Replication.load(replication).pieceCopies();
        assertEquals(rows.get(0), read.columnNames());
        assertReadAsWritten(rows, read);
    }

    @Test
    void timeSeriesColumnsAreDeclaredAndTheBaseOnesComeFirst() throws IOException {
        List<List<String>> rows = Csv.read(replication.resolve(RunFiles.TIMESERIES));
        TimeSeries series = expected.timeSeries();
        assertEquals(series.columns(), rows.get(0));
        List<String> declared = Column.names(RunFiles.TIMESERIES_COLUMNS);
        assertEquals(declared.subList(0, RunFiles.TIMESERIES_BASE), rows.get(0).subList(0, RunFiles.TIMESERIES_BASE));
        assertEquals(declared, rows.get(0), "a Speed scenario has every declared column, in the declared order");
        for (int r = 0; r < series.size(); r++) {
            for (int c = 0; c < series.columns().size(); c++) {
                double v = series.get(r, c);
                assertEquals(Double.isNaN(v) ? "" : decimal(v), rows.get(r + 1).get(c));
            }
        }
        Table read = Replication.load(replication).timeseries();
        assertEquals(rows.get(0), read.columnNames());
        assertReadAsWritten(rows, read);
    }

    @Test
    void summaryJsonHasTheDeclaredFieldsFirstThenTheExtensionsInSnakeCase() throws IOException {
        JsonNode summary = JSON.readTree(replication.resolve(RunFiles.SUMMARY).toFile());
        List<String> keys = new ArrayList<>();
        summary.fieldNames().forEachRemaining(keys::add);
        List<String> declared = Column.names(RunFiles.SUMMARY_FIELDS);
        assertEquals(declared, keys.subList(0, declared.size()));
        RunSummary s = expected.summary();
        for (String name : declared) {
            if (!name.equals("wall_s")) {
                assertEquals(summaryField(s, name), summary.get(name), name);
            }
        }
        for (String key : keys) {
            assertTrue(key.matches("[a-z][a-z0-9_]*"), key + " is not snake_case");
        }
        assertEquals(parsed(((Map<?, ?>) s.extra().get("tokens")).get("paid")), summary.get("tokens_paid"),
                "the extension's tokens.paid is tokens_paid");
        assertEquals(summary, Replication.load(replication).summary(), "the reader's summary");
    }

    /** What each standard summary.json field holds, from the engine's summary. */
    private static JsonNode summaryField(RunSummary s, String name) {
        Object v = switch (name) {
            case "scenario" -> s.scenario();
            case "seed" -> s.seed();
            case "replication" -> s.replication();
            case "simulated_s" -> s.simulatedMicros() / 1e6;
            case "events" -> s.events();
            case "peers_arrived" -> s.peersArrived();
            case "peers_completed" -> s.peersCompleted();
            case "download_time_p50_s" -> s.downloadP50Seconds();
            case "download_time_p90_s" -> s.downloadP90Seconds();
            case "download_time_mean_s" -> s.downloadMeanSeconds();
            case "swarm_death_s" -> s.swarmDied() ? s.swarmDeathMicros() / 1e6 : null;
            case "swarm_died" -> s.swarmDied();
            case "uploaded_bytes" -> s.bytesUploaded();
            case "downloaded_bytes" -> s.bytesDownloaded();
            case "duplicate_bytes" -> s.duplicateBytes();
            case "piece_transfers" -> s.pieceTransfers();
            case "overhead_bytes" -> s.overheadBytes();
            case "invariants_ok" -> s.invariantsOk();
            default -> throw new AssertionError("summary field " + name + " is not in this test's list");
        };
        if (v instanceof Double d && !Double.isFinite(d)) {
            v = null;
        }
        return parsed(v);
    }

    /** The node a parser gives for {@code v} written as JSON (the node types of a file read back). */
    private static JsonNode parsed(Object v) {
        try {
            return JSON.readTree(JSON.writeValueAsString(v));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void tidyTablesHaveTheDeclaredKeysThenEveryMetric() throws IOException {
        JsonNode summary = JSON.readTree(replication.resolve(RunFiles.SUMMARY).toFile());
        List<List<String>> runs = Csv.read(runDir.resolve(ExperimentFiles.RUNS));
        List<String> header = new ArrayList<>(List.of("variant", "replication", "directory"));
        assertEquals(Column.names(ExperimentFiles.RUN_KEY), header);
        header.addAll(Column.names(ExperimentFiles.DERIVED));
        for (Iterator<Map.Entry<String, JsonNode>> it = summary.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            boolean numeric = e.getValue().isNumber() || e.getValue().isBoolean() || e.getValue().isNull();
            if (numeric && !ExperimentFiles.NOT_METRICS.contains(e.getKey())) {
                header.add(e.getKey());
            }
        }
        assertEquals(header, runs.get(0));
        assertEquals(2, runs.size());
        List<String> row = runs.get(1);
        assertEquals(List.of(expected.summary().scenario(), "0", "0"), row.subList(0, 3));
        for (int c = 3 + ExperimentFiles.DERIVED.size(); c < header.size(); c++) {
            JsonNode v = summary.get(header.get(c));
            String cell = v.isNull() ? "" : v.isBoolean() ? (v.asBoolean() ? "1" : "0") : decimal(v.asDouble());
            assertEquals(cell, row.get(c), header.get(c));
        }
        RunSummary s = expected.summary();
        double lifetime = s.swarmDied() ? s.swarmDeathMicros() / 1e6 : s.simulatedMicros() / 1e6;
        assertEquals(List.of(decimal(lifetime), s.swarmDied() ? "0" : "1",
                decimal((double) s.peersCompleted() / s.peersArrived())), row.subList(3, 6));

        List<List<String>> peers = Csv.read(runDir.resolve(ExperimentFiles.PEERS));
        List<String> peerHeader = new ArrayList<>(List.of("variant", "replication"));
        peerHeader.addAll(Column.names(RunFiles.PEERS_COLUMNS));
        assertEquals(peerHeader, peers.get(0));
        List<List<String>> runPeers = Csv.read(replication.resolve(RunFiles.PEERS));
        assertEquals(runPeers.size(), peers.size());
        for (int i = 1; i < peers.size(); i++) {
            assertEquals(runPeers.get(i), peers.get(i).subList(2, peers.get(i).size()));
        }
    }

    @Test
    void reportTablesHaveTheDeclaredColumns() throws IOException {
        String name = expected.summary().scenario();
        Path tables = runDir.resolve("report").resolve("tables");
        List<List<String>> summaryTable = Csv.read(tables.resolve("summary-" + name + ".csv"));
        assertEquals(List.of("field", "n", "mean", "sd", "ci_low", "ci_high", "interval"), summaryTable.get(0));
        assertEquals(Column.names(ReportFiles.SUMMARY), summaryTable.get(0));
        JsonNode summary = JSON.readTree(replication.resolve(RunFiles.SUMMARY).toFile());
        List<String> fields = new ArrayList<>();
        summary.fields().forEachRemaining(e -> {
            boolean numeric = e.getValue().isNumber() || e.getValue().isBoolean() || e.getValue().isNull();
            if (numeric && !List.of("seed", "replication", "wall_s").contains(e.getKey())) {
                fields.add(e.getKey());
            }
        });
        assertEquals(fields, summaryTable.stream().skip(1).map(r -> r.get(0)).toList());
        for (List<String> row : summaryTable.subList(1, summaryTable.size())) {
            JsonNode v = summary.get(row.get(0));
            String mean = v.isNull() ? "" : v.isBoolean() ? (v.asBoolean() ? "1" : "0") : decimal(v.asDouble());
            assertEquals(List.of(v.isNull() ? "0" : "1", mean), row.subList(1, 3), row.get(0) + ": one replication");
        }

        assertEquals(Column.names(ReportFiles.SURVIVAL), Csv.read(tables.resolve("survival-" + name + ".csv")).get(0));
        List<String> bands = new ArrayList<>(List.of("time_s", "n"));
        for (String c : expected.timeSeries().columns().subList(1, expected.timeSeries().columns().size())) {
            bands.addAll(List.of(c + "_mean", c + "_ci_low", c + "_ci_high"));
        }
        assertEquals(bands, Csv.read(tables.resolve("timeseries-" + name + ".csv")).get(0));
    }

    /** Every cell of a table read by the reports equals its CSV text parsed independently. */
    private static void assertReadAsWritten(List<List<String>> rows, Table read) {
        assertEquals(rows.size() - 1, read.rowCount());
        for (int r = 1; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(0).size(); c++) {
                String cell = rows.get(r).get(c);
                var column = read.column(c);
                if (cell.isEmpty()) {
                    assertTrue(column.isMissing(r - 1), rows.get(0).get(c) + " row " + r + " should be missing");
                } else if (column instanceof tech.tablesaw.api.NumericColumn<?> n) {
                    assertEquals(Double.parseDouble(cell), n.getDouble(r - 1), rows.get(0).get(c));
                } else {
                    assertEquals(cell, column.getString(r - 1), rows.get(0).get(c));
                }
            }
        }
    }

    private static String seconds(long micros) {
        return micros < 0 ? "" : new BigDecimal(micros).movePointLeft(6).stripTrailingZeros().toPlainString();
    }

    /** A number as written: integers without a fraction, else at most 12 significant digits, shortest form. */
    private static String decimal(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        BigDecimal d = new BigDecimal(v).round(new java.math.MathContext(12)).stripTrailingZeros();
        return d.toPlainString();
    }
}
