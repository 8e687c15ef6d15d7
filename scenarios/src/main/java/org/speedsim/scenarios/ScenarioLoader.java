package org.speedsim.scenarios;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.strategies.StrategyRegistry;

/**
 * Reads, resolves ({@code extends}, {@code --set}) and validates scenario files: the boundary between text a person
 * wrote and the engine's {@link SwarmConfig}. Stages: read YAML ({@link YamlReader}), merge ({@link Resolver}),
 * check every value against the format ({@link Validator} with {@link ScenarioModel}) and the relations between the
 * valid ones, then build the config ({@link ConfigBuilder}). Each stage reports every problem it finds; problems in
 * reading or merging stop before validation, and the config is built only when nothing was found.
 *
 * <p>Invariant: {@code load} either returns a scenario or throws {@link ScenarioException} with at least one
 * problem; no other exception escapes, whatever the input.
 */
public final class ScenarioLoader {

    /** First lines of every resolved scenario. */
    static final String RESOLVED_HEADER = "# Resolved scenario: extends and --set applied, every default filled in.\n"
            + "# Loading this file gives the same configuration.\n";

    private ScenarioLoader() {
    }

    /**
     * Loads a scenario with the built-in strategies; {@code overrides} are {@code path=value} strings applied after
     * {@code extends} is resolved. An override may start with the command-line option it came from and a space
     * ({@code --vary clients[0].share=0.5}); errors then name that option instead of {@code --set}.
     *
     * @throws ScenarioException with every problem found
     */
    public static LoadedScenario load(Path file, List<String> overrides) throws ScenarioException {
        return load(file, overrides, StrategyRegistry.builtIn());
    }

    /** As {@link #load(Path, List)}, with the strategy names of {@code registry}. */
    public static LoadedScenario load(Path file, List<String> overrides, StrategyRegistry registry)
            throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        LoadedScenario result = null;
        try {
            result = tryLoad(file, overrides, registry, problems);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            problems.add(new Problem(String.valueOf(file), 0, 0, "", "internal error while loading: " + e));
        }
        if (result == null) {
            if (problems.isEmpty()) {
                problems.add(new Problem(String.valueOf(file), 0, 0, "", "scenario could not be loaded"));
            }
            throw new ScenarioException(problems);
        }
        return result;
    }

    private static LoadedScenario tryLoad(Path file, List<String> overrides, StrategyRegistry registry,
                                          List<Problem> problems) {
        YamlReader reader = new YamlReader();
        Resolver resolver = new Resolver(reader, problems);
        YNode.Map root = resolver.resolve(file);
        if (root == null) {
            return null;
        }
        for (String o : overrides) {
            YNode.Map next = resolver.set(root, o);
            if (next != null) {
                root = next;
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        if (root.get("name") == null) {
            root = root.with("name", YNode.Origin.of(file.toString()),
                    new YNode.Scalar(YNode.Origin.of(file.toString()), YNode.Scalar.Type.STRING, defaultName(file)));
        }
        Validator validator = new Validator(reader, problems);
        ScenarioModel model = new ScenarioModel(registry);
        YNode.Map n = (YNode.Map) validator.validate(model.root(), root, "");
        ConfigBuilder builder = new ConfigBuilder(registry, validator);
        builder.check(n);
        if (!problems.isEmpty()) {
            return null;
        }
        long seed = Long.parseLong(((YNode.Scalar) n.get("seed")).text().replace("_", ""));
        SwarmConfig config = builder.build(n, seed);
        if (config == null || !problems.isEmpty()) {
            return null;
        }
        int replications = Integer.parseInt(((YNode.Scalar) n.get("replications")).text().replace("_", ""));
        return new LoadedScenario(config.name(), file, config, replications, RESOLVED_HEADER + YamlWriter.write(n));
    }

    /** The file name without {@code .yaml} / {@code .yml}, made a valid name. */
    static String defaultName(Path file) {
        Path f = file.getFileName();
        String name = f == null ? "scenario" : f.toString();
        name = name.replaceFirst("\\.ya?ml$", "").replaceAll("[^A-Za-z0-9_.-]", "_");
        if (name.length() > 64) {
            name = name.substring(0, 64);
        }
        return name.isEmpty() ? "scenario" : name;
    }
}
