package org.speedsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.speedsim.engine.rng.RandomStreams;
import org.speedsim.reports.AtomicFiles;
import org.speedsim.reports.ChartFiles;
import org.speedsim.reports.CsvWriter;
import org.speedsim.reports.FactorCharts;
import org.speedsim.reports.SobolIndices;

/**
 * The Sobol sensitivity indices of a Saltelli sweep ({@link Design#SALTELLI}): for every metric and parameter the
 * first-order and total index of the points' estimates over replications (the same figures as the points table),
 * with bootstrap percentile intervals ({@value #RESAMPLES} resamples of the N base rows drawn from the stream
 * (root seed, replication 0, {@code bootstrap}), the same resamples for every metric). Written as CSV
 * ({@code metric, factor, first_order, first_order_ci_low, first_order_ci_high, total, total_ci_low,
 * total_ci_high}); a metric that does not vary over the points, or lacks a value at one of them, has empty cells.
 *
 * <p>Invariant: computed from the runs alone, so a resumed sweep gives the same table as an uninterrupted one.
 */
final class SensitivityTable {

    static final int RESAMPLES = 1000;

    /** One metric's indices for one parameter. */
    record Row(String metric, String factor, SobolIndices.Factor indices) {
    }

    private final List<Row> rows;
    private final double level;

    private SensitivityTable(List<Row> rows, double level) {
        this.rows = rows;
        this.level = level;
    }

    /** The indices of every metric of a Saltelli sweep of {@code n} base rows over {@code factors}. */
    static SensitivityTable of(ExperimentRunner.Results results, List<String> factors, int n, long seed,
                               double level) {
        int d = factors.size();
        List<Row> rows = new ArrayList<>();
        for (String metric : ResultsTable.metricNames(results)) {
            double[] y = new double[results.variants().size()];
            for (int k = 0; k < y.length; k++) {
                y[k] = MetricStatistics.estimate(results.sample(k, metric), level).value();
            }
            double[] fA = java.util.Arrays.copyOfRange(y, 0, n);
            double[] fB = java.util.Arrays.copyOfRange(y, n, 2 * n);
            double[][] fAB = new double[d][];
            for (int i = 0; i < d; i++) {
                fAB[i] = java.util.Arrays.copyOfRange(y, (2 + i) * n, (3 + i) * n);
            }
            List<SobolIndices.Factor> indices = SobolIndices.estimate(fA, fB, fAB, RESAMPLES, level,
                    new RandomStreams(seed, 0).stream("bootstrap"));
            for (int i = 0; i < d; i++) {
                rows.add(new Row(metric, factors.get(i), indices.get(i)));
            }
        }
        return new SensitivityTable(rows, level);
    }

    List<Row> rows() {
        return rows;
    }

    void write(Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            CsvWriter csv = new CsvWriter(out, "metric", "factor", "first_order", "first_order_ci_low",
                    "first_order_ci_high", "total", "total_ci_low", "total_ci_high");
            for (Row r : rows) {
                SobolIndices.Index s = r.indices().firstOrder();
                SobolIndices.Index t = r.indices().total();
                csv.add(r.metric()).add(r.factor()).add(s.value()).add(s.lower()).add(s.upper()).add(t.value())
                        .add(t.lower()).add(t.upper());
                csv.endRow();
            }
        });
    }

    /** The ranking chart of each of {@code metrics} that varies: {@code charts/sensitivity-<metric>}. */
    void charts(Path dir, List<String> metrics) throws IOException {
        for (String metric : metrics) {
            List<FactorCharts.Ranked> ranked = rows.stream().filter(r -> r.metric().equals(metric))
                    .map(r -> new FactorCharts.Ranked(r.factor(), r.indices())).toList();
            if (ranked.isEmpty() || ranked.stream().allMatch(r -> Double.isNaN(r.indices().total().value()))) {
                continue;
            }
            String subtitle = "Jansen estimators over the points' estimates; in brackets: " + Display.num(level * 100)
                    + " % bootstrap interval; total minus first-order: the share in interactions";
            ChartFiles.write(FactorCharts.sensitivity("Which parameters drive " + metric, subtitle, ranked),
                    dir.resolve(ExperimentCharts.DIR), "sensitivity-" + metric.replaceAll("[^A-Za-z0-9._-]", "_"),
                    900, Math.max(400, 120 + 70 * ranked.size()));
        }
    }

    /** The indices of the {@code shown} metrics that vary, as a terminal table. */
    String terminal(List<String> shown) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("metric", "parameter", "first-order", "total"));
        for (String metric : shown) {
            for (Row r : rows) {
                if (r.metric().equals(metric) && !Double.isNaN(r.indices().total().value())) {
                    table.add(List.of(metric, r.factor(), interval(r.indices().firstOrder()),
                            interval(r.indices().total())));
                }
            }
        }
        return "Sobol indices (" + Display.num(level * 100) + " % bootstrap interval)\n" + Display.table(table, "  ");
    }

    private static String interval(SobolIndices.Index index) {
        return Display.num(index.value()) + " [" + Display.num(index.lower()) + ", " + Display.num(index.upper())
                + "]";
    }
}
