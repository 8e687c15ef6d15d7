package org.speedsim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.speedsim.reports.DamagedResultException;
import org.speedsim.reports.Report;
import org.speedsim.reports.WorldReplication;
import org.speedsim.reports.WorldReport;
import org.speedsim.reports.ReportOptions;
import org.speedsim.reports.RunDirectories;
import org.speedsim.reports.ScenarioResults;
import org.speedsim.scenarios.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code speedsim report DIR}: renders charts, tables, {@code report.html} and {@code report.md} for one
 * replication, all replications of a scenario, or several scenarios side by side ({@link Report}).
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Turn runs into charts, tables and a self-contained HTML report.",
            "DIR may be one replication directory (runs/default/0), a scenario directory with all its "
                + "replications (runs/default), or a directory holding several scenario directories (runs), "
                + "which are then shown side by side. An experiment's directory (compare, sweep or tune output, or "
                + "its points/ or evaluations/ directory) shows each variant, point or evaluation as a scenario, "
                + "named by its label. Replications without summary.json (incomplete) are skipped.",
            "",
            "The report directory holds:",
            "  report.html  self-contained: charts inline, tables, scenario, guide",
            "  report.md    the same for a repository or a paper (images: charts/)",
            "  charts/      NAME.png and NAME.svg: population, availability,",
            "               upload-utilisation, survival, download-cdf,",
            "               piece-copies; with Speed: clearing-price, tokens-paid,",
            "               balance-gini, escrow-locked, ledger-queue",
            "  tables/      summary-SCENARIO.csv: each summary.json field with",
            "               n, mean, sd, 95 %% CI; survival-SCENARIO.csv: the",
            "               Kaplan-Meier curve; timeseries-SCENARIO.csv: mean",
            "               and 95 %% CI of every time-series column",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./speedsim report runs/default          # writes runs/default/report/",
            "  ./speedsim report runs --out fig --force  # all scenarios side by side",
            "  ./speedsim report runs/spending-rate-sweep   # every point of a sweep",
            "  ./speedsim report runs/default/0 --moments 5min,15min,30min",
            "  ./speedsim report runs/default --width 1200 --height 700",
            "  ./speedsim run scenarios/default.yaml --report  # run, then report"
        })
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Parameters(index = "0", paramLabel = "DIR", description = "A replication, scenario, runs or experiment directory.")
    Path dir;

    @Option(names = "--out", paramLabel = "REPORTDIR", description = "Where the report goes (default: DIR/report).")
    Path out;

    @Option(names = "--force", description = "Replace an earlier report in the output directory, if speedsim wrote "
            + "everything in it; anything else is refused.")
    boolean force;

    @Option(names = "--moments", paramLabel = "TIME", split = ",",
            description = "Simulated times at which to show the piece-copy distribution, e.g. 10min,1h (default: "
                    + "three evenly spaced times and the last sample before the swarm died or the run ended).")
    List<String> moments = new ArrayList<>();

    @Option(names = "--width", paramLabel = "PIXELS", defaultValue = "" + ReportOptions.DEFAULT_WIDTH,
            description = "Chart width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "PIXELS", defaultValue = "" + ReportOptions.DEFAULT_HEIGHT,
            description = "Chart height (default: ${DEFAULT-VALUE}).")
    int height;

    @Override
    public Integer call() throws Exception {
        if (width < 100 || height < 100 || width > 10_000 || height > 10_000) {
            throw new ParameterException(spec.commandLine(), "--width and --height must be between 100 and 10000 "
                    + "pixels: " + width + " x " + height);
        }
        ReportOptions options = new ReportOptions(width, height, moments(moments));
        if (!Files.isDirectory(dir)) {
            throw new UserInputException(dir + ": no such directory");
        }
        Path target = out != null ? out : dir.resolve(ReportDirectory.DEFAULT_NAME);
        List<Path> worlds = WorldReplication.directories(dir);
        Report.Written written = !worlds.isEmpty()
                ? writeWorld(worlds, dir, target, options, force, spec.commandLine().getErr(),
                        OwnedDirectory.command(spec))
                : write(load(dir), dir, target, options, force, spec.commandLine().getErr(),
                        OwnedDirectory.command(spec));
        PrintWriter o = spec.commandLine().getOut();
        o.println("wrote " + written.html() + ", " + written.markdown().getFileName() + ", "
                + written.charts().size() + " chart files and " + written.tables().size() + " tables");
        o.flush();
        return 0;
    }

    /**
     * Writes the report of the scenarios with complete replications into {@code target}, noting skipped
     * replications on {@code err}.
     *
     * @throws UserInputException when no scenario has a complete replication or the target may not be replaced
     */
    static Report.Written write(List<ScenarioResults> found, Path dir, Path target, ReportOptions options,
                                boolean force, PrintWriter err, String command) throws Exception {
        List<ScenarioResults> usable = new ArrayList<>();
        for (ScenarioResults s : found) {
            for (Path skipped : s.skipped()) {
                err.println("speedsim: note: skipped " + skipped + " (incomplete: no summary.json)");
            }
            if (!s.replications().isEmpty()) {
                usable.add(s);
            }
        }
        err.flush();
        if (usable.isEmpty()) {
            throw new UserInputException(dir + ": no complete replication (a directory with summary.json) found; "
                    + "give a replication, scenario or runs directory written by 'speedsim run', or a compare, "
                    + "sweep or tune directory");
        }
        try (OwnedDirectory owned = ReportDirectory.prepare(target, force, command)) {
            try {
                return Report.write(usable, target, options);
            } catch (Exception | Error e) {
                owned.discardIfEmpty();
                throw e;
            }
        }
    }

    /**
     * Writes the report of world replications ({@code kind: world} runs: availability and request success by
     * popularity decile, torrent survival, balances, token flows) into {@code target}, noting incomplete ones on
     * {@code err}.
     *
     * @throws UserInputException when none is complete, a file is damaged, or the target may not be replaced
     */
    static Report.Written writeWorld(List<Path> replications, Path dir, Path target, ReportOptions options,
                                     boolean force, PrintWriter err, String command) throws Exception {
        for (Path r : replications) {
            if (!WorldReplication.isComplete(r)) {
                err.println("speedsim: note: skipped " + r + " (incomplete: no summary.json)");
            }
        }
        err.flush();
        if (replications.stream().noneMatch(WorldReplication::isComplete)) {
            throw new UserInputException(dir + ": no complete world replication (a directory with summary.json) "
                    + "found");
        }
        try (OwnedDirectory owned = ReportDirectory.prepare(target, force, command)) {
            try {
                return WorldReport.write(replications, target, options);
            } catch (DamagedResultException e) {
                owned.discardIfEmpty();
                throw new UserInputException(Sanitize.printable(e.getMessage(), 400) + "; rerun that replication, "
                        + "or move its directory away, and report again");
            } catch (Exception | Error e) {
                owned.discardIfEmpty();
                throw e;
            }
        }
    }

    /**
     * The results under {@code dir}; a damaged result file (truncated, binary, wrongly typed) is bad input: exit 2
     * with the file and the problem.
     */
    static List<ScenarioResults> load(Path dir) throws Exception {
        try {
            return RunDirectories.find(dir);
        } catch (DamagedResultException e) {
            throw new UserInputException(Sanitize.printable(e.getMessage(), 400) + "; rerun that replication, or "
                    + "move its directory away, and report again");
        }
    }

    private List<Double> moments(List<String> texts) {
        List<Double> seconds = new ArrayList<>();
        for (String t : texts) {
            try {
                long micros = Units.micros(t.strip());
                if (micros < 0) {
                    throw new Units.UnitException("must not be negative");
                }
                seconds.add(micros / 1e6);
            } catch (Units.UnitException e) {
                throw new ParameterException(spec.commandLine(), "--moments " + t + ": " + e.getMessage());
            }
        }
        return seconds;
    }
}
