package org.speedsim.engine.world;

import java.util.Objects;

/** A world: its catalogue, its users, and how long it runs (microseconds of simulated time). */
public record WorldConfig(CatalogueConfig catalogue, PopulationConfig population, long horizonMicros) {
    public WorldConfig {
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(population, "population");
        if (horizonMicros <= 0) {
            throw new IllegalArgumentException("world horizon must be > 0 microseconds: " + horizonMicros);
        }
    }
}
