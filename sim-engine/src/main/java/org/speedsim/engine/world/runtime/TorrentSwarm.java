package org.speedsim.engine.world.runtime;

import java.util.Arrays;
import org.speedsim.engine.speed.SpeedExtension;
import org.speedsim.engine.swarm.SwarmExtension;
import org.speedsim.engine.swarm.SwarmHost;
import org.speedsim.engine.swarm.internal.SwarmEngine;

/**
 * The live swarm of one torrent: a hosted {@link SwarmEngine} on the world's simulator and network, which of the
 * world's users each of its peers is, and the download request each leecher serves. Created when the first peer of a
 * torrent comes (its publisher at release, a requester, or a user seeding its library) and ended when nobody is
 * online in it; a later peer creates a new one (the next {@code generation}).
 */
final class TorrentSwarm implements SwarmHost {

    /** The user of the torrent's publisher, which is nobody's wallet. */
    static final int PUBLISHER = -1;

    final int torrent;
    final int generation;
    final SwarmLinks links;
    private final WorldRun world;
    SwarmEngine engine;
    SpeedExtension speed;
    int kindsFrom;
    int kindsTo;
    int publisherPeer = -1;
    private int[] userOfPeer = new int[8];
    private int[] requestOfPeer = new int[8];
    private long[] seedingSince = new long[8];

    TorrentSwarm(WorldRun world, int torrent, int generation, SwarmLinks links) {
        this.world = world;
        this.torrent = torrent;
        this.generation = generation;
        this.links = links;
    }

    /** Adds a peer of {@code user} (or the publisher) on {@code node}; returns its peer id. */
    int add(int user, int node, int cls, int client, double up, double down, boolean asSeed, int request) {
        links.bindNext(node);
        int peer = engine.peers();
        if (peer >= userOfPeer.length) {
            int n = Math.max(peer + 1, userOfPeer.length * 2);
            userOfPeer = Arrays.copyOf(userOfPeer, n);
            requestOfPeer = Arrays.copyOf(requestOfPeer, n);
            seedingSince = Arrays.copyOf(seedingSince, n);
        }
        userOfPeer[peer] = user;
        requestOfPeer[peer] = request;
        seedingSince[peer] = -1; // set by the world when a user's peer starts seeding (startedSeeding)
        if (engine.addPeer(cls, client, up, down, asSeed) != peer) {
            throw new IllegalStateException("torrent " + torrent + ": peer ids out of join order");
        }
        return peer;
    }

    int userOf(int peer) {
        return userOfPeer[peer];
    }

    int requestOf(int peer) {
        return requestOfPeer[peer];
    }

    void clearRequest(int peer) {
        requestOfPeer[peer] = -1;
    }

    long seedingSince(int peer) {
        return seedingSince[peer];
    }

    void startedSeeding(int peer, long now) {
        seedingSince[peer] = now;
    }

    /** The ledger account of a peer: its user's wallet. */
    int accountOf(int peer) {
        int user = userOfPeer[peer];
        if (user < 0) {
            throw new IllegalStateException("torrent " + torrent + "'s publisher has no wallet");
        }
        return user;
    }

    @Override
    public void availabilityChanged(long now, boolean available) {
        world.availabilityChanged(this, now, available);
    }

    /** The extension through which the world hears of completions, pieces and departures in this swarm. */
    SwarmExtension.Factory hook() {
        return control -> new SwarmExtension() {
            @Override
            public void onCompleted(int peer) {
                world.completed(TorrentSwarm.this, peer);
            }

            @Override
            public void onPieceReceived(int downloader, int uploader, int piece, long bytes, boolean valid) {
                if (valid) {
                    world.progressed(TorrentSwarm.this, downloader);
                }
            }

            @Override
            public void onPeerLeft(int peer) {
                world.left(TorrentSwarm.this, peer);
            }
        };
    }
}
