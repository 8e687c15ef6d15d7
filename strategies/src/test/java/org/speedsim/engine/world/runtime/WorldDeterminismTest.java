package org.speedsim.engine.world.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.world.WorldResult;

/**
 * The same world and seed give the same run, alone or with other runs on other threads at the same time; another
 * seed gives another run (so the comparison can fail).
 */
class WorldDeterminismTest {

    static String fingerprint(WorldResult r) {
        StringBuilder b = new StringBuilder();
        b.append(r.summary()).append('\n');
        r.torrents().forEach(t -> b.append(t).append('\n'));
        r.users().forEach(u -> b.append(u).append('\n'));
        r.requests().forEach(q -> b.append(q).append('\n'));
        for (int row = 0; row < r.series().size(); row++) {
            for (int c = 0; c < r.series().columns().size(); c++) {
                b.append(Double.doubleToRawLongBits(r.series().get(row, c))).append(',');
            }
            b.append('\n');
        }
        return b.toString();
    }

    @Test
    void sameSeedSameRunOnAnyThread() throws Exception {
        String alone = fingerprint(new WorldRun(WorldTokenConservationTest.adversarial(5)).run());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                long seed = i % 2 == 0 ? 5 : 6;
                runs.add(pool.submit(() -> fingerprint(new WorldRun(WorldTokenConservationTest.adversarial(seed))
                        .run())));
            }
            assertEquals(alone, runs.get(0).get());
            assertEquals(alone, runs.get(2).get());
            assertEquals(runs.get(1).get(), runs.get(3).get());
            assertNotEquals(alone, runs.get(1).get());
        } finally {
            pool.shutdownNow();
        }
    }
}
