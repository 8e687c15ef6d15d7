package org.speedsim.engine.swarm;

/**
 * Receives protocol events of a run for debugging (connections, choke and unchoke, pieces, and extension events
 * such as bids and payments). {@link #wants} lets the sink filter by kind before any work is done.
 */
public interface ProtocolTrace {

    boolean wants(String kind);

    void emit(long timeMicros, String kind, int peer, int other, long value);
}
