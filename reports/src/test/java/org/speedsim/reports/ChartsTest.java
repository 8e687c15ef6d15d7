package org.speedsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import tech.tablesaw.api.Table;

/** Every chart written as PNG and SVG of the stated size, not blank, and plotting exactly the files' values. */
class ChartsTest {

    @TempDir
    Path tmp;

    private List<Replication> reps;

    @BeforeEach
    void load() throws IOException {
        reps = ScenarioResults.load(Fixtures.scenario(tmp.resolve("runs"), "s", 3)).replications();
    }

    /** Writes the chart, checks both files, returns the PNG. */
    private BufferedImage written(JFreeChart chart, String name, int width, int height) throws Exception {
        ChartFiles.Written w = ChartFiles.write(chart, tmp.resolve("charts"), name, width, height);
        assertEquals(tmp.resolve("charts/" + name + ".png"), w.png());
        BufferedImage png = ImageIO.read(w.png().toFile());
        assertEquals(width, png.getWidth());
        assertEquals(height, png.getHeight());
        assertTrue(luminanceVariance(png) > 100, name + " is not blank");
        Element svg = Xml.parse(w.svg()).getDocumentElement();
        assertEquals("svg", svg.getTagName());
        assertEquals(width, Double.parseDouble(svg.getAttribute("width")));
        assertEquals(height, Double.parseDouble(svg.getAttribute("height")));
        assertTrue(Files.readString(w.svg()).contains("<path"), "the SVG draws something");
        try (var s = Files.list(tmp.resolve("charts"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
        return png;
    }

    static double luminanceVariance(BufferedImage img) {
        double sum = 0;
        double sq = 0;
        long n = (long) img.getWidth() * img.getHeight();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                double l = 0.299 * ((rgb >> 16) & 255) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255);
                sum += l;
                sq += l * l;
            }
        }
        double mean = sum / n;
        return sq / n - mean * mean;
    }

    @Test
    void aBlankImageHasNoVariance() {
        BufferedImage blank = new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB);
        assertEquals(0, luminanceVariance(blank), 1e-9);
    }

    @Test
    void timeSeriesOfOneReplicationPlotsTheCsvValues() throws Exception {
        Replication r = reps.get(1);
        Map<String, Bands> groups = new LinkedHashMap<>();
        groups.put("leechers", Bands.of(List.of(r), "leechers"));
        groups.put("seeds", Bands.of(List.of(r), "seeds"));
        JFreeChart chart = Charts.timeSeries("Peers", "peers online", groups);
        written(chart, "population", 640, 400);
        XYDataset d = chart.getXYPlot().getDataset(0);
        Table csv = r.timeseries();
        assertEquals(2, d.getSeriesCount());
        for (int s = 0; s < 2; s++) {
            String column = s == 0 ? "leechers" : "seeds";
            assertEquals(csv.rowCount(), d.getItemCount(s));
            for (int i = 0; i < csv.rowCount(); i++) {
                assertEquals(csv.numberColumn("time_s").getDouble(i), d.getXValue(s, i));
                assertEquals(csv.numberColumn(column).getDouble(i), d.getYValue(s, i), column + " row " + i);
            }
        }
    }

    @Test
    void availabilityPlotsTheMeanAndMarksEveryDeath() throws Exception {
        Bands b = Bands.of(reps, "distributed_copies");
        JFreeChart chart = Charts.availability(Map.of("s", b), Map.of("s", new double[] {360}));
        written(chart, "availability", 900, 560);
        XYDataset d = chart.getXYPlot().getDataset(0);
        for (int i = 0; i < b.size(); i++) {
            double sum = 0;
            int n = 0;
            for (Replication r : reps) {
                if (i < r.timeseries().rowCount()) {
                    sum += r.timeseries().numberColumn("distributed_copies").getDouble(i);
                    n++;
                }
            }
            assertEquals(sum / n, d.getYValue(0, i), 1e-12);
        }
        List<Double> marked = new ArrayList<>();
        for (Object m : chart.getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)) {
            marked.add(((ValueMarker) m).getValue());
        }
        assertEquals(List.of(360.0), marked);
    }

    @Test
    void survivalPlotsTheKaplanMeierSteps() throws Exception {
        SurvivalCurve c = KaplanMeier.swarmLifetime(reps);
        JFreeChart chart = Charts.survival(Map.of("s", c));
        written(chart, "survival", 700, 450);
        XYDataset d = chart.getXYPlot().getDataset(0);
        // replication 1 died at 360 s (3 at risk: S = 2/3); 0 and 2 censored at 540 and 660 s
        assertEquals(0, d.getXValue(0, 0));
        assertEquals(1, d.getYValue(0, 0));
        assertEquals(360, d.getXValue(0, 2));
        assertEquals(2.0 / 3, d.getYValue(0, 2), 1e-12);
        assertEquals(660, d.getXValue(0, d.getItemCount(0) - 1));
        XYDataset censored = chart.getXYPlot().getDataset(1);
        assertEquals(2, censored.getItemCount(0));
    }

    @Test
    void downloadCdfStepsByOneOverTheGroupSize() throws Exception {
        double[] times = {30, 10, Double.NaN, 20};
        JFreeChart chart = Charts.downloadCdf(Map.of("dsl / legacy", times));
        written(chart, "download-cdf", 600, 400);
        XYDataset d = chart.getXYPlot().getDataset(0);
        assertEquals("dsl / legacy (3 of 4)", d.getSeriesKey(0));
        double[][] expected = {{10, 0}, {10, 0.25}, {20, 0.5}, {30, 0.75}};
        assertEquals(expected.length, d.getItemCount(0));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], d.getXValue(0, i));
            assertEquals(expected[i][1], d.getYValue(0, i), 1e-12);
        }
    }

    @Test
    void pieceCopiesPlotTheHistogram() throws Exception {
        Map<String, double[]> h = new LinkedHashMap<>();
        h.put("at 1 min", new double[] {0, 1, 0, 15});
        h.put("at 9 min", new double[] {0, 9, 0, 7});
        JFreeChart chart = Charts.pieceCopies("Piece copies", h);
        written(chart, "piece-copies", 640, 400);
        XYDataset d = chart.getXYPlot().getDataset(0);
        assertEquals(2, d.getSeriesCount());
        assertEquals(9, d.getYValue(1, 1));
        assertEquals(3, d.getXValue(1, 3));
        var x = chart.getXYPlot().getDomainAxis();
        assertTrue(x.getLowerBound() <= 0 && x.getUpperBound() >= 3, "every copy count is visible: " + x.getRange());
        var y = chart.getXYPlot().getRangeAxis();
        assertTrue(y.getLowerBound() <= 0 && y.getUpperBound() >= 15, "every count is visible: " + y.getRange());
    }

    @Test
    void tokenChartsKeepMicroBttDataAndLabelTicksInBtt() throws Exception {
        Bands b = Bands.of(reps.subList(0, 1), "tokens_paid_ubtt");
        JFreeChart chart = Charts.timeSeries("Tokens paid", "tokens paid (BTT)", 1e6, Map.of("s", b));
        written(chart, "tokens-paid", 640, 400);
        assertEquals(450_000, chart.getXYPlot().getDataset(0).getYValue(0, 9));
        var axis = (org.jfree.chart.axis.NumberAxis) chart.getXYPlot().getRangeAxis();
        assertEquals("0.5", axis.getNumberFormatOverride().format(500_000));
    }

    @Test
    void aFractionsBandStaysInTheUnitInterval() throws Exception {
        Bands b = new Bands("upload_utilisation", new double[] {0, 60}, new double[] {0.9, 0.1},
                new double[] {0.7, -0.2}, new double[] {1.3, 0.4}, new int[] {3, 3}, 0);
        JFreeChart chart = Charts.fraction("Upload utilisation", "fraction in use", Map.of("s", b));
        written(chart, "upload-utilisation", 640, 400);
        var d = (org.jfree.data.xy.IntervalXYDataset) chart.getXYPlot().getDataset(0);
        assertEquals(0.9, d.getYValue(0, 0));
        assertEquals(1.0, d.getEndYValue(0, 0));
        assertEquals(0.0, d.getStartYValue(0, 1));
        assertEquals(0.4, d.getEndYValue(0, 1));
        assertEquals(0, chart.getXYPlot().getRangeAxis().getLowerBound());
    }

    @Test
    void anAllZeroSeriesStillShowsAUsableAxis() throws Exception {
        Bands b = Bands.of(reps.subList(0, 1), "min_piece_copies");
        Bands zero = new Bands("q", b.time(), new double[b.size()], new double[b.size()], new double[b.size()],
                b.n(), 0);
        JFreeChart chart = Charts.timeSeries("Ledger queue", "transactions waiting", Map.of("s", zero));
        written(chart, "ledger-queue", 640, 400);
        assertEquals(1, chart.getXYPlot().getRangeAxis().getUpperBound());
    }

    @Test
    void theBandIsLeftOutWhereFewerThanThreeRunsRemainAndTheRunningCountIsDrawn() throws Exception {
        Bands b = new Bands("leechers", new double[] {0, 60, 120, 180}, new double[] {10, 12, 14, 16},
                new double[] {8, 9, 3, 16}, new double[] {12, 15, 25, 16}, new int[] {4, 3, 2, 1}, 0);
        JFreeChart chart = Charts.timeSeries("Peers", "peers online", Map.of("s", b));
        written(chart, "running", 640, 400);
        var d = (org.jfree.data.xy.IntervalXYDataset) chart.getXYPlot().getDataset(0);
        assertEquals(9.0, d.getStartYValue(0, 1), "3 runs: band drawn");
        assertEquals(15.0, d.getEndYValue(0, 1));
        assertEquals(14.0, d.getStartYValue(0, 2), "2 runs: no band");
        assertEquals(14.0, d.getEndYValue(0, 2));
        XYDataset running = chart.getXYPlot().getDataset(1);
        assertEquals(4, running.getItemCount(0));
        for (int i = 0; i < 4; i++) {
            assertEquals(b.n()[i], running.getYValue(0, i), "replications running at " + b.time()[i]);
        }
        assertEquals(1, chart.getXYPlot().getRangeAxisIndex(chart.getXYPlot().getRangeAxis(1)));
        assertTrue(chart.getXYPlot().getRangeAxis(1).getLabel().contains("replications still running"));
        String subtitle = ((org.jfree.chart.title.TextTitle) chart.getSubtitle(1)).getText();
        assertTrue(subtitle.contains("not drawn where fewer than 3 runs remain"), subtitle);
        assertTrue(subtitle.contains("how many of 4"), subtitle);
    }

    @Test
    void pieceCopiesAtMoreThanAHundredCopiesAreBinnedIntoReadableBars() throws Exception {
        double[] moment = new double[151];
        for (int k = 0; k < moment.length; k++) {
            moment[k] = 1 + (k * 7) % 5;
        }
        moment[0] = 3;
        moment[1] = 2;
        JFreeChart chart = Charts.pieceCopies("Piece copies", Map.of("at 1 min", moment));
        BufferedImage png = written(chart, "piece-copies-wide", 900, 560);
        XYDataset d = chart.getXYPlot().getDataset(0);
        int bars = d.getItemCount(0);
        assertTrue(bars <= Charts.MAX_BARS, bars + " bars");
        assertEquals(3, d.getYValue(0, 0), "0 copies keeps its own bar");
        assertEquals(2, d.getYValue(0, 1), "1 copy keeps its own bar");
        double total = 0;
        double expected = 0;
        for (int i = 0; i < bars; i++) {
            total += d.getYValue(0, i);
        }
        for (double v : moment) {
            expected += v;
        }
        assertEquals(expected, total, 1e-9, "every piece is in one bar");
        var x = (org.jfree.chart.axis.SymbolAxis) chart.getXYPlot().getDomainAxis();
        assertEquals("0", x.getSymbols()[0]);
        assertEquals("1", x.getSymbols()[1]);
        assertTrue(x.getSymbols()[bars - 1].endsWith("-150"), x.getSymbols()[bars - 1]);
        double narrowest = narrowestBar(chart, bars);
        assertTrue(narrowest >= 10, "every bar at least 10 px wide, not a hairline: " + narrowest);
        assertTrue(luminanceVariance(png) > 100);
        String subtitle = ((org.jfree.chart.title.TextTitle) chart.getSubtitle(1)).getText();
        assertTrue(subtitle.startsWith("Bars") && !subtitle.contains("curve"), subtitle);
    }

    /** Draws the chart at 900 x 560 and measures its narrowest bar in pixels. */
    private static double narrowestBar(JFreeChart chart, int barsPerSeries) {
        var info = new org.jfree.chart.ChartRenderingInfo();
        chart.createBufferedImage(900, 560, info);
        double narrowest = Double.POSITIVE_INFINITY;
        int drawn = 0;
        for (Object e : info.getEntityCollection().getEntities()) {
            if (e instanceof org.jfree.chart.entity.XYItemEntity item) {
                narrowest = Math.min(narrowest, item.getArea().getBounds2D().getWidth());
                drawn++;
            }
        }
        assertEquals(barsPerSeries * chart.getXYPlot().getDataset(0).getSeriesCount(), drawn);
        return narrowest;
    }

    @Test
    void fourMomentsOfFortyCopyCountsStillGetWideBars() throws Exception {
        Map<String, double[]> h = new LinkedHashMap<>();
        for (int m = 0; m < 4; m++) {
            double[] v = new double[40];
            java.util.Arrays.fill(v, 1 + m);
            h.put("at " + m + " min", v);
        }
        JFreeChart chart = Charts.pieceCopies("Piece copies", h);
        double narrowest = narrowestBar(chart, chart.getXYPlot().getDataset(0).getItemCount(0));
        assertTrue(narrowest >= 8, "every bar at least 8 px wide: " + narrowest);
    }

    @Test
    void fewCopyCountsKeepOneBarPerCount() {
        Charts.CopyBins bins = Charts.CopyBins.of(40, 60);
        assertEquals(1, bins.width());
        assertEquals(40, bins.from().length);
        Charts.CopyBins four = Charts.CopyBins.of(38, 15);
        assertEquals(5, four.width(), "36 counts from 2 in bins of 5: 8 bars + 2");
        assertEquals(10, four.from().length);
        assertEquals(37, four.to()[9]);
        Charts.CopyBins wide = Charts.CopyBins.of(151, 60);
        assertEquals(5, wide.width(), "149 counts from 2 in bins of 5: 30 bars + 2");
        assertEquals(32, wide.from().length);
        assertEquals(2, wide.from()[2]);
        assertEquals(6, wide.to()[2]);
        assertEquals(150, wide.to()[31]);
    }

    @Test
    void withThreeScenariosSeedsAndLeechersShareTheirScenariosColour() throws Exception {
        Map<String, Bands> leechers = new LinkedHashMap<>();
        Map<String, Bands> seeds = new LinkedHashMap<>();
        for (String name : List.of("a", "b", "c")) {
            leechers.put(name, Bands.of(reps, "leechers"));
            seeds.put(name, Bands.of(reps, "seeds"));
        }
        JFreeChart chart = Charts.population(leechers, seeds);
        written(chart, "population-three", 900, 560);
        XYDataset d = chart.getXYPlot().getDataset(0);
        var r = chart.getXYPlot().getRenderer(0);
        assertEquals(6, d.getSeriesCount());
        java.util.Set<Object> hues = new java.util.HashSet<>();
        for (int k = 0; k < 3; k++) {
            int seedsAt = 2 * k;
            int leechersAt = 2 * k + 1;
            assertTrue(d.getSeriesKey(seedsAt).toString().endsWith("seeds"));
            assertTrue(d.getSeriesKey(leechersAt).toString().endsWith("leechers"));
            assertEquals(r.getSeriesPaint(seedsAt), r.getSeriesPaint(leechersAt), "one hue per scenario");
            assertEquals(null, ((java.awt.BasicStroke) r.getSeriesStroke(seedsAt)).getDashArray(), "seeds solid");
            assertTrue(((java.awt.BasicStroke) r.getSeriesStroke(leechersAt)).getDashArray() != null,
                    "leechers dashed");
            hues.add(r.getSeriesPaint(seedsAt));
        }
        assertEquals(3, hues.size(), "three scenarios, three colours");
    }

    @Test
    void tooSmallAChartIsRefused() {
        Bands b = Bands.of(reps, "leechers");
        JFreeChart chart = Charts.timeSeries("x", "y", Map.of("s", b));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ChartFiles.write(chart, tmp, "x", 50, 400));
    }
}
