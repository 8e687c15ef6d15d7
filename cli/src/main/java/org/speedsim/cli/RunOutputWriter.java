package org.speedsim.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.speedsim.engine.swarm.PeerRecord;
import org.speedsim.engine.swarm.PieceCopyDistribution;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.TimeSeries;
import org.speedsim.reports.AtomicFiles;
import org.speedsim.reports.CsvWriter;
import org.speedsim.reports.SummaryJson;
import org.speedsim.reports.format.Column;
import org.speedsim.reports.format.RunFiles;

/**
 * Writes one replication's results into its directory: {@value #SCENARIO} (the resolved scenario),
 * {@value #TIMESERIES}, {@value #PIECE_COPIES}, {@value #PEERS} and, last, {@value #SUMMARY}, so a directory holding a summary is complete.
 *
 * <p>Invariant: each file is written atomically ({@link AtomicFiles}), and the CSV files depend only on the
 * {@link RunResult}'s simulated content, so the same seed gives byte-identical CSV files; the wall-clock time appears
 * only in {@value #SUMMARY}.
 */
public final class RunOutputWriter {

    public static final String SCENARIO = RunFiles.SCENARIO;
    public static final String TIMESERIES = RunFiles.TIMESERIES;
    public static final String PIECE_COPIES = RunFiles.PIECE_COPIES;
    public static final String PEERS = RunFiles.PEERS;
    public static final String SUMMARY = RunFiles.SUMMARY;

    /** Every file a replication directory holds, in the order they are written. */
    public static final List<String> FILES = RunFiles.FILES;

    /** Columns of {@value #PEERS}, in order ({@link RunFiles#PEERS_COLUMNS}). */
    public static final List<String> PEER_COLUMNS = Column.names(RunFiles.PEERS_COLUMNS);

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    /** Something that must succeed before a replication is complete (finishing its trace). */
    @FunctionalInterface
    public interface BeforeSummary {
        void run() throws IOException;
    }

    /** Writes every file of one replication into {@code dir} (created if missing). */
    public void write(Path dir, String resolvedYaml, RunResult result) throws IOException {
        write(dir, resolvedYaml, result, () -> { });
    }

    /**
     * Writes every file of one replication into {@code dir} (created if missing), running {@code beforeSummary}
     * after the other files and before {@value #SUMMARY}: if it throws, no summary is written.
     */
    public void write(Path dir, String resolvedYaml, RunResult result, BeforeSummary beforeSummary)
            throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(SCENARIO), resolvedYaml);
        AtomicFiles.write(dir.resolve(TIMESERIES), out -> writeTimeSeries(out, result.timeSeries()));
        AtomicFiles.write(dir.resolve(PIECE_COPIES), out -> writePieceCopies(out, result.pieceCopies()));
        AtomicFiles.write(dir.resolve(PEERS), out -> writePeers(out, result.peers()));
        beforeSummary.run();
        AtomicFiles.write(dir.resolve(SUMMARY), out -> {
            json.writeValue(out, summary(result));
            out.write('\n');
        });
    }

    /** The time series as CSV: the engine's columns in order, one row per sample. */
    public static void writeTimeSeries(Writer out, TimeSeries series) throws IOException {
        List<String> columns = series.columns();
        CsvWriter csv = new CsvWriter(out, columns.toArray(String[]::new));
        for (int r = 0; r < series.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                csv.add(series.get(r, c));
            }
            csv.endRow();
        }
    }

    /** The piece-copy histogram as CSV ({@link RunFiles#PIECE_COPIES_COLUMNS}). */
    public static void writePieceCopies(Writer out, PieceCopyDistribution d) throws IOException {
        CsvWriter.write(out, RunFiles.PIECE_COPIES_COLUMNS, RunFiles.PieceCopies.of(d));
    }

    /** One row per peer ({@link RunFiles#PEERS_COLUMNS}). */
    public static void writePeers(Writer out, List<PeerRecord> peers) throws IOException {
        CsvWriter.write(out, RunFiles.PEERS_COLUMNS, peers);
    }

    /** The content of {@value #SUMMARY}: see {@link SummaryJson#map}, shared with the reports module. */
    public static Map<String, Object> summary(RunResult result) {
        return SummaryJson.map(result);
    }
}
