package org.speedsim.engine.swarm;

import java.util.Map;

/**
 * The headline figures of one run.
 *
 * @param swarmDeathMicros first moment no seed was online and the online peers together lacked a piece; -1 when the
 *                         swarm was still alive at the end (censored)
 * @param downloadP50Seconds median download time of the leechers that completed (NaN when none did)
 * @param invariantsOk     whether every conservation check of the run held
 * @param extra            fields contributed by extensions (such as Speed's token totals)
 */
public record RunSummary(String scenario, long seed, int replication, long simulatedMicros, long events,
                         int peersArrived, int peersCompleted, double downloadP50Seconds, double downloadP90Seconds,
                         double downloadMeanSeconds, long swarmDeathMicros, long bytesUploaded, long bytesDownloaded,
                         long duplicateBytes, long pieceTransfers, long overheadBytes, boolean invariantsOk,
                         Map<String, Object> extra) {
    public RunSummary {
        extra = Map.copyOf(extra);
    }

    public boolean swarmDied() {
        return swarmDeathMicros >= 0;
    }
}
