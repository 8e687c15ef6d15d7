package org.speedsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.data.xy.XYZDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseChartsTest {

    @TempDir
    Path tmp;

    @Test
    void responseCurvesHoldTheirPointsAndLeaveOutMissingMeans() throws Exception {
        Map<String, ResponseCharts.Curve> groups = new LinkedHashMap<>();
        groups.put("a", new ResponseCharts.Curve(new double[] {0, 0.5, 1}, new double[] {1, Double.NaN, 3},
                new double[] {0.5, Double.NaN, 2}, new double[] {1.5, Double.NaN, 4}));
        groups.put("b", new ResponseCharts.Curve(new double[] {0, 1}, new double[] {2, 2},
                new double[] {Double.NaN, 2}, new double[] {Double.NaN, 2}));
        JFreeChart chart = ResponseCharts.response("t", "s", "rate", null, "lifetime", groups);
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) chart.getXYPlot().getDataset();
        assertEquals(2, data.getSeriesCount());
        assertEquals(2, data.getItemCount(0), "the NaN mean is left out");
        assertEquals(3.0, data.getYValue(0, 1));
        assertEquals(4.0, data.getEndYValue(0, 1));
        assertEquals(2.0, data.getStartYValue(1, 0), "no interval: the band is the mean");
        ChartFiles.Written w = ChartFiles.write(chart, tmp, "response", 400, 300);
        assertTrue(Files.size(w.png()) > 0 && Files.readString(w.svg()).contains("<svg"));
    }

    @Test
    void heatMapsPlaceEveryCellAndLabelNonNumericAxes() throws Exception {
        double[][] z = {{1, 2}, {3, Double.NaN}, {5, 6}};
        JFreeChart chart = ResponseCharts.heatMap("t", "s", "auction", List.of("uniform", "vcg", "first"),
                new double[] {0, 1, 2}, "rate", null, new double[] {0, 0.5}, "lifetime", z);
        XYZDataset data = (XYZDataset) chart.getXYPlot().getDataset();
        assertEquals(6, data.getItemCount(0));
        assertEquals(3.0, data.getZValue(0, 2));
        assertEquals(0.5, data.getYValue(0, 1));
        assertTrue(chart.getXYPlot().getDomainAxis() instanceof SymbolAxis);
        ChartFiles.write(chart, tmp, "heat", 400, 300);
    }

    @Test
    void theTuningChartMarksTheBestValueAndShadesItsInterval() throws Exception {
        ResponseCharts.Curve evaluations = new ResponseCharts.Curve(new double[] {0, 0.25, 0.5, 0.75, 1},
                new double[] {100, 300, 500, 450, 200}, new double[] {90, 280, 470, 420, 180},
                new double[] {110, 320, 530, 480, 220});
        JFreeChart chart = ResponseCharts.tuning("t", "s", Quantities.of("clients[1].bidding.spendingRate"),
                Quantities.of("swarm_lifetime_s"), evaluations, 0.5, new double[] {0.25, 0.75});
        var foreground = chart.getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        assertEquals(1, foreground.size());
        var best = (org.jfree.chart.plot.ValueMarker) foreground.iterator().next();
        assertEquals(0.5, best.getValue());
        assertEquals("best", best.getLabel());
        var background = chart.getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND);
        assertEquals(1, background.size());
        var interval = (org.jfree.chart.plot.IntervalMarker) background.iterator().next();
        assertEquals(0.25, interval.getStartValue());
        assertEquals(0.75, interval.getEndValue());
        assertEquals("swarm lifetime (s)", chart.getXYPlot().getRangeAxis().getLabel());
        assertEquals("spending rate (share of the balance offered)", chart.getXYPlot().getDomainAxis().getLabel());
        ChartFiles.write(chart, tmp, "evaluations", 900, 560);
    }

    @Test
    void responseAxesReadInTheQuantitysUnit() {
        Map<String, ResponseCharts.Curve> groups = Map.of("tokens paid", new ResponseCharts.Curve(
                new double[] {0, 1}, new double[] {1e6, 3e6}, new double[] {0.5e6, 2e6}, new double[] {1.5e6, 4e6}));
        JFreeChart chart = ResponseCharts.response("t", "s", Quantities.of("clients[1].bidding.spendingRate"), null,
                Quantities.of("tokens_paid"), groups);
        var y = (org.jfree.chart.axis.NumberAxis) chart.getXYPlot().getRangeAxis();
        assertEquals("tokens paid (BTT)", y.getLabel());
        assertEquals("3", y.getNumberFormatOverride().format(3e6), "ticks in BTT, data in micro-BTT");
        assertEquals(3e6, chart.getXYPlot().getDataset().getYValue(0, 1));
    }

    @Test
    void aFlatResponseStillGetsAReadableAxisFromZero() {
        Map<String, ResponseCharts.Curve> groups = Map.of("lifetime", new ResponseCharts.Curve(
                new double[] {0, 0.5, 1}, new double[] {3600, 3600, 3600}, new double[] {3600, 3600, 3600},
                new double[] {3600, 3600, 3600}));
        JFreeChart chart = ResponseCharts.response("t", "s", Quantities.of("x"), null,
                Quantities.of("swarm_lifetime_s"), groups);
        chart.createBufferedImage(640, 400);
        var y = chart.getXYPlot().getRangeAxis();
        assertEquals(0, y.getLowerBound(), "every value 3600: the axis starts at 0 instead of collapsing");
        assertTrue(y.getUpperBound() >= 3600);
    }
}
