package org.speedsim.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Simulator#scheduleNow} keeps the (time, scheduling order) of {@link Simulator#scheduleAt} at now. */
class SameInstantQueueTest {

    @Test
    void scheduleNowOrdersExactlyLikeScheduleAtNow() {
        for (int seed = 0; seed < 200; seed++) {
            assertEquals(trace(seed, false), trace(seed, true), "seed " + seed);
        }
    }

    /** A random cascade of events; zero-delay ones go through scheduleNow when {@code useNow}. */
    private static List<String> trace(int seed, boolean useNow) {
        Simulator sim = new Simulator();
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> out = new ArrayList<>();
        int[] kind = new int[1];
        int[] budget = {3000};
        kind[0] = sim.registerKind("e", (target, arg) -> {
            out.add(sim.now() + ":" + target);
            int children = rng.nextInt(3);
            for (int c = 0; c < children && budget[0] > 0; c++) {
                budget[0]--;
                int id = 3000 - budget[0];
                if (rng.nextInt(3) == 0) {
                    if (useNow) {
                        sim.scheduleNow(kind[0], id, 0);
                    } else {
                        sim.scheduleAt(sim.now(), kind[0], id, 0);
                    }
                } else {
                    sim.scheduleIn(rng.nextInt(5), kind[0], id, 0);
                }
            }
        });
        for (int i = 0; i < 20; i++) {
            sim.scheduleAt(rng.nextInt(10), kind[0], -1 - i, 0);
        }
        sim.runUntil(Simulator.NEVER);
        return out;
    }
}
