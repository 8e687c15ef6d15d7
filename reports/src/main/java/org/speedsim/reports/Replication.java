package org.speedsim.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.speedsim.engine.swarm.PieceCopyDistribution;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.TimeSeries;
import org.speedsim.reports.format.Column;
import org.speedsim.reports.format.RunFiles;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One replication's results as tables: the {@code timeseries.csv} samples, the {@code peers.csv} rows, the
 * {@code summary.json} tree and, when the run wrote it, {@code piececopies.csv}.
 *
 * <p>Invariant: every time-series column and every numeric peer column is a {@link DoubleColumn} (an empty CSV
 * cell, "did not happen", is a missing value, NaN); text columns are strings and flags booleans, as
 * {@link RunFiles} declares them, so loading from files and building from an engine result give the same column
 * types.
 *
 * @param index       the replication index (its directory name)
 * @param dir         the directory it was read from; null when built in memory
 * @param pieceCopies {@code time_s,copies,pieces} rows, or null when the file is absent
 */
public record Replication(int index, Path dir, Table timeseries, Table peers, JsonNode summary, Table pieceCopies) {

    /** File names inside a replication directory. */
    public static final String TIMESERIES = RunFiles.TIMESERIES;
    public static final String PEERS = RunFiles.PEERS;
    public static final String SUMMARY = RunFiles.SUMMARY;
    public static final String PIECE_COPIES = RunFiles.PIECE_COPIES;
    public static final String SCENARIO = RunFiles.SCENARIO;

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
        PieceCopyDistribution copies = result.pieceCopies();
        return new Replication(index, null, timeseries(result.timeSeries()),
                table("peers", RunFiles.PEERS_COLUMNS, result.peers()), SummaryJson.node(result),
                copies == null ? null : table("piececopies", RunFiles.PIECE_COPIES_COLUMNS,
                        RunFiles.PieceCopies.of(copies)));
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
        JsonNode d = summary.path(RunFiles.SWARM_DEATH);
        return d.isNumber() ? d.asDouble() : Double.NaN;
    }

    /** Simulated seconds of the run (where a surviving swarm's lifetime is censored). */
    public double simulatedSeconds() {
        return summary.path(RunFiles.SIMULATED).asDouble(Double.NaN);
    }

    /** Whether the time series has {@code column}. */
    public boolean hasColumn(String column) {
        return timeseries.columnNames().contains(column);
    }

    private static Table read(Path file, String name) throws IOException {
        ResultFiles.csv(file);
        return ResultTables.read(file, name, List.of(RunFiles.PEERS_COLUMNS, RunFiles.PIECE_COPIES_COLUMNS,
                RunFiles.TIMESERIES_COLUMNS));
    }

    /** The table a file of {@code columns} holding {@code rows} reads as: every cell as {@link Column#cell} writes it. */
    static <R> Table table(String name, List<Column<R>> columns, List<R> rows) {
        Table t = Table.create(name);
        for (Column<R> c : columns) {
            switch (c.type()) {
                case TEXT -> t.addColumns(StringColumn.create(c.name(), rows.stream().map(c::cell)));
                case FLAG -> {
                    BooleanColumn b = BooleanColumn.create(c.name());
                    rows.forEach(r -> b.append((Boolean) c.value(r)));
                    t.addColumns(b);
                }
                case INTEGER, NUMBER -> t.addColumns(DoubleColumn.create(c.name(), rows.stream()
                        .mapToDouble(r -> {
                            String cell = c.cell(r);
                            return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
                        })));
            }
        }
        return t;
    }

    /** The time series as a table of the values the file holds ({@link Numbers#asWritten}). */
    static Table timeseries(TimeSeries series) {
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
}
