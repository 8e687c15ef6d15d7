package org.speedsim.engine.swarm;

/** Told about a running swarm every so many simulated seconds (for progress bars); must be cheap. */
@FunctionalInterface
public interface ProgressListener {
    void progress(long nowMicros, long durationMicros, int peersOnline, long events);
}
