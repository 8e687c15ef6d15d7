package org.speedsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tidy table of an experiment: one row per run with the variant's label, its parameter values, the replication
 * and every metric of {@link RunMetrics} (the union over all runs, in order of first appearance; empty where a run
 * lacks one). Written as CSV.
 *
 * <p>Invariant: the table depends only on the runs' summaries, which exclude the wall-clock time, so an experiment
 * interrupted and resumed gives the same table as one run without interruption.
 */
final class ResultsTable {

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

    /** Writes the table atomically; {@code parameters} are the paths whose values get a column each. */
    static void write(Path file, ExperimentRunner.Results results, List<String> parameters) throws IOException {
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
                    csv.add(variant.directory() + "/" + r);
                    for (String m : metrics) {
                        csv.add(rm.get(m));
                    }
                    csv.endRow();
                }
            }
        });
    }
}
