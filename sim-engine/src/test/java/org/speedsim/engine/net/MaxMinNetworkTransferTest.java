package org.speedsim.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.speedsim.engine.kernel.Simulator;
import org.speedsim.engine.rng.RandomStreams;

/** Transfer completions and delivered bytes follow the rates over simulated time. */
class MaxMinNetworkTransferTest {

    private static final double BIG = 1e12;

    @Test
    void loneTransferCompletesAtTheCeilingOfBytesOverRate() {
        RandomStreams streams = new RandomStreams(5L, 0);
        for (int k = 0; k < 500; k++) {
            RandomGenerator rng = streams.stream("lone", k);
            long r = 1_000 + rng.nextLong(20_000_000);
            long b = 1 + rng.nextLong(1_000_000);
            long start = rng.nextLong(1_000_000_000L);
            Simulator sim = new Simulator();
            MaxMinNetwork net = new MaxMinNetwork(sim);
            long[] doneAt = {-1};
            long[] doneBytes = {-1};
            net.setListener(f -> {
                doneAt[0] = sim.now();
                doneBytes[0] = net.delivered(f);
            });
            boolean uplinkLimits = rng.nextBoolean();
            net.setCapacity(0, uplinkLimits ? r : BIG, BIG);
            net.setCapacity(1, BIG, uplinkLimits ? BIG : r);
            sim.runUntil(start);
            int f = net.open(0, 1, b);
            assertEquals((double) r, net.rate(f));
            long expected = start + (b * 1_000_000L + r - 1) / r;
            sim.runUntil(expected - 1);
            assertEquals(-1, doneAt[0], "completed early, case " + k);
            long partial = net.delivered(f);
            assertTrue(partial < b, "case " + k);
            assertTrue(Math.abs(partial - (expected - 1 - start) * r / 1_000_000L) <= 1, "case " + k);
            sim.runUntil(Simulator.NEVER - 1);
            assertEquals(expected, doneAt[0], "case " + k);
            assertEquals(b, doneBytes[0]);
            assertTrue(net.isIdle(f));
        }
    }

    @Test
    void closeReturnsTheBytesDeliveredSoFar() {
        Simulator sim = new Simulator();
        MaxMinNetwork net = new MaxMinNetwork(sim);
        net.setCapacity(0, 1_000_000, BIG);
        net.setCapacity(1, BIG, BIG);
        net.setCapacity(2, BIG, BIG);
        int a = net.open(0, 1, 10_000_000);
        sim.runUntil(2_500_000);
        int b = net.open(0, 2, 10_000_000);
        assertEquals(500_000.0, net.rate(a));
        sim.runUntil(3_000_000);
        assertEquals(2_750_000, net.delivered(a));
        assertEquals(2_750_000, net.close(a));
        assertFalse(net.isOpen(a));
        assertEquals(1_000_000.0, net.rate(b));
        sim.runUntil(4_000_001);
        assertEquals(1_250_001, net.close(b));
        assertEquals(0, net.openFlows());
        assertEquals(0.0, net.totalRate());
    }

    @Test
    void extendKeepsEveryRateAndStartsTheNextTransfer() {
        Simulator sim = new Simulator();
        MaxMinNetwork net = new MaxMinNetwork(sim);
        RandomGenerator rng = new RandomStreams(9L, 0).stream("extend");
        for (int v = 0; v < 8; v++) {
            net.setCapacity(v, 1e5 + rng.nextDouble() * 1e6, 2e5 + rng.nextDouble() * 2e6);
        }
        List<Integer> flows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int u = rng.nextInt(8);
            flows.add(net.open(u, (u + 1 + rng.nextInt(7)) % 8, 1 + rng.nextInt(300_000)));
        }
        int[] completions = {0};
        net.setListener(f -> {
            double[] before = flows.stream().mapToDouble(net::rate).toArray();
            long next = 1 + rng.nextInt(300_000);
            net.extend(f, next);
            double[] after = flows.stream().mapToDouble(net::rate).toArray();
            assertTrue(Arrays.equals(before, after), "extend changed a rate");
            assertEquals(0, net.delivered(f));
            assertEquals(next, net.transferBytes(f));
            completions[0]++;
        });
        sim.runUntil(60_000_000L);
        assertTrue(completions[0] > 100, "only " + completions[0] + " completions");
        int f = flows.get(0);
        assertThrows(IllegalStateException.class, () -> net.extend(f, 10));
    }

    /**
     * Random opens and closes at random times on a random network; completed transfers are closed or extended at
     * once. The test integrates every flow's rate itself and checks delivered bytes, completion instants and their
     * order against that integral.
     */
    @Test
    void deliveredBytesAreTheIntegralOfTheRate() {
        RandomStreams streams = new RandomStreams(31L, 0);
        for (int k = 0; k < 40; k++) {
            new IntegralCase(streams.stream("integral", k)).run("case " + k);
        }
    }

    private static final class IntegralCase {
        final RandomGenerator rng;
        final Simulator sim = new Simulator();
        final MaxMinNetwork net = new MaxMinNetwork(sim);
        final int nodes;
        final List<Integer> open = new ArrayList<>();
        double[] integral = new double[0];
        double[] lastRate = new double[0];
        long last;
        long lastCompletion = -1;
        int completions;

        IntegralCase(RandomGenerator rng) {
            this.rng = rng;
            nodes = 3 + rng.nextInt(10);
            for (int v = 0; v < nodes; v++) {
                net.setCapacity(v, MaxMinNetworkRandomTest.logUniform(rng, 1e4, 1e7),
                        MaxMinNetworkRandomTest.logUniform(rng, 1e4, 1e7));
            }
        }

        void run(String name) {
            int driver = sim.registerKind("driver", (t, a) -> change(name));
            net.setListener(f -> completed(f, name));
            for (int i = 0; i < 200; i++) {
                sim.scheduleAt(rng.nextLong(20_000_000L), driver, 0, 0);
            }
            sim.runUntil(20_000_000L);
            advance(name);
            assertTrue(completions > 0, name + ": nothing completed");
        }

        /** Integrates every open flow's rate up to now and compares with what the network says it delivered. */
        void advance(String name) {
            long now = sim.now();
            for (int f : open) {
                integral[f] += lastRate[f] * ((now - last) / 1e6);
                long want = Math.min(net.transferBytes(f), (long) Math.floor(integral[f]));
                assertTrue(Math.abs(net.delivered(f) - want) <= 1,
                        name + " t=" + now + ": flow " + f + " delivered " + net.delivered(f) + " vs " + want);
            }
            last = now;
        }

        void snapshotRates() {
            for (int f : open) {
                lastRate[f] = net.rate(f);
            }
        }

        void change(String name) {
            advance(name);
            if (open.isEmpty() || rng.nextDouble() < 0.6) {
                int u = rng.nextInt(nodes);
                int d = (u + 1 + rng.nextInt(nodes - 1)) % nodes;
                int f = net.open(u, d, 1 + rng.nextInt(2_000_000));
                track(f);
            } else {
                int f = open.remove(rng.nextInt(open.size()));
                net.close(f);
            }
            snapshotRates();
        }

        void track(int f) {
            if (f >= integral.length) {
                integral = Arrays.copyOf(integral, 2 * f + 2);
                lastRate = Arrays.copyOf(lastRate, 2 * f + 2);
            }
            integral[f] = 0;
            open.add(f);
        }

        void completed(int f, String name) {
            long now = sim.now();
            assertTrue(now >= lastCompletion, name + ": completions out of time order");
            lastCompletion = now;
            long b = net.transferBytes(f);
            assertEquals(b, net.delivered(f));
            double at = integral[f] + lastRate[f] * ((now - last) / 1e6);
            assertTrue(at >= b - 1, name + ": flow " + f + " completed at " + at + " of " + b + " bytes");
            assertTrue(at - lastRate[f] / 1e6 < b + 1, name + ": flow " + f + " completed late: " + at + " of " + b);
            completions++;
            advanceExcept(f, name);
            if (rng.nextBoolean()) {
                net.extend(f, 1 + rng.nextInt(2_000_000));
                integral[f] = 0;
            } else {
                open.remove(Integer.valueOf(f));
                net.close(f);
            }
            snapshotRates();
        }

        /** Like {@link #advance} but the completing flow is settled at its full transfer. */
        void advanceExcept(int done, String name) {
            long now = sim.now();
            for (int f : open) {
                if (f != done) {
                    integral[f] += lastRate[f] * ((now - last) / 1e6);
                    long want = Math.min(net.transferBytes(f), (long) Math.floor(integral[f]));
                    assertTrue(Math.abs(net.delivered(f) - want) <= 1, name + ": flow " + f);
                }
            }
            last = now;
        }
    }
}
