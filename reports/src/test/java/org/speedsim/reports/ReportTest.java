package org.speedsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

class ReportTest {

    @TempDir
    Path tmp;

    static Report.Written twoScenarios(Path tmp, ReportOptions options) throws Exception {
        Fixtures.scenario(tmp.resolve("runs"), "alpha", 3);
        Fixtures.scenario(tmp.resolve("runs"), "beta", 2);
        return Report.write(RunDirectories.find(tmp.resolve("runs")), tmp.resolve("runs/report"), options);
    }

    @Test
    void writesEveryChartTableAndBothDocuments() throws Exception {
        Report.Written w = twoScenarios(tmp, new ReportOptions(640, 400, List.of()));
        Path out = tmp.resolve("runs/report");
        assertEquals(out.resolve("report.html"), w.html());
        assertTrue(Files.isRegularFile(w.markdown()));
        Set<String> names = Set.of("population", "availability", "upload-utilisation", "survival", "download-cdf", "piece-copies-alpha",
                "piece-copies-beta", "clearing-price", "tokens-paid", "balance-gini", "escrow-locked",
                "ledger-queue");
        for (String n : names) {
            assertTrue(Files.isRegularFile(out.resolve("charts/" + n + ".png")), n);
            assertTrue(Files.isRegularFile(out.resolve("charts/" + n + ".svg")), n);
        }
        try (Stream<Path> s = Files.list(out.resolve("charts"))) {
            assertEquals(2 * names.size(), s.count(), "nothing else in charts/");
        }
        assertEquals(2 * names.size(), w.charts().size());
        assertEquals(6, w.tables().size());
        Table bands = Table.read().csv(out.resolve("tables/timeseries-alpha.csv").toFile());
        Bands leechers = Bands.of(ScenarioResults.load(tmp.resolve("runs/alpha")).replications(), "leechers");
        assertEquals(leechers.size(), bands.rowCount());
        assertEquals(List.of("time_s", "n", "leechers_mean", "leechers_ci_low", "leechers_ci_high"),
                bands.columnNames().subList(0, 5));
        for (int i = 0; i < leechers.size(); i++) {
            assertEquals(leechers.mean()[i], bands.numberColumn("leechers_mean").getDouble(i), 1e-9);
            assertEquals(leechers.upper()[i], bands.numberColumn("leechers_ci_high").getDouble(i), 1e-9);
            assertEquals(leechers.n()[i], (int) bands.numberColumn("n").getDouble(i));
        }
        Table summary = Table.read().csv(CsvReadOptions.builder(out.resolve("tables/summary-alpha.csv").toFile()));
        Table expected = SummaryTable.of(ScenarioResults.load(tmp.resolve("runs/alpha")).replications());
        assertEquals(expected.stringColumn("field").asList(), summary.stringColumn("field").asList());
        assertEquals(expected.doubleColumn("mean").get(0), summary.numberColumn("mean").getDouble(0), 1e-9);
        Table survival = Table.read().csv(out.resolve("tables/survival-alpha.csv").toFile());
        assertEquals(List.of("time_s", "at_risk", "events", "survival", "ci_low", "ci_high"),
                survival.columnNames());
        assertEquals(1, survival.rowCount(), "one death among alpha's three replications");
    }

    @Test
    void htmlParsesAndReferencesOnlyInlineImages() throws Exception {
        Report.Written w = twoScenarios(tmp, new ReportOptions(640, 400, List.of()));
        Document doc = Xml.parse(w.html());
        assertEquals("html", doc.getDocumentElement().getTagName());
        NodeList imgs = doc.getElementsByTagName("img");
        assertEquals(w.charts().size() / 2, imgs.getLength(), "one inline image per chart");
        for (int i = 0; i < imgs.getLength(); i++) {
            String src = ((Element) imgs.item(i)).getAttribute("src");
            assertTrue(src.startsWith("data:image/png;base64,"), src.substring(0, Math.min(40, src.length())));
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(
                    Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()))));
            assertNotNull(img);
            assertEquals(640, img.getWidth());
            assertEquals(400, img.getHeight());
            assertFalse(((Element) imgs.item(i)).getAttribute("alt").isBlank());
        }
        for (String tag : List.of("script", "link", "iframe", "object", "embed", "a")) {
            assertEquals(0, doc.getElementsByTagName(tag).getLength(), tag);
        }
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            NamedNodeMap attributes = all.item(i).getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                String name = attributes.item(a).getNodeName();
                String value = attributes.item(a).getNodeValue();
                if (name.equals("src") || name.equals("href")) {
                    assertTrue(value.startsWith("data:"), name + "=" + value);
                }
                if (name.equals("xmlns")) {
                    continue;
                }
                assertFalse(value.contains("http:") || value.contains("https:"), name + "=" + value);
            }
        }
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("How to read this report"));
        assertTrue(text.contains("name: alpha"), "the scenario as run");
        assertTrue(text.contains("tokens_paid"), "the summary table");
    }

    @Test
    void markdownImagesExistBesideIt() throws Exception {
        Report.Written w = twoScenarios(tmp, ReportOptions.defaults());
        String md = Files.readString(w.markdown());
        Matcher m = Pattern.compile("!\\[[^]]*]\\(([^)]+)\\)").matcher(md);
        List<String> images = new ArrayList<>();
        while (m.find()) {
            images.add(m.group(1));
            assertTrue(Files.isRegularFile(w.markdown().resolveSibling(m.group(1))), m.group(1));
        }
        assertEquals(w.charts().size() / 2, images.size());
        assertTrue(md.contains("| field | n | mean | sd | ci_low | ci_high | interval |"));
    }

    @Test
    void rerunningIntoTheSameDirectoryReplacesTheFilesAndIgnoresTheReportAsInput() throws Exception {
        twoScenarios(tmp, ReportOptions.defaults());
        List<ScenarioResults> again = RunDirectories.find(tmp.resolve("runs"));
        assertEquals(List.of("alpha", "beta"), again.stream().map(ScenarioResults::name).toList());
        Report.write(again, tmp.resolve("runs/report"), ReportOptions.defaults());
        try (Stream<Path> s = Files.walk(tmp.resolve("runs/report"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void defaultMomentsAreEvenlySpacedAndEndBeforeTheDeath() {
        TreeSet<Double> samples = new TreeSet<>();
        for (int i = 0; i <= 20; i++) {
            samples.add(60.0 * i);
        }
        assertEquals(List.of(300.0, 600.0, 900.0, 1200.0), Report.moments(samples, Double.NaN, List.of()));
        // died at 630 s: the end is the sample at 600 s; quarters 150, 300, 450 fall back to 120, 300, 420
        assertEquals(List.of(120.0, 300.0, 420.0, 600.0), Report.moments(samples, 630, List.of()));
        assertEquals(List.of(0.0, 540.0, 1200.0), Report.moments(samples, Double.NaN, List.of(590.0, 1e9, 0.0)));
    }

    @Test
    void aScenarioWithoutCompleteReplicationsIsRefused() throws Exception {
        Path dir = Fixtures.scenario(tmp, "empty", 0);
        assertThrows(IllegalArgumentException.class,
                () -> Report.write(List.of(ScenarioResults.load(dir)), tmp.resolve("r"), ReportOptions.defaults()));
    }
}
