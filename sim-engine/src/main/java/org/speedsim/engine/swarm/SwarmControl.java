package org.speedsim.engine.swarm;

import org.speedsim.engine.kernel.Simulator;
import org.speedsim.engine.rng.RandomStreams;

/**
 * What a {@link SwarmExtension} may see and do in the swarm it belongs to. Peer ids are dense ints in arrival order
 * of the run.
 */
public interface SwarmControl {

    Simulator simulator();

    RandomStreams streams();

    SwarmConfig config();

    /**
     * Number of peer ids of the run: every peer that can ever join has an id in {@code [0, peerCapacity())}, fixed
     * before the run starts (so an extension can mint every airdrop at genesis). In a hosted swarm (one of a world's)
     * it is 0 at the start and peers join on demand: an extension must grow its per-peer state as peers join.
     */
    int peerCapacity();

    /** The client spec index of a peer. */
    int clientOf(int peer);

    /** The peer class index of a peer. */
    int peerClassOf(int peer);

    boolean isSpeed(int peer);

    boolean isOnline(int peer);

    boolean isSeed(int peer);

    /** Bytes a peer still needs to complete the file (0 for a seed). */
    long remainingBytes(int peer);

    /** Whether {@code peer} has piece {@code piece}. */
    boolean has(int peer, int piece);

    /** Whether {@code peer} lacks a piece that {@code other} has. */
    boolean isInterested(int peer, int other);

    /** Number of connections of a peer, and the peer at the other end of its {@code i}-th connection. */
    int neighbours(int peer);

    int neighbour(int peer, int i);

    boolean isUnchoking(int provider, int requester);

    /** Chokes {@code requester} at {@code provider} until the provider's next choking round. */
    void choke(int provider, int requester);

    /** Disconnects two peers and refuses their reconnection until {@code untilMicros}. */
    void ban(int peer, int banned, long untilMicros);

    /** Makes every piece that {@code peer} uploads from now on fail verification (a bad-data adversary). */
    void setCorruptUploads(int peer, boolean corrupt);

    /** Asks the engine to retry {@link SwarmExtension#mayUpload} for a stalled pair now. */
    void retry(int provider, int requester);

    /** Records protocol overhead bytes sent by a peer (extension messages), for the run's overhead figures. */
    void addOverheadBytes(int peer, long bytes);

    /** Emits a trace event, when tracing is on. */
    void trace(String kind, int peer, int other, long value);
}
