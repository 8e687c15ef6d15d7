package org.speedsim.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drives every {@link EventList} implementation and the {@link ReferenceEventList} through the same random
 * operation sequences (schedule, pop, cancel, reschedule earlier / later / to the same time, stale and forged
 * handles, growth from the smallest capacity, draining to empty and refilling so slots are recycled) and demands
 * identical answers after every operation.
 */
class EventListModelTest {

    static Stream<Named<IntFunction<EventList>>> implementations() {
        return EventListImplementations.all();
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void matchesReferenceModelOnRandomOperationSequences(IntFunction<EventList> factory) {
        for (long seed = 1; seed <= 200; seed++) {
            new Run(factory.apply(1), RandomGeneratorFactory.of("L64X128MixRandom").create(seed), seed).go(2000);
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void matchesReferenceModelWithManyTiesAndLargeSize(IntFunction<EventList> factory) {
        for (long seed = 1; seed <= 2; seed++) {
            Run run = new Run(factory.apply(16), RandomGeneratorFactory.of("L64X128MixRandom").create(seed), seed);
            run.timeSpread = 3;
            run.phaseLength = 15_000;
            run.go(45_000);
        }
    }

    /** The same sequences far from time zero, so no time is ever negative (a list may compare faster then). */
    @ParameterizedTest
    @MethodSource("implementations")
    void matchesReferenceModelWhenNoTimeIsNegative(IntFunction<EventList> factory) {
        for (long seed = 1; seed <= 200; seed++) {
            Run run = new Run(factory.apply(1), RandomGeneratorFactory.of("L64X128MixRandom").create(seed), seed);
            run.base = 1L << 40;
            run.go(2000);
        }
        Run run = new Run(factory.apply(16), RandomGeneratorFactory.of("L64X128MixRandom").create(7), 7);
        run.base = 1L << 40;
        run.timeSpread = 3;
        run.phaseLength = 15_000;
        run.go(45_000);
    }

    /** A set of handles with O(1) add, remove and pick by index. */
    private static final class HandlePool {
        private long[] items = new long[64];
        private final Map<Long, Integer> index = new HashMap<>();
        private int size;

        void add(long h) {
            if (index.containsKey(h)) {
                return;
            }
            if (size == items.length) {
                items = Arrays.copyOf(items, 2 * size);
            }
            index.put(h, size);
            items[size++] = h;
        }

        boolean remove(long h) {
            Integer i = index.remove(h);
            if (i == null) {
                return false;
            }
            long last = items[--size];
            if (i != size) {
                items[i] = last;
                index.put(last, i);
            }
            return true;
        }

        long get(int i) {
            return items[i];
        }

        int size() {
            return size;
        }
    }

    /** One random operation sequence against the model. */
    private static final class Run {
        private final EventList list;
        private final ReferenceEventList model = new ReferenceEventList();
        private final RandomGenerator rng;
        private final long seed;
        private final HandlePool live = new HandlePool();
        private final HandlePool stale = new HandlePool();
        private final Set<Long> everHandedOut = new HashSet<>();
        private long base;
        int timeSpread = 40;
        int phaseLength = 400;
        private int step;

        Run(EventList list, RandomGenerator rng, long seed) {
            this.list = list;
            this.rng = rng;
            this.seed = seed;
        }

        void go(int steps) {
            boolean growing = true;
            for (step = 0; step < steps; step++) {
                if (step % phaseLength == 0) {
                    growing = rng.nextInt(3) != 0;
                }
                int op = rng.nextInt(100);
                int scheduleShare = growing ? 55 : 20;
                if (op < scheduleShare) {
                    schedule();
                } else if (op < scheduleShare + 25) {
                    pop();
                } else if (op < scheduleShare + 32) {
                    cancel(pick(true));
                } else if (op < scheduleShare + 39) {
                    reschedule(pick(true));
                } else if (op < scheduleShare + 42) {
                    cancel(pick(false));
                } else if (op < scheduleShare + 44) {
                    reschedule(pick(false));
                } else {
                    forgedHandles();
                }
                compareState();
            }
            while (model.size() > 0) {
                pop();
                compareState();
            }
            pop();
            for (int i = 0; i < stale.size(); i++) {
                assertFalse(list.isPending(stale.get(i)), where("stale handle pending at end"));
            }
        }

        private long time() {
            int r = rng.nextInt(50);
            if (r == 0) {
                return Long.MAX_VALUE;
            }
            if (r == 1) {
                return base - 1 - rng.nextInt(10);
            }
            return base + rng.nextInt(timeSpread);
        }

        private void schedule() {
            long t = time();
            int kind = rng.nextInt(8);
            int target = rng.nextInt();
            long arg = rng.nextLong();
            long h = list.schedule(t, kind, target, arg);
            assertTrue(h != EventList.NO_HANDLE, where("NO_HANDLE handed out"));
            assertTrue(everHandedOut.add(h), where("handle " + h + " handed out twice"));
            model.schedule(h, t, kind, target, arg);
            live.add(h);
        }

        private void pop() {
            ReferenceEventList.Event expected = model.pop();
            boolean popped = list.pop();
            assertEquals(expected != null, popped, where("pop result"));
            if (expected == null) {
                return;
            }
            assertEquals(expected.time(), list.time(), where("time"));
            assertEquals(expected.kind(), list.kind(), where("kind"));
            assertEquals(expected.target(), list.target(), where("target"));
            assertEquals(expected.arg(), list.arg(), where("arg"));
            if (expected.time() != Long.MAX_VALUE) {
                base = Math.max(base, expected.time());
            }
            long h = model.lastPoppedHandle();
            assertFalse(list.isPending(h), where("popped handle still pending"));
            live.remove(h);
            stale.add(h);
        }

        private long pick(boolean fromLive) {
            HandlePool from = fromLive ? live : stale;
            if (from.size() == 0) {
                return EventList.NO_HANDLE;
            }
            return from.get(rng.nextInt(from.size()));
        }

        private void cancel(long h) {
            assertEquals(model.cancel(h), list.cancel(h), where("cancel " + h));
            if (live.remove(h)) {
                stale.add(h);
            }
        }

        private void reschedule(long h) {
            long t;
            int how = rng.nextInt(3);
            if (how == 0 || !model.isPending(h)) {
                t = time();
            } else {
                t = base + (how == 1 ? -rng.nextInt(5) : rng.nextInt(2 * timeSpread));
            }
            assertEquals(model.reschedule(h, t), list.reschedule(h, t), where("reschedule " + h));
        }

        private void forgedHandles() {
            for (long h : new long[] {pick(true), pick(false)}) {
                if (h == EventList.NO_HANDLE) {
                    continue;
                }
                long nextGeneration = h + (1L << 32);
                long previousGeneration = h - (1L << 32);
                for (long f : new long[] {nextGeneration, previousGeneration}) {
                    if (!model.isPending(f)) {
                        assertFalse(list.isPending(f), where("forged handle pending"));
                        assertFalse(list.cancel(f), where("forged handle cancelled"));
                        assertFalse(list.reschedule(f, base), where("forged handle rescheduled"));
                    }
                }
            }
            for (long f : new long[] {EventList.NO_HANDLE, Long.MIN_VALUE, Integer.MAX_VALUE, 1L << 31}) {
                assertFalse(list.isPending(f), where("absurd handle pending"));
                assertFalse(list.cancel(f), where("absurd handle cancelled"));
                assertFalse(list.reschedule(f, base), where("absurd handle rescheduled"));
            }
        }

        private void compareState() {
            assertEquals(model.size(), list.size(), where("size"));
            assertEquals(model.size() == 0, list.isEmpty(), where("isEmpty"));
            assertEquals(model.peekTime(), list.peekTime(), where("peekTime"));
            if (live.size() > 0) {
                long h = pick(true);
                assertTrue(list.isPending(h), where("live handle not pending"));
            }
            if (stale.size() > 0) {
                long h = pick(false);
                assertFalse(list.isPending(h), where("stale handle pending"));
            }
        }

        private String where(String what) {
            return what + " (seed " + seed + ", step " + step + ", size " + model.size() + ")";
        }
    }
}
