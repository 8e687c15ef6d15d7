package org.speedsim.engine.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.ledger.SignatureMode;
import org.speedsim.engine.swarm.PeerRecord;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.Swarm;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.engine.swarm.SwarmExtension;
import org.speedsim.engine.swarm.TimeSeries;

/** Determinism, message accounting and the Speed time-series columns of whole runs. */
class SpeedSwarmMetricsTest {

    static SwarmConfig withSpeed(SwarmConfig c, SpeedConfig speed) {
        return c.toBuilder().extensions(List.<SwarmExtension.Factory>of(SpeedExtension.factory(speed))).build();
    }

    static SpeedConfig speedConfig(boolean encode) {
        return new SpeedConfig(new org.speedsim.engine.ledger.LedgerConfig(2_000_000L, 20, 600_000_000L,
                SignatureMode.ACCOUNTING), 4, 8_000_000L, 2, 300_000_000L, 60_000_000L, encode, false);
    }

    @Test
    void sameSeedSameRunAndEncodedMessagesCountTheirExactSize() {
        for (long seed = 21; seed <= 23; seed++) {
            SwarmConfig base = SpeedSwarmConservationTest.config(seed, SignatureMode.ACCOUNTING);
            RunResult a = new Swarm(withSpeed(base, speedConfig(true))).run();
            RunResult b = new Swarm(withSpeed(base, speedConfig(true))).run();
            RunResult sized = new Swarm(withSpeed(base, speedConfig(false))).run();
            assertEquals(a.summary().extra(), b.summary().extra(), "deterministic");
            assertEquals(a.peers(), b.peers(), "deterministic");
            assertEquals(a.summary().overheadBytes(), sized.summary().overheadBytes(),
                    "the codec's frames are exactly as long as the size helpers say");
            assertEquals(a.summary().extra(), sized.summary().extra());
            assertTrue(a.summary().overheadBytes() > 0);
        }
    }

    @Test
    void timeSeriesCarryPricesTokensAndLedgerColumns() {
        RunResult r = new Swarm(withSpeed(SpeedSwarmConservationTest.config(31, SignatureMode.ACCOUNTING),
                speedConfig(false))).run();
        TimeSeries ts = r.timeSeries();
        List<String> cols = ts.columns();
        for (String c : List.of("clearing_price_nano_per_kib", "slots_sold", "bids_sent", "tokens_accepted_ubtt",
                "payment_failures", "escrow_locked_ubtt", "open_channels", "ledger_queue", "ledger_tps",
                "tokens_paid_ubtt", "balance_gini")) {
            assertTrue(cols.contains(c), c + " in " + cols);
        }
        int accepted = cols.indexOf("tokens_accepted_ubtt");
        int price = cols.indexOf("clearing_price_nano_per_kib");
        int sold = cols.indexOf("slots_sold");
        double maxPrice = 0;
        long soldSum = 0;
        double last = 0;
        for (int i = 0; i < ts.size(); i++) {
            assertTrue(ts.get(i, accepted) >= last, "cumulative");
            last = ts.get(i, accepted);
            maxPrice = Math.max(maxPrice, ts.get(i, price));
            soldSum += (long) ts.get(i, sold);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> t = (Map<String, Object>) r.summary().extra().get("tokens");
        assertTrue(last > 0 && last <= (Long) t.get("paid"), "sampled payments are the run's, up to its end");
        assertTrue(soldSum > 0 && soldSum <= (Long) t.get("slotsSold"), "each sold slot-round is sampled at most once");
        assertTrue(maxPrice >= 1000, "prices are at least the reserve");
        long earned = r.peers().stream().mapToLong(PeerRecord::tokensEarned).sum();
        assertEquals(t.get("paid"), earned);
        int gini = cols.indexOf("balance_gini");
        double maxGini = 0;
        for (int i = 0; i < ts.size(); i++) {
            double g = ts.get(i, gini);
            assertTrue(g >= 0 && g < 1, "Gini in [0, 1): " + g);
            maxGini = Math.max(maxGini, g);
        }
        assertTrue(maxGini > 0, "payments make balances unequal at some sample");
    }
}
