package org.speedsim.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.kernel.Simulator;

/**
 * What a reader of the network sees: each node's own capacities, flow counts and rates (read first, before any other
 * reader recomputed), statistics that already include a pending change, ids not yet handed out, and completion
 * events only for busy flows with a positive rate. Every figure is worked by hand.
 */
class MaxMinNetworkObservationTest {

    private static final double TOL = 1e-9;

    /**
     * Node 1 uploads at most 90 to nodes 2 and 3; node 2 takes at most 30, so node 3 gets the other 60
     * (max-min: the flow to 2 is held by 2's downlink, the flow to 3 by 1's uplink, 90 - 30 = 60).
     */
    @Test
    void everyNodeReportsItsOwnCapacitiesFlowsAndRates() {
        MaxMinNetwork net = new MaxMinNetwork(new Simulator());
        double[] up = {5, 90, 7, 11};
        double[] down = {13, 17, 30, 1_000};
        for (int node = 0; node < 4; node++) {
            net.setCapacity(node, up[node], down[node]);
        }
        int toTwo = net.open(1, 2, 1_000_000);
        net.open(1, 3, 1_000_000);
        net.open(2, 3, 1_000_000);
        // node 2 uploads 7 to node 3, whose downlink (1000) is ample: 3 receives 60 + 7
        assertEquals(67, net.downloadRate(3), TOL, "read before any other rate");
        assertEquals(30, net.rate(toTwo), TOL);
        int[] uploads = {0, 2, 1, 0};
        int[] downloads = {0, 0, 1, 2};
        double[] upRate = {0, 90, 7, 0};
        double[] downRate = {0, 0, 30, 67};
        for (int node = 0; node < 4; node++) {
            assertEquals(up[node], net.uploadCapacity(node), "upload capacity of " + node);
            assertEquals(down[node], net.downloadCapacity(node), "download capacity of " + node);
            assertEquals(uploads[node], net.uploadFlows(node), "flows leaving " + node);
            assertEquals(downloads[node], net.downloadFlows(node), "flows entering " + node);
            assertEquals(upRate[node], net.uploadRate(node), TOL, "upload rate of " + node);
            assertEquals(downRate[node], net.downloadRate(node), TOL, "download rate of " + node);
        }
    }

    /**
     * Each statistic, read first after opening one lone flow, already counts the recomputation that flow needs: one
     * recomputation of one pass over the flow's two links, touching the one flow.
     */
    @Test
    void statisticsReadFirstIncludeThePendingRecomputation() {
        List<ToLongFunction<MaxMinNetwork>> stats = List.of(MaxMinNetwork::recomputations,
                MaxMinNetwork::lastRecomputeLinks, MaxMinNetwork::lastRecomputePasses,
                MaxMinNetwork::lastRecomputeTouched, MaxMinNetwork::touchedTotal);
        long[] expected = {1, 2, 1, 1, 1};
        for (int i = 0; i < stats.size(); i++) {
            MaxMinNetwork net = new MaxMinNetwork(new Simulator());
            net.setCapacity(0, 100, 100);
            net.setCapacity(1, 100, 100);
            net.open(0, 1, 1_000);
            assertEquals(expected[i], stats.get(i).applyAsLong(net), "statistic " + i);
        }
    }

    /** An id above every one handed out is not open, also when the flow arrays are exactly full. */
    @Test
    void anIdNotYetHandedOutIsNotOpen() {
        MaxMinNetwork net = new MaxMinNetwork(new Simulator());
        net.setCapacity(0, 1_000, 1_000);
        net.setCapacity(1, 1_000, 1_000);
        int highest = -1;
        for (int n = 0; n < 300; n++) {
            int f = net.open(0, 1, 1_000);
            assertTrue(net.isOpen(f));
            highest = Math.max(highest, f);
            int next = highest + 1;
            assertFalse(net.isOpen(next), "id " + next + " after " + (n + 1) + " opens");
            assertThrows(IllegalArgumentException.class, () -> net.rate(next));
        }
    }

    /**
     * A completed flow waits, idle, for its listener: a later rate change (a second flow sharing its uplink) moves
     * its rate from 100 to 50 but never completes it again. The second flow, 1000 B at 50 B/s from 2 s, completes
     * at 22 s.
     */
    @Test
    void anIdleFlowWhoseRateChangesDoesNotCompleteAgain() {
        Simulator sim = new Simulator();
        MaxMinNetwork net = new MaxMinNetwork(sim);
        List<long[]> done = new ArrayList<>();
        net.setListener(f -> done.add(new long[] {sim.now(), f}));
        net.setCapacity(0, 100, 1e9);
        net.setCapacity(1, 1e9, 1e9);
        net.setCapacity(2, 1e9, 1e9);
        int first = net.open(0, 1, 100);
        int[] second = new int[1];
        int kind = sim.registerKind("open-second", (a, b) -> second[0] = net.open(0, 2, 1_000));
        sim.scheduleAt(2_000_000, kind, 0, 0);
        sim.runUntil(100_000_000);
        assertEquals(2, done.size(), "completions at " + done.stream().map(d -> d[0]).toList());
        assertEquals(1_000_000, done.get(0)[0]);
        assertEquals(first, done.get(0)[1]);
        assertEquals(22_000_000, done.get(1)[0]);
        assertEquals(second[0], done.get(1)[1]);
        assertTrue(net.isIdle(first));
        assertEquals(100, net.delivered(first));
        assertEquals(50, net.rate(first), TOL);
    }

    /** A transfer stalled at rate 0 leaves no event pending in the simulator (it has no completion time). */
    @Test
    void aStalledTransferLeavesNoEventPending() {
        Simulator sim = new Simulator();
        MaxMinNetwork net = new MaxMinNetwork(sim);
        net.setCapacity(0, 100, 1e9);
        net.setCapacity(1, 1e9, 1e9);
        int f = net.open(0, 1, 1_000);
        int kind = sim.registerKind("stall", (a, b) -> net.setCapacity(0, 0, 1e9));
        sim.scheduleAt(2_000_000, kind, 0, 0);
        sim.runUntil(5_000_000);
        assertEquals(0, net.rate(f));
        assertEquals(200, net.delivered(f));
        assertEquals(0, sim.pending(), "no completion is pending for a stalled transfer");
    }

    /**
     * A flow held at 4 by its downloader's downlink, its uploader's uplink (10) half empty: the downlink rising to 8
     * takes it to 8, and falling to 2 takes it to 2, in bytes per second or in billionths or millions of them (every
     * tolerance of the recomputation is relative).
     */
    @Test
    void aFlowHeldByItsDownlinkFollowsItAtAnyScale() {
        for (double scale : new double[] {1e-9, 1, 1e6}) {
            MaxMinNetwork net = new MaxMinNetwork(new Simulator());
            net.setCapacity(0, 10 * scale, 10 * scale);
            net.setCapacity(1, 10 * scale, 4 * scale);
            int f = net.open(0, 1, 1L << 40);
            assertEquals(4 * scale, net.rate(f), TOL * scale, "scale " + scale);
            net.setCapacity(1, 10 * scale, 8 * scale);
            assertEquals(8 * scale, net.rate(f), TOL * scale, "scale " + scale + " after the rise");
            net.setCapacity(1, 10 * scale, 2 * scale);
            assertEquals(2 * scale, net.rate(f), TOL * scale, "scale " + scale + " after the fall");
        }
    }
}
