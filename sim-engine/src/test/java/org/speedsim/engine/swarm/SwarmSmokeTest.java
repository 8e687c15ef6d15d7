package org.speedsim.engine.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SwarmSmokeTest {

    @Test
    void flashCrowdCompletes() {
        RunResult r = new Swarm(Configs.flashCrowd(100, 16L << 20, 1)).deepChecks(true).run();
        RunSummary s = r.summary();
        System.out.println(s);
        assertTrue(s.invariantsOk(), s.extra().toString());
        assertEquals(100, s.peersArrived());
        assertEquals(100, s.peersCompleted());
        assertEquals(s.bytesUploaded(), s.bytesDownloaded());
    }
}
