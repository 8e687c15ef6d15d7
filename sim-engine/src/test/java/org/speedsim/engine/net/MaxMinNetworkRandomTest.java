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

/** The incremental allocator against the brute-force progressive filling on random bipartite instances. */
class MaxMinNetworkRandomTest {

    private static final double TOL = 1e-9;

    /** A network plus the ids of its open flows, compared with brute force on demand. */
    private static final class Instance {
        final MaxMinNetwork net = new MaxMinNetwork(new Simulator());
        final List<Integer> flows = new ArrayList<>();
        final double[] up;
        final double[] down;
        /** Factor on every capacity drawn (1: 10 kB/s to 10 MB/s). */
        final double scale;

        Instance(RandomGenerator rng) {
            this(rng, 1);
        }

        Instance(RandomGenerator rng, double scale) {
            this.scale = scale;
            int n = 2 + rng.nextInt(29);
            up = new double[n];
            down = new double[n];
            for (int i = 0; i < n; i++) {
                setCapacity(rng, i);
            }
        }

        void setCapacity(RandomGenerator rng, int node) {
            up[node] = scale * logUniform(rng, 1e4, 1e7);
            down[node] = rng.nextBoolean() ? up[node] * (1 + 19 * rng.nextDouble())
                    : scale * logUniform(rng, 1e4, 1e7);
            if (rng.nextInt(40) == 0) {
                up[node] = 0;
            }
            net.setCapacity(node, up[node], down[node]);
        }

        void openRandom(RandomGenerator rng) {
            int n = up.length;
            // skewed choice so that some nodes carry several flows each way
            int u = rng.nextInt(4) == 0 ? rng.nextInt(Math.min(n, 3)) : rng.nextInt(n);
            int d = rng.nextInt(n - 1);
            if (d >= u) {
                d++;
            }
            flows.add(net.open(u, d, 1 + rng.nextInt(1_000_000)));
        }

        void closeRandom(RandomGenerator rng) {
            int i = rng.nextInt(flows.size());
            int f = flows.get(i);
            flows.set(i, flows.get(flows.size() - 1));
            flows.remove(flows.size() - 1);
            net.close(f);
        }

        /** An open (half the time, and always when there is no flow), a close, or a node's new capacities. */
        void changeRandom(RandomGenerator rng) {
            double p = rng.nextDouble();
            if (flows.isEmpty() || p < 0.5) {
                openRandom(rng);
            } else if (p < 0.85) {
                closeRandom(rng);
            } else {
                setCapacity(rng, rng.nextInt(up.length));
            }
        }

        void check(String where) {
            int m = flows.size();
            assertEquals(m, net.openFlows(), where);
            int[] fu = new int[m];
            int[] fd = new int[m];
            double[] got = new double[m];
            for (int i = 0; i < m; i++) {
                int f = flows.get(i);
                fu[i] = net.uploader(f);
                fd[i] = net.downloader(f);
                got[i] = net.rate(f);
            }
            double[] want = BruteForceMaxMin.solve(up, down, fu, fd);
            for (int i = 0; i < m; i++) {
                if (!close(got[i], want[i])) {
                    fail(where + ": flow " + flows.get(i) + " " + fu[i] + "->" + fd[i] + " rate " + got[i]
                            + " but max-min rate is " + want[i]);
                }
            }
            assertNull(BruteForceMaxMin.certificateViolation(up, down, fu, fd, got, TOL), where);
            double[] upLoad = new double[up.length];
            double[] downLoad = new double[up.length];
            double total = 0;
            for (int i = 0; i < m; i++) {
                upLoad[fu[i]] += got[i];
                downLoad[fd[i]] += got[i];
                total += got[i];
            }
            for (int v = 0; v < up.length; v++) {
                assertTrue(close(net.uploadRate(v), upLoad[v]), where + ": upload rate of " + v);
                assertTrue(close(net.downloadRate(v), downLoad[v]), where + ": download rate of " + v);
            }
            assertTrue(close(net.totalRate(), total), where + ": total rate");
        }
    }

    static double logUniform(RandomGenerator rng, double lo, double hi) {
        return lo * Math.exp(rng.nextDouble() * Math.log(hi / lo));
    }

    static boolean close(double a, double b) {
        return Math.abs(a - b) <= TOL * Math.max(Math.abs(a), Math.abs(b));
    }

    @Test
    void staticInstancesMatchBruteForce() {
        RandomStreams streams = new RandomStreams(20261125L, 0);
        for (int k = 0; k < 1000; k++) {
            RandomGenerator rng = streams.stream("maxmin-static", k);
            Instance in = new Instance(rng);
            int flows = 1 + rng.nextInt(3 * in.up.length);
            for (int i = 0; i < flows; i++) {
                in.openRandom(rng);
            }
            in.check("instance " + k);
        }
    }

    @Test
    void arrivalsDeparturesAndCapacityChangesMatchBruteForceAfterEveryStep() {
        RandomStreams streams = new RandomStreams(777L, 0);
        for (int k = 0; k < 300; k++) {
            RandomGenerator rng = streams.stream("maxmin-sequence", k);
            Instance in = new Instance(rng);
            for (int step = 0; step < 150; step++) {
                in.changeRandom(rng);
                in.check("sequence " + k + " step " + step);
            }
        }
    }

    /**
     * Changes made together (as one event makes them) are recomputed together: several opens, closes and capacity
     * changes, then one check, which reads rates and so recomputes over every link they touched.
     */
    @Test
    void batchesOfChangesMatchBruteForce() {
        RandomStreams streams = new RandomStreams(31337L, 0);
        for (int k = 0; k < 300; k++) {
            RandomGenerator rng = streams.stream("maxmin-batch", k);
            Instance in = new Instance(rng);
            for (int batch = 0; batch < 60; batch++) {
                long before = in.net.recomputations();
                int changes = 1 + rng.nextInt(8);
                for (int c = 0; c < changes; c++) {
                    in.changeRandom(rng);
                }
                in.check("sequence " + k + " batch " + batch + " of " + changes + " changes");
                assertTrue(in.net.recomputations() - before <= 1, "one recomputation per batch");
            }
        }
    }

    /**
     * The tolerances inside the recomputation are relative: the same random sequences with every capacity 10^9 times
     * smaller (10 micro-bytes to 10 milli-bytes per second) or 10^6 times larger still match brute force after every
     * step.
     */
    @Test
    void tinyAndHugeCapacitiesMatchBruteForce() {
        for (double scale : new double[] {1e-9, 1e6}) {
            RandomStreams streams = new RandomStreams(5150L, 0);
            for (int k = 0; k < 150; k++) {
                RandomGenerator rng = streams.stream("maxmin-scaled", k);
                Instance in = new Instance(rng, scale);
                for (int step = 0; step < 100; step++) {
                    in.changeRandom(rng);
                    in.check("scale " + scale + " sequence " + k + " step " + step);
                }
            }
        }
    }

    /** Tolerances inside the recomputation must not add up over many incremental updates. */
    @Test
    void longSequencesDoNotDrift() {
        RandomStreams streams = new RandomStreams(4242L, 0);
        for (int k = 0; k < 3; k++) {
            RandomGenerator rng = streams.stream("maxmin-long", k);
            Instance in = new Instance(rng);
            int target = 3 * in.up.length;
            for (int step = 0; step < 30_000; step++) {
                double p = rng.nextDouble();
                if (in.flows.size() < target && (in.flows.isEmpty() || p < 0.5)) {
                    in.openRandom(rng);
                } else if (p < 0.95) {
                    in.closeRandom(rng);
                } else {
                    in.setCapacity(rng, rng.nextInt(in.up.length));
                }
                in.net.totalRate(); // reading a rate recomputes now: one recomputation per step, as in a run
                if (step % 1000 == 999) {
                    in.check("long sequence " + k + " step " + step);
                }
            }
        }
    }

    @Test
    void flowIdsAreRecycled() {
        MaxMinNetwork net = new MaxMinNetwork(new Simulator());
        net.setCapacity(0, 100, 100);
        net.setCapacity(1, 100, 100);
        int a = net.open(0, 1, 10);
        int b = net.open(0, 1, 10);
        net.close(a);
        assertEquals(a, net.open(1, 0, 10));
        assertEquals(100.0, net.rate(b));
        assertEquals(100.0, net.rate(net.open(0, 1, 10)) * 2);
        assertEquals(3, net.openFlows());
        assertEquals(50.0, net.rate(b));
    }
}
