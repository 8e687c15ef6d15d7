package org.speedsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.speedsim.cli.ReplicationRunner.Done;
import org.speedsim.cli.ReplicationRunner.Failed;
import org.speedsim.cli.ReplicationRunner.Outcome;
import org.speedsim.cli.ReplicationRunner.Skipped;
import org.speedsim.cli.ReplicationRunner.Status;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.scenarios.LoadedScenario;
import org.speedsim.scenarios.LoadedWorld;
import org.speedsim.reports.AtomicFiles;
import org.speedsim.reports.DamagedResultException;
import org.speedsim.reports.ResultFiles;

/**
 * Runs every replication of every variant of an experiment in parallel (task {@code v * replications + r} is
 * replication r of variant v, run with {@code withSeed(seed, r)}) into {@code <dir>/<variant directory>/<r>/}, and
 * reads back each run's metrics from its {@code summary.json}.
 *
 * <p>Invariants: a run whose directory already holds a {@code summary.json} is complete and is not run again (that
 * is what makes an interrupted experiment resumable: {@code summary.json} is written last and atomically); a partial
 * run directory is run again from the start; results depend only on (variant, seed, r), never on threads or on
 * which runs an earlier, interrupted command completed.
 */
final class ExperimentRunner implements AutoCloseable {

    /** The metrics of each run, {@code [variant][replication]}, null where the run failed or never ran. */
    record Results(List<Variant> variants, RunMetrics[][] metrics, int reused, Outcome<RunMetrics> outcome) {

        /** The values of {@code metric} of variant {@code v} by replication (NaN where absent). */
        double[] values(int v, String metric) {
            double[] x = new double[metrics[v].length];
            for (int r = 0; r < x.length; r++) {
                x[r] = metrics[v][r] == null ? Double.NaN : metrics[v][r].get(metric);
            }
            return x;
        }

        /** What {@code metric} is ({@link MetricStatistics#kind}). */
        org.speedsim.reports.MetricKind kind(String metric) {
            return MetricStatistics.kind(metric, metrics);
        }

        /**
         * The values of {@code metric} of variant {@code v} with what the metric is; a lifetime carries which
         * replications are censored and the variant's run length.
         */
        Sample sample(int v, String metric) {
            double horizon = WorldRuns.horizonMicros(variants.get(v).scenario()) / 1e6;
            double[] x = values(v, metric);
            boolean[] censored = new boolean[x.length];
            if (metric.equals(RunMetrics.LIFETIME)) {
                double[] c = values(v, RunMetrics.CENSORED);
                for (int r = 0; r < x.length; r++) {
                    censored[r] = c[r] == 1;
                }
            }
            return new Sample(kind(metric), x, censored, horizon);
        }

        boolean complete() {
            return outcome.allDone();
        }
    }

    private final Services services;
    private final int threads;
    private final PrintWriter notes;
    private PrintWriter plainProgress;
    private ClusterEngine cluster;
    private String master;
    private ClusterEngine.Session session;

    ExperimentRunner(Services services, int threads) {
        this(services, threads, null);
    }

    /** A runner that tells {@code notes} (when not null) about damaged runs it runs again. */
    ExperimentRunner(Services services, int threads, PrintWriter notes) {
        this.services = services;
        this.threads = threads;
        this.notes = notes;
    }

    /** Prints plain progress lines on {@code err} when no terminal shows the bar; null: none (quiet). */
    ExperimentRunner plainProgress(PrintWriter err) {
        this.plainProgress = err;
        return this;
    }

    /**
     * Runs the replications on {@code engine} at {@code master} instead of this machine's threads; the engine is
     * started at the first run that is not complete yet and stopped by {@link #close}.
     */
    ExperimentRunner on(ClusterEngine engine, String master) {
        this.cluster = engine;
        this.master = master;
        return this;
    }

    /**
     * After the command wrote the tidy table {@code csv}: on a cluster engine, writes it as Parquet beside it
     * ({@code runs.parquet}), with the engine's writer; on the local engine, nothing.
     */
    void tableWritten(Path csv) throws IOException {
        if (cluster != null) {
            String name = csv.getFileName().toString().replaceFirst("\\.csv$", "") + ".parquet";
            session().writeParquet(csv, csv.resolveSibling(name));
        }
    }

    /** Stops the cluster engine, if one was started. */
    @Override
    public void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    private ClusterEngine.Session session() {
        if (session == null) {
            session = cluster.open(master, notes);
        }
        return session;
    }

    /** The directory of replication r of a variant. */
    static Path runDirectory(Path dir, Variant v, int r) {
        return OutputDirectory.replication(dir.resolve(v.directory()), r);
    }

    /** Runs what is not complete yet; shows progress on {@code terminal} when it is not null. */
    Results run(Path dir, List<Variant> variants, long seed, int replications, PrintWriter terminal)
            throws InterruptedException, UserInputException {
        createDirectories(dir, variants);
        int tasks = variants.size() * replications;
        ProgressBar bar = terminal != null ? new ProgressBar(terminal, tasks, "runs", System::nanoTime)
                : plainProgress != null ? ProgressBar.plainLines(plainProgress, tasks, "runs", System::nanoTime) : null;
        int reused = 0;
        boolean[] complete = new boolean[tasks];
        for (int t = 0; t < tasks; t++) {
            complete[t] = isIntact(runDirectory(dir, variants.get(t / replications), t % replications));
            if (complete[t]) {
                reused++;
                if (bar != null) {
                    bar.alreadyDone(t);
                }
            }
        }
        Outcome<RunMetrics> outcome = cluster != null
                ? runOnCluster(dir, variants, seed, replications, complete, bar)
                : runLocally(dir, variants, seed, replications, complete, bar);
        if (bar != null) {
            bar.clear();
        }
        RunMetrics[][] metrics = new RunMetrics[variants.size()][replications];
        for (Status<RunMetrics> s : outcome.statuses()) {
            if (s instanceof Done<RunMetrics> d) {
                metrics[d.index() / replications][d.index() % replications] = d.value();
            }
        }
        return new Results(variants, metrics, reused, outcome);
    }

    private Outcome<RunMetrics> runLocally(Path dir, List<Variant> variants, long seed, int replications,
                                           boolean[] complete, ProgressBar bar) throws InterruptedException {
        RunOutputWriter writer = new RunOutputWriter();
        return new ReplicationRunner(threads).run(complete.length, t -> {
            Variant v = variants.get(t / replications);
            int r = t % replications;
            Path runDir = runDirectory(dir, v, r);
            if (!complete[t]) {
                try {
                    if (v.scenario() instanceof LoadedWorld world) {
                        WorldRuns.runAndWrite(world, seed, r, bar == null ? null : bar.listener(t), runDir);
                    } else {
                        SwarmConfig config = ((LoadedScenario) v.scenario()).config().withSeed(seed, r);
                        RunResult result = services.engine().run(config, null,
                                bar == null ? null : bar.listener(t), Math.max(1_000_000L, config.durationMicros() / 1000));
                        writer.write(runDir, v.scenario().resolvedYaml(), result);
                    }
                } finally {
                    if (bar != null) {
                        bar.finished(t);
                    }
                }
            }
            return RunMetrics.read(runDir.resolve(RunOutputWriter.SUMMARY));
        });
    }

    /**
     * Sends every run not complete yet to the cluster, one task each, and writes each run's files as they come back,
     * atomically and in the order of a local run ({@code summary.json} last), from this thread. A run whose files
     * never came back (the cluster gave up) fails with the cluster's error, the first one, and the others count as
     * not run.
     */
    private Outcome<RunMetrics> runOnCluster(Path dir, List<Variant> variants, long seed, int replications,
                                             boolean[] complete, ProgressBar bar)
            throws InterruptedException, UserInputException {
        List<RemoteRun> runs = new ArrayList<>();
        for (int t = 0; t < complete.length; t++) {
            if (!complete[t]) {
                runs.add(new RemoteRun(t, variants.get(t / replications).scenario().resolvedYaml(), seed,
                        t % replications));
            }
        }
        Map<Integer, Throwable> errors = new HashMap<>();
        boolean[] delivered = complete.clone();
        Throwable gaveUp = null;
        if (!runs.isEmpty()) {
            ClusterEngine.Session connected;
            try {
                connected = session();
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage() + "; nothing was run");
            }
            try {
                connected.run(runs, new ClusterEngine.Listener() {
                    @Override
                    public void started(int task) {
                        if (bar != null) {
                            bar.started(task);
                        }
                    }

                    @Override
                    public void finished(RemoteRun.Result result) {
                        int t = result.task();
                        delivered[t] = true;
                        try {
                            if (result.error() != null) {
                                errors.put(t, result.error());
                            } else {
                                Variant v = variants.get(t / replications);
                                write(runDirectory(dir, v, t % replications), WorldRuns.files(v.scenario()), result);
                            }
                        } catch (IOException | RuntimeException e) {
                            errors.put(t, e);
                        } finally {
                            if (bar != null) {
                                bar.finished(t);
                            }
                        }
                    }
                });
            } catch (RuntimeException e) {
                gaveUp = e;
            }
        }
        List<Status<RunMetrics>> statuses = new ArrayList<>();
        for (int t = 0; t < complete.length; t++) {
            if (!delivered[t]) {
                statuses.add(gaveUp != null ? new Failed<>(t, gaveUp) : new Skipped<>(t));
                gaveUp = null;
            } else if (errors.containsKey(t)) {
                statuses.add(new Failed<>(t, errors.get(t)));
            } else {
                try {
                    statuses.add(new Done<>(t, RunMetrics.read(
                            runDirectory(dir, variants.get(t / replications), t % replications)
                                    .resolve(RunOutputWriter.SUMMARY))));
                } catch (IOException | RuntimeException e) {
                    statuses.add(new Failed<>(t, e));
                }
            }
        }
        return new Outcome<>(statuses);
    }

    /** Writes a run's files as {@link RunOutputWriter} would, each atomically, the summary last. */
    private static void write(Path runDir, List<String> names, RemoteRun.Result result) throws IOException {
        Files.createDirectories(runDir);
        for (int i = 0; i < names.size(); i++) {
            byte[] bytes = result.files().get(i);
            AtomicFiles.writeBytes(runDir.resolve(names.get(i)), out -> out.write(bytes));
        }
    }

    static boolean isComplete(Path runDir) {
        return Files.isRegularFile(runDir.resolve(RunOutputWriter.SUMMARY));
    }

    /**
     * Creates every variant's directory before any run, so a name the file system refuses (too long, a file in the
     * way) is reported before simulating.
     */
    private static void createDirectories(Path dir, List<Variant> variants) throws UserInputException {
        for (Variant v : variants) {
            Path d = dir.resolve(v.directory());
            try {
                Files.createDirectories(d);
            } catch (IOException e) {
                throw new UserInputException(EnvironmentProblem.describe(e, d) + "; nothing was run");
            }
        }
    }

    /**
     * Whether a run is complete and its {@code summary.json} is as speedsim wrote it; a damaged one (truncated,
     * edited, unreadable) is noted and the run counts as not complete, so it runs again and its files are rewritten.
     */
    private boolean isIntact(Path runDir) {
        if (!isComplete(runDir)) {
            return false;
        }
        Path summary = runDir.resolve(RunOutputWriter.SUMMARY);
        try {
            ResultFiles.summary(summary);
            return true;
        } catch (IOException e) {
            if (notes != null) {
                notes.println("speedsim: note: " + Sanitize.printable(e.getMessage(), 300)
                        + (e instanceof DamagedResultException ? "" : " (unreadable)") + "; running it again");
                notes.flush();
            }
            return false;
        }
    }

    /**
     * What compare and sweep say once their runs are over: unless {@code quiet}, how many runs an earlier, interrupted
     * attempt had completed; then the failures ({@link #reportFailures}). Returns the exit code.
     */
    static int reportOutcome(PrintWriter out, PrintWriter err, boolean quiet, Path dir, Results results,
                             int replications, boolean debug) {
        if (!quiet && results.reused() > 0) {
            out.println("resumed: " + results.reused() + " of " + results.variants().size() * replications
                    + " runs were complete already");
        }
        return reportFailures(err, dir, results, replications, debug);
    }

    /** Reports failed runs on {@code err}: one line each, and which runs are kept for a rerun to resume. */
    static int reportFailures(PrintWriter err, Path dir, Results results, int replications, boolean debug) {
        if (results.complete()) {
            return 0;
        }
        int done = 0;
        int notRun = 0;
        int exit = 0;
        boolean outOfMemoryShown = false; // running out of memory is said once, not once per run
        for (Status<RunMetrics> s : results.outcome().statuses()) {
            Variant v = results.variants().get(s.index() / replications);
            if (s instanceof Failed<RunMetrics> f) {
                String environment = EnvironmentProblem.of(f.error());
                if (environment != null) {
                    err.println("speedsim: run " + v.label() + " replication " + (s.index() % replications)
                            + " failed: " + environment);
                    exit = exit == ErrorHandler.INTERNAL ? exit : ErrorHandler.BAD_INPUT;
                } else {
                    if (!(outOfMemoryShown && OutOfMemory.caused(f.error()) && !debug)) {
                        ErrorHandler.internalError(err, "run " + v.label() + " replication "
                                + (s.index() % replications) + " failed", f.error(), debug);
                    }
                    outOfMemoryShown |= OutOfMemory.caused(f.error());
                    exit = ErrorHandler.INTERNAL;
                }
            } else if (s instanceof Skipped) {
                notRun++;
            } else {
                done++;
            }
        }
        err.println("speedsim: incomplete; " + done + " complete runs kept in " + dir + ", " + notRun + " not run; "
                + "run the same command again to finish the rest");
        err.flush();
        return exit == 0 ? ErrorHandler.INTERNAL : exit;
    }
}
