package org.speedsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.speedsim.reports.AtomicFiles;
import org.speedsim.reports.CsvWriter;
import org.speedsim.reports.Estimate;
import org.speedsim.reports.format.Column;
import org.speedsim.reports.format.StatisticsFiles;

/**
 * Per point of a sweep and per metric: the estimate over replications with its confidence interval (the response
 * curve with its band), by the method that fits the metric ({@link MetricStatistics}: a mean with a Student-t
 * interval, a proportion of yes/no outcomes with a Wilson interval, the restricted mean of censored lifetimes up to
 * the run's length with a Greenwood-type interval). Written as CSV ({@code point, <parameters>, metric, n, mean,
 * ci_low, ci_high, estimate, interval}).
 *
 * <p>Invariant: computed from the same runs as the results table, in point order; every interval lies inside its
 * metric's range (proportions in [0, 1], counts, amounts and times at least 0, lifetimes at most the run's length).
 */
final class PointTable {

    /** One point's figures for one metric. */
    record Row(int point, Variant variant, String metric, Estimate mean) {
    }

    private final List<Row> rows;
    private final List<String> parameters;
    private final List<String> metrics;

    private PointTable(List<Row> rows, List<String> parameters, List<String> metrics) {
        this.rows = rows;
        this.parameters = parameters;
        this.metrics = metrics;
    }

    static PointTable of(ExperimentRunner.Results results, List<String> parameters, double level) {
        List<String> metrics = ResultsTable.metricNames(results);
        List<Row> rows = new ArrayList<>();
        for (String metric : metrics) {
            for (int k = 0; k < results.variants().size(); k++) {
                rows.add(new Row(k, results.variants().get(k), metric,
                        MetricStatistics.estimate(results.sample(k, metric), level)));
            }
        }
        return new PointTable(rows, parameters, metrics);
    }

    List<Row> rows() {
        return rows;
    }

    List<String> parameters() {
        return parameters;
    }

    void write(Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            List<String> header = new ArrayList<>(List.of("point"));
            header.addAll(parameters);
            header.add("metric");
            header.addAll(Column.names(StatisticsFiles.ESTIMATE));
            header.addAll(Column.names(StatisticsFiles.METHOD));
            CsvWriter csv = new CsvWriter(out, header.toArray(String[]::new));
            for (Row r : rows) {
                csv.add(r.point());
                for (String p : parameters) {
                    csv.add(r.variant().parameters().get(p));
                }
                csv.add(r.metric()).add(StatisticsFiles.ESTIMATE, r.mean()).add(StatisticsFiles.METHOD, r.mean());
                csv.endRow();
            }
        });
    }

    /** The means of the {@code shown} metrics that exist, one column per metric, one row per point. */
    String terminal(List<String> shown) {
        List<String> present = shown.stream().filter(metrics::contains).toList();
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(parameters);
        header.addAll(present);
        table.add(header);
        int points = rows.isEmpty() ? 0 : (int) rows.stream().mapToInt(Row::point).max().getAsInt() + 1;
        for (int k = 0; k < points; k++) {
            List<String> line = new ArrayList<>();
            Variant v = null;
            for (Row r : rows) {
                if (r.point() == k) {
                    v = r.variant();
                    break;
                }
            }
            for (String p : parameters) {
                line.add(v.parameters().get(p));
            }
            for (String m : present) {
                for (Row r : rows) {
                    if (r.point() == k && r.metric().equals(m)) {
                        line.add(Display.num(r.mean().value()));
                    }
                }
            }
            table.add(line);
        }
        return "mean over replications (yes/no metrics: the proportion of yes; " + RunMetrics.LIFETIME + ": the "
                + "restricted mean up to the run's length, a swarm alive at the end being censored there)\n"
                + Display.table(table, "  ");
    }
}
