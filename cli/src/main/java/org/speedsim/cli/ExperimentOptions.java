package org.speedsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.speedsim.scenarios.Loaded;
import picocli.CommandLine.Option;

/** The options {@code compare}, {@code sweep} and {@code tune} share: seed, replications, threads, output. */
final class ExperimentOptions {

    @Option(names = "--seed", paramLabel = "N", description = "Root seed of every variant (default: the scenario's).")
    Long seed;

    @Option(names = "--replications", paramLabel = "N", description = "Replications of every variant (default: the "
            + "scenario's). Replication r of every variant runs with the same (seed, r).")
    Integer replications;

    @Option(names = "--threads", paramLabel = "N", description = "Runs at once (default: the number of processors). "
            + "Results do not depend on it.")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "Name of the experiment's directory under --out "
            + "(default: the scenario's name; sweep and tune add -sweep and -tune).")
    String name;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a field of every variant after 'extends' is resolved (repeatable).")
    List<String> overrides = new ArrayList<>();

    /**
     * The {@code --set} overrides followed by {@code seed=N} when {@code --seed} is given, so each run's
     * {@code scenario.yaml} names the seed it ran with.
     */
    List<String> sets() {
        return RunCommand.withSeed(overrides, seed);
    }

    @Option(names = "--force", description = "Replace an existing experiment directory instead of resuming it, if "
            + "speedsim wrote everything in it (its .speedsim-manifest lists what it wrote); anything else is refused.")
    boolean force;

    @Option(names = "--quiet", description = "No progress bar and no tables on the terminal.")
    boolean quiet;

    @Option(names = "--no-charts", description = "Write the tables only, no charts (faster for large grids).")
    boolean noCharts;

    @Option(names = "--level", paramLabel = "L", defaultValue = "0.95",
            description = "Confidence level of the intervals (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = "Where the runs run: local (this machine's threads, default) or spark (each run one Apache "
                    + "Spark task on --master; the results are the same).")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: the Spark master, as "
            + "spark-submit takes it (local[4], spark://host:7077, yarn, k8s://...); default: spark-submit's, else "
            + "local[*].")
    String master;

    /** The runner of the experiment's replications, on the engine {@code --engine} chose. */
    ExperimentRunner runner(Services services, java.io.PrintWriter err) throws UserInputException {
        ExperimentRunner runner = new ExperimentRunner(services, threadCount(), err);
        return engine.equals("local") ? runner : runner.on(ClusterEngines.find(engine), master);
    }

    /** Checks the numeric options. */
    void check() throws UserInputException {
        if (!engine.equals("local")) {
            ClusterEngines.find(engine);
        } else if (master != null) {
            throw new UserInputException("--master needs --engine spark");
        }
        Sizes.checkReplications(replications);
        if (threads != null && threads < 1) {
            throw new UserInputException("--threads must be at least 1: " + threads);
        }
        if (!(level > 0 && level < 1)) {
            throw new UserInputException("--level must be between 0 and 1: " + level);
        }
    }

    int threadCount() {
        return threads != null ? threads : ReplicationRunner.defaultThreads();
    }

    /** The root seed of every variant: {@code --seed}, else {@code scenario}'s. */
    long rootSeed(Loaded scenario) {
        return seed != null ? seed : scenario.seed();
    }

    /** Replications of every variant: {@code --replications}, else {@code scenario}'s. */
    int replicationCount(Loaded scenario) {
        return replications != null ? replications : scenario.replications();
    }

    /** The experiment's directory name: {@code --name}, else {@code fallback}. */
    String experimentName(String fallback) {
        return name != null ? name : fallback;
    }
}
