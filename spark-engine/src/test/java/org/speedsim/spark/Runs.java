package org.speedsim.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Watches an experiment directory fill up with complete runs (a run is complete when its summary exists). */
final class Runs {

    private Runs() {
    }

    /** How many runs under {@code dir} are complete. */
    static int complete(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return (int) paths.filter(p -> p.getFileName().toString().equals("summary.json")).count();
        }
    }

    /**
     * Waits until at least {@code count} runs are complete (or {@code worker}, when given, has ended); returns how
     * many are.
     */
    static int awaitComplete(Path dir, int count, Thread worker) throws IOException, InterruptedException {
        long end = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < end) {
            int done = complete(dir);
            if (done >= count || (worker != null && !worker.isAlive())) {
                return done;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("fewer than " + count + " runs complete in " + dir + " after 5 minutes");
    }
}
