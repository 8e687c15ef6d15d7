package org.speedsim.reports;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The complete replications of one scenario, and the replication directories skipped because they lack
 * {@code summary.json} (written last, so a directory without it is a run that failed or is still going).
 *
 * <p>Invariant: {@code replications} holds only complete replications, in increasing index order.
 */
public record ScenarioResults(String name, List<Replication> replications, List<Path> skipped) {

    public ScenarioResults {
        replications = List.copyOf(replications);
        skipped = List.copyOf(skipped);
    }

    /** Results built in memory (nothing skipped). */
    public static ScenarioResults of(String name, List<Replication> replications) {
        return new ScenarioResults(name, replications, List.of());
    }

    /**
     * Reads every numbered replication directory of {@code scenarioDir} ({@code 0}, {@code 1}, ...); anything else in
     * it (such as a {@code report/} directory) is ignored. The name is the scenario's name in the first summary, else
     * the directory's name.
     */
    public static ScenarioResults load(Path scenarioDir) throws IOException {
        List<Replication> complete = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        for (Path dir : replicationDirs(scenarioDir)) {
            if (Replication.isComplete(dir)) {
                complete.add(Replication.load(dir));
            } else {
                skipped.add(dir);
            }
        }
        String name = complete.isEmpty() ? dirName(scenarioDir)
                : complete.get(0).summary().path("scenario").asText(dirName(scenarioDir));
        return new ScenarioResults(name, complete, skipped);
    }

    /** Results holding the single replication in {@code replicationDir}. */
    public static ScenarioResults loadReplication(Path replicationDir) throws IOException {
        Replication r = Replication.load(replicationDir);
        return new ScenarioResults(r.summary().path("scenario").asText(dirName(replicationDir.getParent())),
                List.of(r), List.of());
    }

    /**
     * The numbered sub-directories of {@code dir} that are replications, by number. A numbered directory that itself
     * holds numbered directories is a sweep's point ({@code points/3/0/}), not a replication: a run writes only files
     * into its directory.
     */
    public static List<Path> replicationDirs(Path dir) throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (isNumbered(p) && !holdsNumbered(p)) {
                    dirs.add(p);
                }
            }
        }
        dirs.sort(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())));
        return dirs;
    }

    private static boolean isNumbered(Path p) {
        return Files.isDirectory(p) && p.getFileName().toString().matches("[0-9]{1,9}");
    }

    private static boolean holdsNumbered(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (isNumbered(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The same results under another name. */
    public ScenarioResults named(String newName) {
        return new ScenarioResults(newName, replications, skipped);
    }

    private static String dirName(Path p) {
        Path n = p == null ? null : p.toAbsolutePath().normalize().getFileName();
        return n == null ? "scenario" : n.toString();
    }
}
