package org.speedsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One token unit (BTT) and human axis names, from one table. */
class QuantitiesTest {

    @TempDir
    Path tmp;

    @Test
    void tokenAmountsReadInBttWhateverFileTheyComeFrom() {
        for (String field : List.of("tokens_paid_ubtt", "escrow_locked_ubtt", "tokens_paid", "tokens_minted")) {
            Quantities.Quantity q = Quantities.of(field);
            assertEquals("BTT", q.unit(), field);
            assertEquals("2.5", Axes.scaled(q.divisor()).format(2_500_000), field + ": 2,500,000 micro-BTT");
        }
    }

    @Test
    void aPriceInNanoBttPerKibReadsInBttPerGib() {
        Quantities.Quantity price = Quantities.of("clearing_price_nano_per_kib");
        assertEquals("clearing price (BTT per GiB)", price.label());
        // 1 BTT per GiB = 1e9 nano-BTT over 1,048,576 KiB
        assertEquals("1", Axes.scaled(price.divisor()).format(1e9 / 1_048_576));
        assertEquals("104.858", Axes.scaled(price.divisor()).format(100_000), "100 uBTT/KiB");
    }

    @Test
    void priceTicksFallOnRoundNumbersOfBttPerGib() {
        Bands b = new Bands("clearing_price_nano_per_kib", new double[] {0, 60, 120}, new double[] {0, 90_000,
            200_000}, new double[] {0, 90_000, 200_000}, new double[] {0, 90_000, 200_000}, new int[] {1, 1, 1}, 0);
        Quantities.Quantity price = Quantities.of(b.column());
        var chart = Charts.timeSeries("Clearing price", price, java.util.Map.of("s", b));
        chart.createBufferedImage(640, 400);
        var y = (org.jfree.chart.axis.NumberAxis) chart.getXYPlot().getRangeAxis();
        double step = y.getTickUnit().getSize() / price.divisor();
        double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        assertTrue(List.of(1.0, 2.0, 5.0).stream().anyMatch(m -> Math.abs(m - mantissa) < 1e-9),
                "tick step " + step + " BTT per GiB");
    }

    @Test
    void fieldsAndParametersGetNamesAndUnits() {
        assertEquals("swarm lifetime (s)", Quantities.of("swarm_lifetime_s").label());
        assertEquals("90th percentile of download time (s)", Quantities.of("download_time_p90_s").label());
        assertEquals("data uploaded (MiB)", Quantities.of("uploaded_bytes").label());
        assertEquals("spending rate (share of the balance offered)",
                Quantities.of("clients[1].bidding.spendingRate").label());
        assertEquals("reserve price (uBTT/KiB)", Quantities.of("clients[0].reservePrice").in("uBTT/KiB").label());
        assertEquals("pieces sent (s)", Quantities.of("pieces_sent_s").label(), "unknown: its words");
        assertEquals("some odd field", Quantities.of("someOdd_field").label());
    }

    @Test
    void noChartOfAReportShowsAnotherTokenUnit() throws Exception {
        Fixtures.scenario(tmp.resolve("runs"), "alpha", 2);
        Report.write(RunDirectories.find(tmp.resolve("runs")), tmp.resolve("report"), ReportOptions.defaults());
        try (var files = Files.list(tmp.resolve("report/charts"))) {
            for (Path svg : files.filter(f -> f.toString().endsWith(".svg")).toList()) {
                String text = Files.readString(svg);
                for (String other : List.of("nano", "micro", "\u00b5BTT", "uBTT")) {
                    assertFalse(text.contains(other), svg.getFileName() + " shows " + other);
                }
            }
        }
        assertTrue(Files.readString(tmp.resolve("report/charts/clearing-price.svg"))
                .contains(">clearing price (BTT per GiB)<"));
        assertTrue(Files.readString(tmp.resolve("report/charts/tokens-paid.svg")).contains(">tokens paid (BTT)<"));
        assertTrue(Files.readString(tmp.resolve("report/charts/escrow-locked.svg")).contains(">escrow (BTT)<"));
    }
}
