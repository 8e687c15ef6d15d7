package org.speedsim.engine.swarm.internal;

import java.util.Arrays;
import org.speedsim.engine.kernel.Simulator;
import org.speedsim.engine.rng.RandomStreams;
import org.speedsim.engine.swarm.FileSpec;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.engine.swarm.SwarmControl;

/**
 * The {@link SwarmControl} the engine hands its extensions: reads answer from the {@link SwarmState}; actions
 * (choke, ban, retry) go through the engine so that they keep its invariants.
 */
final class ExtensionControl implements SwarmControl {

    private final SwarmEngine engine;

    ExtensionControl(SwarmEngine engine) {
        this.engine = engine;
    }

    @Override
    public Simulator simulator() {
        return engine.sim;
    }

    @Override
    public RandomStreams streams() {
        return engine.streams;
    }

    @Override
    public SwarmConfig config() {
        return engine.cfg;
    }

    @Override
    public int peerCapacity() {
        return engine.capacity;
    }

    @Override
    public int clientOf(int peer) {
        return engine.peerClient[peer];
    }

    @Override
    public int peerClassOf(int peer) {
        return engine.peerClass[peer];
    }

    @Override
    public boolean isSpeed(int peer) {
        return engine.cfg.clients().get(engine.peerClient[peer]).speed();
    }

    @Override
    public boolean isOnline(int peer) {
        return peer >= 0 && peer < engine.capacity && engine.online[peer];
    }

    @Override
    public boolean isSeed(int peer) {
        return engine.isSeed[peer];
    }

    @Override
    public long remainingBytes(int peer) {
        if (engine.isSeed[peer]) {
            return 0;
        }
        // every piece but the last is pieceBytes long: O(1) from the piece count (Speed asks at every piece)
        FileSpec f = engine.cfg.file();
        int last = engine.pieces - 1;
        long r = f.sizeBytes() - engine.haveCount[peer] * f.pieceBytes();
        if (engine.hasPiece(peer, last)) {
            r += f.pieceBytes() - f.pieceSize(last);
        }
        return r;
    }

    @Override
    public boolean has(int peer, int piece) {
        return engine.hasPiece(peer, piece);
    }

    @Override
    public boolean isInterested(int peer, int other) {
        int c = engine.connection(peer, other);
        return c >= 0 && engine.interested(other, peer);
    }

    @Override
    public int neighbours(int peer) {
        return engine.connCount[peer];
    }

    @Override
    public int neighbour(int peer, int i) {
        return engine.other(engine.conns[peer][i], peer);
    }

    @Override
    public boolean isUnchoking(int provider, int requester) {
        int c = engine.connection(provider, requester);
        return c >= 0 && engine.dirUnchoked[engine.dir(c, provider)];
    }

    @Override
    public void choke(int provider, int requester) {
        int c = engine.connection(provider, requester);
        if (c >= 0) {
            engine.chokeDir(engine.dir(c, provider));
        }
    }

    @Override
    public void ban(int peer, int banned, long untilMicros) {
        int[] list = engine.bannedPeer[peer];
        int n = list == null ? 0 : list.length;
        engine.bannedPeer[peer] = list == null ? new int[1] : Arrays.copyOf(list, n + 1);
        long[] until = engine.bannedUntil[peer];
        engine.bannedUntil[peer] = until == null ? new long[1] : Arrays.copyOf(until, n + 1);
        engine.bannedPeer[peer][n] = banned;
        engine.bannedUntil[peer][n] = untilMicros;
        engine.emit("ban", peer, banned, untilMicros);
        int c = engine.connection(peer, banned);
        if (c >= 0) {
            engine.disconnect(c);
        }
    }

    @Override
    public void setCorruptUploads(int peer, boolean value) {
        engine.corrupt[peer] = value;
    }

    @Override
    public void retry(int provider, int requester) {
        int c = engine.connection(provider, requester);
        if (c >= 0) {
            int d = engine.dir(c, provider);
            if (engine.dirStalled[d]) {
                engine.tryStart(d);
            }
        }
    }

    @Override
    public void addOverheadBytes(int peer, long bytes) {
        engine.overheadBytes += bytes;
    }

    @Override
    public void trace(String kind, int peer, int other, long value) {
        engine.emit(kind, peer, other, value);
    }
}
