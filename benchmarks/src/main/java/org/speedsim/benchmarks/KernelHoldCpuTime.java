package org.speedsim.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.speedsim.engine.kernel.EventList;

/**
 * The hold model of {@link KernelHoldBenchmark}, timed by the thread's CPU time instead of wall-clock time, for
 * machines shared with other work where JMH's wall-clock throughput mostly measures the other work. It reports the
 * median CPU nanoseconds per hold over several rounds, and the holds per CPU-second that follow. CPU time still
 * includes cache and memory-bus contention, so on a busy machine it is a pessimistic estimate of an idle one.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.speedsim.benchmarks.KernelHoldCpuTime
 * [list|simulator] [4-ary|binary] [pending] [holds per round]}, e.g. {@code list 4-ary 10000 3000000}. One event
 * list per JVM, so the call sites stay monomorphic as in a real run.
 */
public final class KernelHoldCpuTime {

    private static final int WARMUP_ROUNDS = 3;
    private static final int ROUNDS = 7;

    private KernelHoldCpuTime() {
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "list";
        String implementation = args.length > 1 ? args[1] : "4-ary";
        int pending = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        long holdsPerRound = args.length > 3 ? Long.parseLong(args[3]) : 3_000_000L;
        double[] nanosPerHold = switch (mode) {
            case "list" -> listHolds(implementation, pending, holdsPerRound);
            case "simulator" -> simulatorHolds(implementation, pending, holdsPerRound);
            default -> throw new IllegalArgumentException("mode must be list or simulator: " + mode);
        };
        Arrays.sort(nanosPerHold);
        double median = nanosPerHold[ROUNDS / 2];
        System.out.printf("%s list=%s pending=%d: median %.1f CPU ns/hold = %.2f M holds per CPU-second"
                        + " (rounds %.1f..%.1f ns)%n",
                mode, implementation, pending, median, 1e3 / median, nanosPerHold[0], nanosPerHold[ROUNDS - 1]);
    }

    private static double[] listHolds(String implementation, int pending, long holdsPerRound) {
        long[] increments = KernelHoldBenchmark.exponentialIncrements(20_251_125L);
        int mask = increments.length - 1;
        EventList list = KernelHoldBenchmark.newList(implementation, pending);
        int cursor = 0;
        for (int i = 0; i < pending; i++) {
            list.schedule(increments[cursor++ & mask], 0, i, i);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] nanosPerHold = new double[ROUNDS];
        long checksum = 0;
        for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (long k = 0; k < holdsPerRound; k++) {
                list.pop();
                long t = list.time() + increments[cursor++ & mask];
                checksum += list.schedule(t, list.kind(), list.target(), list.arg());
            }
            long cpu = threads.getCurrentThreadCpuTime() - start;
            if (round >= 0) {
                nanosPerHold[round] = (double) cpu / holdsPerRound;
            }
        }
        if (checksum == 42) {
            System.out.println("checksum " + checksum);
        }
        return nanosPerHold;
    }

    private static double[] simulatorHolds(String implementation, int pending, long holdsPerRound) {
        KernelHoldBenchmark.SimulatorHold state = new KernelHoldBenchmark.SimulatorHold();
        state.pending = pending;
        state.list = implementation;
        state.fill();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] nanosPerHold = new double[ROUNDS];
        for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (long k = 0; k < holdsPerRound; k += KernelHoldBenchmark.SIMULATOR_BATCH) {
                state.remaining = KernelHoldBenchmark.SIMULATOR_BATCH;
                state.simulator.runWhile(state.batchNotDone, Long.MAX_VALUE);
            }
            long cpu = threads.getCurrentThreadCpuTime() - start;
            if (round >= 0) {
                nanosPerHold[round] = (double) cpu / holdsPerRound;
            }
        }
        return nanosPerHold;
    }
}
