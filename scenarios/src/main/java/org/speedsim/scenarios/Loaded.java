package org.speedsim.scenarios;

import java.nio.file.Path;

/**
 * A validated scenario of either kind, as {@link ScenarioLoader#loadAny} returns it: a swarm
 * ({@link LoadedScenario}) or a world ({@link LoadedWorld}). Both carry their name, the file they came from, the
 * number of replications and the resolved YAML written beside their results.
 */
public sealed interface Loaded permits LoadedScenario, LoadedWorld {

    /** The run name. */
    String name();

    /** The file the scenario was loaded from. */
    Path file();

    /** Independent runs asked for. */
    int replications();

    /** The resolved scenario: {@code extends} and {@code --set} applied, every default filled in. */
    String resolvedYaml();

    /** The scenario's root seed (replication r of an experiment runs with (seed, r)). */
    long seed();
}
