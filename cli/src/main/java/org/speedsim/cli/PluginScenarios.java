package org.speedsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.speedsim.scenarios.Loaded;
import org.speedsim.scenarios.LoadedScenario;
import org.speedsim.scenarios.Problem;
import org.speedsim.scenarios.ScenarioException;
import org.speedsim.scenarios.ScenarioLoader;
import org.speedsim.strategies.PluginException;
import org.speedsim.strategies.Plugins;
import org.speedsim.strategies.StrategyRegistry;

/**
 * The standard scenario source: loads a scenario with the built-in strategies and the plug-ins of the
 * {@code --plugins} directories and of the {@code plugins} folder beside the scenario file. A plug-in that cannot be
 * used is a problem of the scenario (exit 2, one line naming the jar). Each set of directories is read once per
 * process (a sweep loads its scenario once per point).
 */
final class PluginScenarios implements Services.ScenarioSource {

    /** The folder beside a scenario file that is searched for plug-in jars. */
    static final String BESIDE = "plugins";

    private final List<Path> dirs;
    private final Map<List<Path>, StrategyRegistry> registries = new HashMap<>();

    PluginScenarios(List<Path> dirs) {
        this.dirs = List.copyOf(dirs);
    }

    @Override
    public Services.ScenarioSource withPlugins(List<Path> more) {
        List<Path> all = new ArrayList<>(dirs);
        all.addAll(more);
        return new PluginScenarios(all);
    }

    @Override
    public LoadedScenario load(Path file, List<String> overrides) throws ScenarioException {
        return ScenarioLoader.load(file, overrides, registry(file));
    }

    @Override
    public Loaded loadAny(Path file, List<String> overrides) throws ScenarioException {
        return ScenarioLoader.loadAny(file, overrides, registry(file));
    }

    /** The registry for scenarios in the folder of {@code file}. */
    StrategyRegistry registry(Path file) throws ScenarioException {
        List<Path> search = new ArrayList<>(dirs);
        Path parent = file == null ? null : file.toAbsolutePath().normalize().getParent();
        if (parent != null && Files.isDirectory(parent.resolve(BESIDE))
                && search.stream().noneMatch(d -> sameFile(d, parent.resolve(BESIDE)))) {
            search.add(parent.resolve(BESIDE));
        }
        if (search.isEmpty()) {
            return StrategyRegistry.builtIn();
        }
        synchronized (registries) {
            StrategyRegistry r = registries.get(search);
            if (r == null) {
                try {
                    r = Plugins.registry(search);
                } catch (PluginException e) {
                    throw new ScenarioException(List.of(new Problem(e.where(), 0, 0, "", e.getMessage())));
                }
                registries.put(search, r);
            }
            return r;
        }
    }

    private static boolean sameFile(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
