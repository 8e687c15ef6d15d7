package org.speedsim.engine.swarm.internal;

import org.speedsim.engine.swarm.ProgressListener;

/**
 * Tells a {@link ProgressListener} how far a run is, each time the simulated clock passes the next multiple of
 * {@code everyMicros}. Observed after events, never scheduled, so a progress display cannot change the run.
 */
final class ProgressReporter {

    private final SwarmState state;
    private final ProgressListener listener;
    private final long everyMicros;
    /** Simulated time at which the listener is told next. */
    private long nextAt;

    ProgressReporter(SwarmState state, ProgressListener listener, long everyMicros) {
        this.state = state;
        this.listener = listener;
        this.everyMicros = everyMicros;
    }

    /** Whether it reports during the run (an interval was given), not only at its end. */
    boolean periodic() {
        return everyMicros > 0;
    }

    /** After an event: reports if the clock reached the next multiple of the interval. */
    void afterEvent() {
        long now = state.sim.now();
        if (now >= nextAt) {
            nextAt = (now / everyMicros + 1) * everyMicros;
            report(now);
        }
    }

    /** Reports the state at {@code now}. */
    void report(long now) {
        SwarmState s = state;
        if (s.cfg.stopWhenAllComplete()) {
            // when the run stops at the last completion, how far it is: arrived leechers no longer downloading
            listener.leechersDone(Math.max(0, s.arrivalsDone - s.leechersOnline), s.arrivalTimes.length);
        }
        listener.progress(now, s.cfg.durationMicros(), s.onlineCount, s.sim.eventsProcessed());
    }
}
