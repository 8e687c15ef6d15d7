package org.speedsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.speedsim.scenarios.Loaded;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code speedsim sweep}: runs a scenario over a design of any number of parameters (a full factorial grid, a Latin
 * hypercube or Sobol sequence over ranges, or Saltelli's design for Sobol sensitivity indices), with replications,
 * in parallel, and writes one row per run. Resumable: an interrupted sweep, run again, runs only what is missing.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Run a scenario over a design of any number of parameters.",
            "Designs: a full factorial grid (the default), a space-filling design over ranges (--design lhs|sobol "
                + "--points N), or a sensitivity analysis (--design saltelli --points N).",
            "Each point of the design runs the scenario's replications (replication r of every point with the same "
                + "seed and replication index: common random numbers), all in parallel.",
            "Writes <out>/<name>/: sweep.json (the design and its points; a rerun checks it is the same sweep), "
                + "points/<k>/<replication>/ (standard run directories), runs.csv (one row per run: point, "
                + "parameters, replication, every summary field except the wall-clock time), peers.csv (every peer "
                + "of every run, with its point, parameters and replication) and points.csv (per "
                + "point and metric: the estimate and its confidence interval, clipped to the metric's range, with the method: "
                + "Student-t mean, Wilson proportion for yes/no metrics, restricted mean survival time for the "
                + "censored swarm lifetime).",
            "With more than two parameters, or a space-filling design, the charts are main-effect plots: per headline "
                + "metric, one panel per parameter with every point's mean and their average per level (or per "
                + "tenth of the range).",
            "--design lhs: a Latin hypercube of N points (each parameter's range cut into N equal strata, one point "
                + "in each), drawn from the random stream (root seed, 'design'). --design sobol: the first N points "
                + "of a Sobol sequence. Both take --param PATH=LO:HI ranges; a parameter the scenario requires to be "
                + "an integer, with whole ends, takes whole values only.",
            "--design saltelli: N (d + 2) points for d parameters (samples A, B and, per parameter i, A with "
                + "column i from B) and sensitivity.csv: per metric and parameter the first-order and total Sobol "
                + "indices (Jansen estimators of each point's mean over replications) with bootstrap percentile "
                + "intervals (1000 resamples of the N base rows, random stream (root seed, 'bootstrap')), and a "
                + "chart per headline metric ranking the parameters.",
            "Interrupted? Run the same command again: complete runs (those with a summary.json) are kept and only "
                + "the rest run. A different sweep in the same directory is refused unless --force."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./speedsim sweep scenarios/spending-rate.yaml \\",
            "      --param 'clients[1].bidding.spendingRate=0:1:0.25'",
            "  ./speedsim sweep scenarios/default.yaml --param arrivals.peers=100:400:100",
            "  ./speedsim sweep s.yaml --param protocol.unchokeSlots=2:6:1 \\",
            "      --param protocol.trackerPeers=20,50",
            "  ./speedsim sweep s.yaml --param 'clients[1].auction=uniform-price,vcg'",
            "  ./speedsim sweep scenarios/default.yaml --design lhs --points 20 \\",
            "      --param arrivals.peers=50:200 --param protocol.unchokeSlots=2:6 \\",
            "      --param 'initialSeeds[0].leaveAt=5min:30min' \\",
            "      --param protocol.trackerPeers=10:50",
            "  ./speedsim sweep scenarios/default.yaml --design saltelli --points 16 \\",
            "      --param protocol.unchokeSlots=2:6 \\",
            "      --param 'initialSeeds[0].leaveAt=5min:30min'"
        })
final class SweepCommand implements Callable<Integer> {

    static final String RESULTS = ResultsTable.FILE;
    static final String POINTS = "points.csv";
    static final String SENSITIVITY = "sensitivity.csv";

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

    @Option(names = "--param", paramLabel = "PATH=FROM:TO:STEP", required = true,
            description = "A parameter and its values, repeatable: for the grid FROM:TO:STEP (both ends included) "
                    + "or V1,V2,...; every combination runs, the first parameter varying slowest. For lhs, sobol "
                    + "and saltelli a range LO:HI.")
    List<String> params = new ArrayList<>();

    @Option(names = "--design", paramLabel = "DESIGN", defaultValue = "grid",
            description = "grid (default), lhs, sobol or saltelli.")
    String designName;

    @Option(names = "--points", paramLabel = "N", description = "Points of an lhs or sobol design; base samples "
            + "of a saltelli design (which runs N (d + 2) points).")
    Integer pointCount;

    /** The most points whose estimates are printed on the terminal. */
    static final int TERMINAL_POINTS = 100;

    /** The most points a sweep runs. */
    static final long MAX_POINTS = 100_000;

    SweepCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        options.check();
        Design design = Design.parse(designName);
        UserInputException.requireFile(file);
        String fewer = "use fewer values or a coarser STEP, or fewer --points";
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        List<Variant> points;
        long seed;
        if (design == Design.GRID) {
            if (pointCount != null) {
                throw new UserInputException("--points goes with --design lhs, sobol or saltelli, not with a grid");
            }
            List<ValueList.Parameter> grid = ValueList.distinct("--param", params, ValueList::grid);
            long size = Sizes.product(grid.stream().map(g -> g.values().size()).toList());
            Sizes.checkExperiment("sweep grid", size, options.replications != null ? options.replications : 1,
                    fewer);
            if (size > MAX_POINTS) {
                throw new UserInputException("--param: the grid has more than " + MAX_POINTS + " points; use "
                        + "--design lhs or sobol with --points N for large spaces");
            }
            grid.forEach(g -> parameters.put(g.path(), g.values()));
            points = points(factorial(grid));
            seed = options.rootSeed(points.get(0).scenario());
        } else {
            List<ValueList.Parameter> ranges = ValueList.distinct("--param", params, ValueList::range);
            if (pointCount == null || pointCount < 2) {
                throw new UserInputException("--design " + design.option() + " needs --points N, N at least 2"
                        + (pointCount == null ? "" : ": " + pointCount));
            }
            if (design.size(pointCount, ranges.size()) > MAX_POINTS) {
                throw new UserInputException("--points " + pointCount + ": the design would run "
                        + design.size(pointCount, ranges.size()) + " points, more than " + MAX_POINTS);
            }
            ranges.forEach(r -> parameters.put(r.path(), r.values()));
            List<String> low = new ArrayList<>(options.sets());
            ranges.forEach(r -> low.add("--param " + r.path() + "=" + r.values().get(0)));
            seed = options.rootSeed(plugins.scenarios(services).loadAny(file, low));
            List<DesignFactor> factors = new ArrayList<>();
            for (ValueList.Parameter r : ranges) {
                factors.add(DesignFactor.of(r, DesignFactor.wholeEnds(r) && integerOnly(r), quantum(r)));
            }
            double[][] unit = design.unitPoints(pointCount, factors.size(),
                    new org.speedsim.engine.rng.RandomStreams(seed, 0).stream("design"));
            List<Map<String, String>> combos = new ArrayList<>();
            for (double[] u : unit) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < factors.size(); i++) {
                    values.put(factors.get(i).path(), factors.get(i).value(u[i]));
                }
                combos.add(values);
            }
            points = points(combos);
        }
        Loaded first = points.get(0).scenario();
        int replications = options.replicationCount(first);
        Sizes.checkExperiment("sweep grid", points.size(), replications, fewer);
        String name = options.experimentName(first.name() + "-sweep");
        com.fasterxml.jackson.databind.node.ObjectNode manifest =
                ExperimentDirectory.manifest("sweep", name, seed, replications, points, parameters);
        if (design != Design.GRID) {
            manifest.put("design", design.option());
            manifest.put("points", pointCount);
        }
        ExperimentDirectory.Prepared prepared = ExperimentDirectory.prepare(options.out, name, manifest,
                options.force, OwnedDirectory.command(spec));
        try (OwnedDirectory owned = prepared.owned()) {
            return run(owned.dir(), points, seed, replications, parameters, design);
        }
    }

    /**
     * Whether the scenario refuses a non-integer value of the range's path (an integer field): a value half-way
     * between the low end and the next integer is loaded and the validator's verdict read.
     */
    private boolean integerOnly(ValueList.Parameter range) {
        List<String> probe = new ArrayList<>(options.sets());
        probe.add("--param " + range.path() + "="
                + ValueList.canonical(range.numbers().get(0).add(new java.math.BigDecimal("0.5"))));
        try {
            plugins.scenarios(services).loadAny(file, probe);
            return false;
        } catch (org.speedsim.scenarios.ScenarioException e) {
            return e.problems().stream()
                    .anyMatch(problem -> problem.message().startsWith(org.speedsim.scenarios.Problem.NOT_AN_INTEGER));
        }
    }

    /**
     * For a range with a unit, the finest step 10^-k (k from 6 down to 0) in that unit that the scenario accepts
     * above the low end (a price of 130.01165uBTT/KiB is not a whole number of nano-BTT per KiB); null without a
     * unit or when no step loads (the values then fail to load with the scenario's own message).
     */
    private java.math.BigDecimal quantum(ValueList.Parameter range) {
        if (range.unit().isEmpty()) {
            return null;
        }
        java.math.BigDecimal lo = range.numbers().get(0);
        for (int k = 6; k >= 0; k--) {
            java.math.BigDecimal step = java.math.BigDecimal.ONE.movePointLeft(k);
            if (lo.add(step).compareTo(range.numbers().get(1)) > 0) {
                continue;
            }
            List<String> probe = new ArrayList<>(options.sets());
            probe.add("--param " + range.path() + "=" + ValueList.canonical(lo.add(step)) + range.unit());
            try {
                plugins.scenarios(services).loadAny(file, probe);
                return step;
            } catch (org.speedsim.scenarios.ScenarioException e) {
                // a coarser step may load
            }
        }
        return null;
    }

    private int run(Path dir, List<Variant> points, long seed, int replications, Map<String, List<String>> parameters,
                    Design design) throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter terminal = options.quiet ? null : services.terminal().get();
        if (!options.quiet) {
            o.println("sweep: " + points.size() + " points x " + replications + " replications = "
                    + points.size() * replications + " runs into " + dir);
            o.flush();
        }
        try (ExperimentRunner runner = options.runner(services, spec.commandLine().getErr())) {
            return run(dir, points, seed, replications, parameters, design, runner, runner
                    .plainProgress(options.quiet ? null : spec.commandLine().getErr())
                    .run(dir, points, seed, replications, terminal));
        }
    }

    private int run(Path dir, List<Variant> points, long seed, int replications, Map<String, List<String>> parameters,
                    Design design, ExperimentRunner runner, ExperimentRunner.Results results) throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        int exit = ExperimentRunner.reportOutcome(o, spec.commandLine().getErr(), options.quiet, dir, results,
                replications, DebugOption.requested(spec.commandLine().getParseResult()));
        if (exit != 0) {
            return exit;
        }
        List<String> paths = List.copyOf(parameters.keySet());
        ResultsTable.write(dir.resolve(RESULTS), results, paths);
        runner.tableWritten(dir.resolve(RESULTS));
        PointTable table = PointTable.of(results, paths, options.level);
        table.write(dir.resolve(POINTS));
        SensitivityTable sensitivity = design == Design.SALTELLI
                ? SensitivityTable.of(results, paths, pointCount, seed, options.level) : null;
        if (sensitivity != null) {
            sensitivity.write(dir.resolve(SENSITIVITY));
        }
        if (!options.noCharts) {
            if (design == Design.GRID && paths.size() <= 2) {
                ExperimentCharts.sweep(dir, table, ComparisonTable.HEADLINE, options.level);
            } else {
                MainEffects.write(dir, table, ComparisonTable.HEADLINE);
            }
            if (sensitivity != null) {
                sensitivity.charts(dir, ComparisonTable.HEADLINE);
            }
        }
        if (!options.quiet) {
            if (points.size() <= TERMINAL_POINTS) {
                o.print(table.terminal(ComparisonTable.HEADLINE));
            } else {
                o.println(points.size() + " points: their estimates are in " + dir.resolve(POINTS));
            }
            if (sensitivity != null) {
                o.print(sensitivity.terminal(ComparisonTable.HEADLINE));
            }
            o.println("wrote " + dir.resolve(RESULTS) + " and " + dir.resolve(POINTS)
                    + (sensitivity != null ? " and " + dir.resolve(SENSITIVITY) : ""));
        }
        o.flush();
        return 0;
    }

    /** Every combination of the grid's values, the first parameter varying slowest. */
    private static List<Map<String, String>> factorial(List<ValueList.Parameter> grid) {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (ValueList.Parameter p : grid) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combos) {
                for (String v : p.values()) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(p.path(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        return combos;
    }

    /** The points {@code combos}, point k in {@code points/<k>}, each scenario loaded with its values. */
    private List<Variant> points(List<Map<String, String>> combos) throws Exception {
        List<Variant> points = new ArrayList<>();
        for (int k = 0; k < combos.size(); k++) {
            Map<String, String> values = combos.get(k);
            List<String> overrides = new ArrayList<>(options.sets());
            List<String> label = new ArrayList<>();
            values.forEach((path, v) -> {
                overrides.add("--param " + path + "=" + v);
                label.add(path + "=" + v);
            });
            Loaded s = plugins.scenarios(services).loadAny(file, overrides);
            points.add(new Variant(String.join(" ", label), "points/" + k, values, s));
        }
        return points;
    }
}
