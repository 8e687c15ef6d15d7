package org.speedsim.engine.world;

import java.util.Objects;
import org.speedsim.engine.rng.RandomStreams;

/**
 * The swarm-independent state of one world run: the catalogue and the users drawn from their keyed streams, and
 * the users' libraries. Built before any event runs; the same (seed, replication) gives the same world.
 */
public final class World {

    private final WorldConfig config;
    private final Catalogue catalogue;
    private final Population population;
    private final Library library;

    private World(WorldConfig config, Catalogue catalogue, Population population) {
        this.config = config;
        this.catalogue = catalogue;
        this.population = population;
        this.library = new Library(population.size());
    }

    public static World generate(WorldConfig config, RandomStreams streams) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(streams, "streams");
        Catalogue catalogue = Catalogue.generate(config.catalogue(), streams, config.horizonMicros());
        return new World(config, catalogue, Population.generate(config.population(), streams));
    }

    public WorldConfig config() {
        return config;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public Population population() {
        return population;
    }

    public Library library() {
        return library;
    }
}
