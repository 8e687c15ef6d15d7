package org.speedsim.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.speedsim.engine.swarm.PeerRecord;
import org.speedsim.engine.swarm.PieceCopyDistribution;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.TimeSeries;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * One replication's results as tables: the {@code timeseries.csv} samples, the {@code peers.csv} rows, the
 * {@code summary.json} tree and, when the run wrote it, {@code piececopies.csv}.
 *
 * <p>Invariant: every time-series column and every numeric peer column is a {@link DoubleColumn} (an empty CSV
 * cell, "did not happen", is a missing value, NaN); {@code class} and {@code client} are strings and
 * {@code initial_seed} is a boolean, so loading from files and building from an engine result give the same column
 * types.
 *
 * @param index       the replication index (its directory name)
 * @param dir         the directory it was read from; null when built in memory
 * @param pieceCopies {@code time_s,copies,pieces} rows, or null when the file is absent
 */
public record Replication(int index, Path dir, Table timeseries, Table peers, JsonNode summary, Table pieceCopies) {

    /** File names inside a replication directory. */
    public static final String TIMESERIES = "timeseries.csv";
    public static final String PEERS = "peers.csv";
    public static final String SUMMARY = "summary.json";
    public static final String PIECE_COPIES = "piececopies.csv";
    public static final String SCENARIO = "scenario.yaml";

    /** Whether {@code dir} holds a complete replication (its summary, written last, and both CSV files). */
    public static boolean isComplete(Path dir) {
        return Files.isRegularFile(dir.resolve(SUMMARY)) && Files.isRegularFile(dir.resolve(TIMESERIES))
                && Files.isRegularFile(dir.resolve(PEERS));
    }

    /**
     * Reads a replication directory. The index is the directory's name when it is a number, else the summary's
     * {@code replication} field.
     *
     * @throws IOException when a file is missing or unreadable; {@link DamagedResultException} when a file is not as
     *                     speedsim writes it (checked by {@link ResultFiles} before it is parsed)
     */
    public static Replication load(Path replicationDir) throws IOException {
        JsonNode summary = ResultFiles.summary(replicationDir.resolve(SUMMARY));
        Table timeseries = read(replicationDir.resolve(TIMESERIES), "timeseries");
        Table peers = read(replicationDir.resolve(PEERS), "peers");
        Path copies = replicationDir.resolve(PIECE_COPIES);
        Table pieceCopies = Files.isRegularFile(copies) ? read(copies, "piececopies") : null;
        String name = replicationDir.toAbsolutePath().normalize().getFileName().toString();
        int index = name.matches("[0-9]{1,9}") ? Integer.parseInt(name) : summary.path("replication").asInt(0);
        return new Replication(index, replicationDir, timeseries, peers, summary, pieceCopies);
    }

    /**
     * The same tables built in memory from an engine result (for notebooks), with the values the files would hold
     * ({@link Numbers#asWritten}); {@code dir} is null.
     */
    public static Replication of(int index, RunResult result) {
        return new Replication(index, null, timeseries(result.timeSeries()), peers(result.peers()),
                SummaryJson.node(result), pieceCopies(result.pieceCopies()));
    }

    /** The scenario as run ({@code scenario.yaml}), or null when built in memory or the file is absent. */
    public String scenarioYaml() {
        if (dir == null || !Files.isRegularFile(dir.resolve(SCENARIO))) {
            return null;
        }
        try {
            return Files.readString(dir.resolve(SCENARIO));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seconds until the swarm died, or NaN when it was alive at the end (censored). */
    public double deathSeconds() {
        JsonNode d = summary.path("swarmDeathSeconds");
        return d.isNumber() ? d.asDouble() : Double.NaN;
    }

    /** Simulated seconds of the run (where a surviving swarm's lifetime is censored). */
    public double simulatedSeconds() {
        return summary.path("simulatedSeconds").asDouble(Double.NaN);
    }

    /** Whether the time series has {@code column}. */
    public boolean hasColumn(String column) {
        return timeseries.columnNames().contains(column);
    }

    private static Table read(Path file, String name) throws IOException {
        ResultFiles.csv(file);
        CsvReadOptions options = CsvReadOptions.builder(file.toFile()).tableName(name).locale(Locale.ROOT)
                .missingValueIndicator("").columnTypes(Replication::columnType).build();
        try {
            return Table.read().csv(options);
        } catch (RuntimeException e) {
            throw new DamagedResultException(file, "cannot be read as a table: "
                    + ResultFiles.printable(e.getMessage()));
        }
    }

    private static ColumnType columnType(String column) {
        return switch (column) {
            case "class", "client" -> ColumnType.STRING;
            case "initial_seed" -> ColumnType.BOOLEAN;
            default -> ColumnType.DOUBLE;
        };
    }

    private static Table timeseries(TimeSeries series) {
        Table t = Table.create("timeseries");
        List<String> columns = series.columns();
        for (int c = 0; c < columns.size(); c++) {
            double[] values = series.column(c, null);
            for (int i = 0; i < values.length; i++) {
                values[i] = Numbers.asWritten(values[i]);
            }
            t.addColumns(DoubleColumn.create(columns.get(c), values));
        }
        return t;
    }

    private static Table pieceCopies(PieceCopyDistribution d) {
        if (d == null) {
            return null;
        }
        double[] time = new double[d.size()];
        double[] copies = new double[d.size()];
        double[] pieces = new double[d.size()];
        for (int i = 0; i < d.size(); i++) {
            time[i] = SummaryJson.seconds(d.timeMicros(i));
            copies[i] = d.copies(i);
            pieces[i] = d.pieces(i);
        }
        return Table.create("piececopies", DoubleColumn.create("time_s", time), DoubleColumn.create("copies", copies),
                DoubleColumn.create("pieces", pieces));
    }

    private static Table peers(List<PeerRecord> peers) {
        int n = peers.size();
        double[][] v = new double[13][n];
        String[] cls = new String[n];
        String[] client = new String[n];
        boolean[] seed = new boolean[n];
        for (int i = 0; i < n; i++) {
            PeerRecord p = peers.get(i);
            cls[i] = p.peerClass();
            client[i] = p.client();
            seed[i] = p.initialSeed();
            v[0][i] = p.peer();
            v[1][i] = time(p.arrivalMicros());
            v[2][i] = time(p.completionMicros());
            v[3][i] = time(p.departureMicros());
            v[4][i] = p.bytesUp();
            v[5][i] = p.bytesDown();
            v[6][i] = p.tokensSpent();
            v[7][i] = p.tokensEarned();
            v[8][i] = Numbers.asWritten(p.uploadBytesPerSecond());
            v[9][i] = Numbers.asWritten(p.downloadBytesPerSecond());
            v[10][i] = p.duplicateBytes();
            v[11][i] = p.tokensEarnedSettled();
            v[12][i] = p.messageBytes();
        }
        return Table.create("peers",
                DoubleColumn.create("peer", v[0]), StringColumn.create("class", cls),
                StringColumn.create("client", client), DoubleColumn.create("arrival_s", v[1]),
                DoubleColumn.create("completion_s", v[2]), DoubleColumn.create("departure_s", v[3]),
                DoubleColumn.create("bytes_up", v[4]), DoubleColumn.create("bytes_down", v[5]),
                DoubleColumn.create("tokens_spent", v[6]), DoubleColumn.create("tokens_earned", v[7]),
                BooleanColumn.create("initial_seed", seed),
                DoubleColumn.create("upload_bytes_per_s", v[8]), DoubleColumn.create("download_bytes_per_s", v[9]),
                DoubleColumn.create("duplicate_bytes", v[10]),
                DoubleColumn.create("tokens_earned_settled", v[11]),
                DoubleColumn.create("speed_message_bytes", v[12]));
    }

    private static double time(long micros) {
        return micros < 0 ? Double.NaN : SummaryJson.seconds(micros);
    }
}
