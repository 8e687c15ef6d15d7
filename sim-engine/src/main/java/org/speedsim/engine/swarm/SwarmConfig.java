package org.speedsim.engine.swarm;

import java.util.List;
import java.util.Objects;

/**
 * Everything one run of a swarm needs: the file, who arrives and how, how clients behave, protocol parameters and
 * what to measure. A value: build it with {@link #builder} (or change one with {@link #toBuilder}), so that a new
 * field is a change to this file only, and run it with {@link Swarm}.
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
        return toBuilder().seed(newSeed).replication(newReplication).build();
    }

    /**
     * A builder named {@code name}, with seed 1, replication 0, no initial seeds, {@link ProtocolConfig#DEFAULT}, a
     * sample every 60 s, no stop at completion, no timed actions, the {@code max-min} network and no extensions; the
     * file, peer classes, clients, arrivals and duration must be set.
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding every field of this configuration. */
    public Builder toBuilder() {
        return new Builder(name).seed(seed).replication(replication).file(file).peerClasses(peerClasses)
                .clients(clients).arrivals(arrivals).initialSeeds(initialSeeds).protocol(protocol)
                .durationMicros(durationMicros).sampleIntervalMicros(sampleIntervalMicros)
                .stopWhenAllComplete(stopWhenAllComplete).actions(actions).networkModel(networkModel)
                .extensions(extensions);
    }

    /** Builds a {@link SwarmConfig} field by field; {@link #build} validates as the constructor does. */
    public static final class Builder {
        private String name;
        private long seed = 1;
        private int replication;
        private FileSpec file;
        private List<PeerClass> peerClasses = List.of();
        private List<ClientSpec> clients = List.of();
        private ArrivalProcess arrivals;
        private List<InitialSeeds> initialSeeds = List.of();
        private ProtocolConfig protocol = ProtocolConfig.DEFAULT;
        private long durationMicros;
        private long sampleIntervalMicros = 60_000_000L;
        private boolean stopWhenAllComplete;
        private List<TimedAction> actions = List.of();
        private String networkModel = "max-min";
        private List<SwarmExtension.Factory> extensions = List.of();

        private Builder(String name) {
            this.name = name;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder replication(int value) {
            this.replication = value;
            return this;
        }

        public Builder file(FileSpec value) {
            this.file = value;
            return this;
        }

        public Builder peerClasses(List<PeerClass> value) {
            this.peerClasses = value;
            return this;
        }

        public Builder clients(List<ClientSpec> value) {
            this.clients = value;
            return this;
        }

        public Builder arrivals(ArrivalProcess value) {
            this.arrivals = value;
            return this;
        }

        public Builder initialSeeds(List<InitialSeeds> value) {
            this.initialSeeds = value;
            return this;
        }

        public Builder protocol(ProtocolConfig value) {
            this.protocol = value;
            return this;
        }

        public Builder durationMicros(long value) {
            this.durationMicros = value;
            return this;
        }

        public Builder sampleIntervalMicros(long value) {
            this.sampleIntervalMicros = value;
            return this;
        }

        public Builder stopWhenAllComplete(boolean value) {
            this.stopWhenAllComplete = value;
            return this;
        }

        public Builder actions(List<TimedAction> value) {
            this.actions = value;
            return this;
        }

        public Builder networkModel(String value) {
            this.networkModel = value;
            return this;
        }

        public Builder extensions(List<SwarmExtension.Factory> value) {
            this.extensions = value;
            return this;
        }

        public SwarmConfig build() {
            return new SwarmConfig(name, seed, replication, file, peerClasses, clients, arrivals, initialSeeds,
                    protocol, durationMicros, sampleIntervalMicros, stopWhenAllComplete, actions, networkModel,
                    extensions);
        }
    }
}
