package org.speedsim.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.speedsim.engine.kernel.Simulator;
import org.speedsim.engine.rng.RandomStreams;

/** Argument checking, zero capacities, and the promise that steady-state operation allocates nothing. */
class MaxMinNetworkContractTest {

    @Test
    void rejectsInvalidArguments() {
        MaxMinNetwork net = new MaxMinNetwork(new Simulator());
        net.setCapacity(0, 10, 10);
        net.setCapacity(1, 10, 10);
        assertThrows(IllegalArgumentException.class, () -> net.open(0, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> net.open(0, 2, 5));
        assertThrows(IllegalArgumentException.class, () -> net.open(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> net.setCapacity(2, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> net.setCapacity(2, Double.POSITIVE_INFINITY, 10));
        assertThrows(IllegalArgumentException.class, () -> net.setCapacity(2, Double.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> net.rate(7));
        int f = net.open(0, 1, 5);
        net.close(f);
        assertThrows(IllegalArgumentException.class, () -> net.close(f));
    }

    @Test
    void zeroCapacityStallsTransfersUntilRaised() {
        Simulator sim = new Simulator();
        MaxMinNetwork net = new MaxMinNetwork(sim);
        long[] doneAt = {-1};
        net.setListener(f -> doneAt[0] = sim.now());
        net.setCapacity(0, 0, 100);
        net.setCapacity(1, 100, 100);
        int f = net.open(0, 1, 1000);
        assertEquals(0.0, net.rate(f));
        sim.runUntil(5_000_000);
        assertEquals(0, net.delivered(f));
        assertEquals(-1, doneAt[0]);
        net.setCapacity(0, 250, 100);
        assertEquals(100.0, net.rate(f));
        sim.runUntil(Simulator.NEVER - 1);
        assertEquals(15_000_000, doneAt[0]);
    }

    /**
     * The flow changes of one event are recomputed once, when the event is over and before the clock moves: a
     * later event sees bytes delivered at the new rates from the instant of the change. Neither event reads a rate,
     * which would recompute at once.
     */
    @Test
    void changesOfOneEventAreRecomputedTogetherBeforeTimeMoves() {
        Simulator sim = new Simulator();
        MaxMinNetwork net = new MaxMinNetwork(sim);
        net.setListener(f -> net.close(f));
        for (int p = 0; p < 4; p++) {
            net.setCapacity(p, 100, 1000);
        }
        int[] flows = new int[3];
        long[] recomputations = new long[2];
        long[] delivered = new long[3];
        int change = sim.registerKind("change", (t, a) -> {
            flows[0] = net.open(0, 1, 1_000_000);
            flows[1] = net.open(0, 2, 1_000_000);
            flows[2] = net.open(3, 1, 1_000_000);
            net.close(flows[1]);
            flows[1] = net.open(2, 3, 1_000_000);
        });
        int look = sim.registerKind("look", (t, a) -> {
            for (int i = 0; i < 3; i++) {
                delivered[i] = net.delivered(flows[i]);
            }
        });
        sim.scheduleAt(1_000_000, change, 0, 0);
        sim.scheduleAt(3_000_000, look, 0, 0);
        sim.runUntil(2_000_000);
        recomputations[0] = net.recomputations();
        sim.runUntil(3_000_000);
        recomputations[1] = net.recomputations();
        assertEquals(1, recomputations[0], "five changes in one event, one recomputation");
        assertEquals(1, recomputations[1], "nothing changed since");
        // each uplink carries one flow at 100 B/s, every downlink has room: 2 s at 100 B/s
        for (int i = 0; i < 3; i++) {
            assertEquals(200, delivered[i], "flow " + i);
        }
    }

    @Test
    void steadyStateOperationAllocatesNothing() {
        assertTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "measuring allocation needs a JVM with com.sun.management (HotSpot, as OpenJDK and Temurin)");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled(),
                "this JVM does not measure per-thread allocation");
        RandomGenerator rng = new RandomStreams(3L, 0).stream("alloc");
        Simulator sim = new Simulator();
        MaxMinNetwork net = new MaxMinNetwork(sim);
        int peers = 500;
        for (int p = 0; p < peers; p++) {
            net.setCapacity(p, 1e5 * (1 + rng.nextInt(20)), 1e6 * (1 + rng.nextInt(10)));
        }
        int[] slot = new int[peers * 5];
        net.setListener(f -> net.extend(f, 200_000));
        for (int i = 0; i < slot.length; i++) {
            slot[i] = openFrom(net, rng, i / 5, peers);
        }
        long[] measured = new long[2];
        for (int round = 0; round < 2; round++) {
            long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int op = 0; op < 20_000; op++) {
                int i = rng.nextInt(slot.length);
                net.close(slot[i]);
                slot[i] = openFrom(net, rng, i / 5, peers);
                sim.runUntil(sim.now() + 1_000);
            }
            measured[round] = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        }
        // a close and the open that follows it are recomputed together, when the simulator next runs
        assertTrue(net.recomputations() >= 40_000, "recomputations: " + net.recomputations());
        // any per-operation object would cost >= 16 bytes per operation; what remains is rare array growth when a
        // link reaches a record number of flows
        assertTrue(measured[1] < 20_000, "allocated " + measured[1] + " bytes in 20,000 steady-state operations");
    }

    private static int openFrom(MaxMinNetwork net, RandomGenerator rng, int uploader, int peers) {
        int d = rng.nextInt(peers - 1);
        return net.open(uploader, d >= uploader ? d + 1 : d, 200_000);
    }
}
