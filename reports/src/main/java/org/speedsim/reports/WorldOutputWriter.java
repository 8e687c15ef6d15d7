package org.speedsim.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.speedsim.engine.swarm.TimeSeries;
import org.speedsim.engine.world.WorldColumns;
import org.speedsim.engine.world.WorldResult;
import org.speedsim.reports.format.RunFiles;
import org.speedsim.reports.format.WorldFiles;

/**
 * Writes one world replication into its directory: {@value RunFiles#SCENARIO} when the resolved scenario is given,
 * then {@value WorldFiles#TIMESERIES}, {@value WorldFiles#TORRENTS}, {@value WorldFiles#USERS},
 * {@value WorldFiles#REQUESTS} and, last, {@value WorldFiles#SUMMARY}, so a directory holding a summary is complete.
 *
 * <p>Invariant: each file is written atomically ({@link AtomicFiles}) through the declarations of
 * {@link WorldFiles} and {@link CsvWriter}; every file but {@value WorldFiles#SUMMARY} depends only on the simulated
 * content, and the summary differs only in {@code wall_s}.
 */
public final class WorldOutputWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    /** Writes every file of one world replication but the scenario into {@code dir} (created if missing). */
    public List<Path> write(Path dir, WorldResult result) throws IOException {
        return write(dir, null, result);
    }

    /**
     * Writes every file of one world replication into {@code dir} (created if missing), {@value RunFiles#SCENARIO}
     * first when {@code resolvedYaml} is not null. Returns the files written, in order.
     *
     * @throws IllegalArgumentException when the result's time series does not have the columns
     *                                  {@link WorldColumns#SERIES} (nothing is written then)
     */
    public List<Path> write(Path dir, String resolvedYaml, WorldResult result) throws IOException {
        if (!result.series().columns().equals(WorldColumns.SERIES)) {
            throw new IllegalArgumentException("a world's time series must have the columns of WorldColumns.SERIES, "
                    + "not " + result.series().columns());
        }
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        if (resolvedYaml != null) {
            written.add(write(dir.resolve(RunFiles.SCENARIO), out -> out.write(resolvedYaml)));
        }
        written.add(write(dir.resolve(WorldFiles.TIMESERIES), out -> writeTimeSeries(out, result.series())));
        written.add(write(dir.resolve(WorldFiles.TORRENTS),
                out -> CsvWriter.write(out, WorldFiles.TORRENTS_COLUMNS, result.torrents())));
        written.add(write(dir.resolve(WorldFiles.USERS),
                out -> CsvWriter.write(out, WorldFiles.USERS_COLUMNS, result.users())));
        written.add(write(dir.resolve(WorldFiles.REQUESTS),
                out -> CsvWriter.write(out, WorldFiles.REQUESTS_COLUMNS, result.requests())));
        written.add(write(dir.resolve(WorldFiles.SUMMARY), out -> {
            JSON.writeValue(out, WorldFiles.summary(result));
            out.write('\n');
        }));
        return List.copyOf(written);
    }

    private static Path write(Path file, AtomicFiles.Content content) throws IOException {
        AtomicFiles.write(file, content);
        return file;
    }

    /** The time series as CSV under {@link WorldFiles#TIMESERIES_COLUMNS}, one row per sample. */
    public static void writeTimeSeries(Writer out, TimeSeries series) throws IOException {
        List<RunFiles.Sample> rows = new ArrayList<>(series.size());
        for (int r = 0; r < series.size(); r++) {
            double[] row = new double[series.columns().size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = series.get(r, c);
            }
            rows.add(new RunFiles.Sample(series.columns(), row));
        }
        CsvWriter.write(out, WorldFiles.TIMESERIES_COLUMNS, rows);
    }
}
