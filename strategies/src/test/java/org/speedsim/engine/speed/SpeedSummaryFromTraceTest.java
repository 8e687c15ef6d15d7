package org.speedsim.engine.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.PeerRecord;
import org.speedsim.engine.swarm.ProtocolTrace;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.Swarm;

/**
 * The Speed summary of swarms with every adversary and 50 ms messages, rebuilt from sources outside its counters:
 * the protocol trace (one event per message sent and per payment timeout), the per-peer records, and the ledger's own
 * escrow figures. Bans are recomputed from the failure count each timeout reports (the run bans at 2 failures).
 */
class SpeedSummaryFromTraceTest {

    /** Counts trace events by kind; counts timeouts that reached the ban threshold. */
    private static final class Counts implements ProtocolTrace {
        final Map<String, Long> kinds = new HashMap<>();
        long banningTimeouts;

        @Override
        public boolean wants(String kind) {
            return kind.startsWith("speed-");
        }

        @Override
        public void emit(long timeMicros, String kind, int peer, int other, long value) {
            kinds.merge(kind, 1L, Long::sum);
            if (kind.equals("speed-payment-timeout") && value >= 2) {
                banningTimeouts++;
            }
        }

        long of(String kind) {
            return kinds.getOrDefault(kind, 0L);
        }
    }

    @Test
    void theSummaryAgreesWithTheTraceThePeerRecordsAndTheLedger() {
        long failures = 0;
        long bans = 0;
        long responses = 0;
        for (long seed = 1; seed <= 4; seed++) {
            Counts trace = new Counts();
            RunResult r = new Swarm(SpeedMessageLatencyTest.swarm(seed, new Distribution.Fixed(50_000))).trace(trace)
                    .run();
            String where = "seed " + seed;
            @SuppressWarnings("unchecked")
            Map<String, Object> tokens = (Map<String, Object>) r.summary().extra().get("tokens");
            @SuppressWarnings("unchecked")
            Map<String, Object> messages = (Map<String, Object>) r.summary().extra().get("speedMessages");
            assertEquals(trace.of("speed-bid"), tokens.get("bidsSent"), where);
            assertEquals(trace.of("speed-bid"), messages.get("bids"), where);
            assertEquals(trace.of("speed-bid-response"), tokens.get("bidResponses"), where);
            assertEquals(trace.of("speed-payment"), tokens.get("paymentsSent"), where);
            assertEquals(trace.of("speed-payment-timeout"), tokens.get("paymentFailures"), where);
            assertEquals(trace.banningTimeouts, tokens.get("paymentBans"), where);
            long delayed = trace.of("speed-bid") + trace.of("speed-bid-response") + trace.of("speed-payment");
            assertEquals(delayed, messages.get("delayed"), where + ": every message travels 50 ms");
            long spent = 0;
            long earned = 0;
            long bytes = 0;
            for (PeerRecord p : r.peers()) {
                spent += p.tokensSpent();
                earned += p.tokensEarned();
                bytes += p.messageBytes();
                assertTrue(p.tokensSpent() >= 0 && p.tokensEarned() >= p.tokensEarnedSettled(), where + " " + p);
            }
            assertEquals(tokens.get("accepted"), spent, where + ": every accepted payment was spent by someone");
            assertEquals(tokens.get("accepted"), earned, where);
            assertEquals(messages.get("totalBytes"), bytes, where + ": every encoded byte has a sender");
            long committed = (Long) tokens.get("escrowCommitted");
            assertEquals(committed, (Long) tokens.get("settled") + (Long) tokens.get("refunded")
                    + (Long) tokens.get("escrowLocked"), where + ": escrow is paid out, returned or still locked");
            assertTrue((Long) tokens.get("failuresAfterDisconnect") <= (Long) tokens.get("paymentFailures"));
            assertEquals(tokens.get("minted"), (Long) tokens.get("balances") + (Long) tokens.get("escrowLocked")
                    + (Long) tokens.get("reserved"), where + ": every minted micro-BTT is in a balance or escrow");
            failures += trace.of("speed-payment-timeout");
            bans += trace.banningTimeouts;
            responses += trace.of("speed-bid-response");
        }
        assertTrue(failures > 5 && bans > 0 && responses > 50,
                failures + " payment failures, " + bans + " bans, " + responses + " bid responses");
    }
}
