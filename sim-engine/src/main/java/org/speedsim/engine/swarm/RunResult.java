package org.speedsim.engine.swarm;

import java.util.List;

/** Everything one run produced: its summary, one record per peer (by peer id) and the sampled time series. */
public record RunResult(SwarmConfig config, RunSummary summary, List<PeerRecord> peers, TimeSeries timeSeries,
                        double wallSeconds) {
    public RunResult {
        peers = List.copyOf(peers);
    }
}
