package org.speedsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.speedsim.reports.AtomicFiles;
import org.speedsim.reports.CsvWriter;
import org.speedsim.reports.format.Column;
import org.speedsim.reports.format.ExperimentFiles;
import org.speedsim.scenarios.Loaded;
import org.speedsim.scenarios.LoadedScenario;

/**
 * The tidy table of an experiment or a run, {@value #FILE} (columns declared in {@link ExperimentFiles}): one row per
 * run with its key and parameter values and every metric of {@link RunMetrics} (the union over all runs, in order of
 * first appearance; empty where a run lacks one). Written as CSV, with the per-peer table
 * {@link PeerTable} beside it.
 *
 * <p>Invariant: the table depends only on the runs' summaries, which exclude the wall-clock time, so an experiment
 * interrupted and resumed gives the same table as one run without interruption.
 */
final class ResultsTable {

    /** Its file name, the same for run, compare, sweep and tune. */
    static final String FILE = ExperimentFiles.RUNS;

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
     * Writes the table atomically, then {@link PeerTable} beside it (swarm scenarios only: a world's replications
     * have users and requests, not peers); {@code parameters} are the paths whose values get a column each.
     */
    static void write(Path file, ExperimentRunner.Results results, List<String> parameters) throws IOException {
        writeRuns(file, results, parameters);
        if (results.variants().stream().allMatch(v -> v.scenario() instanceof LoadedScenario)) {
            PeerTable.write(file.getParent(), results, parameters);
        }
    }

    /**
     * Writes the tables of {@code run}: one variant, the scenario (named by it, no parameters), whose replications are
     * the numbered directories of {@code dir}.
     */
    static void writeRun(Path dir, Loaded scenario, int replications) throws IOException {
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
            List<Column<ExperimentFiles.RunKey>> key = ExperimentFiles.RUN_KEY;
            List<String> header = new ArrayList<>();
            header.add(key.get(0).name());
            header.addAll(parameters);
            key.subList(1, key.size()).forEach(c -> header.add(c.name()));
            header.addAll(metrics);
            CsvWriter csv = new CsvWriter(out, header.toArray(String[]::new));
            for (int v = 0; v < results.variants().size(); v++) {
                Variant variant = results.variants().get(v);
                for (int r = 0; r < results.metrics()[v].length; r++) {
                    RunMetrics rm = results.metrics()[v][r];
                    if (rm == null) {
                        continue;
                    }
                    ExperimentFiles.RunKey row = new ExperimentFiles.RunKey(variant.label(), r, directory(variant, r));
                    csv.add(key.get(0).cell(row));
                    for (String p : parameters) {
                        csv.add(variant.parameters().getOrDefault(p, ""));
                    }
                    for (Column<ExperimentFiles.RunKey> c : key.subList(1, key.size())) {
                        csv.add(c.cell(row));
                    }
                    for (String m : metrics) {
                        csv.add(rm.get(m));
                    }
                    csv.endRow();
                }
            }
        });
    }
}
