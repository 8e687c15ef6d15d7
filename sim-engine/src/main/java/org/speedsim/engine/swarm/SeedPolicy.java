package org.speedsim.engine.swarm;

/**
 * How a seed ranks the interested neighbours competing for its regular slots (a seed receives nothing, so it cannot
 * reciprocate): a choking policy that serves seeds takes one of these.
 */
public enum SeedPolicy {
    /** Longest unserved first: the neighbour whose service ended longest ago goes first, one just served last. */
    ROUND_ROBIN,
    /** By bytes sent to each over the rate window, fastest first (mainline's older rule; the white paper's). */
    UPLOAD_RATE
}
