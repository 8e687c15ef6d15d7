package org.speedsim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code speedsim} command: its subcommands {@code run}, {@code validate}, {@code report}, {@code compare},
 * {@code sweep} and {@code tune}, help, version, and the mapping of
 * errors to exit codes (0 success, 1 internal error, failed run or out of memory, 2 bad input).
 */
@Command(name = "speedsim", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Simulates BitTorrent swarms with token-paid seeding (BitTorrent Speed).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./speedsim validate scenarios/*.yaml",
            "  ./speedsim run scenarios/default.yaml --replications 10 --out runs",
            "  ./speedsim report runs/default",
            "  ./speedsim compare s.yaml --vary 'clients[1].auction=uniform-price,vcg'",
            "  ./speedsim sweep scenarios/default.yaml --param arrivals.peers=100:400:100",
            "  ./speedsim run --help",
            "",
            "Exit codes: 0 success, 1 internal error or failed run (also when Java ran out",
            "of memory: give it more with SPEEDSIM_JAVA_OPTS=-Xmx8g), 2 bad input."
        })
public final class SpeedsimCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "Missing command: run, validate, report, compare, sweep or tune");
    }

    /** The command line with its subcommands wired to {@code services}. */
    public static CommandLine commandLine(Services services) {
        CommandLine cl = new CommandLine(new SpeedsimCommand());
        cl.addSubcommand("run", new RunCommand(services));
        cl.addSubcommand("validate", new ValidateCommand(services));
        cl.addSubcommand("report", new ReportCommand());
        cl.addSubcommand("compare", new CompareCommand(services));
        cl.addSubcommand("sweep", new SweepCommand(services));
        cl.addSubcommand("tune", new TuneCommand(services));
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        return cl;
    }

    public static void main(String[] args) {
        // tablesaw logs through SLF4J; without a logging provider SLF4J would print a three-line warning per run
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.exit(OutOfMemory.guard(args, () -> commandLine(Services.standard()).execute(args)));
    }
}
