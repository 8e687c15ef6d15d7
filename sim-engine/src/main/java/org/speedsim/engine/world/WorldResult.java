package org.speedsim.engine.world;

import java.util.List;
import java.util.Objects;
import org.speedsim.engine.swarm.TimeSeries;

/**
 * Everything one world run produced: its summary, one record per torrent (by id), per user (by id) and per request
 * (in the order they were made), and the world's time series (columns {@link WorldColumns#SERIES}).
 *
 * @param wallSeconds wall-clock time of the run (not part of any deterministic output)
 */
public record WorldResult(WorldRunConfig config, WorldSummary summary, List<TorrentRecord> torrents,
                          List<UserRecord> users, List<RequestRecord> requests, TimeSeries series,
                          double wallSeconds) {
    public WorldResult {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(summary, "summary");
        torrents = List.copyOf(torrents);
        users = List.copyOf(users);
        requests = List.copyOf(requests);
        Objects.requireNonNull(series, "series");
    }
}
