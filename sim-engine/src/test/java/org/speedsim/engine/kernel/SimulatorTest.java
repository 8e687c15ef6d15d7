package org.speedsim.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/** The run loop of {@link Simulator}: clock, ordering, deadlines, stop conditions and kind dispatch. */
class SimulatorTest {

    private static final EventHandler IGNORE = (target, arg) -> { };

    /** Event-end hooks run before the first event of a run and after every event, at that event's instant. */
    @Test
    void eventEndHooksRunAfterEveryEventBeforeTheClockMoves() {
        Simulator sim = new Simulator();
        List<String> log = new ArrayList<>();
        int kind = sim.registerKind("e", (target, arg) -> {
            log.add("event " + target + " at " + sim.now());
            if (target == 1) {
                sim.scheduleNow(0, 3, 0);
            }
        });
        sim.addEventEndHook(() -> log.add("hook at " + sim.now()));
        sim.scheduleAt(10, kind, 1, 0);
        sim.scheduleAt(20, kind, 2, 0);
        sim.runUntil(100);
        assertEquals(List.of("hook at 0", "event 1 at 10", "hook at 10", "event 3 at 10", "hook at 10",
                "event 2 at 20", "hook at 20"), log);
        assertEquals(100, sim.now());
    }

    @Test
    void clockIsMonotoneAndEventsRunInTimeThenSchedulingOrder() {
        for (long seed = 1; seed <= 50; seed++) {
            RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
            Simulator sim = new Simulator(seed % 2 == 0 ? new BinaryHeapEventList(16) : new FourAryHeapEventList(16));
            long[] scheduledAt = new long[20_000];
            int[] issued = {0};
            List<long[]> ran = new ArrayList<>();
            int[] kindHolder = new int[1];
            kindHolder[0] = sim.registerKind("spawn", (target, arg) -> {
                assertEquals(scheduledAt[target], sim.now(), "clock must equal the event's time");
                ran.add(new long[] {sim.now(), target});
                int children = rng.nextInt(3);
                for (int c = 0; c < children && issued[0] < scheduledAt.length; c++) {
                    long delay = rng.nextInt(4) == 0 ? 0 : rng.nextLong(50);
                    int id = issued[0]++;
                    scheduledAt[id] = sim.now() + delay;
                    sim.scheduleIn(delay, kindHolder[0], id, 0);
                }
            });
            for (int i = 0; i < 5; i++) {
                int id = issued[0]++;
                scheduledAt[id] = rng.nextLong(10);
                sim.scheduleAt(scheduledAt[id], kindHolder[0], id, 0);
            }
            long n = sim.runUntil(Simulator.NEVER);
            assertEquals(issued[0], n);
            assertEquals(ran.size(), sim.eventsProcessed());
            for (int i = 1; i < ran.size(); i++) {
                long[] prev = ran.get(i - 1);
                long[] cur = ran.get(i);
                assertTrue(cur[0] >= prev[0], "clock went back");
                if (cur[0] == prev[0]) {
                    assertTrue(cur[1] > prev[1], "equal-time events out of scheduling order");
                }
            }
        }
    }

    @Test
    void schedulingInThePastIsRejected() {
        Simulator sim = new Simulator();
        int k = sim.registerKind("x", IGNORE);
        long h = sim.scheduleAt(500, k, 0, 0);
        sim.runUntil(100);
        assertEquals(100, sim.now());
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(99, k, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleIn(-1, k, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> sim.reschedule(h, 99));
        assertThrows(IllegalArgumentException.class, () -> sim.runUntil(99));
        assertEquals(100, sim.now());
        assertEquals(1, sim.pending());
        sim.scheduleAt(100, k, 0, 0);
        sim.scheduleIn(0, k, 0, 0);
        assertEquals(2, sim.runUntil(100));
    }

    @Test
    void runUntilRunsEventsAtTheDeadlineAndLeavesTheClockThere() {
        Simulator sim = new Simulator();
        List<Long> seen = new ArrayList<>();
        int k = sim.registerKind("x", (target, arg) -> seen.add(sim.now()));
        sim.scheduleAt(10, k, 0, 0);
        sim.scheduleAt(20, k, 0, 0);
        sim.scheduleAt(30, k, 0, 0);
        assertEquals(2, sim.runUntil(20));
        assertEquals(20, sim.now());
        assertEquals(0, sim.runUntil(20));
        assertEquals(0, sim.runUntil(25));
        assertEquals(25, sim.now());
        assertEquals(1, sim.runUntil(1000));
        assertEquals(1000, sim.now());
        assertEquals(List.of(10L, 20L, 30L), seen);
        assertEquals(0, sim.pending());
        assertEquals(3, sim.eventsProcessed());
    }

    @Test
    void runUntilNeverOnAnEmptyListReturnsWithoutReplayingTheLastEvent() {
        Simulator sim = new Simulator();
        int[] calls = {0};
        int k = sim.registerKind("once", (target, arg) -> {
            if (++calls[0] > 1) {
                throw new AssertionError("event replayed");
            }
        });
        sim.scheduleAt(5, k, 0, 0);
        assertEquals(1, sim.runUntil(Simulator.NEVER));
        assertEquals(5, sim.now());
        assertEquals(0, sim.runUntil(Simulator.NEVER));
        assertEquals(5, sim.now());
        assertEquals(1, calls[0]);
    }

    @Test
    void scheduleInPastTheEndOfTimeMeansNever() {
        Simulator sim = new Simulator();
        int k = sim.registerKind("x", IGNORE);
        sim.runUntil(10);
        long h = sim.scheduleIn(Long.MAX_VALUE, k, 0, 0);
        assertEquals(0, sim.runUntil(Long.MAX_VALUE - 1));
        assertTrue(sim.isPending(h));
    }

    @Test
    void runWhileStopsWhenTheConditionTurnsFalse() {
        Simulator sim = new Simulator();
        int[] count = {0};
        int k = sim.registerKind("x", (target, arg) -> count[0]++);
        for (int i = 1; i <= 10; i++) {
            sim.scheduleAt(i * 100L, k, i, 0);
        }
        assertEquals(4, sim.runWhile(() -> count[0] < 4, 5_000));
        assertEquals(400, sim.now(), "a false condition leaves the clock at the last event");
        assertEquals(6, sim.pending());
        assertEquals(0, sim.runWhile(() -> false, 5_000));
        assertEquals(400, sim.now());
        assertEquals(6, sim.runWhile(() -> true, 5_000));
        assertEquals(5_000, sim.now());
    }

    @Test
    void stopFromAHandlerEndsTheRunAfterThatEvent() {
        Simulator sim = new Simulator();
        List<Integer> seen = new ArrayList<>();
        int k = sim.registerKind("x", (target, arg) -> {
            seen.add(target);
            if (arg == 1) {
                sim.stop();
            }
        });
        sim.scheduleAt(10, k, 0, 0);
        sim.scheduleAt(20, k, 1, 1);
        sim.scheduleAt(20, k, 2, 0);
        sim.scheduleAt(30, k, 3, 0);
        assertEquals(2, sim.runUntil(1_000));
        assertEquals(20, sim.now());
        assertEquals(List.of(0, 1), seen);
        sim.stop();
        assertEquals(2, sim.runUntil(1_000), "a stop() before the run is forgotten");
        assertEquals(List.of(0, 1, 2, 3), seen);
        assertEquals(1_000, sim.now());
        assertEquals(4, sim.eventsProcessed());
    }

    @Test
    void kindsDispatchToTheirOwnHandlers() {
        Simulator sim = new Simulator();
        List<String> log = new ArrayList<>();
        int[] kinds = new int[20];
        for (int i = 0; i < kinds.length; i++) {
            String name = "kind" + i;
            kinds[i] = sim.registerKind(name, (target, arg) -> log.add(name + ":" + target + ":" + arg));
            assertEquals(name, sim.kindName(kinds[i]));
        }
        for (int i = kinds.length - 1; i >= 0; i--) {
            sim.scheduleAt(i, kinds[i], 100 + i, -i);
        }
        sim.runUntil(Simulator.NEVER);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            expected.add("kind" + i + ":" + (100 + i) + ":" + (-i));
        }
        assertEquals(expected, log);
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(50, kinds.length, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleIn(5, -1, 0, 0));
        assertThrows(NullPointerException.class, () -> sim.registerKind("null", null));
    }

    @Test
    void cancelledEventsDoNotRunAndRescheduledOnesRunAtTheirNewTime() {
        Simulator sim = new Simulator();
        List<Long> seen = new ArrayList<>();
        int k = sim.registerKind("x", (target, arg) -> seen.add(sim.now() * 10 + target));
        long a = sim.scheduleAt(10, k, 1, 0);
        long b = sim.scheduleAt(20, k, 2, 0);
        long c = sim.scheduleAt(30, k, 3, 0);
        assertTrue(sim.cancel(b));
        assertFalse(sim.cancel(b));
        assertTrue(sim.reschedule(c, 5));
        assertTrue(sim.reschedule(a, 40));
        sim.runUntil(100);
        assertEquals(List.of(53L, 401L), seen);
        assertFalse(sim.isPending(a));
        assertFalse(sim.reschedule(a, 200));
    }

    @Test
    void runLoopAllocatesNothingPerEvent() {
        Simulator sim = new Simulator();
        long[] period = {1, 3, 7, 10, 31};
        int[] kind = new int[1];
        kind[0] = sim.registerKind("tick", (target, arg) -> sim.scheduleIn(period[target], kind[0], target, arg));
        for (int i = 0; i < period.length; i++) {
            sim.scheduleAt(0, kind[0], i, 0);
        }
        sim.runUntil(100_000);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        long events = sim.runUntil(1_000_000);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(events > 100_000);
        assertTrue(allocated < 1024, events + " events allocated " + allocated + " bytes");
    }

    @Test
    void selfReschedulingHandlerRunsAtItsPeriod() {
        Simulator sim = new Simulator();
        int[] kind = new int[1];
        long[] last = {-1};
        kind[0] = sim.registerKind("tick", (target, arg) -> {
            if (last[0] >= 0) {
                assertEquals(last[0] + 7, sim.now());
            }
            last[0] = sim.now();
            sim.scheduleIn(7, kind[0], target, arg);
        });
        sim.scheduleAt(0, kind[0], 0, 0);
        assertEquals(143, sim.runUntil(1_000));
        assertEquals(994, last[0]);
        assertEquals(1, sim.pending());
    }
}
