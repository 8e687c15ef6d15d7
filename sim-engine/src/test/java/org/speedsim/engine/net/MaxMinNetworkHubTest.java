package org.speedsim.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.speedsim.engine.kernel.Simulator;
import org.speedsim.engine.rng.RandomStreams;

/**
 * Hubs: one downloader fed by dozens of uploaders (or one seed feeding dozens of downloaders), each of whose flows is
 * held elsewhere at its own rate, many of them equal. A change at the hub must reallocate all of them at once, against
 * the brute-force progressive filling, whatever the order and the ties of those rates.
 */
class MaxMinNetworkHubTest {

    private static final double TOL = 1e-9;

    /** A hub node 0 and {@code spokes} other nodes; every flow joins the hub and one spoke. */
    private static final class Hub {
        final MaxMinNetwork net = new MaxMinNetwork(new Simulator());
        final List<Integer> flows = new ArrayList<>();
        final double[] up;
        final double[] down;
        final boolean hubDownloads;

        Hub(RandomGenerator rng, int spokes, boolean hubDownloads) {
            this.hubDownloads = hubDownloads;
            up = new double[spokes + 1];
            down = new double[spokes + 1];
            // few distinct spoke capacities, so that many flows have exactly the same rate
            double[] levels = new double[1 + rng.nextInt(6)];
            for (int i = 0; i < levels.length; i++) {
                levels[i] = MaxMinNetworkRandomTest.logUniform(rng, 1e3, 1e6);
            }
            for (int v = 1; v <= spokes; v++) {
                double c = rng.nextInt(3) == 0 ? MaxMinNetworkRandomTest.logUniform(rng, 1e3, 1e6)
                        : levels[rng.nextInt(levels.length)];
                set(v, hubDownloads ? c : 1e9, hubDownloads ? 1e9 : c);
            }
            set(0, 1e9, 1e9);
            for (int v = 1; v <= spokes; v++) {
                open(v);
            }
        }

        void set(int node, double u, double d) {
            up[node] = u;
            down[node] = d;
            net.setCapacity(node, u, d);
        }

        void open(int spoke) {
            flows.add(hubDownloads ? net.open(spoke, 0, 1L << 40) : net.open(0, spoke, 1L << 40));
        }

        /** The hub's capacity on its side of every flow. */
        void setHub(double c) {
            set(0, hubDownloads ? 1e9 : c, hubDownloads ? c : 1e9);
        }

        /** Per flow, whether its rate is below its spoke's capacity: the hub holds it. */
        boolean[] heldByHub() {
            boolean[] held = new boolean[flows.size()];
            for (int i = 0; i < held.length; i++) {
                int f = flows.get(i);
                double spoke = hubDownloads ? up[net.uploader(f)] : down[net.downloader(f)];
                held[i] = net.rate(f) < spoke * (1 - TOL);
            }
            return held;
        }

        void check(String where) {
            int m = flows.size();
            int[] fu = new int[m];
            int[] fd = new int[m];
            double[] got = new double[m];
            for (int i = 0; i < m; i++) {
                fu[i] = net.uploader(flows.get(i));
                fd[i] = net.downloader(flows.get(i));
                got[i] = net.rate(flows.get(i));
            }
            double[] want = BruteForceMaxMin.solve(up, down, fu, fd);
            for (int i = 0; i < m; i++) {
                if (!MaxMinNetworkRandomTest.close(got[i], want[i])) {
                    fail(where + ": flow " + fu[i] + "->" + fd[i] + " rate " + got[i] + ", max-min " + want[i]);
                }
            }
            assertNull(BruteForceMaxMin.certificateViolation(up, down, fu, fd, got, TOL), where);
            double hubLoad = hubDownloads ? net.downloadRate(0) : net.uploadRate(0);
            double sum = 0;
            for (double r : want) {
                sum += r;
            }
            assertEquals(sum, hubLoad, TOL * Math.max(1, sum), where + ": hub load");
        }
    }

    /**
     * The hub's capacity sweeps down and up through its spokes' rates: every step makes a different number of the
     * spokes' flows hub-limited, so the hub's link must order dozens of held flows by their rates.
     */
    @Test
    void hubCapacitySweepsMatchBruteForce() {
        RandomStreams streams = new RandomStreams(20261203L, 0);
        for (int k = 0; k < 200; k++) {
            RandomGenerator rng = streams.stream("hub-sweep", k);
            Hub hub = new Hub(rng, 18 + rng.nextInt(60), rng.nextBoolean());
            hub.check("hub " + k + " at start");
            for (int step = 0; step < 12; step++) {
                double total = 0;
                for (int v = 1; v < hub.up.length; v++) {
                    total += hub.hubDownloads ? hub.up[v] : hub.down[v];
                }
                boolean[] heldBefore = hub.heldByHub();
                hub.setHub(total * rng.nextDouble() * 1.2);
                hub.check("hub " + k + " step " + step);
                boolean[] heldAfter = hub.heldByHub();
                int moved = 0;
                for (int i = 0; i < heldAfter.length; i++) {
                    moved += heldBefore[i] || heldAfter[i] ? 1 : 0;
                }
                // one pass finds the flows the hub now holds below their spoke's rate, a second one confirms; only
                // the hub's two links and the spokes whose flow the hub holds (before or after) are recomputed
                assertTrue(hub.net.lastRecomputePasses() <= 2,
                        "hub " + k + " step " + step + ": " + hub.net.lastRecomputePasses() + " passes");
                assertTrue(hub.net.lastRecomputeLinks() <= 2 + moved, "hub " + k + " step " + step + ": "
                        + hub.net.lastRecomputeLinks() + " links recomputed, " + moved + " spokes held by the hub");
            }
        }
    }

    /** Spokes change capacity, leave and come back while the hub is the bottleneck of some of them. */
    @Test
    void spokeChangesUnderALimitingHubMatchBruteForce() {
        RandomStreams streams = new RandomStreams(9031L, 0);
        for (int k = 0; k < 100; k++) {
            RandomGenerator rng = streams.stream("hub-spokes", k);
            Hub hub = new Hub(rng, 20 + rng.nextInt(40), rng.nextBoolean());
            double total = 0;
            for (int v = 1; v < hub.up.length; v++) {
                total += hub.hubDownloads ? hub.up[v] : hub.down[v];
            }
            hub.setHub(total * (0.2 + 0.6 * rng.nextDouble()));
            hub.check("hub " + k);
            for (int step = 0; step < 40; step++) {
                double p = rng.nextDouble();
                int spoke = 1 + rng.nextInt(hub.up.length - 1);
                if (p < 0.4) {
                    double c = MaxMinNetworkRandomTest.logUniform(rng, 1e3, 1e6);
                    hub.set(spoke, hub.hubDownloads ? c : 1e9, hub.hubDownloads ? 1e9 : c);
                } else if (p < 0.7 && hub.flows.size() > 1) {
                    hub.net.close(hub.flows.remove(rng.nextInt(hub.flows.size())));
                } else {
                    hub.open(spoke);
                }
                hub.check("hub " + k + " step " + step);
            }
        }
    }

    /**
     * A seed whose uplink limits every flow it feeds (its downloaders' downlinks are ample): opening or closing one
     * of its flows changes the rates of all of them, and one pass settles it (the class's promise for an
     * upload-constrained swarm), against brute force.
     */
    @Test
    void anUploadConstrainedSeedSettlesEveryChangeInOnePass() {
        RandomStreams streams = new RandomStreams(6113L, 0);
        for (int k = 0; k < 50; k++) {
            RandomGenerator rng = streams.stream("seed-star", k);
            int spokes = 5 + rng.nextInt(60);
            Hub hub = new Hub(rng, spokes, false);
            hub.setHub(1e3 + rng.nextDouble() * 1e5);
            for (int v = 1; v <= spokes; v++) {
                hub.set(v, 1e9, 1e8);
            }
            hub.check("seed " + k);
            for (int step = 0; step < 30; step++) {
                if (rng.nextBoolean() && hub.flows.size() > 1) {
                    hub.net.close(hub.flows.remove(rng.nextInt(hub.flows.size())));
                } else {
                    hub.open(1 + rng.nextInt(spokes));
                }
                hub.check("seed " + k + " step " + step);
                assertEquals(1, hub.net.lastRecomputePasses(), "seed " + k + " step " + step);
            }
        }
    }
}
