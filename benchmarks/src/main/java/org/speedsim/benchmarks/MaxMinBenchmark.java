package org.speedsim.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.speedsim.engine.kernel.Simulator;
import org.speedsim.engine.net.MaxMinNetwork;
import org.speedsim.engine.rng.RandomStreams;

/**
 * Cost of one flow end plus one flow start in the max-min allocator, in a swarm of {@code peers} peers with 5 upload
 * slots each: 60 % of the peers have 1 Mbit/s up and 8 Mbit/s down, 40 % have 20 / 100 Mbit/s; every peer uploads
 * to 5 random others. One operation closes a random flow and opens its replacement from the same uploader to a new
 * random peer, so the flow count stays constant. Transfers are too long to complete; the clock stays at 0.
 *
 * <p>{@link #replaceFlow} reads a rate after the close and after the open, so each is recomputed on its own: two
 * recomputations, the cost of one flow end and one flow start. {@link #replaceFlowInOneEvent} makes both changes
 * before reading, as one event of a run does (a choke and an unchoke, a closed flow and its successor): one
 * recomputation over the links of both.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MaxMin -f 2 -wi 3 -i 5 -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MaxMinBenchmark {

    private static final double MBIT = 1e6 / 8;
    private static final int SLOTS = 5;

    @Param("10000")
    public int peers;

    private MaxMinNetwork net;
    private RandomGenerator rng;
    private int[] slotFlow;

    @Setup(Level.Trial)
    public void buildSwarm() {
        RandomStreams streams = new RandomStreams(42L, 0);
        RandomGenerator bandwidth = streams.stream("bandwidth");
        rng = streams.stream("peer-selection");
        net = new MaxMinNetwork(new Simulator());
        for (int p = 0; p < peers; p++) {
            boolean slow = bandwidth.nextDouble() < 0.6;
            net.setCapacity(p, (slow ? 1 : 20) * MBIT, (slow ? 8 : 100) * MBIT);
        }
        slotFlow = new int[peers * SLOTS];
        for (int i = 0; i < slotFlow.length; i++) {
            slotFlow[i] = openFrom(i / SLOTS);
        }
    }

    private int openFrom(int uploader) {
        int d = rng.nextInt(peers - 1);
        return net.open(uploader, d >= uploader ? d + 1 : d, Long.MAX_VALUE / 4);
    }

    /** Closes one random flow, recomputes, opens its replacement, recomputes; returns the new flow's rate. */
    @Benchmark
    public double replaceFlow() {
        int i = rng.nextInt(slotFlow.length);
        net.close(slotFlow[i]);
        double left = net.uploadRate(i / SLOTS);
        int f = openFrom(i / SLOTS);
        slotFlow[i] = f;
        return net.rate(f) + left;
    }

    /** Closes one random flow and opens its replacement, then recomputes once; returns the new flow's rate. */
    @Benchmark
    public double replaceFlowInOneEvent() {
        int i = rng.nextInt(slotFlow.length);
        net.close(slotFlow[i]);
        int f = openFrom(i / SLOTS);
        slotFlow[i] = f;
        return net.rate(f);
    }
}
