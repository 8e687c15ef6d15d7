package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.speedsim.cli.ReplicationRunner.Done;
import org.speedsim.cli.ReplicationRunner.Failed;
import org.speedsim.cli.ReplicationRunner.Outcome;
import org.speedsim.cli.ReplicationRunner.Skipped;

class ReplicationRunnerTest {

    /** Work whose result depends only on the index, but whose duration varies so threads finish out of order. */
    private static long work(int index) {
        SplittableRandom rng = new SplittableRandom(index);
        long acc = 0;
        int n = 1000 + rng.nextInt(200_000);
        for (int i = 0; i < n; i++) {
            acc += rng.nextLong();
        }
        return acc;
    }

    @Test
    void resultsAreInIndexOrderAndIndependentOfThreads() throws Exception {
        List<Long> expected = null;
        for (int threads = 1; threads <= 4; threads++) {
            Outcome<Long> o = new ReplicationRunner(threads).run(25, ReplicationRunnerTest::work);
            assertTrue(o.allDone());
            List<Long> values = o.done().stream().map(Done::value).toList();
            for (int i = 0; i < 25; i++) {
                assertEquals(i, o.statuses().get(i).index());
            }
            if (expected == null) {
                expected = values;
            }
            assertEquals(expected, values, "threads " + threads);
        }
    }

    @Test
    void neverRunsMoreTasksAtOnceThanThreads() throws Exception {
        for (int threads = 1; threads <= 3; threads++) {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger();
            new ReplicationRunner(threads).run(12, i -> {
                int now = running.incrementAndGet();
                peak.accumulateAndGet(now, Math::max);
                work(i);
                Thread.sleep(2);
                running.decrementAndGet();
                return i;
            });
            assertTrue(peak.get() <= threads, "peak " + peak.get() + " with " + threads + " threads");
        }
    }

    @Test
    void usesSeveralThreadsWhenAsked() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        Outcome<Boolean> o = new ReplicationRunner(2).run(2, i -> {
            both.countDown();
            return both.await(30, TimeUnit.SECONDS);
        });
        assertTrue(o.done().stream().allMatch(Done::value), "two tasks ran at the same time");
    }

    @Test
    void aFailureStopsNewTasksAndIsReported() throws Exception {
        Outcome<Integer> o = new ReplicationRunner(1).run(6, i -> {
            if (i == 2) {
                throw new IllegalStateException("boom " + i);
            }
            return i * 10;
        });
        assertEquals(6, o.statuses().size());
        assertInstanceOf(Done.class, o.statuses().get(0));
        assertInstanceOf(Done.class, o.statuses().get(1));
        Failed<?> f = assertInstanceOf(Failed.class, o.statuses().get(2));
        assertEquals("boom 2", f.error().getMessage());
        for (int i = 3; i < 6; i++) {
            assertInstanceOf(Skipped.class, o.statuses().get(i));
        }
        assertEquals(List.of(0, 10), o.done().stream().map(Done::value).toList());
        assertEquals(1, o.failures().size());
    }

    @Test
    void errorsBecomeFailuresToo() throws Exception {
        Outcome<Integer> o = new ReplicationRunner(2).run(2, i -> {
            throw new StackOverflowError("deep");
        });
        assertEquals(2, o.failures().size() + o.statuses().stream().filter(s -> s instanceof Skipped).count());
        assertTrue(o.failures().size() >= 1);
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new ReplicationRunner(0));
        assertThrows(IllegalArgumentException.class, () -> new ReplicationRunner(1).run(-1, i -> i));
    }
}
