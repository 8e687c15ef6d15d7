package org.speedsim.scenarios;

import java.nio.file.Path;
import org.speedsim.engine.world.WorldRunConfig;

/**
 * A validated world scenario ({@code kind: world}) ready to run: its name, the file it came from, the run
 * configuration of replication 0 (use {@link WorldRunConfig#withReplication} for the others), the number of
 * replications (at most {@link LoadedScenario#MAX_REPLICATIONS}), and the resolved scenario as YAML with every
 * default filled in; loading that YAML gives an equal configuration.
 */
public record LoadedWorld(String name, Path file, WorldRunConfig config, int replications, String resolvedYaml)
        implements Loaded {

    @Override
    public long seed() {
        return config.seed();
    }
}
