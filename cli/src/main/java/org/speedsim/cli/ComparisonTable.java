package org.speedsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.speedsim.reports.AtomicFiles;
import org.speedsim.reports.CsvWriter;
import org.speedsim.reports.Estimate;
import org.speedsim.reports.Markdown;
import org.speedsim.reports.McNemar;
import org.speedsim.reports.MetricKind;
import org.speedsim.reports.format.Column;
import org.speedsim.reports.format.RunFiles;
import org.speedsim.reports.format.WorldFiles;
import org.speedsim.reports.format.StatisticsFiles;

/**
 * The statistics of a comparison: for every metric and variant, the estimate over replications with its confidence
 * interval, and the difference against the first variant (the baseline) with its interval and p-value, each by the
 * method that fits what the metric is ({@link MetricStatistics}: a mean with a Student-t interval and the paired
 * t-test; a proportion of yes/no outcomes with a Wilson interval and McNemar's test; for the censored swarm lifetime
 * the restricted mean survival time up to the run's length with its Greenwood-type interval, the Kaplan-Meier median
 * and the log-rank test). Every row names its interval and its test. Written as a long CSV table ({@value #CSV}), as
 * Markdown with one table per metric ({@value #MARKDOWN}), and shown on the terminal for the headline metrics.
 *
 * <p>Invariant: the differences pair replication r of a variant with replication r of the baseline, which ran on the
 * same random streams; every interval of an estimate lies inside its metric's range; lifetimes of swarms still alive
 * at the end are censored, and every table that shows them says how many were.
 */
final class ComparisonTable {

    static final String CSV = "compare.csv";
    static final String MARKDOWN = "compare.md";

    /** The metrics shown on the terminal, in order, when present (a swarm's, then a world's). */
    static final List<String> HEADLINE = List.of(RunMetrics.LIFETIME, RunFiles.SWARM_DIED, RunMetrics.COMPLETED_FRACTION,
            "download_time_mean_s", "download_time_p90_s", WorldFiles.REQUEST_SUCCESS,
            WorldFiles.requestSuccessKey(10), WorldFiles.availabilityKey(1), WorldFiles.availabilityKey(10),
            "uploaded_bytes", "tokens_paid", WorldFiles.SPENT, WorldFiles.FUNDED_BY_EARNINGS);

    /**
     * One variant's figures for one metric.
     *
     * @param median     the Kaplan-Meier median of a lifetime (NaN for other metrics, and while over half are alive)
     * @param difference against the baseline; null for the baseline itself
     * @param horizon    the run's length in seconds (the restricted mean's horizon)
     */
    record Row(String metric, String variant, Estimate estimate, double median, Comparison difference, int censored,
               double horizon) {

        MetricKind kind() {
            return estimate.kind();
        }
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
            Sample base = results.sample(0, metric);
            for (int v = 0; v < labels.size(); v++) {
                Sample x = results.sample(v, metric);
                int censored = 0;
                for (boolean c : x.censored()) {
                    censored += c ? 1 : 0;
                }
                rows.add(new Row(metric, labels.get(v), MetricStatistics.estimate(x, level),
                        MetricStatistics.median(x), v == 0 ? null : MetricStatistics.compare(base, x, level),
                        censored, x.horizon()));
            }
        }
        return new ComparisonTable(rows, metrics, labels, level);
    }

    /** Writes {@value #CSV} and {@value #MARKDOWN} into {@code dir}. */
    void write(Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(CSV), out -> {
            List<String> header = new ArrayList<>(List.of("metric", "variant"));
            header.addAll(Column.names(StatisticsFiles.ESTIMATE));
            header.add("diff_vs_" + variants.get(0));
            header.addAll(StatisticsFiles.DIFFERENCE);
            header.add("censored");
            header.addAll(Column.names(StatisticsFiles.METHOD));
            header.addAll(List.of("test", "km_median"));
            CsvWriter csv = new CsvWriter(out, header.toArray(String[]::new));
            for (Row r : rows) {
                csv.add(r.metric()).add(r.variant()).add(StatisticsFiles.ESTIMATE, r.estimate());
                Comparison d = r.difference();
                csv.add(d == null ? Double.NaN : d.difference()).add(d == null ? Double.NaN : d.low())
                        .add(d == null ? Double.NaN : d.high()).add(d == null ? Double.NaN : d.pValue())
                        .add(r.censored()).add(estimateName(r)).add(r.kind().interval())
                        .add(d == null ? "" : d.test()).add(r.median());
                csv.endRow();
            }
        });
        AtomicFiles.write(dir.resolve(MARKDOWN), out -> out.write(markdown()));
    }

    private String markdown() {
        StringBuilder b = new StringBuilder("# Comparison\n\n");
        b.append("Each variant's estimate over replications with its ").append(percent()).append(" confidence ")
                .append("interval, and its difference against **").append(Markdown.inline(variants.get(0)))
                .append("** (replication r ")
                .append("of every variant ran on the same random streams) with its interval and p-value. The method ")
                .append("fits the metric: a mean with a Student-t interval (clipped to the metric's range) and the ")
                .append("paired t-test; a proportion of yes/no outcomes with a Wilson interval and McNemar's test ")
                .append("(exact binomial below ").append(McNemar.EXACT_BELOW).append(" discordant pairs); for the ")
                .append("swarm lifetime, censored when the swarm outlived the run, the restricted mean survival time ")
                .append("(RMST) up to the run's length with its Greenwood-type interval, the Kaplan-Meier median and ")
                .append("the log-rank test. The column *test* names the test of each row.\n");
        for (String metric : metrics) {
            List<Row> in = rows.stream().filter(r -> r.metric().equals(metric)).toList();
            boolean lifetime = in.get(0).kind() == MetricKind.LIFETIME;
            b.append("\n## ").append(Markdown.inline(metric)).append("\n\n").append(note(in)).append("\n\n");
            b.append("| variant | n | ").append(in.get(0).kind().estimate()).append(" | ").append(percent())
                    .append(" CI (").append(in.get(0).kind().interval()).append(")")
                    .append(lifetime ? " | KM median" : "").append(" | difference | ").append(percent())
                    .append(" CI | p | test |").append(lifetime ? " censored |" : "")
                    .append("\n|---|---|---|---|---|---|---|---|").append(lifetime ? "---|---|" : "").append('\n');
            for (Row r : in) {
                List<String> cells = new ArrayList<>(cells(r, false));
                cells.set(0, Markdown.inline(cells.get(0)));
                b.append("| ").append(String.join(" | ", cells)).append(" |\n");
            }
        }
        return b.toString();
    }

    /** What the estimate of a metric is and how it is tested, in words. */
    private static String note(List<Row> in) {
        Row first = in.get(0);
        return switch (first.kind()) {
            case LIFETIME -> "Censored: a swarm still alive at the end of a run is known only to outlive the run. "
                    + "Restricted mean survival time up to " + horizons(in) + " (the area under the Kaplan-Meier "
                    + "curve), Kaplan-Meier median (n/a while over half the swarms are alive), log-rank test "
                    + "stratified by replication. The difference is that of the restricted means; its interval is "
                    + "the paired Student-t interval of the restricted lifetimes when every censored run lasted the "
                    + "whole length, else the normal interval from both Greenwood variances.";
            case YES_NO -> "Yes/no in each run (1 = yes): the proportion of yes with its Wilson interval; paired "
                    + "runs compared with McNemar's test, the difference of proportions with its interval "
                    + "(Agresti).";
            case FRACTION -> "A fraction in each run: mean with its Student-t interval clipped to [0, 1]; paired "
                    + "t-test.";
            case AMOUNT -> "Mean with its Student-t interval, clipped at 0 (a count, amount or time); paired t-test.";
            case REAL -> "Mean with its Student-t interval; paired t-test.";
        };
    }

    private static String horizons(List<Row> in) {
        List<Double> distinct = in.stream().map(Row::horizon).distinct().toList();
        return distinct.size() == 1 ? "the run's length, " + Display.num(distinct.get(0)) + " s"
                : "each variant's run length";
    }

    private static String estimateName(Row r) {
        return r.kind() == MetricKind.LIFETIME ? "RMST to " + Display.num(r.horizon()) + " s" : r.kind().estimate();
    }

    private static List<String> cells(Row r, boolean terminal) {
        Comparison d = r.difference();
        List<String> cells = new ArrayList<>(List.of(r.variant(), Integer.toString(r.estimate().n()),
                Display.num(r.estimate().value()), Display.interval(r.estimate().lower(), r.estimate().upper())));
        boolean lifetime = r.kind() == MetricKind.LIFETIME;
        if (lifetime) {
            cells.add(Display.num(r.median()));
        }
        cells.addAll(List.of(d == null ? "(baseline)" : signed(d.difference()),
                d == null ? "" : Display.interval(d.low(), d.high()), d == null ? "" : Display.p(d.pValue()),
                d == null ? "" : d.test()));
        if (lifetime) {
            cells.add(terminal ? r.censored() + "/" + r.estimate().n() : Integer.toString(r.censored()));
        }
        return cells;
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
            List<Row> in = rows.stream().filter(r -> r.metric().equals(metric)).toList();
            MetricKind kind = in.get(0).kind();
            boolean lifetime = kind == MetricKind.LIFETIME;
            b.append(metric);
            if (lifetime) {
                b.append(" (alive at the end = censored; RMST: restricted mean to ").append(horizons(in))
                        .append(", Greenwood interval; Kaplan-Meier median)");
            } else if (kind == MetricKind.YES_NO) {
                b.append(" (yes/no: proportion of yes, Wilson interval)");
            }
            b.append('\n');
            List<List<String>> table = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("variant", "n", kind.estimate(), percent() + " CI"));
            if (lifetime) {
                header.add("median");
            }
            header.addAll(List.of("diff vs " + variants.get(0), percent() + " CI", "p", "test"));
            if (lifetime) {
                header.add("censored");
            }
            table.add(header);
            for (Row r : in) {
                table.add(cells(r, true));
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
            if (!r.metric().equals(metric) || Double.isNaN(r.estimate().value())) {
                continue;
            }
            if (best == null || goal.better(r.estimate().value(), best.estimate().value())) {
                best = r;
                tie = false;
            } else if (r.estimate().value() == best.estimate().value()) {
                tie = true;
            }
        }
        if (best == null || tie) {
            return null;
        }
        String more = (goal == Objective.Goal.MAX ? "highest " : "lowest ") + best.kind().estimate();
        if (best.difference() == null) {
            return best.variant() + " (" + more + "; the baseline)";
        }
        return best.variant() + " (" + more + "; " + (best.difference().significant(1 - level)
                ? "significantly" : "not significantly") + " different from " + variants.get(0) + ", "
                + best.difference().test() + " p " + Display.p(best.difference().pValue()) + ")";
    }

    private String percent() {
        return Display.num(level * 100) + " %";
    }
}
