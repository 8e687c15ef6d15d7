package org.speedsim.engine.world.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.speedsim.engine.world.WorldResult;

class WorldRunSmokeTest {

    @Test
    void aSmallWorldRuns() {
        WorldResult r = new WorldRun(WorldFixtures.small(7, 0.5, true)).run();
        System.out.println(r.summary());
        System.out.println("requests " + r.requests().size() + " series " + r.series().size());
        for (int i = 0; i < r.series().size(); i += 12) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < 14; c++) {
                b.append(r.series().columns().get(c)).append('=').append(r.series().get(i, c)).append(' ');
            }
            System.out.println(b);
        }
        r.users().stream().limit(8).forEach(System.out::println);
        assertTrue(r.summary().conserved());
    }
}
