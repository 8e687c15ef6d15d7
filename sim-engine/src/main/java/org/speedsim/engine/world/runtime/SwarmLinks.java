package org.speedsim.engine.world.runtime;

import java.util.Arrays;
import org.speedsim.engine.net.FlowNetwork;

/**
 * One swarm's view of the world's {@link SharedNetwork}: the swarm's peer ids map to network nodes (its users' and
 * its publisher's), and its flow ids to the network's, so that a swarm engine runs unchanged while every flow of a
 * user, in any swarm, shares that user's links. Node capacities belong to the world: {@link #setCapacity} only binds
 * the peer being added to the node named by {@link #bindNext}.
 *
 * <p>Invariant: a local flow id is open here exactly when its network flow is open and registered to this view.
 */
final class SwarmLinks implements FlowNetwork {

    private final SharedNetwork shared;
    private TransferListener listener;
    private int nextNode = -1;
    private int[] nodeOfPeer = new int[8];
    private int[] globalOf = new int[16];
    private int[] uploaderPeer = new int[16];
    private int[] downloaderPeer = new int[16];
    private int[] free = new int[16];
    private int freeTop;
    private int used;
    private int open;

    SwarmLinks(SharedNetwork shared) {
        this.shared = shared;
        Arrays.fill(globalOf, -1);
    }

    /** The node of the next peer the swarm adds (its call to {@link #setCapacity}). */
    void bindNext(int node) {
        nextNode = node;
    }

    @Override
    public void setCapacity(int peer, double uploadBytesPerSecond, double downloadBytesPerSecond) {
        if (nextNode < 0) {
            throw new IllegalStateException("peer " + peer + " joined without a node bound to it");
        }
        if (peer >= nodeOfPeer.length) {
            nodeOfPeer = Arrays.copyOf(nodeOfPeer, Math.max(peer + 1, nodeOfPeer.length * 2));
        }
        nodeOfPeer[peer] = nextNode;
        nextNode = -1;
    }

    @Override
    public double uploadCapacity(int peer) {
        return shared.net.uploadCapacity(nodeOfPeer[peer]);
    }

    @Override
    public double downloadCapacity(int peer) {
        return shared.net.downloadCapacity(nodeOfPeer[peer]);
    }

    @Override
    public int open(int uploader, int downloader, long bytes) {
        int global = shared.net.open(nodeOfPeer[uploader], nodeOfPeer[downloader], bytes);
        int local;
        if (freeTop > 0) {
            local = free[--freeTop];
        } else {
            if (used == globalOf.length) {
                int n = used * 2;
                globalOf = Arrays.copyOf(globalOf, n);
                Arrays.fill(globalOf, used, n, -1);
                uploaderPeer = Arrays.copyOf(uploaderPeer, n);
                downloaderPeer = Arrays.copyOf(downloaderPeer, n);
                free = Arrays.copyOf(free, n);
            }
            local = used++;
        }
        globalOf[local] = global;
        uploaderPeer[local] = uploader;
        downloaderPeer[local] = downloader;
        shared.register(global, this, local);
        open++;
        return local;
    }

    @Override
    public void extend(int flow, long bytes) {
        shared.net.extend(globalOf[flow], bytes);
    }

    @Override
    public long close(int flow) {
        int global = globalOf[flow];
        long delivered = shared.net.close(global);
        shared.unregister(global);
        globalOf[flow] = -1;
        free[freeTop++] = flow;
        open--;
        return delivered;
    }

    @Override
    public long delivered(int flow) {
        return shared.net.delivered(globalOf[flow]);
    }

    @Override
    public double rate(int flow) {
        return shared.net.rate(globalOf[flow]);
    }

    @Override
    public int uploader(int flow) {
        return uploaderPeer[flow];
    }

    @Override
    public int downloader(int flow) {
        return downloaderPeer[flow];
    }

    @Override
    public boolean isOpen(int flow) {
        return flow >= 0 && flow < used && globalOf[flow] >= 0;
    }

    @Override
    public int openFlows() {
        return open;
    }

    @Override
    public double totalRate() {
        double sum = 0;
        for (int flow = 0; flow < used; flow++) {
            if (globalOf[flow] >= 0) {
                sum += shared.net.rate(globalOf[flow]);
            }
        }
        return sum;
    }

    /** Sum of the rates of this swarm's flows out of {@code peer} (its other swarms' flows not included). */
    @Override
    public double uploadRate(int peer) {
        double sum = 0;
        for (int flow = 0; flow < used; flow++) {
            if (globalOf[flow] >= 0 && uploaderPeer[flow] == peer) {
                sum += shared.net.rate(globalOf[flow]);
            }
        }
        return sum;
    }

    @Override
    public double downloadRate(int peer) {
        double sum = 0;
        for (int flow = 0; flow < used; flow++) {
            if (globalOf[flow] >= 0 && downloaderPeer[flow] == peer) {
                sum += shared.net.rate(globalOf[flow]);
            }
        }
        return sum;
    }

    @Override
    public void setListener(TransferListener l) {
        this.listener = l;
    }

    void completed(int local) {
        listener.transferComplete(local);
    }
}
