package org.speedsim.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.speedsim.reports.Bands;
import org.speedsim.reports.ChartFiles;
import org.speedsim.reports.Charts;
import org.speedsim.reports.KaplanMeier;
import org.speedsim.reports.Quantities;
import org.speedsim.reports.Replication;
import org.speedsim.reports.ResponseCharts;
import org.speedsim.reports.ScenarioResults;
import org.speedsim.reports.SurvivalCurve;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * The charts of experiments, written as PNG and SVG into {@code <experiment>/charts/}: for {@code compare} the
 * variants' survival curves, availability and download-time distributions overlaid; for {@code sweep} each headline
 * metric's response curve with its confidence band (two parameters: one curve per value of the second, and a heat
 * map); for {@code tune} the objective at every evaluated value.
 *
 * <p>Invariant: charts are drawn only from complete run directories and the experiment's own tables, so they show
 * the same runs as the tables.
 */
final class ExperimentCharts {

    static final String DIR = "charts";
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    private ExperimentCharts() {
    }

    /** Overlaid survival, availability and download-time charts of a comparison's variants. */
    static void compare(Path dir, List<Variant> variants) throws IOException {
        Map<String, SurvivalCurve> survival = new LinkedHashMap<>();
        Map<String, Bands> availability = new LinkedHashMap<>();
        Map<String, double[]> deaths = new LinkedHashMap<>();
        Map<String, double[]> downloads = new LinkedHashMap<>();
        for (Variant v : variants) {
            List<Replication> reps = ScenarioResults.load(dir.resolve(v.directory())).replications();
            survival.put(v.label(), KaplanMeier.swarmLifetime(reps));
            availability.put(v.label(), Bands.of(reps, "distributed_copies"));
            deaths.put(v.label(), reps.stream().mapToDouble(Replication::deathSeconds).filter(d -> !Double.isNaN(d))
                    .toArray());
            downloads.put(v.label(), downloadSeconds(reps));
        }
        Path charts = dir.resolve(DIR);
        ChartFiles.write(Charts.survival(survival), charts, "survival", WIDTH, HEIGHT);
        ChartFiles.write(Charts.availability(availability, deaths), charts, "availability", WIDTH, HEIGHT);
        ChartFiles.write(Charts.downloadCdf(downloads), charts, "download-cdf", WIDTH, HEIGHT);
    }

    /** Download times in seconds of every leecher of the replications, pooled (NaN: never finished). */
    static double[] downloadSeconds(List<Replication> reps) {
        List<Double> all = new ArrayList<>();
        for (Replication r : reps) {
            Table p = r.peers();
            BooleanColumn seed = p.booleanColumn("initial_seed");
            NumericColumn<?> arrival = p.numberColumn("arrival_s");
            NumericColumn<?> completion = p.numberColumn("completion_s");
            for (int i = 0; i < p.rowCount(); i++) {
                if (!Boolean.TRUE.equals(seed.get(i))) {
                    all.add(completion.getDouble(i) - arrival.getDouble(i));
                }
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Response curves (and, for two parameters, heat maps) of the headline metrics of a sweep. */
    static void sweep(Path dir, PointTable table, List<String> metrics, double level) throws IOException {
        List<String> params = table.parameters();
        Axis x = Axis.of(table, params.get(0));
        Axis y = params.size() > 1 ? Axis.of(table, params.get(1)) : null;
        for (String metric : metrics) {
            List<PointTable.Row> rows = table.rows().stream().filter(r -> r.metric().equals(metric)).toList();
            if (rows.isEmpty()) {
                continue;
            }
            Map<String, ResponseCharts.Curve> curves = new LinkedHashMap<>();
            List<String> groups = y == null ? List.of("") : y.values();
            for (String g : groups) {
                List<PointTable.Row> in = rows.stream()
                        .filter(r -> y == null || r.variant().parameters().get(params.get(1)).equals(g))
                        .sorted(Comparator.comparingDouble(
                                r -> x.position(r.variant().parameters().get(params.get(0)))))
                        .toList();
                curves.put(y == null ? Quantities.of(metric).name() : Quantities.of(params.get(1)).name() + " = "
                        + g, curve(in, x, params.get(0)));
            }
            String name = fileName(metric);
            Quantities.Quantity m = Quantities.of(metric);
            Quantities.Quantity p0 = Quantities.of(params.get(0));
            JFreeChart chart = ResponseCharts.response(capitalised(m.name()) + " against " + p0.name(),
                    band(level, rows.get(0).mean().kind()) + censoredNote(metric) + "; x: " + params.get(0),
                    p0, x.labels(), m, curves);
            ChartFiles.write(chart, dir.resolve(DIR), "response-" + name, WIDTH, HEIGHT);
            if (y != null) {
                double[][] z = new double[x.values().size()][y.values().size()];
                for (double[] zi : z) {
                    java.util.Arrays.fill(zi, Double.NaN);
                }
                for (PointTable.Row r : rows) {
                    int i = x.values().indexOf(r.variant().parameters().get(params.get(0)));
                    int j = y.values().indexOf(r.variant().parameters().get(params.get(1)));
                    z[i][j] = r.mean().value();
                }
                Quantities.Quantity p1 = Quantities.of(params.get(1));
                JFreeChart heat = ResponseCharts.heatMap(capitalised(m.name()) + " over " + p0.name() + " and "
                        + p1.name(), "mean over replications" + censoredNote(metric) + "; x: " + params.get(0)
                        + ", y: " + params.get(1), p0, x.labels(), x.positions(), p1, y.labels(), y.positions(), m, z);
                ChartFiles.write(heat, dir.resolve(DIR), "heatmap-" + name, WIDTH, HEIGHT);
            }
        }
    }

    /** The objective at every evaluated value of a one-parameter tuning, with its confidence interval. */
    static void tune(Path dir, String parameter, String unit, String metric, Tuner.Result result, double level)
            throws IOException {
        List<Tuner.Evaluation> sorted = new ArrayList<>(result.evaluations());
        sorted.sort(Comparator.comparing(e -> e.point()[0]));
        double[] x = sorted.stream().mapToDouble(e -> e.point()[0].doubleValue()).toArray();
        String subtitle = "every evaluation; shaded: " + Display.num(level * 100) + " % confidence interval; best "
                + ValueList.canonical(result.best().point()[0]) + ", interval ["
                + ValueList.canonical(result.interval()[0][0]) + ", " + ValueList.canonical(result.interval()[0][1])
                + "]" + censoredNote(metric);
        Quantities.Quantity p = Quantities.of(parameter).in(unit);
        Quantities.Quantity m = Quantities.of(metric);
        JFreeChart chart = ResponseCharts.tuning(capitalised(m.name()) + " against " + p.name(),
                subtitle + "; x: " + parameter + "; dashed line: best, shaded across: its interval", p, m,
                ResponseCharts.Curve.of(x, sorted.stream().map(Tuner.Evaluation::mean).toList()),
                result.best().point()[0].doubleValue(), new double[] {result.interval()[0][0].doubleValue(),
                    result.interval()[0][1].doubleValue()});
        ChartFiles.write(chart, dir.resolve(DIR), "evaluations", WIDTH, HEIGHT);
    }

    /** What the shaded band is: the interval of the estimate that fits the metric. */
    static String band(double level, org.speedsim.reports.MetricKind kind) {
        return "shaded: " + Display.num(level * 100) + " % " + kind.interval() + " confidence interval of the "
                + kind.estimate() + " over replications";
    }

    private static String censoredNote(String metric) {
        return metric.equals(RunMetrics.LIFETIME) ? "; restricted mean up to the run's length (a swarm alive at the "
                + "end is censored there)" : "";
    }

    private static ResponseCharts.Curve curve(List<PointTable.Row> rows, Axis x, String param) {
        double[] xs = rows.stream().mapToDouble(r -> x.position(r.variant().parameters().get(param))).toArray();
        return ResponseCharts.Curve.of(xs, rows.stream().map(PointTable.Row::mean).toList());
    }

    private static String capitalised(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String fileName(String metric) {
        return metric.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** A parameter's values in grid order: at their numeric value when every value is a number, else at 0, 1, ... */
    private record Axis(List<String> values, boolean numeric) {

        static Axis of(PointTable table, String param) {
            LinkedHashSet<String> values = new LinkedHashSet<>();
            for (PointTable.Row r : table.rows()) {
                values.add(r.variant().parameters().get(param));
            }
            boolean numeric = values.stream().allMatch(v -> v.matches("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?"));
            return new Axis(List.copyOf(values), numeric);
        }

        double position(String value) {
            return numeric ? new BigDecimal(value).doubleValue() : values.indexOf(value);
        }

        double[] positions() {
            return values.stream().mapToDouble(this::position).toArray();
        }

        List<String> labels() {
            return numeric ? null : values;
        }
    }
}
