package org.speedsim.engine.swarm;

/**
 * BitTorrent protocol parameters shared by every client of a swarm. Change one from {@link #DEFAULT} with
 * {@link #toBuilder}, so that a new parameter is a change to this file only.
 *
 * @param trackerPeers      peers the tracker hands out per announce (default 50)
 * @param maxConnections    connection cap per peer (default 80, at most 127)
 * @param reannounceBelow   a peer with fewer connections than this announces again (default 20)
 * @param reannounceMicros  minimum time between a peer's announces (default 5 min)
 * @param unchokeSlots      unchoke slots including the optimistic one (default 4)
 * @param rechokeMicros     choking period (default 10 s)
 * @param optimisticMicros  optimistic unchoke rotation period, a multiple of the choking period (default 30 s)
 * @param endGame           whether end game (duplicate requests for the last pieces) is on
 */
public record ProtocolConfig(int trackerPeers, int maxConnections, int reannounceBelow, long reannounceMicros,
                             int unchokeSlots, long rechokeMicros, long optimisticMicros, boolean endGame) {

    public static final ProtocolConfig DEFAULT =
            new ProtocolConfig(50, 80, 20, 300_000_000L, 4, 10_000_000L, 30_000_000L, true);

    public ProtocolConfig {
        if (trackerPeers < 1) {
            throw new IllegalArgumentException("trackerPeers must be >= 1");
        }
        if (maxConnections < 1 || maxConnections > 127) {
            throw new IllegalArgumentException("maxConnections must be in [1, 127]");
        }
        if (reannounceBelow < 0 || reannounceMicros <= 0) {
            throw new IllegalArgumentException("reannounce settings must be positive");
        }
        if (unchokeSlots < 1) {
            throw new IllegalArgumentException("unchokeSlots must be >= 1");
        }
        if (rechokeMicros <= 0 || optimisticMicros < rechokeMicros) {
            throw new IllegalArgumentException("need 0 < rechoke period <= optimistic period");
        }
    }

    /** A builder holding every parameter of this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link ProtocolConfig} parameter by parameter; {@link #build} validates as the constructor does. */
    public static final class Builder {
        private int trackerPeers;
        private int maxConnections;
        private int reannounceBelow;
        private long reannounceMicros;
        private int unchokeSlots;
        private long rechokeMicros;
        private long optimisticMicros;
        private boolean endGame;

        private Builder(ProtocolConfig from) {
            trackerPeers = from.trackerPeers;
            maxConnections = from.maxConnections;
            reannounceBelow = from.reannounceBelow;
            reannounceMicros = from.reannounceMicros;
            unchokeSlots = from.unchokeSlots;
            rechokeMicros = from.rechokeMicros;
            optimisticMicros = from.optimisticMicros;
            endGame = from.endGame;
        }

        public Builder trackerPeers(int value) {
            this.trackerPeers = value;
            return this;
        }

        public Builder maxConnections(int value) {
            this.maxConnections = value;
            return this;
        }

        public Builder reannounceBelow(int value) {
            this.reannounceBelow = value;
            return this;
        }

        public Builder reannounceMicros(long value) {
            this.reannounceMicros = value;
            return this;
        }

        public Builder unchokeSlots(int value) {
            this.unchokeSlots = value;
            return this;
        }

        public Builder rechokeMicros(long value) {
            this.rechokeMicros = value;
            return this;
        }

        public Builder optimisticMicros(long value) {
            this.optimisticMicros = value;
            return this;
        }

        public Builder endGame(boolean value) {
            this.endGame = value;
            return this;
        }

        public ProtocolConfig build() {
            return new ProtocolConfig(trackerPeers, maxConnections, reannounceBelow, reannounceMicros, unchokeSlots,
                    rechokeMicros, optimisticMicros, endGame);
        }
    }

    /** Choking rounds per optimistic rotation. */
    public int optimisticEvery() {
        return (int) Math.max(1, optimisticMicros / rechokeMicros);
    }
}
