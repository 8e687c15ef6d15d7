package org.speedsim.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Charts of experiments over parameters: response curves (a metric's mean over replications against a parameter,
 * with its confidence band, one line per group) and heat maps (a metric's mean over a grid of two parameters).
 * Parameters whose values are not numbers are drawn at evenly spaced positions labelled with the values.
 *
 * <p>Invariant: a chart shows exactly the points it is given, in the order of the x values; NaN means are left out
 * (no run had the value) rather than drawn as zero.
 */
public final class ResponseCharts {

    /** One curve: the x positions and, at each, the mean with its interval (NaN bounds: no interval). */
    public record Curve(double[] x, double[] mean, double[] lower, double[] upper) {

        /**
         * The estimates and interval ends of {@code intervals}, the i-th at {@code x[i]}; each interval lies in its
         * metric's range (see {@link Estimate}), so the band does too.
         */
        public static Curve of(double[] x, List<Estimate> intervals) {
            int n = intervals.size();
            double[] mean = new double[n];
            double[] lower = new double[n];
            double[] upper = new double[n];
            for (int i = 0; i < n; i++) {
                Estimate ci = intervals.get(i);
                mean[i] = ci.value();
                lower[i] = ci.lower();
                upper[i] = ci.upper();
            }
            return new Curve(x, mean, lower, upper);
        }
    }

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color GRID = new Color(225, 225, 225);

    private ResponseCharts() {
    }

    /**
     * Mean of a metric against a parameter, one line per group, with its confidence band.
     *
     * @param xLabels labels of the x positions when the parameter is not numeric, else null
     */
    public static JFreeChart response(String title, String subtitle, String xLabel, List<String> xLabels,
                                      String yLabel, Map<String, Curve> groups) {
        return response(title, subtitle, new Quantities.Quantity(xLabel, "", 1), xLabels,
                new Quantities.Quantity(yLabel, "", 1), groups);
    }

    /**
     * Mean of a metric against a parameter, one line per group, with its confidence band; the axes are labelled with
     * the quantities' names and units, and their ticks read in those units.
     *
     * @param xLabels labels of the x positions when the parameter is not numeric, else null
     */
    public static JFreeChart response(String title, String subtitle, Quantities.Quantity x, List<String> xLabels,
                                      Quantities.Quantity y, Map<String, Curve> groups) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Map.Entry<String, Curve> e : groups.entrySet()) {
            Curve c = e.getValue();
            YIntervalSeries s = new YIntervalSeries(e.getKey(), true, true);
            for (int i = 0; i < c.x().length; i++) {
                if (Double.isNaN(c.mean()[i])) {
                    continue;
                }
                double lo = Double.isNaN(c.lower()[i]) ? c.mean()[i] : c.lower()[i];
                double hi = Double.isNaN(c.upper()[i]) ? c.mean()[i] : c.upper()[i];
                s.add(c.x()[i], c.mean()[i], lo, hi);
            }
            data.addSeries(s);
        }
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.2f);
        for (int i = 0; i < groups.size(); i++) {
            renderer.setSeriesPaint(i, Charts.colour(i));
            renderer.setSeriesFillPaint(i, Charts.colour(i));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        NumberAxis yAxis = Axes.value(y.label(), y.divisor());
        org.jfree.data.Range span = org.jfree.data.general.DatasetUtils.findRangeBounds(data, true);
        yAxis.setAutoRangeIncludesZero(span == null || span.getLength() == 0);
        XYPlot plot = new XYPlot(data, xAxis(x, xLabels), yAxis, renderer);
        return finish(title, subtitle, plot, groups.size() > 1);
    }

    /**
     * The objective of a one-parameter tuning at every evaluated value, with the best value marked by a vertical
     * line and its interval shaded across the plot.
     *
     * @param best     the best parameter value
     * @param interval the interval of the best value: its lower and upper end
     */
    public static JFreeChart tuning(String title, String subtitle, Quantities.Quantity x, Quantities.Quantity y,
                                    Curve evaluations, double best, double[] interval) {
        JFreeChart chart = response(title, subtitle, x, null, y, Map.of(y.name(), evaluations));
        XYPlot plot = chart.getXYPlot();
        Color mark = new Color(213, 94, 0);
        IntervalMarker band = new IntervalMarker(interval[0], interval[1], new Color(213, 94, 0, 28));
        band.setLabel("interval of the best");
        band.setLabelFont(SMALL);
        band.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        band.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        band.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        plot.addDomainMarker(band, Layer.BACKGROUND);
        ValueMarker line = new ValueMarker(best, mark, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        line.setLabel("best");
        line.setLabelFont(SMALL);
        line.setLabelPaint(mark);
        line.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        line.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        line.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        plot.addDomainMarker(line, Layer.FOREGROUND);
        return chart;
    }

    /**
     * A metric's mean over a grid of two parameters as coloured cells (light: low, dark: high).
     *
     * @param z {@code z[i][j]} at {@code x[i]}, {@code y[j]}; NaN cells are left blank
     */
    public static JFreeChart heatMap(String title, String subtitle, String xLabel, List<String> xLabels,
                                     double[] x, String yLabel, List<String> yLabels, double[] y, String zLabel,
                                     double[][] z) {
        return heatMap(title, subtitle, new Quantities.Quantity(xLabel, "", 1), xLabels, x,
                new Quantities.Quantity(yLabel, "", 1), yLabels, y, new Quantities.Quantity(zLabel, "", 1), z);
    }

    /**
     * A metric's mean over a grid of two parameters, the axes and the colour scale labelled with the quantities'
     * names and units.
     *
     * @param values {@code values[i][j]} at {@code xs[i]}, {@code ys[j]}; NaN cells are left blank
     */
    public static JFreeChart heatMap(String title, String subtitle, Quantities.Quantity xQuantity,
                                     List<String> xLabels, double[] x, Quantities.Quantity yQuantity,
                                     List<String> yLabels, double[] y, Quantities.Quantity zQuantity, double[][] z) {
        int n = x.length * y.length;
        double[][] series = new double[3][n];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                series[0][k] = x[i];
                series[1][k] = y[j];
                series[2][k] = z[i][j];
                if (!Double.isNaN(z[i][j])) {
                    min = Math.min(min, z[i][j]);
                    max = Math.max(max, z[i][j]);
                }
                k++;
            }
        }
        if (min > max) {
            min = 0;
            max = 1;
        }
        if (min == max) {
            max = min + 1;
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(zQuantity.name(), series);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(step(x));
        renderer.setBlockHeight(step(y));
        LookupPaintScale scale = new LookupPaintScale(min, max, Color.WHITE);
        int shades = 32;
        Color light = new Color(247, 251, 255);
        Color dark = new Color(8, 48, 107);
        for (int s = 0; s < shades; s++) {
            double f = s / (double) (shades - 1);
            scale.add(min + (max - min) * s / shades, new Color(mix(light.getRed(), dark.getRed(), f),
                    mix(light.getGreen(), dark.getGreen(), f), mix(light.getBlue(), dark.getBlue(), f)));
        }
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, xAxis(xQuantity, xLabels), xAxis(yQuantity, yLabels), renderer);
        JFreeChart chart = finish(title, subtitle, plot, false);
        NumberAxis zAxis = Axes.value(zQuantity.label(), zQuantity.divisor());
        zAxis.setAutoRangeIncludesZero(false);
        zAxis.setRange(min, max);
        zAxis.setTickLabelFont(SMALL);
        zAxis.setLabelFont(SMALL);
        PaintScaleLegend legend = new PaintScaleLegend(scale, zAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(4, 8, 4, 4));
        legend.setStripWidth(14);
        chart.addSubtitle(legend);
        return chart;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    private static double step(double[] v) {
        double step = Double.POSITIVE_INFINITY;
        for (int i = 1; i < v.length; i++) {
            step = Math.min(step, Math.abs(v[i] - v[i - 1]));
        }
        return Double.isInfinite(step) || step == 0 ? 1 : step;
    }

    private static ValueAxis xAxis(Quantities.Quantity quantity, List<String> labels) {
        ValueAxis axis = labels == null ? Axes.value(quantity.label(), quantity.divisor())
                : new SymbolAxis(quantity.label(), labels.toArray(String[]::new));
        if (axis instanceof NumberAxis n) {
            n.setAutoRangeIncludesZero(false);
        }
        return axis;
    }

    private static JFreeChart finish(String title, String subtitle, XYPlot plot, boolean legend) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlinePaint(new Color(160, 160, 160));
        for (ValueAxis a : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
            a.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            a.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        }
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 6, 12));
        TextTitle sub = new TextTitle(subtitle, SMALL);
        sub.setPaint(new Color(70, 70, 70));
        chart.addSubtitle(sub);
        if (legend) {
            chart.getLegend().setPosition(RectangleEdge.BOTTOM);
            chart.getLegend().setFrame(BlockBorder.NONE);
            chart.getLegend().setItemFont(SMALL);
        }
        return chart;
    }
}
