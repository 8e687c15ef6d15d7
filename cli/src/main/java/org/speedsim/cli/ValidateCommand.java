package org.speedsim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.speedsim.scenarios.Loaded;
import org.speedsim.scenarios.LoadedWorld;
import org.speedsim.scenarios.ScenarioException;
import org.speedsim.scenarios.SchemaGenerator;
import org.speedsim.strategies.PluginException;
import org.speedsim.strategies.Plugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code speedsim validate FILE...}: loads every file and reports each one as valid or with all its problems.
 * Exit 0 when all are valid, 2 when any is not.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Check scenario files without running them.",
            "Prints every problem of every file as file:line:column: field: message."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./speedsim validate scenarios/default.yaml",
            "  ./speedsim validate scenarios/*.yaml",
            "  ./speedsim validate my.yaml --set arrivals.rate=0.5",
            "  ./speedsim validate --schema --plugins my-plugins/ > scenario.schema.json"
        })
final class ValidateCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Mixin
    PluginOption plugins;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Scenario files.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--schema", description = "Print the JSON Schema of scenario files, with the strategies and"
            + " parameters of the --plugins directories, instead of validating files.")
    boolean schema;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a field after 'extends' is resolved, as 'run' would (repeatable).")
    List<String> overrides = new ArrayList<>();

    ValidateCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (schema) {
            if (!files.isEmpty()) {
                throw new UserInputException("--schema takes no scenario file");
            }
            try {
                out.print(SchemaGenerator.schemaText(Plugins.registry(plugins.dirs)));
            } catch (PluginException e) {
                throw new UserInputException(e.where() + ": " + e.getMessage());
            }
            out.flush();
            return 0;
        }
        if (files.isEmpty()) {
            throw new UserInputException("validate needs a scenario FILE (or --schema)");
        }
        int invalid = 0;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                err.println(file + ": no such file");
                invalid++;
                continue;
            }
            try {
                Loaded s = plugins.scenarios(services).loadAny(file, overrides);
                out.println(file + ": ok (" + (s instanceof LoadedWorld ? "world " : "scenario ") + s.name() + ", "
                        + s.replications() + " replication"
                        + (s.replications() == 1 ? "" : "s") + ")");
            } catch (ScenarioException e) {
                ErrorHandler.printProblems(err, e);
                invalid++;
            }
        }
        out.flush();
        err.flush();
        if (invalid > 0 && files.size() > 1) {
            err.println("speedsim: " + invalid + " of " + files.size() + " files are not valid");
            err.flush();
        }
        return invalid == 0 ? 0 : ErrorHandler.BAD_INPUT;
    }
}
