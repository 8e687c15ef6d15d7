package org.speedsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.speedsim.cli.ReplicationRunner.Done;
import org.speedsim.cli.ReplicationRunner.Failed;
import org.speedsim.cli.ReplicationRunner.Outcome;
import org.speedsim.cli.ReplicationRunner.Skipped;
import org.speedsim.cli.ReplicationRunner.Status;
import org.speedsim.engine.swarm.ProgressListener;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.RunSummary;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.reports.Numbers;
import org.speedsim.reports.Report;
import org.speedsim.reports.WorldReplication;
import org.speedsim.reports.ReportOptions;
import org.speedsim.engine.world.WorldSummary;
import org.speedsim.scenarios.Loaded;
import org.speedsim.scenarios.LoadedScenario;
import org.speedsim.scenarios.LoadedWorld;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code speedsim run FILE}: loads a scenario, runs its replications in parallel (replication r with
 * {@code config.withSeed(seed, r)}) and writes {@code <out>/<scenario>/<r>/} for each (see {@link RunOutputWriter}).
 * Results do not depend on {@code --threads}.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Run a scenario's replications in parallel and write their results.",
            "Each replication gets <out>/<scenario>/<replication>/ with scenario.yaml, timeseries.csv, "
                + "piececopies.csv, peers.csv and summary.json (written last: its presence means the replication is "
                + "complete); a world scenario (kind: world) writes timeseries.csv, torrents.csv, users.csv, "
                + "requests.csv and summary.json instead. Once all are complete, <out>/<scenario>/ gets the tidy tables every experiment has: "
                + "runs.csv (one row per replication: every summary field) and peers.csv (every peer of every "
                + "replication, with its replication)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./speedsim run scenarios/default.yaml",
            "  ./speedsim run scenarios/default.yaml --seed 7 --replications 20 --out runs/a",
            "  ./speedsim run my.yaml --threads 2 --set arrivals.rate=0.5 --force",
            "  ./speedsim run small.yaml --trace t.jsonl --trace-kinds unchoke,piece",
            "  ./speedsim run scenarios/default.yaml --replications 10 --report",
            "  ./speedsim run scenarios/world-default.yaml --report"
        })
final class RunCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Mixin
    PluginOption plugins;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file.")
    Path file;

    @Option(names = "--seed", paramLabel = "N", description = "Root seed (default: the scenario's).")
    Long seed;

    @Option(names = "--replications", paramLabel = "N", description = "Number of replications (default: the "
            + "scenario's).")
    Integer replications;

    @Option(names = "--threads", paramLabel = "N", description = "Replications run at once (default: the number "
            + "of processors). Results do not depend on it.")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a scenario field after 'extends' is resolved (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--force", description = "Replace an existing <out>/<scenario> directory and trace file, if "
            + "speedsim wrote everything in them (its .speedsim-manifest lists what it wrote); anything else is refused.")
    boolean force;

    @Option(names = "--quiet", description = "No progress bar and no summary lines.")
    boolean quiet;

    @Option(names = "--report", description = "After the run, write a report (charts, tables, report.html) into "
            + "<out>/<scenario>/report/, as 'speedsim report' would.")
    boolean report;

    @Option(names = "--trace", paramLabel = "FILE", description = "Write protocol events as JSON lines (one file "
            + "per replication, FILE-<r>.ext, when there are several).")
    Path trace;

    @Option(names = "--trace-kinds", paramLabel = "KIND", split = ",",
            description = "Trace only these kinds, e.g. unchoke,piece (default: all).")
    List<String> traceKinds = new ArrayList<>();

    RunCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        checkArguments();
        UserInputException.requireFile(file);
        Loaded loaded = plugins.scenarios(services).loadAny(file, withSeed(overrides, seed));
        long rootSeed = seed != null ? seed : loaded.seed();
        int count = replications != null ? replications : loaded.replications();
        if (loaded instanceof LoadedWorld world) {
            if (trace != null) {
                throw new UserInputException("--trace: a world scenario has no protocol trace (it runs many swarms); "
                        + "trace a swarm scenario");
            }
            try (OwnedDirectory owned = OutputDirectory.prepare(out, world.name(), force,
                    OwnedDirectory.command(spec), List.of())) {
                return runWorld(owned, world, rootSeed, count);
            }
        }
        LoadedScenario scenario = (LoadedScenario) loaded;
        List<Path> traces = traceFiles(count);
        try (OwnedDirectory owned = OutputDirectory.prepare(out, scenario.name(), force,
                OwnedDirectory.command(spec), traces)) {
            return run(owned, scenario, rootSeed, count, traces);
        }
    }

    /** Runs a world's replications in parallel, as {@link #run} does a swarm's; a world has no trace. */
    private int runWorld(OwnedDirectory owned, LoadedWorld world, long rootSeed, int count) throws Exception {
        Path dir = owned.dir();
        PrintWriter terminal = quiet ? null : services.terminal().get();
        ProgressBar bar = terminal != null ? new ProgressBar(terminal, count, System::nanoTime)
                : quiet ? null : ProgressBar.plainLines(spec.commandLine().getErr(), count, "replications",
                        System::nanoTime);
        int threadCount = threads != null ? threads : ReplicationRunner.defaultThreads();
        Outcome<WorldSummary> outcome = new ReplicationRunner(threadCount).run(count, r -> {
            try {
                return WorldRuns.runAndWrite(world, rootSeed, r, bar == null ? null : bar.listener(r),
                        OutputDirectory.replication(dir, r));
            } finally {
                if (bar != null) {
                    bar.finished(r);
                }
            }
        });
        if (bar != null) {
            bar.clear();
        }
        int exit = reportWorld(owned, outcome);
        if (outcome.allDone()) {
            ResultsTable.writeRun(dir, world, count);
        }
        if (report && outcome.statuses().stream().anyMatch(st -> st instanceof Done)) {
            writeReport(dir);
        }
        return exit;
    }

    private int reportWorld(OwnedDirectory owned, Outcome<WorldSummary> outcome) throws IOException {
        Path dir = owned.dir();
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean isDebug = DebugOption.requested(spec.commandLine().getParseResult());
        int exit = 0;
        boolean[] outOfMemoryShown = {false};
        for (Status<WorldSummary> s : outcome.statuses()) {
            if (s instanceof Done<WorldSummary> d) {
                if (!quiet) {
                    o.println(WorldRuns.describe(d.index(), d.value()));
                }
                if (!d.value().conserved() || d.value().uplinkExceeded() > 0) {
                    err.println("speedsim: replication " + d.index() + " broke an invariant (conserved "
                            + d.value().conserved() + ", uplink_exceeded " + d.value().uplinkExceeded()
                            + "); its results are kept but suspect");
                    exit = ErrorHandler.INTERNAL;
                }
            } else if (s instanceof Failed<WorldSummary> f) {
                exit = failed(f, exit, err, isDebug, outOfMemoryShown);
            }
        }
        return closeOut(owned, outcome, exit);
    }

    private int run(OwnedDirectory owned, LoadedScenario scenario, long rootSeed, int count, List<Path> traces)
            throws Exception {
        Path dir = owned.dir();
        PrintWriter terminal = quiet ? null : services.terminal().get();
        ProgressBar bar = terminal != null ? new ProgressBar(terminal, count, System::nanoTime)
                : quiet ? null : ProgressBar.plainLines(spec.commandLine().getErr(), count, "replications",
                        System::nanoTime);
        List<JsonLinesTrace> openTraces = new ArrayList<>();
        RunOutputWriter writer = new RunOutputWriter();
        int threadCount = threads != null ? threads : ReplicationRunner.defaultThreads();
        Outcome<RunSummary> outcome = new ReplicationRunner(threadCount).run(count, r -> {
            SwarmConfig config = scenario.config().withSeed(rootSeed, r);
            JsonLinesTrace t = traces.isEmpty() ? null : new JsonLinesTrace(traces.get(r), kinds());
            if (t != null) {
                synchronized (openTraces) {
                    openTraces.add(t);
                }
            }
            ProgressListener listener = bar == null ? null : bar.listener(r);
            Throwable failure = null;
            try {
                RunResult result = services.engine().run(config, t, listener, progressEvery(config));
                // the trace is finished before summary.json, so a replication whose trace failed is not complete
                writer.write(OutputDirectory.replication(dir, r), scenario.resolvedYaml(), result,
                        () -> closeTrace(t, null));
                return result.summary();
            } catch (Exception | Error e) {
                failure = e;
                throw e;
            } finally {
                if (bar != null) {
                    bar.finished(r);
                }
                closeTrace(t, failure);
            }
        });
        if (bar != null) {
            bar.clear();
        }
        int exit = report(owned, outcome, openTraces);
        if (outcome.allDone()) {
            ResultsTable.writeRun(dir, scenario, count);
        }
        if (report && outcome.statuses().stream().anyMatch(st -> st instanceof Done)) {
            writeReport(dir);
        }
        return exit;
    }

    /** The report of the complete replications, into {@code <dir>/report/}. */
    private void writeReport(Path dir) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<Path> worlds = WorldReplication.directories(dir);
        Report.Written w = !worlds.isEmpty()
                ? ReportCommand.writeWorld(worlds, dir, dir.resolve(ReportDirectory.DEFAULT_NAME),
                        ReportOptions.defaults(), false, err, OwnedDirectory.command(spec))
                : ReportCommand.write(ReportCommand.load(dir), dir, dir.resolve(ReportDirectory.DEFAULT_NAME),
                        ReportOptions.defaults(), false, err, OwnedDirectory.command(spec));
        if (!quiet) {
            PrintWriter o = spec.commandLine().getOut();
            o.println("report: " + w.html());
            o.flush();
        }
    }

    /** {@code overrides} followed by {@code seed=N} when a seed is given on the command line. */
    static List<String> withSeed(List<String> overrides, Long seed) {
        List<String> all = new ArrayList<>(overrides);
        if (seed != null) {
            all.add("seed=" + seed);
        }
        return all;
    }

    /** Closes a trace (keeping what it holds, also after a failure); a close error never hides the run's own. */
    private static void closeTrace(JsonLinesTrace t, Throwable failure) throws IOException {
        if (t == null) {
            return;
        }
        try {
            t.close();
        } catch (IOException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    private Set<String> kinds() {
        Set<String> kinds = new LinkedHashSet<>();
        for (String k : traceKinds) {
            if (!k.isBlank()) {
                kinds.add(k.strip());
            }
        }
        return kinds;
    }

    private void checkArguments() throws UserInputException {
        Sizes.checkReplications(replications);
        if (threads != null && threads < 1) {
            throw new UserInputException("--threads must be at least 1: " + threads);
        }
        if (trace == null && !traceKinds.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--trace-kinds needs --trace FILE");
        }
    }

    private List<Path> traceFiles(int count) {
        List<Path> files = new ArrayList<>();
        if (trace == null) {
            return files;
        }
        for (int r = 0; r < count; r++) {
            files.add(count == 1 ? trace : numbered(trace, r));
        }
        return files;
    }

    /** {@code trace.jsonl} for replication 3 becomes {@code trace-3.jsonl}. */
    static Path numbered(Path file, int r) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot > 0 ? name.substring(0, dot) + "-" + r + name.substring(dot) : name + "-" + r;
        return file.resolveSibling(numbered);
    }

    private static long progressEvery(SwarmConfig config) {
        return Math.max(1_000_000L, config.durationMicros() / 1000);
    }

    private int report(OwnedDirectory owned, Outcome<RunSummary> outcome, List<JsonLinesTrace> traces)
            throws IOException {
        Path dir = owned.dir();
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean isDebug = DebugOption.requested(spec.commandLine().getParseResult());
        int exit = 0;
        boolean[] outOfMemoryShown = {false}; // running out of memory is said once, not once per replication
        for (Status<RunSummary> s : outcome.statuses()) {
            if (s instanceof Done<RunSummary> d) {
                if (!quiet) {
                    o.println(describe(d.value()));
                }
                if (!d.value().invariantsOk()) {
                    err.println("speedsim: replication " + d.index() + " broke a conservation invariant "
                            + "(invariants_ok false); its results are kept but suspect");
                    exit = ErrorHandler.INTERNAL;
                }
            } else if (s instanceof Failed<RunSummary> f) {
                exit = failed(f, exit, err, isDebug, outOfMemoryShown);
            }
        }
        if (!quiet) {
            for (JsonLinesTrace t : traces) {
                o.println("trace: " + t.events() + " events in " + t.target());
            }
        }
        for (JsonLinesTrace t : traces) {
            if (!t.kindsMissing().isEmpty()) {
                err.println("speedsim: note: no " + String.join(", ", t.kindsMissing()) + " events in " + t.target()
                        + "; kinds the engine reported: "
                        + (t.kindsSeen().isEmpty() ? "none" : String.join(", ", t.kindsSeen())));
            }
        }
        return closeOut(owned, outcome, exit);
    }

    /**
     * Says why a replication failed (an environment problem in one line, else an internal error, running out of memory
     * said once) and returns the exit code so far.
     */
    private static int failed(Failed<?> f, int exit, PrintWriter err, boolean isDebug, boolean[] outOfMemoryShown) {
        String environment = EnvironmentProblem.of(f.error());
        if (environment != null) {
            err.println("speedsim: replication " + f.index() + " failed: " + environment);
            return exit == ErrorHandler.INTERNAL ? exit : ErrorHandler.BAD_INPUT;
        }
        if (!(outOfMemoryShown[0] && OutOfMemory.caused(f.error()) && !isDebug)) {
            ErrorHandler.internalError(err, "replication " + f.index() + " failed", f.error(), isDebug);
        }
        outOfMemoryShown[0] |= OutOfMemory.caused(f.error());
        return ErrorHandler.INTERNAL;
    }

    /** Says where the replications went (or what a failed run kept), and flushes. */
    private int closeOut(OwnedDirectory owned, Outcome<?> outcome, int exit) throws IOException {
        Path dir = owned.dir();
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (outcome.allDone()) {
            if (!quiet) {
                o.println("wrote " + outcome.statuses().size() + " replication"
                        + (outcome.statuses().size() == 1 ? "" : "s") + " to " + dir);
            }
        } else {
            owned.discardIfEmpty();
            err.println("speedsim: " + kept(dir, outcome));
        }
        o.flush();
        err.flush();
        return exit;
    }

    /** What a failed run left behind: complete replications, partial directories, replications never run. */
    private static String kept(Path dir, Outcome<?> outcome) {
        List<String> complete = new ArrayList<>();
        List<String> partial = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        for (Status<?> s : outcome.statuses()) {
            Path rep = OutputDirectory.replication(dir, s.index());
            if (s instanceof Done) {
                complete.add(Integer.toString(s.index()));
            } else if (s instanceof Skipped) {
                notRun.add(Integer.toString(s.index()));
            } else if (Files.exists(rep)) {
                partial.add(Integer.toString(s.index()));
            }
        }
        if (complete.isEmpty() && partial.isEmpty()) {
            return "run incomplete; nothing kept in " + dir
                    + (notRun.isEmpty() ? "" : "; not run " + String.join(" ", notRun));
        }
        StringBuilder b = new StringBuilder("run incomplete; kept in ").append(dir).append(": ");
        b.append(complete.isEmpty() ? "no complete replication" : "complete replications " + String.join(" ", complete));
        if (!partial.isEmpty()) {
            b.append("; partial (no ").append(RunOutputWriter.SUMMARY).append(") ").append(String.join(" ", partial));
        }
        if (!notRun.isEmpty()) {
            b.append("; not run ").append(String.join(" ", notRun));
        }
        return b.toString();
    }

    private static String describe(RunSummary s) {
        StringBuilder b = new StringBuilder();
        b.append("replication ").append(s.replication()).append(": ").append(s.peersCompleted()).append(" of ")
                .append(s.peersArrived()).append(" peers completed");
        if (!Double.isNaN(s.downloadP50Seconds())) {
            b.append(", download time p50 ").append(Numbers.format(round1(s.downloadP50Seconds()))).append(" s")
                    .append(" p90 ").append(Numbers.format(round1(s.downloadP90Seconds()))).append(" s");
        }
        b.append(s.swarmDied() ? ", swarm died at " + ProgressBar.clock(s.swarmDeathMicros())
                : ", swarm alive at " + ProgressBar.clock(s.simulatedMicros()));
        b.append(", ").append(s.events()).append(" events");
        return b.toString();
    }

    private static double round1(double x) {
        return Math.round(x * 10) / 10.0;
    }
}
