package org.speedsim.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.speedsim.engine.kernel.Simulator;

/**
 * The network's contract at its edges: every refused argument, every accessor of a flow that is not open, a
 * hand-worked max-min allocation with per-node totals, and many nodes and flows (ids reused after a close).
 */
class MaxMinNetworkEdgesTest {

    private static final double TOL = 1e-9;

    @Test
    void refusesUnknownNodesSelfFlowsAndEmptyTransfers() {
        MaxMinNetwork net = new MaxMinNetwork(new Simulator());
        assertThrows(IllegalArgumentException.class, () -> net.setCapacity(-1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> net.setCapacity(0, 1, -0.5));
        assertThrows(IllegalArgumentException.class, () -> net.setCapacity(0, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> net.setCapacity(0, 1, Double.POSITIVE_INFINITY));
        net.setCapacity(0, 0, 0);
        net.setCapacity(1, 10, 10);
        assertEquals(2, net.nodeCount());
        assertThrows(IllegalArgumentException.class, () -> net.open(-1, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> net.open(2, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> net.open(1, -1, 5));
        assertThrows(IllegalArgumentException.class, () -> net.open(1, 2, 5));
        assertThrows(IllegalArgumentException.class, () -> net.open(1, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> net.open(1, 0, -5));
        assertEquals(0, net.openFlows());
    }

    @Test
    void aFlowThatIsNotOpenHasNoState() {
        Simulator sim = new Simulator();
        MaxMinNetwork net = new MaxMinNetwork(sim);
        net.setCapacity(0, 10, 10);
        net.setCapacity(1, 10, 10);
        int f = net.open(0, 1, 100);
        assertThrows(IllegalStateException.class, () -> net.extend(f, 5), "still transferring");
        net.close(f);
        for (int bad : new int[] {f, -1, 1, 64, 1_000}) {
            assertFalse(net.isOpen(bad));
            List<Executable> calls = List.of(() -> net.delivered(bad), () -> net.transferBytes(bad),
                    () -> net.isIdle(bad), () -> net.rate(bad), () -> net.uploader(bad), () -> net.downloader(bad),
                    () -> net.close(bad), () -> net.extend(bad, 5));
            for (Executable call : calls) {
                assertThrows(IllegalArgumentException.class, call, "flow " + bad);
            }
        }
        int g = net.open(1, 0, 10);
        assertEquals(f, g, "a closed flow's id is reused");
        sim.runUntil(2_000_000);
        assertTrue(net.isIdle(g));
        assertThrows(IllegalArgumentException.class, () -> net.extend(g, 0));
        net.extend(g, 20);
        assertFalse(net.isIdle(g));
        assertEquals(20, net.transferBytes(g));
        assertEquals(1, net.uploader(g));
        assertEquals(0, net.downloader(g));
    }

    @Test
    void aStarSharesItsUploaderMaxMinFairly() {
        Simulator sim = new Simulator();
        MaxMinNetwork net = new MaxMinNetwork(sim);
        net.setCapacity(0, 100, 1_000);
        net.setCapacity(1, 1_000, 20);
        net.setCapacity(2, 1_000, 50);
        net.setCapacity(3, 1_000, 100);
        assertEquals(100, net.uploadCapacity(0), TOL);
        assertEquals(1_000, net.downloadCapacity(0), TOL);
        assertEquals(20, net.downloadCapacity(1), TOL);
        int a = net.open(0, 1, 1_000_000);
        int b = net.open(0, 2, 1_000_000);
        int c = net.open(0, 3, 1_000_000);
        // node 1 can take only 20; the other two split the remaining 80 equally
        assertEquals(20, net.rate(a), TOL);
        assertEquals(40, net.rate(b), TOL);
        assertEquals(40, net.rate(c), TOL);
        assertEquals(100, net.totalRate(), TOL);
        assertEquals(100, net.uploadRate(0), TOL);
        assertEquals(0, net.downloadRate(0), TOL);
        assertEquals(20, net.downloadRate(1), TOL);
        assertEquals(40, net.downloadRate(3), TOL);
        assertEquals(3, net.uploadFlows(0));
        assertEquals(0, net.downloadFlows(0));
        assertEquals(1, net.downloadFlows(2));
        // node 2 slows to 10: node 3 gets 70
        net.setCapacity(2, 1_000, 10);
        assertEquals(10, net.rate(b), TOL);
        assertEquals(70, net.rate(c), TOL);
        assertTrue(net.recomputations() > 0);
        assertTrue(net.lastRecomputeTouched() >= 1);
        assertTrue(net.lastRecomputeLinks() >= 1);
        assertTrue(net.lastRecomputePasses() >= 1);
        assertTrue(net.touchedTotal() >= net.lastRecomputeTouched());
        net.close(a);
        assertEquals(2, net.uploadFlows(0));
        // without node 1, node 3 takes everything node 2 leaves
        assertEquals(90, net.rate(c), TOL);
        assertEquals(100, net.totalRate(), TOL);
    }

    @Test
    void manyNodesAndFlowsEachGetTheirShare() {
        Simulator sim = new Simulator();
        MaxMinNetwork net = new MaxMinNetwork(sim);
        int pairs = 150;
        List<Long> done = new ArrayList<>();
        net.setListener(f -> done.add(sim.now()));
        for (int p = 0; p < pairs; p++) {
            net.setCapacity(2 * p, 1_000 + p, 0);
            net.setCapacity(2 * p + 1, 0, 5_000);
        }
        List<Integer> flows = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            flows.add(net.open(2 * p, 2 * p + 1, 1_000 + p));
        }
        assertEquals(pairs, net.openFlows());
        assertEquals(2 * pairs, net.nodeCount());
        for (int p = 0; p < pairs; p++) {
            assertEquals(1_000 + p, net.rate(flows.get(p)), TOL);
        }
        sim.runUntil(2_000_000);
        assertEquals(pairs, done.size());
        assertEquals(1_000_000, done.get(0));
        for (int p = 0; p < pairs; p++) {
            assertEquals(1_000 + p, net.delivered(flows.get(p)));
        }
    }
}
