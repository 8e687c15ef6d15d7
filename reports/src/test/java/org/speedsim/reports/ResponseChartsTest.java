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
}
