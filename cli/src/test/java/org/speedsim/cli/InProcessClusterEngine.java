package org.speedsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link ClusterEngine} for the cli's tests ({@code --engine in-process}): runs each {@link RemoteRun} on the
 * calling thread, in reverse order (as a cluster may deliver them), and replaces the result of task
 * {@link #failTask} with a model failure.
 */
public final class InProcessClusterEngine implements ClusterEngine {

    /** The task whose run fails, or -1. */
    static volatile int failTask = -1;

    @Override
    public String name() {
        return "in-process";
    }

    @Override
    public Session open(String master, PrintWriter notes) {
        return new Session() {
            @Override
            public void run(List<RemoteRun> runs, Listener listener) {
                for (int i = runs.size() - 1; i >= 0; i--) {
                    RemoteRun run = runs.get(i);
                    listener.started(run.task());
                    listener.finished(run.task() == failTask
                            ? new RemoteRun.Result(run.task(), null, new IllegalStateException("the model broke"))
                            : run.execute());
                }
            }

            @Override
            public void writeParquet(Path csv, Path parquet) throws IOException {
                java.nio.file.Files.copy(csv, parquet);
            }

            @Override
            public void close() {
            }
        };
    }
}
