package org.speedsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.speedsim.scenarios.Loaded;
import org.speedsim.scenarios.LoadedScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code speedsim compare}: runs variants of a scenario (one file with {@code --vary PATH=V1,V2,...}, or several
 * files) on the same seed and replications, and tabulates each metric's estimate and confidence interval per variant
 * and the difference against the first variant ({@link ComparisonTable}).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Compare variants of a scenario on common random numbers.",
            "Replication r of every variant runs with the same seed and replication index, so the variants see "
                + "the same arrivals, bandwidths and departures and differ only in what is varied. For every metric "
                + "of summary.json: each variant's estimate with its confidence interval, and the difference "
                + "against the first variant with its interval and p-value, by the method that fits the metric: "
                + "means with Student-t intervals and the paired t-test; yes/no outcomes (swarm_died) as proportions "
                + "with Wilson intervals and McNemar's test; the swarm lifetime, censored when the swarm outlives "
                + "the run, as the restricted mean survival time up to the run's length (Greenwood interval) with "
                + "its Kaplan-Meier median and the log-rank test stratified by replication. Each row names its "
                + "interval and test.",
            "Writes <out>/<name>/: compare.json (what was run), <variant>/<replication>/ (standard run "
                + "directories), runs.csv (one row per run), peers.csv (one row per peer of every run), compare.csv and compare.md (the statistics). "
                + "The seed and replications are the first file's unless given. Run the same command again after an "
                + "interruption: complete runs are kept and only the rest run."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./speedsim compare scenarios/speed-vs-legacy.yaml \\",
            "      --vary 'clients[0].share=1,0.5,0' --vary 'clients[1].share=0,0.5,1' \\",
            "      --labels legacy,mixed,speed",
            "  ./speedsim compare scenarios/speed-seeding.yaml \\",
            "      --vary 'clients[1].auction=uniform-price,vcg,first-price'",
            "  ./speedsim compare a.yaml b.yaml --replications 20 --out runs/ab",
            "  ./speedsim compare s.yaml --labels fixed,auto --vary \\",
            "      'clients[1].bidding={strategy: fixed, price: 20uBTT/KiB},{strategy: auto}'"
        })
final class CompareCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Mixin
    PluginOption plugins;

    @Mixin
    ExperimentOptions options;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario file(s): one with --vary, or several "
            + "to compare as they are.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--vary", paramLabel = "PATH=V1,V2,...", description = "A field to vary and its values, the "
            + "first being the baseline (YAML values; commas inside [] or {} do not split). Repeat it to vary "
            + "several fields together: variant i sets each to its i-th value.")
    List<String> vary = new ArrayList<>();

    @Option(names = "--labels", paramLabel = "L1,L2,...", split = ",", description = "Names of the variants, in "
            + "order (default: the varied values, or the scenario names).")
    List<String> labels = new ArrayList<>();

    /** The scenarios' own names, before each variant is named after its label. */
    private final List<String> scenarioNames = new ArrayList<>();

    CompareCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        options.check();
        for (Path f : files) {
            UserInputException.requireFile(f);
        }
        List<Variant> variants = variants();
        Loaded first = variants.get(0).scenario();
        long seed = options.rootSeed(first);
        int replications = options.replicationCount(first);
        Sizes.checkExperiment("compare", variants.size(), replications, "use fewer --replications");
        String name = options.experimentName(defaultName());
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (ValueList.Parameter p : varied()) {
            parameters.put(p.path(), p.values());
        }
        ExperimentDirectory.Prepared prepared = ExperimentDirectory.prepare(options.out, name,
                ExperimentDirectory.manifest("compare", name, seed, replications, variants, parameters),
                options.force, OwnedDirectory.command(spec));
        try (OwnedDirectory owned = prepared.owned()) {
            return run(owned.dir(), variants, seed, replications, parameters);
        }
    }

    private int run(Path dir, List<Variant> variants, long seed, int replications,
                    Map<String, List<String>> parameters) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter terminal = options.quiet ? null : services.terminal().get();
        try (ExperimentRunner runner = options.runner(services, err)) {
            return run(dir, variants, seed, replications, parameters, runner.plainProgress(options.quiet ? null : err)
                    .run(dir, variants, seed, replications, terminal), runner);
        }
    }

    private int run(Path dir, List<Variant> variants, long seed, int replications,
                    Map<String, List<String>> parameters, ExperimentRunner.Results results, ExperimentRunner runner)
            throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = ExperimentRunner.reportOutcome(o, err, options.quiet, dir, results, replications,
                DebugOption.requested(spec.commandLine().getParseResult()));
        if (exit != 0) {
            return exit;
        }
        ResultsTable.write(dir.resolve("runs.csv"), results, List.copyOf(parameters.keySet()));
        runner.tableWritten(dir.resolve("runs.csv"));
        ComparisonTable table = ComparisonTable.of(results, options.level);
        table.write(dir);
        if (!options.noCharts && variants.stream().allMatch(v -> v.scenario() instanceof LoadedScenario)) {
            ExperimentCharts.compare(dir, variants); // a world's charts come from 'speedsim report DIR'
        }
        if (!options.quiet) {
            o.print(table.terminal());
            o.println("wrote " + variants.size() + " variants x " + replications + " replications to " + dir);
        }
        o.flush();
        return 0;
    }

    private List<ValueList.Parameter> varied() throws UserInputException {
        List<ValueList.Parameter> varied = new ArrayList<>();
        for (String v : vary) {
            ValueList.Parameter p = ValueList.list("--vary", v, 2);
            if (!varied.isEmpty() && varied.get(0).values().size() != p.values().size()) {
                throw new UserInputException("--vary " + p.path() + " has " + p.values().size() + " values but "
                        + varied.get(0).path() + " has " + varied.get(0).values().size() + "; fields varied together "
                        + "need one value per variant each");
            }
            if (varied.stream().anyMatch(q -> q.path().equals(p.path()))) {
                throw new UserInputException("--vary " + p.path() + " is given twice");
            }
            varied.add(p);
        }
        return varied;
    }

    private List<Variant> variants() throws Exception {
        if (!vary.isEmpty() && files.size() > 1) {
            throw new UserInputException("--vary compares variants of one file; give one file with --vary, or "
                    + "several files without it");
        }
        if (vary.isEmpty() && files.size() < 2) {
            throw new UserInputException("nothing to compare: give --vary PATH=V1,V2,... or at least two scenario "
                    + "files");
        }
        List<ValueList.Parameter> varied = varied();
        int count = varied.isEmpty() ? files.size() : varied.get(0).values().size();
        if (!labels.isEmpty() && labels.size() != count) {
            throw new UserInputException("--labels has " + labels.size() + " names for " + count + " variants");
        }
        if (labels.stream().distinct().count() != labels.size() || labels.stream().anyMatch(String::isBlank)) {
            throw new UserInputException("--labels must be distinct and non-empty: " + String.join(",", labels));
        }
        List<Variant> variants = new ArrayList<>();
        scenarioNames.clear();
        // names of the experiment's own files and directories are not available to variants
        Set<String> directories = new HashSet<>(Set.of(ExperimentCharts.DIR, "compare.json", ComparisonTable.CSV,
                ComparisonTable.MARKDOWN, ResultsTable.FILE, PeerTable.FILE));
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < count; i++) {
            Loaded s;
            Map<String, String> values = new LinkedHashMap<>();
            String label;
            List<String> overrides = new ArrayList<>(options.sets());
            Path file = varied.isEmpty() ? files.get(i) : files.get(0);
            if (varied.isEmpty()) {
                s = plugins.scenarios(services).loadAny(file, overrides);
                label = taken.contains(s.name()) ? files.get(i).toString() : s.name();
            } else {
                List<String> shown = new ArrayList<>();
                for (ValueList.Parameter p : varied) {
                    String value = p.values().get(i);
                    overrides.add("--vary " + p.path() + "=" + value);
                    values.put(p.path(), value);
                    shown.add(varied.size() == 1 ? value : p.path() + "=" + value);
                }
                s = plugins.scenarios(services).loadAny(file, overrides);
                label = String.join(" ", shown);
            }
            if (!labels.isEmpty()) {
                label = labels.get(i).strip();
            }
            taken.add(label);
            String directory = unique(OutputDirectory.safeName(label), directories);
            scenarioNames.add(s.name());
            // the variant's runs carry its label (made a valid name: its directory's) in scenario.yaml and summary.json
            overrides.add("--labels name=" + directory);
            variants.add(new Variant(label, directory, values, plugins.scenarios(services).loadAny(file, overrides)));
        }
        return variants;
    }

    /** {@code name}, or {@code name-2}, {@code name-3}, ... if taken. */
    static String unique(String name, Set<String> taken) {
        String n = name;
        for (int k = 2; !taken.add(n); k++) {
            n = name + "-" + k;
        }
        return n;
    }

    private String defaultName() {
        if (!vary.isEmpty()) {
            return scenarioNames.get(0);
        }
        return String.join("-vs-", scenarioNames);
    }
}
