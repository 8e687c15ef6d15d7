package org.speedsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.speedsim.reports.AtomicFiles;
import org.speedsim.scenarios.LoadedScenario;

/**
 * The tidy table of an experiment or a run, {@value #FILE}: one row per run with {@code variant} (the variant's,
 * point's or evaluation's label; for {@code run}, the scenario's name), its parameter values, {@code replication},
 * {@code directory} (the run's, relative to the table) and every metric of {@link RunMetrics} (the union over all
 * runs, in order of first appearance; empty where a run lacks one). Written as CSV, with the per-peer table
 * {@link PeerTable} beside it.
 *
 * <p>Invariant: the table depends only on the runs' summaries, which exclude the wall-clock time, so an experiment
 * interrupted and resumed gives the same table as one run without interruption.
 */
final class ResultsTable {

    /** Its file name, the same for run, compare, sweep and tune. */
    static final String FILE = "runs.csv";

    private ResultsTable() {
    }

    /** Every metric name of the results, in order of first appearance. */
    static List<String> metricNames(ExperimentRunner.Results results) {
        Set<String> names = new LinkedHashSet<>();
        for (RunMetrics[] variant : results.metrics()) {
            for (RunMetrics m : variant) {
                if (m != null) {
                    names.addAll(m.values().keySet());
                }
            }
        }
        return List.copyOf(names);
    }

    /** The directory of run r of a variant, under the experiment's {@code dir}. */
    static Path runDirectory(Path dir, Variant variant, int r) {
        return dir.resolve(directory(variant, r));
    }

    private static String directory(Variant variant, int r) {
        return variant.directory().isEmpty() ? Integer.toString(r) : variant.directory() + "/" + r;
    }

    /**
     * Writes the table atomically, then {@link PeerTable} beside it; {@code parameters} are the paths whose values get
     * a column each.
     */
    static void write(Path file, ExperimentRunner.Results results, List<String> parameters) throws IOException {
        writeRuns(file, results, parameters);
        PeerTable.write(file.getParent(), results, parameters);
    }

    /**
     * Writes the tables of {@code run}: one variant, the scenario (named by it, no parameters), whose replications are
     * the numbered directories of {@code dir}.
     */
    static void writeRun(Path dir, LoadedScenario scenario, int replications) throws IOException {
        RunMetrics[][] metrics = new RunMetrics[1][replications];
        for (int r = 0; r < replications; r++) {
            metrics[0][r] = RunMetrics.read(OutputDirectory.replication(dir, r).resolve(RunOutputWriter.SUMMARY));
        }
        Variant variant = new Variant(scenario.name(), "", java.util.Map.of(), scenario);
        write(dir.resolve(FILE), new ExperimentRunner.Results(List.of(variant), metrics, 0,
                new ReplicationRunner.Outcome<>(List.of())), List.of());
    }

    private static void writeRuns(Path file, ExperimentRunner.Results results, List<String> parameters)
            throws IOException {
        List<String> metrics = metricNames(results);
        AtomicFiles.write(file, out -> {
            String[] header = new String[3 + parameters.size() + metrics.size()];
            int h = 0;
            header[h++] = "variant";
            for (String p : parameters) {
                header[h++] = p;
            }
            header[h++] = "replication";
            header[h++] = "directory";
            for (String m : metrics) {
                header[h++] = m;
            }
            CsvWriter csv = new CsvWriter(out, header);
            for (int v = 0; v < results.variants().size(); v++) {
                Variant variant = results.variants().get(v);
                for (int r = 0; r < results.metrics()[v].length; r++) {
                    RunMetrics rm = results.metrics()[v][r];
                    if (rm == null) {
                        continue;
                    }
                    csv.add(variant.label());
                    for (String p : parameters) {
                        csv.add(variant.parameters().getOrDefault(p, ""));
                    }
                    csv.add(r);
                    csv.add(directory(variant, r));
                    for (String m : metrics) {
                        csv.add(rm.get(m));
                    }
                    csv.endRow();
                }
            }
        });
    }
}
