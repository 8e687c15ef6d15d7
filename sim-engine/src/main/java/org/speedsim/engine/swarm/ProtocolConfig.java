package org.speedsim.engine.swarm;

/**
 * BitTorrent protocol parameters shared by every client of a swarm.
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

    /** Choking rounds per optimistic rotation. */
    public int optimisticEvery() {
        return (int) Math.max(1, optimisticMicros / rechokeMicros);
    }
}
