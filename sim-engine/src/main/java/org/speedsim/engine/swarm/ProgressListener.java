package org.speedsim.engine.swarm;

/** Told about a running swarm every so many simulated seconds (for progress bars); must be cheap. */
@FunctionalInterface
public interface ProgressListener {
    void progress(long nowMicros, long durationMicros, int peersOnline, long events);

    /**
     * Told just before {@link #progress} when the run stops as soon as every leecher is done: of the {@code expected}
     * scheduled arrivals, {@code done} have arrived and are no longer downloading (completed or left). The end of
     * such a run is when {@code done} reaches {@code expected}, usually long before the scenario's duration.
     */
    default void leechersDone(int done, int expected) {
    }
}
