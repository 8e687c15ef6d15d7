package org.speedsim.cli;

import org.speedsim.scenarios.LoadedScenario;

/**
 * Refuses impossible sizes before any work starts: replications beyond the scenario format's own cap
 * ({@link LoadedScenario#MAX_REPLICATIONS}), experiments of more than {@value #MAX_RUNS} runs, and experiments whose
 * bookkeeping (a loaded scenario per point, the metrics of every run) would not fit in the Java heap.
 */
final class Sizes {

    /** The most runs (points times replications) one experiment may have. */
    static final long MAX_RUNS = 10_000_000;
    /** Heap held per point or variant for the whole experiment: its loaded scenario and resolved YAML. */
    static final long BYTES_PER_POINT = 48 * 1024;
    /** Heap held per run for the whole experiment: its metrics read back from summary.json and its status. */
    static final long BYTES_PER_RUN = 8 * 1024;
    /** Share of the heap the bookkeeping may take; the rest is for the simulations themselves. */
    static final double HEAP_SHARE = 0.5;

    private Sizes() {
    }

    /** Refuses {@code --replications} below 1 or above {@link LoadedScenario#MAX_REPLICATIONS}; null is fine. */
    static void checkReplications(Integer replications) throws UserInputException {
        if (replications == null) {
            return;
        }
        if (replications < 1) {
            throw new UserInputException("--replications must be at least 1: " + replications);
        }
        if (replications > LoadedScenario.MAX_REPLICATIONS) {
            throw new UserInputException("--replications must be at most " + LoadedScenario.MAX_REPLICATIONS
                    + " (the same cap as a scenario's replications): " + replications);
        }
    }

    /**
     * Refuses an experiment of {@code points} points (variants, grid points, evaluations) of {@code replications}
     * runs each when it has more than {@value #MAX_RUNS} runs or its bookkeeping needs more than half the heap.
     * {@code what} names it for the message ({@code "sweep grid"}); {@code fix} says how to ask for less.
     */
    static void checkExperiment(String what, long points, long replications, String fix) throws UserInputException {
        checkExperiment(what, points, replications, fix, Runtime.getRuntime().maxMemory());
    }

    static void checkExperiment(String what, long points, long replications, String fix, long maxHeap)
            throws UserInputException {
        long runs = multiply(points, replications);
        String size = what + " of " + points + " points x " + replications + " replications = " + runs + " runs";
        if (runs > MAX_RUNS) {
            throw new UserInputException(size + " is more than the " + MAX_RUNS + " runs one experiment may have; "
                    + fix);
        }
        long need = multiply(points, BYTES_PER_POINT) + multiply(runs, BYTES_PER_RUN);
        if (need > maxHeap * HEAP_SHARE) {
            throw new UserInputException(size + " needs about " + mebibytes(need) + " MiB of memory to keep track of, "
                    + "more than half of Java's " + mebibytes(maxHeap) + " MiB; " + fix + ", or give Java more "
                    + "memory (" + OutOfMemory.HINT + ")");
        }
    }

    /** The number of points of a full grid with these numbers of values per parameter, saturating. */
    static long product(Iterable<Integer> sizes) {
        long n = 1;
        for (int s : sizes) {
            n = multiply(n, s);
        }
        return n;
    }

    private static long multiply(long a, long b) {
        long r = a * b;
        return a != 0 && (r / a != b || r < 0) ? Long.MAX_VALUE : r;
    }

    private static long mebibytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
