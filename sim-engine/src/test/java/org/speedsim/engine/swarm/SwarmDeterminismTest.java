package org.speedsim.engine.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.swarm.Distribution.Uniform;

/** Same seed, same run; another seed, another run; another strategy, same arrivals and bandwidths. */
class SwarmDeterminismTest {

    private static SwarmConfig config(long seed, ChokingPolicy.Factory choking) {
        PeerClass varied = new PeerClass("varied", 1.0, new Uniform(50_000, 500_000), new Uniform(500_000, 2e6));
        return SwarmConfig.builder("det").seed(seed).file(new FileSpec(6L << 20, 256 * 1024))
                .peerClasses(List.of(varied))
                .clients(List.of(new ClientSpec("c", 1.0, false, choking, Configs.FirstFoundPicker::new,
                        Configs.seedExponential(60 * Configs.S))))
                .arrivals(new ArrivalProcess.Poisson(0.2, 0, 600 * Configs.S))
                .initialSeeds(List.of(new InitialSeeds(1, "varied", "c", 400 * Configs.S)))
                .durationMicros(900 * Configs.S).sampleIntervalMicros(10 * Configs.S).build();
    }

    @Test
    void sameSeedGivesIdenticalRecordsAndTimeSeries() {
        RunResult a = new Swarm(config(7, Configs.ReciprocatingChoker::new)).run();
        RunResult b = new Swarm(config(7, Configs.ReciprocatingChoker::new)).run();
        assertEquals(a.peers(), b.peers());
        assertEquals(a.timeSeries(), b.timeSeries());
        assertEquals(a.summary(), b.summary());
        assertTrue(a.summary().peersCompleted() > 10);
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        RunResult a = new Swarm(config(7, Configs.ReciprocatingChoker::new)).run();
        RunResult c = new Swarm(config(8, Configs.ReciprocatingChoker::new)).run();
        assertNotEquals(a.peers(), c.peers());
        assertNotEquals(a.timeSeries(), c.timeSeries());
    }

    /** A choker that unchokes the lowest peer ids: a different strategy that draws no random numbers at all. */
    private static final class LowestIdsFirst implements ChokingPolicy {
        LowestIdsFirst(int peer) {
        }

        @Override
        public void rechoke(RechokeView v) {
            int n = v.candidates();
            boolean[] used = new boolean[n];
            for (int s = 0; s < Math.min(n, v.regularSlots() + 1); s++) {
                int best = -1;
                for (int i = 0; i < n; i++) {
                    if (!used[i] && (best < 0 || v.peer(i) < v.peer(best))) {
                        best = i;
                    }
                }
                used[best] = true;
                if (s < v.regularSlots()) {
                    v.unchoke(best);
                } else {
                    v.unchokeOptimistic(best);
                }
            }
        }
    }

    @Test
    void changingTheChokingPolicyKeepsArrivalsAndBandwidths() {
        RunResult tft = new Swarm(config(11, Configs.ReciprocatingChoker::new)).run();
        RunResult other = new Swarm(config(11, LowestIdsFirst::new)).run();
        assertEquals(tft.peers().size(), other.peers().size());
        boolean differentOutcome = false;
        for (int i = 0; i < tft.peers().size(); i++) {
            PeerRecord x = tft.peers().get(i);
            PeerRecord y = other.peers().get(i);
            assertEquals(x.peer(), y.peer());
            assertEquals(x.arrivalMicros(), y.arrivalMicros(), "arrival of peer " + i);
            assertEquals(x.uploadBytesPerSecond(), y.uploadBytesPerSecond(), "upload of peer " + i);
            assertEquals(x.downloadBytesPerSecond(), y.downloadBytesPerSecond(), "download of peer " + i);
            assertEquals(x.peerClass(), y.peerClass());
            differentOutcome |= x.completionMicros() != y.completionMicros();
        }
        assertTrue(differentOutcome, "the strategies differ, so some completion times must differ");
    }
}
