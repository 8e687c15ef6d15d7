package org.speedsim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent tasks numbered 0..n-1 (the replications of a scenario, or the points of a sweep) on a fixed pool
 * of threads and reports each one's fate in task order.
 *
 * <p>Invariants: at most {@code threads} tasks run at once; each task sees only its own index, so results do not
 * depend on the number of threads or on scheduling; after the first failure no new task starts (those already
 * running finish and are kept), and {@link #run} returns only when no task is running any more.
 */
public final class ReplicationRunner {

    /** The work of one task; runs on a pool thread. */
    @FunctionalInterface
    public interface Task<T> {
        T run(int index) throws Exception;
    }

    /** What became of one task. */
    public sealed interface Status<T> {
        int index();
    }

    /** The task finished with this value. */
    public record Done<T>(int index, T value) implements Status<T> {
    }

    /** The task threw. */
    public record Failed<T>(int index, Throwable error) implements Status<T> {
    }

    /** The task never started because an earlier-finishing task failed. */
    public record Skipped<T>(int index) implements Status<T> {
    }

    /** The fate of every task, in index order. */
    public record Outcome<T>(List<Status<T>> statuses) {
        public Outcome {
            statuses = List.copyOf(statuses);
        }

        public boolean allDone() {
            return statuses.stream().allMatch(s -> s instanceof Done);
        }

        public List<Done<T>> done() {
            List<Done<T>> out = new ArrayList<>();
            for (Status<T> s : statuses) {
                if (s instanceof Done<T> d) {
                    out.add(d);
                }
            }
            return out;
        }

        public List<Failed<T>> failures() {
            List<Failed<T>> out = new ArrayList<>();
            for (Status<T> s : statuses) {
                if (s instanceof Failed<T> f) {
                    out.add(f);
                }
            }
            return out;
        }
    }

    private final int threads;

    /** A runner using at most {@code threads} threads (at least 1). */
    public ReplicationRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        this.threads = threads;
    }

    /** The default number of threads: the available processors. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Runs tasks 0..count-1 and returns their fates in index order. */
    public <T> Outcome<T> run(int count, Task<T> task) throws InterruptedException {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + count);
        }
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, count)), namedThreads());
        try {
            List<Future<Status<T>>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> runOne(index, task, stop)));
            }
            List<Status<T>> statuses = new ArrayList<>(count);
            for (Future<Status<T>> f : futures) {
                try {
                    statuses.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("task wrapper failed", e.getCause());
                }
            }
            return new Outcome<>(statuses);
        } catch (InterruptedException e) {
            stop.set(true);
            pool.shutdownNow();
            throw e;
        } finally {
            pool.shutdown();
        }
    }

    private static <T> Status<T> runOne(int index, Task<T> task, AtomicBoolean stop) {
        if (stop.get()) {
            return new Skipped<>(index);
        }
        try {
            return new Done<>(index, task.run(index));
        } catch (Throwable e) {
            stop.set(true);
            return new Failed<>(index, e);
        }
    }

    private static ThreadFactory namedThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "speedsim-replication-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }
}
