package org.speedsim.scenarios;

import java.nio.file.Path;
import org.speedsim.engine.swarm.SwarmConfig;

/**
 * A validated scenario ready to run: its name, the file it came from, the engine configuration of replication 0
 * (use {@link SwarmConfig#withSeed} for the others), the number of replications, and the resolved scenario as YAML
 * with every default filled in (written beside the results as {@code scenario.yaml}).
 */
public record LoadedScenario(String name, Path file, SwarmConfig config, int replications, String resolvedYaml)
        implements Loaded {

    /** The most replications a scenario (or a command-line option) may ask for. */
    public static final int MAX_REPLICATIONS = 100_000;

    @Override
    public long seed() {
        return config.seed();
    }
}
