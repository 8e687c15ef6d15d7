package org.speedsim.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Finds what a directory given to {@code speedsim report} holds, for every layout speedsim writes:
 * <ul>
 * <li>one replication (it has {@code summary.json} or {@code timeseries.csv});</li>
 * <li>one scenario: numbered replication directories ({@code run}'s {@code runs/default}, a compare's variant);</li>
 * <li>several scenarios: sub-directories holding replications ({@code runs}, a compare's directory);</li>
 * <li>an experiment's directory ({@code compare.json}, {@code sweep.json} or {@code tune.json} beside its runs) or its
 * {@code points/} or {@code evaluations/} directory: every variant, point or evaluation is a scenario, named by its
 * label (from the manifest, else from {@code runs.csv}) and in the experiment's order.</li>
 * </ul>
 *
 * <p>Invariant: scenario names are unique in the result (a name met twice gets its directory's name appended); a
 * numbered directory is a replication only when it holds no numbered directories (a sweep's point {@code points/3}
 * holds its replications), so a point is never taken for an incomplete replication, and a {@code report/} directory
 * (or anything else beside them) is never mistaken for a replication or a scenario.
 */
public final class RunDirectories {

    /** The manifests an experiment directory holds, one per kind of experiment. */
    public static final List<String> EXPERIMENT_MANIFESTS = List.of("compare.json", "sweep.json", "tune.json");

    /** The tidy table of an experiment: one row per run, with its {@code variant} label and {@code directory}. */
    public static final String RUNS = "runs.csv";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunDirectories() {
    }

    /** The scenarios under {@code dir}; empty when it holds none of the layouts. */
    public static List<ScenarioResults> find(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(Replication.SUMMARY))
                || Files.isRegularFile(dir.resolve(Replication.TIMESERIES))) {
            return Replication.isComplete(dir) ? List.of(ScenarioResults.loadReplication(dir))
                    : List.of(new ScenarioResults(dir.getFileName() == null ? "scenario" : dir.getFileName().toString(),
                            List.of(), List.of(dir)));
        }
        Path experiment = experimentOf(dir);
        Map<Path, String> labels = experiment == null ? Map.of() : labels(experiment);
        List<Path> scenarioDirs = new ArrayList<>();
        if (!ScenarioResults.replicationDirs(dir).isEmpty()) {
            scenarioDirs.add(dir);
        } else {
            collect(dir, 2, scenarioDirs);
        }
        List<Path> order = new ArrayList<>(labels.keySet());
        scenarioDirs.sort(Comparator.<Path>comparingInt(p -> {
            int i = order.indexOf(p.toAbsolutePath().normalize());
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(RunDirectories::naturalOrder));
        List<ScenarioResults> found = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path p : scenarioDirs) {
            ScenarioResults s = ScenarioResults.load(p);
            String label = labels.get(p.toAbsolutePath().normalize());
            if (label != null) {
                s = s.named(label);
            }
            if (!names.add(s.name())) {
                s = s.named(s.name() + " (" + (experiment == null ? p.getFileName()
                        : experiment.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize())) + ")");
                names.add(s.name());
            }
            found.add(s);
        }
        return found;
    }

    /** Directories under {@code dir}, down to {@code depth} levels, that hold replications (not below one that does). */
    private static void collect(Path dir, int depth, List<Path> into) throws IOException {
        if (depth == 0) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (!Files.isDirectory(p) || Files.isSymbolicLink(p)) {
                    continue;
                }
                if (!ScenarioResults.replicationDirs(p).isEmpty()) {
                    into.add(p);
                } else {
                    collect(p, depth - 1, into);
                }
            }
        }
    }

    /** The experiment directory {@code dir} is or lies in (its manifest there or one level up), or null. */
    static Path experimentOf(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        for (int up = 0; up < 3 && d != null; up++, d = d.getParent()) {
            for (String m : EXPERIMENT_MANIFESTS) {
                if (Files.isRegularFile(d.resolve(m))) {
                    return d;
                }
            }
        }
        return null;
    }

    /**
     * Each variant's directory (absolute) and label, in the experiment's order: the manifest's variants, then the
     * directories of {@code runs.csv} not listed there (a tune's evaluations).
     */
    static Map<Path, String> labels(Path experiment) throws IOException {
        Map<Path, String> labels = new LinkedHashMap<>();
        for (String m : EXPERIMENT_MANIFESTS) {
            Path file = experiment.resolve(m);
            if (Files.isRegularFile(file)) {
                JsonNode manifest;
                try {
                    manifest = JSON.readTree(file.toFile());
                } catch (IOException e) {
                    continue;
                }
                for (JsonNode v : manifest.path("variants")) {
                    if (v.hasNonNull("directory") && v.hasNonNull("label")) {
                        labels.putIfAbsent(experiment.resolve(v.get("directory").asText()).normalize(),
                                v.get("label").asText());
                    }
                }
            }
        }
        Path runs = experiment.resolve(RUNS);
        if (Files.isRegularFile(runs)) {
            Table t;
            try {
                t = Table.read().csv(CsvReadOptions.builder(runs.toFile()).locale(Locale.ROOT)
                        .columnTypes(column -> ColumnType.STRING).build());
            } catch (RuntimeException unreadable) {
                return labels; // not a table speedsim wrote: directory names serve
            }
            if (t.containsColumn("variant") && t.containsColumn("directory")) {
                for (int row = 0; row < t.rowCount(); row++) {
                    Path runDir = experiment.resolve(t.stringColumn("directory").get(row)).normalize();
                    if (runDir.getParent() != null) {
                        labels.putIfAbsent(runDir.getParent(), t.stringColumn("variant").get(row));
                    }
                }
            }
        }
        return labels;
    }

    /** Name order with numbers by value ({@code 2} before {@code 10}, {@code 0.25} before {@code 0.5}). */
    private static int naturalOrder(Path a, Path b) {
        String x = a.getFileName().toString();
        String y = b.getFileName().toString();
        boolean xn = x.matches("[0-9]+(\\.[0-9]+)?");
        boolean yn = y.matches("[0-9]+(\\.[0-9]+)?");
        if (xn && yn) {
            int c = new java.math.BigDecimal(x).compareTo(new java.math.BigDecimal(y));
            return c != 0 ? c : a.compareTo(b);
        }
        return xn != yn ? (xn ? -1 : 1) : a.compareTo(b);
    }
}
