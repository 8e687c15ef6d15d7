package org.speedsim.engine.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.speed.SpeedMessageLatencyTest.Decided;
import org.speedsim.engine.speed.SpeedMessageLatencyTest.Recorder;
import org.speedsim.engine.speed.SpeedMessageLatencyTest.Seen;
import org.speedsim.engine.swarm.PeerRecord;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.Swarm;

/**
 * With messages delivered at once, a Speed provider's auction sees, for each candidate, exactly the bid that
 * candidate last decided (0 if it never bid), whether or not the candidate was interested in the provider when it
 * decided; a legacy candidate's bid is always 0. Checked over swarms with every adversary against records kept
 * outside the extension: a wrapper around each Speed peer's bidding strategy and one around its choker
 * ({@link SpeedMessageLatencyTest.Recorder}).
 */
class SpeedBidVisibilityTest {

    @Test
    void anAuctionSeesEachCandidatesLastDecidedBid() {
        int speedCandidates = 0;
        int legacyCandidates = 0;
        int positive = 0;
        for (long seed = 1; seed <= 4; seed++) {
            Recorder rec = new Recorder();
            RunResult r = new Swarm(rec.wrap(SpeedMessageLatencyTest.swarm(seed, SpeedConfig.INSTANT))).run();
            assertTrue(r.summary().invariantsOk(), "seed " + seed);
            Map<Integer, PeerRecord> peers = new HashMap<>();
            for (PeerRecord p : r.peers()) {
                peers.put(p.peer(), p);
            }
            for (Seen s : rec.seen) {
                PeerRecord q = peers.get(s.requester());
                String where = "seed " + seed + ": " + s;
                if (q.client().equals("legacy")) {
                    assertEquals(0, s.bid(), where + " from a legacy peer");
                    legacyCandidates++;
                    continue;
                }
                speedCandidates++;
                positive += s.bid() > 0 ? 1 : 0;
                long before = 0;
                boolean decidedNow = false;
                for (Decided d : rec.decided.getOrDefault(s.requester(), List.of())) {
                    if (d.time() < s.time()) {
                        before = d.bid();
                    } else if (d.time() == s.time()) {
                        decidedNow |= d.bid() == s.bid();
                    }
                }
                // a decision at the rechoke's own instant may come before or after it
                assertTrue(s.bid() == before || decidedNow, where + ": last decided bid " + before);
            }
        }
        assertTrue(speedCandidates > 1_000 && legacyCandidates > 100 && positive > 1_000,
                speedCandidates + " Speed candidates (" + positive + " with a bid), " + legacyCandidates + " legacy");
    }
}
