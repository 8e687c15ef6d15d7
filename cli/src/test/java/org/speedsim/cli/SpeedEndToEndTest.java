package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.reports.Csv;

/** The Speed catalogue scenario through the command with the real loader and engine: tokens reach every output. */
class SpeedEndToEndTest {

    @TempDir
    Path tmp;

    private static final List<String> SPEED_COLUMNS = List.of("clearing_price_nano_per_kib", "slots_sold",
            "bids_sent", "tokens_accepted_ubtt", "payment_failures", "escrow_locked_ubtt", "open_channels",
            "ledger_queue", "ledger_in_flight", "ledger_tps", "tokens_paid_ubtt");

    @Test
    void speedSeedingWritesTokensToTheSummaryTheTimeSeriesAndThePeers() throws Exception {
        Path out = tmp.resolve("runs");
        Services standard = Services.standard();
        Cli c = Cli.execute(new Services(standard.scenarios(), standard.engine(), () -> null), "run",
                EndToEndTest.ROOT.resolve("scenarios/speed-seeding.yaml").toString(), "--set", "duration=20min",
                "--threads", "1", "--quiet", "--out", out.toString());
        assertEquals(0, c.exit(), c::toString);
        assertFalse(c.leaksStackTrace(), c::toString);
        Path rep = out.resolve("speed-seeding").resolve("0");

        JsonNode summary = new ObjectMapper().readTree(rep.resolve("summary.json").toFile());
        assertTrue(summary.get("invariants_ok").asBoolean());
        for (String f : List.of("tokens_supply", "tokens_paid", "tokens_escrow_locked", "tokens_conserved",
                "tokens_airdropped", "tokens_slots_sold", "tokens_payments_sent", "tokens_payment_failures",
                "tokens_ledger_conserved")) {
            assertTrue(summary.has(f), f + " in " + summary);
        }
        assertTrue(summary.get("tokens_conserved").asBoolean() && summary.get("tokens_ledger_conserved").asBoolean(),
                summary::toString);
        long paid = summary.get("tokens_paid").asLong();
        assertTrue(paid > 0, "Speed peers paid for uploads: " + summary);
        assertTrue(summary.get("tokens_airdropped").asLong() > 0, summary::toString);

        List<List<String>> series = Csv.read(rep.resolve("timeseries.csv"));
        List<String> header = series.get(0);
        assertTrue(header.containsAll(SPEED_COLUMNS), header::toString);
        int paidColumn = header.indexOf("tokens_paid_ubtt");
        int priceColumn = header.indexOf("clearing_price_nano_per_kib");
        long previous = 0;
        boolean pricedAtReserve = false;
        for (List<String> row : series.subList(1, series.size())) {
            long p = Long.parseLong(row.get(paidColumn));
            assertTrue(p >= previous && p <= paid, "tokens paid only grow, up to the total: " + row);
            previous = p;
            // the catalogue's reserve price is 10 uBTT/KiB: a clearing price is 0 (no sale) or at least the reserve
            double price = Double.parseDouble(row.get(priceColumn));
            assertTrue(price == 0 || price >= 10_000, row::toString);
            pricedAtReserve |= price >= 10_000;
        }
        assertTrue(pricedAtReserve, "some slot was sold");

        // peers.csv: legacy peers never touch tokens; Speed peers spent what Speed peers earned: the total paid
        List<List<String>> peers = Csv.read(rep.resolve("peers.csv"));
        List<String> ph = peers.get(0);
        int client = ph.indexOf("client");
        int spent = ph.indexOf("tokens_spent_ubtt");
        int earned = ph.indexOf("tokens_earned_ubtt");
        long spentBySpeed = 0;
        long earnedBySpeed = 0;
        for (List<String> row : peers.subList(1, peers.size())) {
            long s = (long) Double.parseDouble(row.get(spent));
            long e = (long) Double.parseDouble(row.get(earned));
            if (row.get(client).equals("legacy")) {
                assertEquals(0, s + e, row::toString);
            } else {
                spentBySpeed += s;
                earnedBySpeed += e;
            }
        }
        assertEquals(paid, spentBySpeed);
        assertEquals(paid, earnedBySpeed);
    }
}
