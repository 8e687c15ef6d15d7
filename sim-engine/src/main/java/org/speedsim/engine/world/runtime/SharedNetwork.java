package org.speedsim.engine.world.runtime;

import java.util.Arrays;
import org.speedsim.engine.kernel.Simulator;
import org.speedsim.engine.net.FlowNetwork;
import org.speedsim.engine.net.MaxMinNetwork;

/**
 * The one max-min network of a world: a node per user (its single uplink and downlink, whatever the number of swarms
 * it is in) and one per torrent's publisher. Swarms reach it through their own {@link SwarmLinks}; this class routes
 * each completed transfer back to the swarm whose flow it was.
 */
final class SharedNetwork implements FlowNetwork.TransferListener {

    final MaxMinNetwork net;
    private SwarmLinks[] ownerOfFlow = new SwarmLinks[256];
    private int[] localOfFlow = new int[256];

    SharedNetwork(Simulator sim) {
        net = new MaxMinNetwork(sim);
        net.setListener(this);
    }

    void register(int flow, SwarmLinks owner, int local) {
        if (flow >= ownerOfFlow.length) {
            int n = Math.max(flow + 1, ownerOfFlow.length * 2);
            ownerOfFlow = Arrays.copyOf(ownerOfFlow, n);
            localOfFlow = Arrays.copyOf(localOfFlow, n);
        }
        ownerOfFlow[flow] = owner;
        localOfFlow[flow] = local;
    }

    void unregister(int flow) {
        ownerOfFlow[flow] = null;
    }

    @Override
    public void transferComplete(int flow) {
        ownerOfFlow[flow].completed(localOfFlow[flow]);
    }
}
