package org.speedsim.reports;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds what a directory given to {@code speedsim report} holds: one replication (it has {@code summary.json} or
 * {@code timeseries.csv}), one scenario (it has numbered replication directories), or several scenarios (its
 * sub-directories have numbered replication directories, taken in name order).
 *
 * <p>Invariant: scenario names are unique in the result (a name met twice gets its directory's name appended); only
 * numbered directories count as replications, so a {@code report/} directory (or anything else
 * beside them) is never mistaken for one, nor for a scenario.
 */
public final class RunDirectories {

    private RunDirectories() {
    }

    /** The scenarios under {@code dir}; empty when it holds none of the three layouts. */
    public static List<ScenarioResults> find(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(Replication.SUMMARY))
                || Files.isRegularFile(dir.resolve(Replication.TIMESERIES))) {
            return Replication.isComplete(dir) ? List.of(ScenarioResults.loadReplication(dir))
                    : List.of(new ScenarioResults(dir.getFileName() == null ? "scenario" : dir.getFileName().toString(),
                            List.of(), List.of(dir)));
        }
        if (!ScenarioResults.replicationDirs(dir).isEmpty()) {
            return List.of(ScenarioResults.load(dir));
        }
        List<Path> scenarioDirs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (Files.isDirectory(p) && !ScenarioResults.replicationDirs(p).isEmpty()) {
                    scenarioDirs.add(p);
                }
            }
        }
        scenarioDirs.sort(null);
        List<ScenarioResults> found = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path p : scenarioDirs) {
            ScenarioResults s = ScenarioResults.load(p);
            if (!names.add(s.name())) {
                s = new ScenarioResults(s.name() + " (" + p.getFileName() + ")", s.replications(), s.skipped());
                names.add(s.name());
            }
            found.add(s);
        }
        return found;
    }
}
