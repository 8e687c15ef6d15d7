package org.speedsim.engine.world;

import java.util.List;
import java.util.Objects;
import org.speedsim.engine.speed.SpeedConfig;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.PeerClass;
import org.speedsim.engine.swarm.ProtocolConfig;

/**
 * Everything one run of a world needs: the world model ({@link WorldConfig}: catalogue, users, horizon), how each
 * client behaves in a swarm ({@link ClientSpec}, named as in {@link PopulationConfig#clients()}, in the same order),
 * the protocol every swarm speaks, the Speed rules (null when no client speaks Speed), how users seed their
 * libraries, the publishers' bandwidth, and the sampling interval of the world's time series.
 *
 * @param seed                 root of every random stream
 * @param replication          replication index; streams are keyed by (seed, replication, purpose, entity)
 * @param clients              one per population client, same names and order
 * @param speed                Speed rules and the ledger; required when any client is a Speed client
 * @param publisher            bandwidth of every torrent's publisher (its share is ignored)
 * @param sampleIntervalMicros interval of {@code timeseries.csv}
 * @param networkModel         bandwidth model by name ({@code max-min})
 */
public record WorldRunConfig(String name, long seed, int replication, WorldConfig world, List<ClientSpec> clients,
                             ProtocolConfig protocol, SpeedConfig speed, LibrarySeeding seeding, PeerClass publisher,
                             long sampleIntervalMicros, String networkModel) {

    public WorldRunConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(world, "world");
        clients = List.copyOf(clients);
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(seeding, "seeding");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(networkModel, "networkModel");
        if (replication < 0 || sampleIntervalMicros <= 0) {
            throw new IllegalArgumentException("need replication >= 0 and sample interval > 0");
        }
        List<ClientShare> shares = world.population().clients();
        if (shares.size() != clients.size()) {
            throw new IllegalArgumentException("the world names " + shares.size() + " clients but "
                    + clients.size() + " are configured");
        }
        for (int i = 0; i < clients.size(); i++) {
            if (!shares.get(i).name().equals(clients.get(i).name())) {
                throw new IllegalArgumentException("client " + i + " is '" + clients.get(i).name()
                        + "' but the population names '" + shares.get(i).name() + "'");
            }
        }
        if (speed == null && clients.stream().anyMatch(ClientSpec::speed)) {
            throw new IllegalArgumentException("a world with Speed clients needs Speed rules (speed)");
        }
    }

    /** Whether any client speaks Speed (so the world has a ledger). */
    public boolean hasSpeed() {
        return clients.stream().anyMatch(ClientSpec::speed);
    }

    /** The same run with another seed and replication. */
    public WorldRunConfig withReplication(long newSeed, int newReplication) {
        return new WorldRunConfig(name, newSeed, newReplication, world, clients, protocol, speed, seeding, publisher,
                sampleIntervalMicros, networkModel);
    }
}
