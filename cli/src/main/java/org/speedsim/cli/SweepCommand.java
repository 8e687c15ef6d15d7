package org.speedsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.speedsim.scenarios.LoadedScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code speedsim sweep}: runs a scenario over a grid of one or two parameters, with replications, in parallel, and
 * writes one row per run. Resumable: an interrupted sweep, run again, runs only what is missing.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Run a scenario over a grid of one or two parameters.",
            "Each point of the grid runs the scenario's replications (replication r of every point with the same "
                + "seed and replication index: common random numbers), all in parallel.",
            "Writes <out>/<name>/: sweep.json (the grid; a rerun checks it is the same sweep), "
                + "points/<k>/<replication>/ (standard run directories), runs.csv (one row per run: point, "
                + "parameters, replication, every summary field except the wall-clock time), peers.csv (every peer "
                + "of every run, with its point, parameters and replication) and points.csv (per "
                + "point and metric: the estimate and its confidence interval, clipped to the metric's range, with the method: "
                + "Student-t mean, Wilson proportion for yes/no metrics, restricted mean survival time for the "
                + "censored swarm lifetime).",
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
            "  ./speedsim sweep s.yaml --param 'clients[1].auction=uniform-price,vcg'"
        })
final class SweepCommand implements Callable<Integer> {

    static final String RESULTS = ResultsTable.FILE;
    static final String POINTS = "points.csv";

    private final Services services;

    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Mixin
    ExperimentOptions options;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file.")
    Path file;

    @Option(names = "--param", paramLabel = "PATH=FROM:TO:STEP", required = true,
            description = "A parameter and its grid (FROM:TO:STEP, both ends included, or V1,V2,...); once or "
                    + "twice. With two, every combination runs, the first varying slowest.")
    List<String> params = new ArrayList<>();

    SweepCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        options.check();
        if (params.size() > 2) {
            throw new UserInputException("--param: a sweep has one or two parameters, not " + params.size());
        }
        UserInputException.requireFile(file);
        List<ValueList.Parameter> grid = ValueList.distinct("--param", params, ValueList::grid);
        List<Variant> points = points(grid);
        LoadedScenario first = points.get(0).scenario();
        long seed = options.rootSeed(first);
        int replications = options.replicationCount(first);
        String name = options.experimentName(first.name() + "-sweep");
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        grid.forEach(g -> parameters.put(g.path(), g.values()));
        ExperimentDirectory.Prepared prepared = ExperimentDirectory.prepare(options.out, name,
                ExperimentDirectory.manifest("sweep", name, seed, replications, points, parameters), options.force,
                OwnedDirectory.command(spec));
        try (OwnedDirectory owned = prepared.owned()) {
            return run(owned.dir(), points, seed, replications, parameters);
        }
    }

    private int run(Path dir, List<Variant> points, long seed, int replications, Map<String, List<String>> parameters)
            throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter terminal = options.quiet ? null : services.terminal().get();
        if (!options.quiet) {
            o.println("sweep: " + points.size() + " points x " + replications + " replications = "
                    + points.size() * replications + " runs into " + dir);
            o.flush();
        }
        ExperimentRunner.Results results = new ExperimentRunner(services, options.threadCount())
                .plainProgress(options.quiet ? null : spec.commandLine().getErr())
                .run(dir, points, seed, replications, terminal);
        int exit = ExperimentRunner.reportOutcome(o, spec.commandLine().getErr(), options.quiet, dir, results,
                replications, DebugOption.requested(spec.commandLine().getParseResult()));
        if (exit != 0) {
            return exit;
        }
        List<String> paths = List.copyOf(parameters.keySet());
        ResultsTable.write(dir.resolve(RESULTS), results, paths);
        PointTable table = PointTable.of(results, paths, options.level);
        table.write(dir.resolve(POINTS));
        if (!options.noCharts) {
            ExperimentCharts.sweep(dir, table, ComparisonTable.HEADLINE, options.level);
        }
        if (!options.quiet) {
            o.print(table.terminal(ComparisonTable.HEADLINE));
            o.println("wrote " + dir.resolve(RESULTS) + " and " + dir.resolve(POINTS));
        }
        o.flush();
        return 0;
    }

    private List<Variant> points(List<ValueList.Parameter> grid) throws Exception {
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
        List<Variant> points = new ArrayList<>();
        for (int k = 0; k < combos.size(); k++) {
            Map<String, String> values = combos.get(k);
            List<String> overrides = new ArrayList<>(options.sets());
            List<String> label = new ArrayList<>();
            values.forEach((path, v) -> {
                overrides.add("--param " + path + "=" + v);
                label.add(path + "=" + v);
            });
            LoadedScenario s = services.scenarios().load(file, overrides);
            points.add(new Variant(String.join(" ", label), "points/" + k, values, s));
        }
        return points;
    }
}
