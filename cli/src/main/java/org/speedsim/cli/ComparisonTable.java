package org.speedsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.speedsim.reports.AtomicFiles;
import org.speedsim.reports.Markdown;
import org.speedsim.reports.MeanCi;

/**
 * The statistics of a comparison: for every metric and variant, the mean over replications with its confidence
 * interval, and the paired difference against the first variant (the baseline) with its interval and p-value.
 * Written as a long CSV table ({@value #CSV}), as Markdown with one table per metric ({@value #MARKDOWN}), and shown
 * on the terminal for the headline metrics.
 *
 * <p>Invariant: the differences pair replication r of a variant with replication r of the baseline, which ran on the
 * same random streams; swarm lifetimes of swarms still alive at the end are lower bounds (censored), and every
 * table that shows them says how many were censored.
 */
final class ComparisonTable {

    static final String CSV = "compare.csv";
    static final String MARKDOWN = "compare.md";

    /** The metrics shown on the terminal, in order, when present. */
    static final List<String> HEADLINE = List.of(RunMetrics.LIFETIME, "swarmDied", RunMetrics.COMPLETED_FRACTION,
            "downloadTimeSeconds.mean", "downloadTimeSeconds.p90", "bytesUploaded", "tokens.paid");

    /** One variant's figures for one metric. */
    record Row(String metric, String variant, MeanCi mean, PairedDifference difference, int censored) {
    }

    private final List<Row> rows;
    private final List<String> metrics;
    private final List<String> variants;
    private final double level;

    private ComparisonTable(List<Row> rows, List<String> metrics, List<String> variants, double level) {
        this.rows = rows;
        this.metrics = metrics;
        this.variants = variants;
        this.level = level;
    }

    /** Computes the table of every metric of {@code results}. */
    static ComparisonTable of(ExperimentRunner.Results results, double level) {
        List<String> metrics = ResultsTable.metricNames(results);
        List<String> labels = results.variants().stream().map(Variant::label).toList();
        List<Row> rows = new ArrayList<>();
        for (String metric : metrics) {
            double[] base = results.values(0, metric);
            for (int v = 0; v < labels.size(); v++) {
                double[] x = results.values(v, metric);
                int censored = 0;
                if (metric.equals(RunMetrics.LIFETIME)) {
                    for (double c : results.values(v, RunMetrics.CENSORED)) {
                        censored += c == 1 ? 1 : 0;
                    }
                }
                rows.add(new Row(metric, labels.get(v), MeanCi.of(x, level),
                        v == 0 ? null : PairedDifference.of(base, x, level), censored));
            }
        }
        return new ComparisonTable(rows, metrics, labels, level);
    }

    /** Writes {@value #CSV} and {@value #MARKDOWN} into {@code dir}. */
    void write(Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(CSV), out -> {
            CsvWriter csv = new CsvWriter(out, "metric", "variant", "n", "mean", "ci_low", "ci_high",
                    "diff_vs_" + variants.get(0), "diff_ci_low", "diff_ci_high", "p_value", "censored");
            for (Row r : rows) {
                csv.add(r.metric()).add(r.variant()).add(r.mean().n()).add(r.mean().mean()).add(r.mean().lower())
                        .add(r.mean().upper());
                PairedDifference d = r.difference();
                csv.add(d == null ? Double.NaN : d.mean()).add(d == null ? Double.NaN : d.low())
                        .add(d == null ? Double.NaN : d.high()).add(d == null ? Double.NaN : d.pValue())
                        .add(r.censored());
                csv.endRow();
            }
        });
        AtomicFiles.write(dir.resolve(MARKDOWN), out -> out.write(markdown()));
    }

    private String markdown() {
        StringBuilder b = new StringBuilder("# Comparison\n\n");
        b.append("Mean over replications with its ").append(percent()).append(" confidence interval, and the paired ")
                .append("difference against **").append(Markdown.inline(variants.get(0)))
                .append("** (replication r of every variant ")
                .append("ran on the same random streams) with its interval and the p-value of the paired t-test.\n");
        for (String metric : metrics) {
            b.append("\n## ").append(Markdown.inline(metric)).append("\n\n");
            if (metric.equals(RunMetrics.LIFETIME)) {
                b.append("A swarm still alive at the end of a run counts with the run's length: a lower bound ")
                        .append("(censored). Censored runs are counted in the last column.\n\n");
            }
            b.append("| variant | n | mean | ").append(percent()).append(" CI | difference | ").append(percent())
                    .append(" CI | p |").append(metric.equals(RunMetrics.LIFETIME) ? " censored |" : "")
                    .append("\n|---|---|---|---|---|---|---|").append(metric.equals(RunMetrics.LIFETIME) ? "---|" : "")
                    .append('\n');
            for (Row r : rows) {
                if (!r.metric().equals(metric)) {
                    continue;
                }
                List<String> cells = new java.util.ArrayList<>(cells(r));
                cells.set(0, Markdown.inline(cells.get(0)));
                b.append("| ").append(String.join(" | ", cells)).append(" |");
                if (metric.equals(RunMetrics.LIFETIME)) {
                    b.append(' ').append(r.censored()).append(" |");
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    private static List<String> cells(Row r) {
        PairedDifference d = r.difference();
        return List.of(r.variant(), Integer.toString(r.mean().n()), Display.num(r.mean().mean()),
                Display.interval(r.mean().lower(), r.mean().upper()),
                d == null ? "(baseline)" : signed(d.mean()), d == null ? "" : Display.interval(d.low(), d.high()),
                d == null ? "" : Display.p(d.pValue()));
    }

    private static String signed(double x) {
        return x > 0 ? "+" + Display.num(x) : Display.num(x);
    }

    /** The headline metrics as aligned text tables for the terminal. */
    String terminal() {
        StringBuilder b = new StringBuilder();
        for (String metric : HEADLINE) {
            if (!metrics.contains(metric)) {
                continue;
            }
            b.append(metric);
            if (metric.equals(RunMetrics.LIFETIME)) {
                b.append(" (alive at the end = censored: a lower bound)");
            }
            b.append('\n');
            List<List<String>> table = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("variant", "n", "mean", percent() + " CI",
                    "diff vs " + variants.get(0), percent() + " CI", "p"));
            if (metric.equals(RunMetrics.LIFETIME)) {
                header.add("censored");
            }
            table.add(header);
            for (Row r : rows) {
                if (r.metric().equals(metric)) {
                    List<String> cells = new ArrayList<>(cells(r));
                    if (metric.equals(RunMetrics.LIFETIME)) {
                        cells.add(r.censored() + "/" + r.mean().n());
                    }
                    table.add(cells);
                }
            }
            b.append(Display.table(table, "  "));
            String best = best(metric);
            if (best != null) {
                b.append("  best: ").append(best).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * The variant with the best mean of a metric whose direction is known ({@link Objective#goalOf}), with whether
     * it differs significantly from the baseline; null when the direction is unknown or the best means tie.
     */
    String best(String metric) {
        Objective.Goal goal = Objective.goalOf(metric);
        if (goal == null) {
            return null;
        }
        Row best = null;
        boolean tie = false;
        for (Row r : rows) {
            if (!r.metric().equals(metric) || Double.isNaN(r.mean().mean())) {
                continue;
            }
            if (best == null || goal.better(r.mean().mean(), best.mean().mean())) {
                best = r;
                tie = false;
            } else if (r.mean().mean() == best.mean().mean()) {
                tie = true;
            }
        }
        if (best == null || tie) {
            return null;
        }
        String more = goal == Objective.Goal.MAX ? "highest" : "lowest";
        if (best.difference() == null) {
            return best.variant() + " (" + more + " mean; the baseline)";
        }
        return best.variant() + " (" + more + " mean; " + (best.difference().significant(1 - level)
                ? "significantly" : "not significantly") + " different from " + variants.get(0) + ", p "
                + Display.p(best.difference().pValue()) + ")";
    }

    private String percent() {
        return Display.num(level * 100) + " %";
    }
}
