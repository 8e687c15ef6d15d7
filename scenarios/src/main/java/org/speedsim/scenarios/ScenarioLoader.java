package org.speedsim.scenarios;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.engine.world.WorldRunConfig;
import org.speedsim.strategies.StrategyRegistry;

/**
 * Reads, resolves ({@code extends}, {@code --set}) and validates scenario files: the boundary between text a person
 * wrote and the engine's {@link SwarmConfig}. Stages: read YAML ({@link YamlReader}), merge ({@link Resolver}),
 * check every value against the format ({@link Validator} with {@link ScenarioModel}) and the relations between the
 * valid ones, then build the config ({@link ConfigBuilder}). Each stage reports every problem it finds; problems in
 * reading or merging stop before validation, and the config is built only when nothing was found.
 *
 * <p>A file with {@code kind: world} is a world scenario: {@link #loadAny} validates it against {@link WorldModel}
 * and builds a {@link WorldRunConfig} ({@link WorldConfigBuilder}); {@link #load} accepts swarm scenarios only.
 *
 * <p>Invariant: {@code load} and {@code loadAny} either return a scenario or throw {@link ScenarioException} with at
 * least one problem; no other exception escapes, whatever the input.
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

    /**
     * As {@link #load(Path, List)}, with the strategy names of {@code registry}. A world scenario
     * ({@code kind: world}) is refused with one problem saying so; {@link #loadAny} loads both kinds.
     */
    public static LoadedScenario load(Path file, List<String> overrides, StrategyRegistry registry)
            throws ScenarioException {
        Loaded loaded = load(file, overrides, registry, false);
        return (LoadedScenario) loaded;
    }

    /**
     * Loads a swarm scenario ({@link LoadedScenario}; no {@code kind}, or {@code kind: swarm}) or a world scenario
     * ({@link LoadedWorld}; {@code kind: world}), with {@code extends} and {@code overrides} applied as for
     * {@link #load(Path, List)}.
     *
     * @throws ScenarioException with every problem found
     */
    public static Loaded loadAny(Path file, List<String> overrides, StrategyRegistry registry)
            throws ScenarioException {
        return load(file, overrides, registry, true);
    }

    /** As {@link #loadAny(Path, List, StrategyRegistry)} with the built-in strategies. */
    public static Loaded loadAny(Path file, List<String> overrides) throws ScenarioException {
        return loadAny(file, overrides, StrategyRegistry.builtIn());
    }

    private static Loaded load(Path file, List<String> overrides, StrategyRegistry registry, boolean worlds)
            throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        Loaded result = null;
        try {
            result = tryLoad(file, overrides, registry, problems, worlds);
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

    private static Loaded tryLoad(Path file, List<String> overrides, StrategyRegistry registry,
                                  List<Problem> problems, boolean worlds) {
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
        String kind = kind(root, problems);
        if (kind == null) {
            return null;
        }
        if (kind.equals(ScenarioModel.KIND_WORLD)) {
            if (!worlds) {
                YNode.Origin o = root.get("kind").origin();
                Path shown = file.getFileName() == null ? file : file.getFileName();
                problems.add(new Problem(o.file(), o.line(), o.column(), "kind", shown + " is a world scenario;"
                        + " this command runs swarm scenarios only (no kind, or kind: swarm)"));
                return null;
            }
            return loadWorld(file, root, reader, registry, problems);
        }
        return loadSwarm(file, root, reader, registry, problems);
    }

    /** The kind of a merged tree: swarm when absent; null with a problem when it is neither swarm nor world. */
    static String kind(YNode.Map root, List<Problem> problems) {
        YNode k = root.get("kind");
        if (k == null || (k instanceof YNode.Scalar s && s.isNull())) {
            return ScenarioModel.KIND_SWARM;
        }
        List<String> kinds = List.of(ScenarioModel.KIND_SWARM, ScenarioModel.KIND_WORLD);
        if (k instanceof YNode.Scalar s && s.type() == YNode.Scalar.Type.STRING && kinds.contains(s.text())) {
            return s.text();
        }
        String shown = k instanceof YNode.Scalar s ? s.shown() : YNode.describe(k);
        problems.add(new Problem(k.origin().file(), k.origin().line(), k.origin().column(), "kind",
                "expected swarm or world, got " + (k instanceof YNode.Scalar ? "'" + shown + "'" : shown)
                        + Suggest.didYouMean(shown, kinds)));
        return null;
    }

    private static LoadedScenario loadSwarm(Path file, YNode.Map root, YamlReader reader, StrategyRegistry registry,
                                            List<Problem> problems) {
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

    private static LoadedWorld loadWorld(Path file, YNode.Map root, YamlReader reader, StrategyRegistry registry,
                                         List<Problem> problems) {
        Validator validator = new Validator(reader, problems);
        WorldConfigBuilder builder = new WorldConfigBuilder(registry, validator);
        YNode.Map n = (YNode.Map) validator.validate(new WorldModel(registry).root(),
                builder.withoutClientBalances(root), "");
        builder.check(n);
        if (!problems.isEmpty()) {
            return null;
        }
        long seed = Long.parseLong(((YNode.Scalar) n.get("seed")).text().replace("_", ""));
        WorldRunConfig config = builder.build(n, seed);
        if (config == null || !problems.isEmpty()) {
            return null;
        }
        int replications = Integer.parseInt(((YNode.Scalar) n.get("replications")).text().replace("_", ""));
        return new LoadedWorld(config.name(), file, config, replications, RESOLVED_HEADER + YamlWriter.write(n));
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
