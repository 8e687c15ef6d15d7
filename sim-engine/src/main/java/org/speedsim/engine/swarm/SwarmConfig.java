package org.speedsim.engine.swarm;

import java.util.List;
import java.util.Objects;

/**
 * Everything one run of a swarm needs: the file, who arrives and how, how clients behave, protocol parameters and
 * what to measure. A value: build it with the canonical constructor (the scenario loader does) and run it with
 * {@link Swarm}.
 *
 * @param durationMicros        simulated time limit
 * @param sampleIntervalMicros  time-series sampling interval
 * @param stopWhenAllComplete   stop as soon as no more arrivals are pending and every leecher has completed
 * @param networkModel          bandwidth model by name ({@code max-min}, the reference)
 */
public record SwarmConfig(String name, long seed, int replication, FileSpec file, List<PeerClass> peerClasses,
                          List<ClientSpec> clients, ArrivalProcess arrivals, List<InitialSeeds> initialSeeds,
                          ProtocolConfig protocol, long durationMicros, long sampleIntervalMicros,
                          boolean stopWhenAllComplete, List<TimedAction> actions, String networkModel,
                          List<SwarmExtension.Factory> extensions) {

    public SwarmConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        peerClasses = List.copyOf(peerClasses);
        clients = List.copyOf(clients);
        initialSeeds = List.copyOf(initialSeeds);
        actions = List.copyOf(actions);
        extensions = List.copyOf(extensions);
        Objects.requireNonNull(arrivals, "arrivals");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(networkModel, "networkModel");
        if (peerClasses.isEmpty() || clients.isEmpty()) {
            throw new IllegalArgumentException("a swarm needs at least one peer class and one client");
        }
        if (replication < 0 || durationMicros <= 0 || sampleIntervalMicros <= 0) {
            throw new IllegalArgumentException("need replication >= 0, duration > 0 and sample interval > 0");
        }
        checkShares("peer class", peerClasses.stream().mapToDouble(PeerClass::share).sum());
        checkShares("client", clients.stream().mapToDouble(ClientSpec::share).sum());
        for (InitialSeeds s : initialSeeds) {
            String c = s.peerClass();
            String k = s.client();
            if (peerClasses.stream().noneMatch(x -> x.name().equals(c))) {
                throw new IllegalArgumentException("initial seeds name an unknown peer class: " + c);
            }
            if (clients.stream().noneMatch(x -> x.name().equals(k))) {
                throw new IllegalArgumentException("initial seeds name an unknown client: " + k);
            }
        }
    }

    private static void checkShares(String what, double sum) {
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException(what + " shares must sum to 1, not " + sum);
        }
    }

    public int peerClassIndex(String n) {
        for (int i = 0; i < peerClasses.size(); i++) {
            if (peerClasses.get(i).name().equals(n)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no peer class named " + n);
    }

    public PeerClass peerClass(String n) {
        return peerClasses.get(peerClassIndex(n));
    }

    public int clientIndex(String n) {
        for (int i = 0; i < clients.size(); i++) {
            if (clients.get(i).name().equals(n)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no client named " + n);
    }

    public ClientSpec client(String n) {
        return clients.get(clientIndex(n));
    }

    /** The same swarm with another seed and replication. */
    public SwarmConfig withSeed(long newSeed, int newReplication) {
        return new SwarmConfig(name, newSeed, newReplication, file, peerClasses, clients, arrivals, initialSeeds,
                protocol, durationMicros, sampleIntervalMicros, stopWhenAllComplete, actions, networkModel,
                extensions);
    }
}
