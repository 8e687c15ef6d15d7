package org.speedsim.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.speedsim.engine.kernel.BinaryHeapEventList;
import org.speedsim.engine.kernel.EventList;
import org.speedsim.engine.kernel.FourAryHeapEventList;
import org.speedsim.engine.kernel.Simulator;

/**
 * The classic "hold" model of event-list performance: the list holds a fixed number of pending events, and one
 * operation pops the earliest and schedules a replacement at its time plus a random increment (exponential, mean
 * 1 s, drawn in advance so the generator stays out of the measurement). Reported as holds per second.
 *
 * <p>{@link #listHold} exercises the {@link EventList} alone; {@link #simulatorHold} runs the same model through
 * {@link Simulator}'s event loop with a handler that reschedules its own event, so it includes dispatch. Both run
 * on each event-list implementation ({@code -p list=4-ary} to pick one).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class KernelHoldBenchmark {

    /** Events the simulator variant runs per invocation; throughput is reported per event. */
    public static final int SIMULATOR_BATCH = 1024;

    private static final int INCREMENTS = 1 << 16;
    private static final double MEAN_INCREMENT_MICROS = 1_000_000.0;

    static EventList newList(String implementation, int capacity) {
        return switch (implementation) {
            case "4-ary" -> new FourAryHeapEventList(capacity);
            case "binary" -> new BinaryHeapEventList(capacity);
            default -> throw new IllegalArgumentException("unknown event list: " + implementation);
        };
    }

    static long[] exponentialIncrements(long seed) {
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        long[] inc = new long[INCREMENTS];
        for (int i = 0; i < INCREMENTS; i++) {
            inc[i] = Math.round(-MEAN_INCREMENT_MICROS * Math.log1p(-rng.nextDouble()));
        }
        return inc;
    }

    /** An event list filled with {@code pending} events, and the increments that keep it at that size. */
    @State(Scope.Thread)
    public static class ListHold {
        @Param({"1000", "10000", "100000", "1000000"})
        public int pending;

        @Param({"4-ary", "binary"})
        public String list;

        long[] increments;
        int cursor;
        EventList events;

        @Setup(Level.Trial)
        public void fill() {
            increments = exponentialIncrements(20_251_125L);
            events = newList(list, pending);
            for (int i = 0; i < pending; i++) {
                events.schedule(increments[cursor++ & (INCREMENTS - 1)], 0, i, i);
            }
        }
    }

    /** A simulator whose {@code pending} events each reschedule themselves when they run. */
    @State(Scope.Thread)
    public static class SimulatorHold {
        @Param({"1000", "10000", "100000", "1000000"})
        public int pending;

        @Param({"4-ary", "binary"})
        public String list;

        long[] increments;
        int cursor;
        int remaining;
        Simulator simulator;
        int holdKind;
        BooleanSupplier batchNotDone;

        @Setup(Level.Trial)
        public void fill() {
            increments = exponentialIncrements(20_251_125L);
            simulator = new Simulator(newList(list, pending));
            holdKind = simulator.registerKind("hold", this::hold);
            batchNotDone = () -> remaining-- > 0;
            for (int i = 0; i < pending; i++) {
                simulator.scheduleAt(nextIncrement(), holdKind, i, i);
            }
        }

        long nextIncrement() {
            return increments[cursor++ & (INCREMENTS - 1)];
        }

        void hold(int target, long arg) {
            simulator.scheduleIn(nextIncrement(), holdKind, target, arg);
        }
    }

    @Benchmark
    public long listHold(ListHold s) {
        EventList list = s.events;
        list.pop();
        long t = list.time() + s.increments[s.cursor++ & (INCREMENTS - 1)];
        return list.schedule(t, list.kind(), list.target(), list.arg());
    }

    @Benchmark
    @OperationsPerInvocation(SIMULATOR_BATCH)
    public long simulatorHold(SimulatorHold s) {
        s.remaining = SIMULATOR_BATCH;
        return s.simulator.runWhile(s.batchNotDone, Simulator.NEVER);
    }
}
