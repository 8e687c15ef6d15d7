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
import org.speedsim.reports.SummaryJson;

/**
 * Writes one replication's results into its directory: {@value #SCENARIO} (the resolved scenario),
 * {@value #TIMESERIES}, {@value #PIECE_COPIES}, {@value #PEERS} and, last, {@value #SUMMARY}, so a directory holding a summary is complete.
 *
 * <p>Invariant: each file is written atomically ({@link AtomicFiles}), and the CSV files depend only on the
 * {@link RunResult}'s simulated content, so the same seed gives byte-identical CSV files; the wall-clock time appears
 * only in {@value #SUMMARY}.
 */
public final class RunOutputWriter {

    public static final String SCENARIO = "scenario.yaml";
    public static final String TIMESERIES = "timeseries.csv";
    public static final String PIECE_COPIES = "piececopies.csv";
    public static final String PEERS = "peers.csv";
    public static final String SUMMARY = "summary.json";

    /** Every file a replication directory holds, in the order they are written. */
    public static final List<String> FILES = List.of(SCENARIO, TIMESERIES, PIECE_COPIES, PEERS, SUMMARY);

    /** Columns of {@value #PEERS}, in order. */
    public static final List<String> PEER_COLUMNS = List.of("peer", "class", "client", "arrival_s", "completion_s",
            "departure_s", "bytes_up", "bytes_down", "tokens_spent", "tokens_earned", "initial_seed", "upload_bytes_per_s",
            "download_bytes_per_s", "duplicate_bytes", "tokens_earned_settled",
            "speed_message_bytes");

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

    /**
     * The piece-copy histogram as CSV {@code time_s,copies,pieces}: at each sample time, how many pieces exactly
     * {@code copies} online peers hold.
     */
    public static void writePieceCopies(Writer out, PieceCopyDistribution d) throws IOException {
        CsvWriter csv = new CsvWriter(out, "time_s", "copies", "pieces");
        for (int i = 0; i < d.size(); i++) {
            csv.add(Numbers.seconds(d.timeMicros(i))).add(d.copies(i)).add(d.pieces(i));
            csv.endRow();
        }
    }

    /**
     * One row per peer; times in exact seconds, empty when the event did not happen; tokens in micro-BTT
     * ({@code tokens_earned} what the peer accepted, {@code tokens_earned_settled} what closes paid it).
     */
    public static void writePeers(Writer out, List<PeerRecord> peers) throws IOException {
        CsvWriter csv = new CsvWriter(out, PEER_COLUMNS.toArray(String[]::new));
        for (PeerRecord p : peers) {
            csv.add(p.peer()).add(p.peerClass()).add(p.client())
                    .add(time(p.arrivalMicros())).add(time(p.completionMicros())).add(time(p.departureMicros()))
                    .add(p.bytesUp()).add(p.bytesDown()).add(p.tokensSpent()).add(p.tokensEarned())
                    .add(Boolean.toString(p.initialSeed()))
                    .add(p.uploadBytesPerSecond()).add(p.downloadBytesPerSecond())
                    .add(p.duplicateBytes()).add(p.tokensEarnedSettled()).add(p.messageBytes());
            csv.endRow();
        }
    }

    private static String time(long micros) {
        return micros < 0 ? "" : Numbers.seconds(micros);
    }

    /** The content of {@value #SUMMARY}: see {@link SummaryJson#map}, shared with the reports module. */
    public static Map<String, Object> summary(RunResult result) {
        return SummaryJson.map(result);
    }
}
