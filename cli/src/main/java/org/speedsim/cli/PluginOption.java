package org.speedsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --plugins DIR} (repeatable): directories of plug-in jars whose strategies scenarios may name, besides the
 * {@code plugins} folder beside each scenario file, which is always searched when it exists.
 */
final class PluginOption {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "A directory of plug-in jars (strategies, observers) that scenarios may name; repeatable."
                    + " A 'plugins' folder beside the scenario file is searched too.")
    List<Path> dirs = new ArrayList<>();

    /** The scenario source of {@code services}, seeing these plug-ins. */
    Services.ScenarioSource scenarios(Services services) {
        return services.scenarios().withPlugins(dirs);
    }
}
