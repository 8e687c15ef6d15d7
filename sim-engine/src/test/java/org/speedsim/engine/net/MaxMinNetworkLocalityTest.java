package org.speedsim.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.speedsim.engine.kernel.Simulator;
import org.speedsim.engine.rng.RandomStreams;

/**
 * The recomputation after one flow start or end touches only the flows whose rate can change: in an
 * upload-constrained swarm, the flows of the uploader's uplink, of the downloader's downlink and of the downlinks the
 * uploader feeds.
 */
class MaxMinNetworkLocalityTest {

    private static final double MBIT = 1e6 / 8;
    private static final int PEERS = 2000;
    private static final int SLOTS = 5;

    /** A swarm where every peer uploads to {@link #SLOTS} random others; flow i belongs to slot i. */
    private static final class SlotSwarm {
        final MaxMinNetwork net = new MaxMinNetwork(new Simulator());
        final int[] flow = new int[PEERS * SLOTS];
        final int[] from = new int[PEERS * SLOTS];
        final int[] to = new int[PEERS * SLOTS];
        final double[] up = new double[PEERS];
        final double[] down = new double[PEERS];
        final RandomGenerator rng;

        SlotSwarm(RandomGenerator rng, boolean ampleDownlinks) {
            this.rng = rng;
            for (int p = 0; p < PEERS; p++) {
                boolean slow = rng.nextDouble() < 0.6;
                up[p] = (slow ? 1 : 20) * MBIT;
                down[p] = ampleDownlinks ? 200 * MBIT : (slow ? 8 : 100) * MBIT;
                net.setCapacity(p, up[p], down[p]);
            }
            for (int i = 0; i < flow.length; i++) {
                from[i] = i / SLOTS;
                openSlot(i);
            }
        }

        void openSlot(int i) {
            int d = rng.nextInt(PEERS - 1);
            to[i] = d >= from[i] ? d + 1 : d;
            flow[i] = net.open(from[i], to[i], Long.MAX_VALUE / 4);
        }

        /** Size of the set of flows on u's uplink, d's downlink and the downlinks u feeds. */
        int neighbourhood(int u, int d) {
            Set<Integer> fed = new HashSet<>();
            fed.add(d);
            for (int i = 0; i < flow.length; i++) {
                if (from[i] == u && net.isOpen(flow[i])) {
                    fed.add(to[i]);
                }
            }
            int n = 0;
            for (int i = 0; i < flow.length; i++) {
                if (net.isOpen(flow[i]) && (from[i] == u || fed.contains(to[i]))) {
                    n++;
                }
            }
            return n;
        }

        void matchesBruteForce() {
            double[] want = BruteForceMaxMin.solve(up, down, from, to);
            for (int i = 0; i < flow.length; i++) {
                double got = net.rate(flow[i]);
                assertTrue(MaxMinNetworkRandomTest.close(got, want[i]), "slot " + i + ": " + got + " vs " + want[i]);
            }
        }
    }

    @Test
    void uploadConstrainedSwarmTouchesOnlyTheUploadersNeighbourhood() {
        SlotSwarm s = new SlotSwarm(new RandomStreams(11L, 0).stream("locality"), true);
        s.matchesBruteForce();
        long touched = 0;
        int changes = 0;
        for (int op = 0; op < 1000; op++) {
            int i = s.rng.nextInt(s.flow.length);
            int u = s.from[i];
            int oldTo = s.to[i];
            s.net.close(s.flow[i]);
            assertTrue(s.net.lastRecomputeTouched() <= s.neighbourhood(u, oldTo), "close touched too much");
            assertTrue(s.net.lastRecomputePasses() <= 2);
            touched += s.net.lastRecomputeTouched();
            s.openSlot(i);
            assertTrue(s.net.lastRecomputeTouched() <= s.neighbourhood(u, s.to[i]), "open touched too much");
            assertTrue(s.net.lastRecomputePasses() <= 2);
            touched += s.net.lastRecomputeTouched();
            changes += 2;
        }
        double mean = (double) touched / changes;
        assertTrue(mean < 40, "mean flows touched per change " + mean);
        s.matchesBruteForce();
        assertEquals(PEERS * SLOTS, s.net.openFlows());
    }

    @Test
    void mixedSwarmRecomputationStaysLocal() {
        SlotSwarm s = new SlotSwarm(new RandomStreams(12L, 0).stream("locality"), false);
        s.matchesBruteForce();
        long before = s.net.touchedTotal();
        long recomputes = s.net.recomputations();
        int maxTouched = 0;
        for (int op = 0; op < 2000; op++) {
            int i = s.rng.nextInt(s.flow.length);
            s.net.close(s.flow[i]);
            maxTouched = Math.max(maxTouched, s.net.lastRecomputeTouched());
            s.openSlot(i);
            maxTouched = Math.max(maxTouched, s.net.lastRecomputeTouched());
        }
        double mean = (double) (s.net.touchedTotal() - before) / (s.net.recomputations() - recomputes);
        System.out.printf("mixed swarm of %d flows: %.1f flows touched per change on average, at most %d%n",
                s.flow.length, mean, maxTouched);
        assertTrue(mean < 0.01 * s.flow.length, "mean flows touched per change " + mean);
        s.matchesBruteForce();
    }
}
