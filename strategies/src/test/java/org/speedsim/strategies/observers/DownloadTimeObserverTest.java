package org.speedsim.strategies.observers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.swarm.Configs;
import org.speedsim.engine.swarm.PeerRecord;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.Swarm;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.strategies.StrategyArgs;
import org.speedsim.strategies.StrategyRegistry;
import org.speedsim.strategies.choking.TitForTatChoker;
import org.speedsim.strategies.picking.RarestFirstPicker;

/**
 * The observer named through the registry: its quantile equals the one recomputed from the per-peer records
 * (completion minus arrival of every leecher that completed, nearest rank), and observing leaves the run unchanged.
 */
class DownloadTimeObserverTest {

    @Test
    void quantileMatchesThePeerRecordsAndObservingChangesNothing() {
        StrategyRegistry registry = StrategyRegistry.builtIn();
        for (long seed = 1; seed <= 4; seed++) {
            double q = seed * 0.25 - 0.05;
            SwarmConfig plain = Configs.flashCrowd(30, 4L << 20, seed, TitForTatChoker::new, RarestFirstPicker::new);
            SwarmConfig watched = plain.toBuilder().extensions(List.of(registry.observer()
                    .create(DownloadTimeObserver.NAME, new StrategyArgs(Map.of("quantile", q))))).build();
            RunResult a = new Swarm(plain).run();
            RunResult b = new Swarm(watched).run();
            assertEquals(a.peers(), b.peers(), "seed " + seed);
            assertEquals(a.timeSeries(), b.timeSeries());
            Map<String, Object> extra = new HashMap<>(b.summary().extra());
            assertEquals(q, extra.remove(DownloadTimeObserver.QUANTILE_FIELD));
            Object got = extra.remove(DownloadTimeObserver.FIELD);
            assertEquals(a.summary().extra(), extra, "the observer adds only its two fields");

            List<Long> times = new ArrayList<>();
            for (PeerRecord peer : a.peers()) {
                if (!peer.initialSeed() && peer.completionMicros() >= 0) {
                    times.add(peer.completionMicros() - peer.arrivalMicros());
                }
            }
            assertTrue(times.size() >= 20, "enough leechers completed: " + times.size());
            times.sort(null);
            // nearest rank, recomputed by counting: the least time t with at least q n times <= t
            long expected = -1;
            for (long t : times) {
                long atMost = times.stream().filter(x -> x <= t).count();
                if (atMost >= q * times.size()) {
                    expected = t;
                    break;
                }
            }
            assertEquals(expected / 1e6, (double) got, 1e-9, "seed " + seed + ", quantile " + q);
        }
    }
}
