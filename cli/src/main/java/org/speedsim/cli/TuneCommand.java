package org.speedsim.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.speedsim.reports.AtomicFiles;
import org.speedsim.reports.CsvWriter;
import org.speedsim.reports.format.Column;
import org.speedsim.reports.format.StatisticsFiles;
import org.speedsim.scenarios.Loaded;
import org.speedsim.scenarios.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code speedsim tune}: searches for the best value of one or two scenario parameters under noise with common
 * random numbers ({@link Tuner} states the design), and reports the best value, its interval and every evaluation.
 */
@Command(name = "tune", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Search for the best value of one or two parameters.",
            "An evaluation runs every replication of the scenario at one value; replication r of every value uses "
                + "the same seed and replication index (common random numbers), so the mean objective is a "
                + "deterministic function of the value and differences between values are not blurred by "
                + "different randomness.",
            "Design: stage 1 evaluates a grid across the range (1-D: max(3, (budget+1)/2) values; 2-D: k x k, "
                + "k = floor(sqrt(budget/2))); stage 2 refines around the best grid value with the rest of the "
                + "budget (1-D: Brent's method between its grid neighbours; 2-D: BOBYQA). Values are on a lattice of "
                + "10000 steps per range (a parameter the scenario takes only as an integer: its integers). Every "
                + "evaluation is compared with the best by the test that fits the "
                + "objective (paired t-test; McNemar for yes/no; for swarm_lifetime_s, whose estimate is the restricted "
                + "mean up to the run's length, the z-test of the difference of restricted means), Bonferroni-corrected over the m "
                + "comparisons: each at (1 - level) / m. Interval (1-D): the evaluated values not significantly "
                + "worse between the nearest significantly worse value below the best and the nearest above; those "
                + "two (or the range ends) bracket the optimum when the expected objective is unimodal. 2-D: the "
                + "range of the values not significantly worse.",
            "Writes <out>/<name>/: tune.json (the search asked for), tune-result.json (best value, interval), "
                + "evaluations/<value>/<replication>/ "
                + "(standard run directories), evaluations.csv (every evaluation with its mean, interval and "
                + "paired difference to the best) runs.csv (one row per run) and peers.csv (one row per peer of every run). Run the same command again after "
                + "an interruption: evaluations already complete are reused."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./speedsim tune scenarios/spending-rate.yaml \\",
            "      --param 'clients[1].bidding.spendingRate=0:1' --objective swarm_lifetime_s",
            "  ./speedsim tune s.yaml --param 'clients[1].reservePrice=0:50' \\",
            "      --objective download_time_mean_s --budget 16",
            "  ./speedsim tune s.yaml --param arrivals.rate=1:10/min \\",
            "      --objective tokens_paid --goal max",
            "",
            "Objectives: swarm_lifetime_s (max; the restricted mean lifetime up to the",
            "run's length, a swarm alive at the end censored), download_time_mean_s,",
            "download_time_p50_s, download_time_p90_s (min), completed_fraction,",
            "peers_completed (max), or any field of summary.json (such as tokens_paid)",
            "with --goal max or --goal min."
        })
final class TuneCommand implements Callable<Integer> {

    static final String EVALUATIONS = "evaluations.csv";

    private final Services services;

    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Mixin
    PluginOption plugins;

    @Mixin
    ExperimentOptions options;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file.")
    Path file;

    @Option(names = "--param", paramLabel = "PATH=LO:HI", required = true,
            description = "A numeric parameter and its range; once or twice.")
    List<String> params = new ArrayList<>();

    @Option(names = "--objective", paramLabel = "NAME", required = true,
            description = "What to optimise: a named objective (see below) or a field of summary.json.")
    String objectiveName;

    @Option(names = "--goal", paramLabel = "max|min", description = "max or min (default: the named objective's).")
    String goal;

    @Option(names = "--budget", paramLabel = "N", description = "Most values to evaluate (default: 12 for one "
            + "parameter, 20 for two).")
    Integer budget;

    TuneCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        options.check();
        if (params.size() > 2) {
            throw new UserInputException("--param: tune searches one or two parameters, not " + params.size());
        }
        UserInputException.requireFile(file);
        Objective objective = Objective.of(objectiveName, goal());
        List<ValueList.Parameter> ranges = ValueList.distinct("--param", params, ValueList::range);
        int d = ranges.size();
        int evaluations = budget != null ? budget : d == 1 ? 12 : 20;
        if (evaluations < Tuner.minimumBudget(d)) {
            throw new UserInputException("--budget must be at least " + Tuner.minimumBudget(d) + " for " + d
                    + " parameter" + (d == 1 ? "" : "s") + ": " + evaluations);
        }
        if (evaluations > Tuner.STEPS) {
            throw new UserInputException("--budget must be at most " + Tuner.STEPS + " (the values lie on a lattice of "
                    + Tuner.STEPS + " steps per range): " + evaluations);
        }
        if (options.replications != null) {
            Sizes.checkExperiment("tune", evaluations, options.replications, "use a smaller --budget or fewer "
                    + "--replications");
        }
        // the base scenario, at the low end of every range, checks the file and the paths before any run
        Loaded base = load(ranges, bounds(ranges, 0));
        long seed = options.rootSeed(base);
        int replications = options.replicationCount(base);
        Sizes.checkExperiment("tune", evaluations, replications, "use a smaller --budget or fewer --replications");
        objective.requireIn(SummaryFields.of(services, base), "scenario " + base.name());
        int[] steps = steps(ranges);
        String name = options.experimentName(base.name() + "-tune");
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        ranges.forEach(r -> parameters.put(r.path(), r.values()));
        ObjectNode manifest = ExperimentDirectory.manifest("tune", name, seed, replications, List.of(), parameters);
        manifest.put("objective", objective.name());
        manifest.put("metric", objective.metric());
        manifest.put("goal", objective.goal().name().toLowerCase(Locale.ROOT));
        manifest.put("budget", evaluations);
        manifest.put("level", options.level);
        ExperimentDirectory.Prepared prepared = ExperimentDirectory.prepare(options.out, name, manifest,
                options.force, OwnedDirectory.command(spec));
        try (OwnedDirectory owned = prepared.owned()) {
            return run(owned.dir(), objective, ranges, steps, seed, replications, parameters, manifest, evaluations);
        }
    }

    private int run(Path dir, Objective objective, List<ValueList.Parameter> ranges, int[] steps, long seed,
                    int replications, Map<String, List<String>> parameters, ObjectNode manifest, int evaluations)
            throws Exception {
        PrintWriter terminal = options.quiet ? null : services.terminal().get();
        try (ExperimentRunner runner = options.runner(services, spec.commandLine().getErr())
                .plainProgress(options.quiet ? null : spec.commandLine().getErr())) {
            return run(dir, objective, ranges, steps, seed, replications, parameters, manifest, evaluations, runner,
                    terminal);
        }
    }

    private int run(Path dir, Objective objective, List<ValueList.Parameter> ranges, int[] steps, long seed,
                    int replications, Map<String, List<String>> parameters, ObjectNode manifest, int evaluations,
                    ExperimentRunner runner, PrintWriter terminal) throws Exception {
        int d = ranges.size();
        PrintWriter o = spec.commandLine().getOut();
        List<Variant> all = new ArrayList<>();
        List<ExperimentRunner.Results> batches = new ArrayList<>();
        boolean debugging = DebugOption.requested(spec.commandLine().getParseResult());
        Tuner tuner = new Tuner(bounds(ranges, 0), bounds(ranges, 1), steps, objective.goal(), evaluations,
                options.level,
                points -> {
                    List<Variant> batch = new ArrayList<>();
                    for (BigDecimal[] p : points) {
                        batch.add(variant(ranges, p));
                    }
                    ExperimentRunner.Results results = runner.run(dir, batch, seed, replications, terminal);
                    if (ExperimentRunner.reportFailures(spec.commandLine().getErr(), dir, results, replications,
                            debugging) != 0) {
                        throw new RunsFailed();
                    }
                    all.addAll(batch);
                    batches.add(results);
                    List<Sample> values = new ArrayList<>();
                    for (int i = 0; i < batch.size(); i++) {
                        values.add(results.sample(i, objective.metric()));
                    }
                    return values;
                });
        Tuner.Result result;
        try {
            result = tuner.run();
        } catch (RunsFailed e) {
            return ErrorHandler.INTERNAL;
        }
        ResultsTable.write(dir.resolve("runs.csv"), merge(all, batches, replications), List.copyOf(parameters.keySet()));
        runner.tableWritten(dir.resolve("runs.csv"));
        writeEvaluations(dir, ranges, result, all);
        if (d == 1 && !options.noCharts) {
            ExperimentCharts.tune(dir, ranges.get(0).path(), ranges.get(0).unit(), objective.metric(), result,
                    options.level);
        }
        ObjectNode summary = manifest.deepCopy();
        summary.put("design", "grid then " + (d == 1 ? "Brent" : "BOBYQA") + " on a lattice of " + Tuner.STEPS
                + " steps; interval: " + (d == 1 ? "nearest significantly worse evaluations around the best"
                : "range of the evaluations not significantly worse than the best"));
        ObjectNode best = summary.putObject("best");
        for (int i = 0; i < d; i++) {
            best.put(ranges.get(i).path(), ValueList.canonical(result.best().point()[i]));
        }
        best.put("mean", result.best().mean().value());
        best.put("ciLow", result.best().mean().lower());
        best.put("ciHigh", result.best().mean().upper());
        best.put("estimate", result.best().mean().kind().estimate());
        best.put("interval", result.best().mean().kind().interval());
        best.put("directory", directory(result.best().point()));
        ObjectNode interval = summary.putObject("interval");
        for (int i = 0; i < d; i++) {
            ArrayNode a = interval.putArray(ranges.get(i).path());
            a.add(ValueList.canonical(result.interval()[i][0]));
            a.add(ValueList.canonical(result.interval()[i][1]));
        }
        if (result.bracket() != null) {
            ObjectNode bracket = summary.putObject("bracket");
            for (int i = 0; i < d; i++) {
                ArrayNode a = bracket.putArray(ranges.get(i).path());
                a.add(ValueList.canonical(result.bracket()[i][0]));
                a.add(ValueList.canonical(result.bracket()[i][1]));
            }
        }
        ObjectNode units = summary.putObject("units");
        ranges.forEach(r -> units.put(r.path(), r.unit()));
        summary.put("evaluations", result.evaluations().size());
        ExperimentDirectory.writeJson(dir.resolve("tune-result.json"), summary);
        if (!options.quiet) {
            o.print(describe(ranges, objective, result));
            o.println("wrote " + result.evaluations().size() + " evaluations x " + replications + " replications to "
                    + dir);
        }
        o.flush();
        return 0;
    }

    /** A batch of runs failed; already reported. */
    private static final class RunsFailed extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private Objective.Goal goal() throws UserInputException {
        if (goal == null) {
            return null;
        }
        return switch (goal.strip().toLowerCase(Locale.ROOT)) {
            case "max", "maximise", "maximize" -> Objective.Goal.MAX;
            case "min", "minimise", "minimize" -> Objective.Goal.MIN;
            default -> throw new UserInputException("--goal must be max or min: " + goal);
        };
    }

    /**
     * Lattice steps per parameter: {@link Tuner#STEPS}, or for a parameter the scenario takes only as an integer
     * (it refuses {@code LO + 0.5}) one step per integer of its range, so that every value tried is an integer.
     */
    private int[] steps(List<ValueList.Parameter> ranges) throws Exception {
        int[] steps = new int[ranges.size()];
        for (int i = 0; i < steps.length; i++) {
            BigDecimal lo = ranges.get(i).numbers().get(0);
            BigDecimal hi = ranges.get(i).numbers().get(1);
            steps[i] = Tuner.STEPS;
            if (!integerOnly(ranges, i)) {
                continue;
            }
            if (!isInteger(lo) || !isInteger(hi)) {
                throw new UserInputException("--param " + ranges.get(i).path() + "=" + ranges.get(i).values().get(0)
                        + ":" + ranges.get(i).values().get(1) + ": " + ranges.get(i).path() + " is an integer; give "
                        + "integer ends");
            }
            BigDecimal width = hi.subtract(lo);
            if (width.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                throw new UserInputException("--param " + ranges.get(i).path() + ": the range is wider than "
                        + Integer.MAX_VALUE + " integers");
            }
            steps[i] = width.intValueExact();
        }
        return steps;
    }

    /** Whether the scenario refuses a fractional value of parameter {@code i} for not being an integer. */
    private boolean integerOnly(List<ValueList.Parameter> ranges, int i) throws Exception {
        BigDecimal[] point = bounds(ranges, 0);
        point[i] = point[i].add(new BigDecimal("0.5"));
        try {
            load(ranges, point);
            return false;
        } catch (org.speedsim.scenarios.ScenarioException e) {
            return e.problems().stream().anyMatch(p -> p.message().startsWith(Problem.NOT_AN_INTEGER));
        }
    }

    private static boolean isInteger(BigDecimal d) {
        return d.stripTrailingZeros().scale() <= 0;
    }

    private static BigDecimal[] bounds(List<ValueList.Parameter> ranges, int end) {
        return ranges.stream().map(r -> r.numbers().get(end)).toArray(BigDecimal[]::new);
    }

    private Loaded load(List<ValueList.Parameter> ranges, BigDecimal[] point) throws Exception {
        List<String> overrides = new ArrayList<>(options.sets());
        for (int i = 0; i < point.length; i++) {
            overrides.add("--param " + ranges.get(i).path() + "=" + ValueList.canonical(point[i])
                    + ranges.get(i).unit());
        }
        return plugins.scenarios(services).loadAny(file, overrides);
    }

    private Variant variant(List<ValueList.Parameter> ranges, BigDecimal[] point) throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> label = new ArrayList<>();
        for (int i = 0; i < point.length; i++) {
            values.put(ranges.get(i).path(), ValueList.canonical(point[i]) + ranges.get(i).unit());
            label.add(ValueList.canonical(point[i]) + ranges.get(i).unit());
        }
        return new Variant(String.join(",", label), directory(point), values, load(ranges, point));
    }

    /** {@code evaluations/0.25} or {@code evaluations/0.25_3}: the values, so a rerun finds its runs. */
    private static String directory(BigDecimal[] point) {
        List<String> parts = new ArrayList<>();
        for (BigDecimal p : point) {
            parts.add(ValueList.canonical(p));
        }
        return "evaluations/" + OutputDirectory.safeName(String.join("_", parts));
    }

    private static ExperimentRunner.Results merge(List<Variant> variants, List<ExperimentRunner.Results> batches,
                                                  int replications) {
        RunMetrics[][] metrics = new RunMetrics[variants.size()][];
        int i = 0;
        List<ReplicationRunner.Status<RunMetrics>> statuses = new ArrayList<>();
        for (ExperimentRunner.Results b : batches) {
            for (RunMetrics[] m : b.metrics()) {
                metrics[i++] = m;
            }
            statuses.addAll(b.outcome().statuses());
        }
        int reused = batches.stream().mapToInt(ExperimentRunner.Results::reused).sum();
        return new ExperimentRunner.Results(variants, metrics, reused, new ReplicationRunner.Outcome<>(statuses));
    }

    private void writeEvaluations(Path dir, List<ValueList.Parameter> ranges, Tuner.Result result,
                                  List<Variant> variants) throws java.io.IOException {
        AtomicFiles.write(dir.resolve(EVALUATIONS), out -> {
            List<String> header = new ArrayList<>(List.of("evaluation"));
            ranges.forEach(r -> header.add(r.path()));
            header.add("directory");
            header.addAll(Column.names(StatisticsFiles.ESTIMATE));
            header.add("diff_vs_best");
            header.addAll(StatisticsFiles.DIFFERENCE);
            header.addAll(List.of("best", "not_worse_than_best"));
            header.addAll(Column.names(StatisticsFiles.METHOD));
            header.add("test");
            CsvWriter csv = new CsvWriter(out, header.toArray(String[]::new));
            for (Tuner.Versus v : result.versus()) {
                Tuner.Evaluation e = v.evaluation();
                csv.add(e.order());
                for (BigDecimal p : e.point()) {
                    csv.add(ValueList.canonical(p));
                }
                csv.add(directory(e.point())).add(StatisticsFiles.ESTIMATE, e.mean())
                        .add(v.difference().difference()).add(v.difference().low())
                        .add(v.difference().high()).add(v.difference().pValue())
                        .add(Boolean.toString(e == result.best())).add(Boolean.toString(v.indistinguishable()))
                        .add(StatisticsFiles.METHOD, e.mean()).add(v.difference().test());
                csv.endRow();
            }
        });
    }

    private String describe(List<ValueList.Parameter> ranges, Objective objective, Tuner.Result result) {
        StringBuilder b = new StringBuilder();
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("#"));
        ranges.forEach(r -> header.add(r.path()));
        String estimate = result.best().mean().kind().estimate();
        header.addAll(List.of(objective.metric() + " " + estimate, Display.num(options.level * 100) + " % CI",
                "diff vs best", "p", ""));
        table.add(header);
        List<Tuner.Versus> sorted = new ArrayList<>(result.versus());
        sorted.sort((x, y) -> {
            for (int i = 0; i < x.evaluation().point().length; i++) {
                int c = x.evaluation().point()[i].compareTo(y.evaluation().point()[i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        for (Tuner.Versus v : sorted) {
            Tuner.Evaluation e = v.evaluation();
            List<String> row = new ArrayList<>(List.of(Integer.toString(e.order())));
            for (BigDecimal p : e.point()) {
                row.add(ValueList.canonical(p));
            }
            row.add(Display.num(e.mean().value()));
            row.add(Display.interval(e.mean().lower(), e.mean().upper()));
            row.add(e == result.best() ? "" : Display.num(v.difference().difference()));
            row.add(e == result.best() ? "" : Display.p(v.difference().pValue()));
            row.add(e == result.best() ? "best" : v.indistinguishable() ? "not significantly worse" : "");
            table.add(row);
        }
        b.append("evaluations (").append(objective.goal() == Objective.Goal.MAX ? "maximise " : "minimise ")
                .append(objective.metric()).append("):\n").append(Display.table(table, "  "));
        for (int i = 0; i < ranges.size(); i++) {
            b.append("best ").append(ranges.get(i).path()).append(" = ")
                    .append(ValueList.canonical(result.best().point()[i])).append(ranges.get(i).unit())
                    .append(", interval [").append(ValueList.canonical(result.interval()[i][0])).append(", ")
                    .append(ValueList.canonical(result.interval()[i][1])).append("]").append(ranges.get(i).unit());
            if (result.bracket() != null) {
                b.append(" (not significantly worse; the optimum lies between ")
                        .append(ValueList.canonical(result.bracket()[i][0])).append(" and ")
                        .append(ValueList.canonical(result.bracket()[i][1])).append(ranges.get(i).unit())
                        .append(" if the objective is unimodal)");
            }
            b.append('\n');
        }
        int comparisons = Math.max(1, result.evaluations().size() - 1);
        b.append("significantly worse: p < ").append(Display.num((1 - options.level) / comparisons)).append(" (")
                .append(Display.num(1 - options.level)).append(" / ").append(comparisons)
                .append(" comparisons with the best, Bonferroni; ")
                .append(result.versus().stream().filter(v -> v.evaluation() != result.best())
                        .map(v -> v.difference().test()).distinct().reduce((a, c) -> a + ", " + c).orElse("no test"))
                .append(")\n");
        b.append("best ").append(estimate).append(' ').append(objective.metric()).append(' ')
                .append(Display.num(result.best().mean().value()))
                .append(' ').append(Display.interval(result.best().mean().lower(), result.best().mean().upper()))
                .append('\n');
        return b.toString();
    }
}
