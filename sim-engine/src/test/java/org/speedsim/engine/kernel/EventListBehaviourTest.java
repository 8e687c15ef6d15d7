package org.speedsim.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tie order, growth, handle life cycle and allocation of every {@link EventList} implementation. */
class EventListBehaviourTest {

    static Stream<Named<IntFunction<EventList>>> implementations() {
        return EventListImplementations.all();
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void equalTimesPopInSchedulingOrder(IntFunction<EventList> factory) {
        EventList list = factory.apply(16);
        for (int i = 0; i < 1000; i++) {
            list.schedule(i % 2 == 0 ? 50 : 20, 0, i, 0);
        }
        for (int i = 1; i < 1000; i += 2) {
            assertTrue(list.pop());
            assertEquals(20, list.time());
            assertEquals(i, list.target());
        }
        for (int i = 0; i < 1000; i += 2) {
            assertTrue(list.pop());
            assertEquals(50, list.time());
            assertEquals(i, list.target());
        }
        assertFalse(list.pop());
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void rescheduleToTheSameTimeMovesBehindItsTies(IntFunction<EventList> factory) {
        EventList list = factory.apply(16);
        long[] h = new long[5];
        for (int i = 0; i < 5; i++) {
            h[i] = list.schedule(7, 0, i, 0);
        }
        assertTrue(list.reschedule(h[1], 7));
        assertTrue(list.reschedule(h[0], 7));
        assertEquals(Arrays.asList(2, 3, 4, 1, 0), drainTargets(list));
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void rescheduleEarlierJoinsTheEndOfItsNewTies(IntFunction<EventList> factory) {
        EventList list = factory.apply(16);
        long late = list.schedule(100, 0, 9, 0);
        list.schedule(10, 0, 1, 0);
        list.schedule(10, 0, 2, 0);
        list.schedule(5, 0, 0, 0);
        assertTrue(list.reschedule(late, 10));
        list.schedule(10, 0, 3, 0);
        assertEquals(Arrays.asList(0, 1, 2, 9, 3), drainTargets(list));
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void handleDiesWhenItsEventFiresOrIsCancelledAndItsSlotIsReused(IntFunction<EventList> factory) {
        EventList list = factory.apply(16);
        long a = list.schedule(1, 0, 1, 0);
        assertTrue(list.isPending(a));
        assertTrue(list.pop());
        assertFalse(list.isPending(a));
        long b = list.schedule(2, 0, 2, 0);
        assertTrue(b != a, "a recycled slot must not give back the old handle");
        assertFalse(list.cancel(a));
        assertFalse(list.reschedule(a, 0));
        assertTrue(list.isPending(b));
        assertEquals(2, list.peekTime());
        assertTrue(list.cancel(b));
        assertFalse(list.cancel(b));
        assertFalse(list.isPending(b));
        assertTrue(list.isEmpty());
        assertEquals(Long.MAX_VALUE, list.peekTime());
        assertFalse(list.pop());
        assertFalse(list.isPending(EventList.NO_HANDLE));
        assertFalse(list.cancel(EventList.NO_HANDLE));
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void growsFarBeyondItsInitialCapacityKeepingOrderAndHandles(IntFunction<EventList> factory) {
        EventList list = factory.apply(16);
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(42);
        int n = 100_000;
        long[] times = new long[n];
        long[] handles = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = rng.nextLong(1_000_000);
            handles[i] = list.schedule(times[i], i & 7, i, -i);
        }
        assertEquals(n, list.size());
        int cancelled = 0;
        for (int i = 0; i < n; i += 3) {
            assertTrue(list.cancel(handles[i]));
            cancelled++;
        }
        assertEquals(n - cancelled, list.size());
        long[] keys = new long[n - cancelled];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (i % 3 != 0) {
                keys[k++] = times[i] * n + i;
            }
        }
        Arrays.sort(keys);
        for (long key : keys) {
            assertTrue(list.pop());
            int i = (int) (key % n);
            assertEquals(times[i], list.time());
            assertEquals(i, list.target());
            assertEquals(i & 7, list.kind());
            assertEquals(-i, list.arg());
        }
        assertTrue(list.isEmpty());
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void holdLoopAllocatesNothing(IntFunction<EventList> factory) {
        EventList list = factory.apply(1 << 12);
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(7);
        long[] increments = new long[1 << 12];
        for (int i = 0; i < increments.length; i++) {
            increments[i] = 1 + rng.nextLong(1000);
        }
        long[] handles = new long[1000];
        for (int i = 0; i < 1000; i++) {
            handles[i] = list.schedule(increments[i], 0, i, 0);
        }
        hold(list, increments, handles, 50_000);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        long checksum = hold(list, increments, handles, 200_000);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(checksum != 0);
        assertTrue(allocated < 1024, "schedule/pop/reschedule/cancel allocated " + allocated + " bytes");
    }

    private static long hold(EventList list, long[] inc, long[] handles, int ops) {
        long checksum = 0;
        int mask = inc.length - 1;
        for (int i = 0; i < ops; i++) {
            list.pop();
            checksum += list.time() ^ list.target();
            long t = list.time() + inc[i & mask];
            handles[list.target()] = list.schedule(t, 0, list.target(), 0);
            int victim = i % handles.length;
            if ((i & 15) == 0) {
                list.reschedule(handles[victim], t + inc[(i + 1) & mask]);
            } else if ((i & 15) == 1 && list.cancel(handles[victim])) {
                handles[victim] = list.schedule(t, 0, victim, 0);
            }
        }
        return checksum;
    }

    private static java.util.List<Integer> drainTargets(EventList list) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        while (list.pop()) {
            out.add(list.target());
        }
        return out;
    }
}
