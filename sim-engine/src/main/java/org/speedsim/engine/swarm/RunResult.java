package org.speedsim.engine.swarm;

import java.util.List;

/**
 * Everything one run produced: its summary, one record per peer (by peer id), the sampled time series and, at the
 * same sample times, the distribution of online copies over pieces.
 */
public record RunResult(SwarmConfig config, RunSummary summary, List<PeerRecord> peers, TimeSeries timeSeries,
                        PieceCopyDistribution pieceCopies, double wallSeconds) {
    public RunResult {
        peers = List.copyOf(peers);
    }
}
