package org.speedsim.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.speedsim.engine.kernel.Simulator;

/**
 * Completion instants worked by hand: a transfer completes at the ceiling, in whole microseconds, of the instant
 * its bytes are delivered at the rates it had, through rate changes, stalls at rate 0, closes and extensions.
 */
class MaxMinNetworkCompletionTest {

    /** Records (time, flow) of every completion; closes a completed flow unless told to extend it. */
    private static final class Recorder {
        final Simulator sim = new Simulator();
        final MaxMinNetwork net = new MaxMinNetwork(sim);
        final List<long[]> done = new ArrayList<>();
        long extendBy;

        Recorder() {
            net.setListener(f -> {
                done.add(new long[] {sim.now(), f});
                if (extendBy > 0) {
                    net.extend(f, extendBy);
                } else {
                    net.close(f);
                }
            });
        }

        void at(long t, Runnable change) {
            int kind = sim.registerKind("change-" + t, (a, b) -> change.run());
            sim.scheduleAt(t, kind, 0, 0);
        }
    }

    @Test
    void twoFlowsSharingAnUplinkThenOneAlone() {
        Recorder r = new Recorder();
        r.net.setCapacity(0, 300, 1e9);
        r.net.setCapacity(1, 1e9, 1e9);
        r.net.setCapacity(2, 1e9, 1e9);
        int a = r.net.open(0, 1, 450);
        int b = r.net.open(0, 2, 900);
        r.sim.runUntil(Simulator.NEVER - 1);
        // 150 B/s each: a done at 3 s; b has 450 left, alone at 300 B/s: 1.5 s more
        assertEquals(2, r.done.size());
        assertEquals(3_000_000, r.done.get(0)[0]);
        assertEquals(a, r.done.get(0)[1]);
        assertEquals(4_500_000, r.done.get(1)[0]);
        assertEquals(b, r.done.get(1)[1]);
    }

    @Test
    void aCompletionBetweenTwoMicrosecondsIsRoundedUp() {
        Recorder r = new Recorder();
        r.net.setCapacity(0, 7, 1e9);
        r.net.setCapacity(1, 1e9, 1e9);
        r.net.setCapacity(2, 1e9, 1e9);
        r.net.open(0, 1, 10);
        r.net.open(0, 2, 10);
        r.sim.runUntil(Simulator.NEVER - 1);
        // 3.5 B/s each: 10 / 3.5 = 2.857142857... s
        assertEquals(2, r.done.size());
        assertEquals(2_857_143, r.done.get(0)[0]);
        assertEquals(2_857_143, r.done.get(1)[0]);
    }

    @Test
    void aCapacityChangeMovesTheCompletion() {
        Recorder r = new Recorder();
        r.net.setCapacity(0, 100, 1e9);
        r.net.setCapacity(1, 1e9, 1e9);
        int f = r.net.open(0, 1, 1_000);
        // 250 B at 100 B/s, then 750 B at 300 B/s: 2.5 s + 2.5 s
        r.at(2_500_000, () -> r.net.setCapacity(0, 300, 1e9));
        r.sim.runUntil(Simulator.NEVER - 1);
        assertEquals(1, r.done.size());
        assertEquals(5_000_000, r.done.get(0)[0]);
        assertEquals(f, r.done.get(0)[1]);
    }

    @Test
    void aStalledTransferHasNoCompletionUntilItMovesAgain() {
        Recorder r = new Recorder();
        r.net.setCapacity(0, 100, 1e9);
        r.net.setCapacity(1, 1e9, 1e9);
        int f = r.net.open(0, 1, 1_000);
        // 400 B by 4 s, stalled until 10 s (its completion was due at 10 s), then 600 B at 200 B/s
        r.at(4_000_000, () -> r.net.setCapacity(0, 0, 1e9));
        r.at(10_000_000, () -> {
            assertEquals(400, r.net.delivered(f));
            r.net.setCapacity(0, 200, 1e9);
        });
        r.sim.runUntil(Simulator.NEVER - 1);
        assertEquals(1, r.done.size(), "completions at " + r.done.stream().map(d -> d[0]).toList());
        assertEquals(13_000_000, r.done.get(0)[0]);
    }

    @Test
    void anExtendedTransferCompletesAgainAtItsOwnRate() {
        Recorder r = new Recorder();
        r.extendBy = 250;
        r.net.setCapacity(0, 100, 1e9);
        r.net.setCapacity(1, 1e9, 1e9);
        int f = r.net.open(0, 1, 150);
        r.at(4_500_000, () -> r.net.close(f));
        r.sim.runUntil(Simulator.NEVER - 1);
        // 150 B at 100 B/s: 1.5 s; then every 250 B: 2.5 s more each, until the close at 4.5 s
        assertEquals(2, r.done.size());
        assertEquals(1_500_000, r.done.get(0)[0]);
        assertEquals(4_000_000, r.done.get(1)[0]);
    }

    @Test
    void aFasterNeighbourLeavingSpeedsUpTheOthers() {
        Recorder r = new Recorder();
        r.net.setCapacity(0, 600, 1e9);
        r.net.setCapacity(1, 1e9, 100);
        r.net.setCapacity(2, 1e9, 1e9);
        r.net.setCapacity(3, 1e9, 1e9);
        int slow = r.net.open(0, 1, 10_000);
        int a = r.net.open(0, 2, 1_000);
        int b = r.net.open(0, 3, 3_000);
        // slow is held at 100 by its downlink; a and b share 500: 250 each; a done at 4 s (1000 B)
        // then b alone beside slow: 500 B/s, 2000 B left: 4 s more
        r.sim.runUntil(20_000_000);
        assertEquals(2, r.done.size());
        assertEquals(a, r.done.get(0)[1]);
        assertEquals(4_000_000, r.done.get(0)[0]);
        assertEquals(b, r.done.get(1)[1]);
        assertEquals(8_000_000, r.done.get(1)[0]);
        assertEquals(2_000, r.net.delivered(slow));
    }
}
