package org.speedsim.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.speedsim.engine.world.WorldResult;
import org.speedsim.reports.format.WorldFiles;
import tech.tablesaw.api.Table;

/**
 * One world replication's files read back as tables, by column name: {@value WorldFiles#TIMESERIES},
 * {@value WorldFiles#TORRENTS}, {@value WorldFiles#USERS}, {@value WorldFiles#REQUESTS} and the
 * {@value WorldFiles#SUMMARY} tree.
 *
 * <p>Invariant: text columns are strings and flags booleans as {@link WorldFiles} declares them; every number is a
 * double column, an empty cell (a time that never came) a missing value, NaN.
 *
 * @param index the replication index (its directory name, else the summary's {@code replication})
 * @param dir   the directory it was read from; null when built in memory
 */
public record WorldReplication(int index, Path dir, Table timeseries, Table torrents, Table users, Table requests,
                               JsonNode summary) {

    /** The columns the world report reads from each file; a file without one of them is refused. */
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    static final List<String> TORRENTS_REQUIRED = List.of("torrent", "rank", "available_from_s", "release_s",
            "first_unavailable_s");
    static final List<String> REQUESTS_REQUIRED = List.of("torrent", "requested_s", "outcome");

    /** Whether {@code dir} holds a world replication (its torrents file), complete or not. */
    public static boolean isWorld(Path dir) {
        return Files.isRegularFile(dir.resolve(WorldFiles.TORRENTS));
    }

    /** Whether {@code dir} holds a complete world replication (its summary, written last, and every CSV file). */
    public static boolean isComplete(Path dir) {
        for (String f : List.of(WorldFiles.SUMMARY, WorldFiles.TIMESERIES, WorldFiles.TORRENTS, WorldFiles.USERS,
                WorldFiles.REQUESTS)) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The world replication directories {@code dir} holds, complete or not, for {@link WorldReport#write(List, Path,
     * ReportOptions)}: {@code dir} itself when it is one; else its numbered sub-directories that are (one scenario's
     * replications), in number order; else, in name order, those of its sub-directories (a run directory with
     * several scenarios). Empty when it holds no world replication.
     */
    public static List<Path> directories(Path dir) throws IOException {
        if (isWorld(dir)) {
            return List.of(dir);
        }
        List<Path> replications = numbered(dir);
        if (!replications.isEmpty()) {
            return replications;
        }
        List<Path> out = new java.util.ArrayList<>();
        try (var children = Files.list(dir)) {
            for (Path child : children.filter(Files::isDirectory).sorted().toList()) {
                out.addAll(numbered(child));
            }
        }
        return List.copyOf(out);
    }

    private static List<Path> numbered(Path dir) throws IOException {
        try (var children = Files.list(dir)) {
            return children.filter(c -> c.getFileName().toString().matches("[0-9]{1,9}") && isWorld(c))
                    .sorted(java.util.Comparator.comparingInt(c -> Integer.parseInt(c.getFileName().toString())))
                    .toList();
        }
    }

    /**
     * Reads a world replication directory.
     *
     * @throws IOException when a file is missing or unreadable; {@link DamagedResultException} when a file is not as
     *                     speedsim writes it
     */
    public static WorldReplication read(Path dir) throws IOException {
        JsonNode summary = ResultFiles.summary(dir.resolve(WorldFiles.SUMMARY), WorldFiles.SUMMARY_FIELDS);
        Table timeseries = table(dir.resolve(WorldFiles.TIMESERIES), List.of("time_s"));
        Table torrents = table(dir.resolve(WorldFiles.TORRENTS), TORRENTS_REQUIRED);
        Table users = table(dir.resolve(WorldFiles.USERS), List.of());
        Table requests = table(dir.resolve(WorldFiles.REQUESTS), REQUESTS_REQUIRED);
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        int index = name.matches("[0-9]{1,9}") ? Integer.parseInt(name) : summary.path("replication").asInt(0);
        return new WorldReplication(index, dir, timeseries, torrents, users, requests, summary);
    }

    /**
     * The same tables built in memory from a world result (for notebooks), holding the values the files would hold;
     * {@code dir} is null.
     */
    public static WorldReplication of(int index, WorldResult result) {
        JsonNode summary;
        try {
            summary = JSON.readTree(JSON.writeValueAsBytes(WorldFiles.summary(result)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new WorldReplication(index, null, Replication.timeseries(result.series()),
                Replication.table(WorldFiles.TORRENTS, WorldFiles.TORRENTS_COLUMNS, result.torrents()),
                Replication.table(WorldFiles.USERS, WorldFiles.USERS_COLUMNS, result.users()),
                Replication.table(WorldFiles.REQUESTS, WorldFiles.REQUESTS_COLUMNS, result.requests()), summary);
    }

    /** The world scenario's name ({@code scenario} of the summary). */
    public String scenario() {
        return summary.path(WorldFiles.SCENARIO_NAME).asText("");
    }

    /** Simulated seconds of the run. */
    public double simulatedSeconds() {
        return summary.path(WorldFiles.SIMULATED).asDouble(Double.NaN);
    }

    /** A numeric summary field: a number as it is, a flag as 1 or 0, null or absent as NaN. */
    public double number(String field) {
        JsonNode v = summary.get(field);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        return v.isBoolean() ? (v.asBoolean() ? 1 : 0) : v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static Table table(Path file, List<String> required) throws IOException {
        ResultFiles.csv(file, required);
        return ResultTables.read(file, file.getFileName().toString(), List.of(WorldFiles.TORRENTS_COLUMNS,
                WorldFiles.USERS_COLUMNS, WorldFiles.REQUESTS_COLUMNS, WorldFiles.TIMESERIES_COLUMNS));
    }
}
