package org.speedsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * A distributed engine that runs the replications of {@code compare}, {@code sweep} and {@code tune} elsewhere
 * ({@code --engine NAME}): found with {@link java.util.ServiceLoader}, so the command line never depends on one. Each
 * {@link RemoteRun} is run where the engine likes and its files come back as bytes; the command line writes them into
 * the experiment's directory as a local run would.
 */
public interface ClusterEngine {

    /** The value of {@code --engine} that selects it. */
    String name();

    /**
     * Connects to {@code master} (null: the engine's default, for example what {@code spark-submit} was given);
     * {@code notes} gets one-line remarks for the user.
     *
     * @throws IllegalArgumentException when the master is not understood or cannot be reached
     */
    Session open(String master, PrintWriter notes);

    /** A connection to a cluster, kept for one command. */
    interface Session extends AutoCloseable {

        /**
         * Runs every run, each as one task, calling {@code listener} as they start and finish; {@link
         * Listener#finished} is called on the thread that called this method, one result at a time. Returns when
         * every run has been delivered.
         *
         * @throws IllegalStateException when the cluster gave up (the runs not delivered did not run)
         */
        void run(List<RemoteRun> runs, Listener listener) throws InterruptedException;

        /**
         * Writes the tidy table {@code csv} (a {@link ResultsTable}: variant, parameters, replication, directory,
         * metrics) as a Parquet file {@code parquet}, with the engine's own writer.
         */
        void writeParquet(Path csv, Path parquet) throws IOException;

        @Override
        void close();
    }

    /** Told about the runs of {@link Session#run}. */
    interface Listener {
        /** Run {@code task} started on some machine (perhaps again, after its executor was lost). */
        void started(int task);

        /** Run {@code result.task()} is over. */
        void finished(RemoteRun.Result result);
    }
}
