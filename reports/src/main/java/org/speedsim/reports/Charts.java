package org.speedsim.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.RangeType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The report's charts, each a {@link JFreeChart} over labelled groups (a group is a scenario, a variant or a
 * quantity), so several can be overlaid in one picture. Every chart has a title, a subtitle saying what the lines
 * and shading mean, axis labels with units, and a legend.
 *
 * <p>Invariant: the plotted x and y values are the input values unchanged (seconds, counts, micro-BTT); only tick
 * labels are scaled to minutes, hours or BTT. Dataset 0 of every chart holds the groups in the map's order.
 */
public final class Charts {

    /** Okabe-Ito colours, distinguishable with the common colour-vision deficiencies. */
    private static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0), new Color(240, 228, 66)
    };
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font AXIS = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Color GRID = new Color(225, 225, 225);

    private Charts() {
    }

    /** The colour of the {@code i}-th group. */
    public static Color colour(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /**
     * Quantities over time, each group drawn as its mean line with its 95 % confidence band shaded.
     *
     * @param yDivisor tick labels show y divided by this (1e6 turns micro-BTT into BTT)
     */
    public static JFreeChart timeSeries(String title, String yLabel, double yDivisor, Map<String, Bands> groups) {
        return timeSeries(title, yLabel, yDivisor, groups, "", Double.POSITIVE_INFINITY);
    }

    /**
     * A quantity between 0 and 1 over time (a utilisation, a Gini coefficient): as {@link #timeSeries}, with the
     * confidence band cut to [0, 1] and the axis from 0 to 1.
     */
    public static JFreeChart fraction(String title, String yLabel, Map<String, Bands> groups) {
        JFreeChart chart = timeSeries(title, yLabel, 1, groups, "", 1);
        chart.getXYPlot().getRangeAxis().setRange(0, 1.02);
        return chart;
    }

    private static JFreeChart timeSeries(String title, String yLabel, double yDivisor, Map<String, Bands> groups,
                                         String note, double ceiling) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        double maxTime = 0;
        double maxY = 0;
        int maxN = 0;
        boolean nonNegative = groups.values().stream().allMatch(b -> !(b.min() < 0));
        for (Map.Entry<String, Bands> e : groups.entrySet()) {
            Bands b = e.getValue();
            YIntervalSeries s = new YIntervalSeries(e.getKey(), false, true);
            for (int i = 0; i < b.size(); i++) {
                double lower = nonNegative ? Math.max(0, b.lower()[i]) : b.lower()[i];
                s.add(b.time()[i], b.mean()[i], lower, Math.min(ceiling, b.upper()[i]));
                maxTime = Math.max(maxTime, b.time()[i]);
                maxY = Math.max(maxY, Math.abs(b.upper()[i]));
                maxN = Math.max(maxN, b.n()[i]);
            }
            data.addSeries(s);
        }
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(0.22f);
        for (int i = 0; i < groups.size(); i++) {
            renderer.setSeriesPaint(i, colour(i));
            renderer.setSeriesFillPaint(i, colour(i));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        NumberAxis y = Axes.value(yLabel, yDivisor);
        if (nonNegative) {
            y.setRangeType(RangeType.POSITIVE);
        }
        if (maxY == 0) {
            y.setRange(-0.03, 1);
        }
        XYPlot plot = new XYPlot(data, Axes.time("time since start", maxTime), y, renderer);
        String subtitle = maxN > 1
                ? "Lines: mean over the replications (up to " + maxN + "; fewer once a run has ended); shaded: 95 % "
                    + "confidence interval of the mean"
                    + (ceiling == 1 ? ", cut to [0, 1]" : nonNegative ? ", cut at 0" : "")
                : "One replication";
        if (maxY == 0) {
            subtitle += "; every value is 0";
        }
        return finish(title, subtitle + note, plot);
    }

    /** {@link #timeSeries(String, String, double, Map)} with tick labels in the data's own unit. */
    public static JFreeChart timeSeries(String title, String yLabel, Map<String, Bands> groups) {
        return timeSeries(title, yLabel, 1, groups);
    }

    /**
     * Availability (distributed copies) over time with the swarm's death marked: a dashed vertical line at each
     * replication's death time in the group's colour, and a reference line at 1 (below it the online peers
     * together lack a piece).
     *
     * @param deaths per group, the death times in seconds of the replications whose swarm died
     */
    public static JFreeChart availability(Map<String, Bands> groups, Map<String, double[]> deaths) {
        int died = deaths.values().stream().mapToInt(d -> d.length).sum();
        JFreeChart chart = timeSeries("Availability: distributed copies of the file among online peers",
                "distributed copies", 1, groups, died == 0 ? "; no swarm died"
                        : "; dashed vertical line: the moment a swarm lost the file (" + died + ")",
                Double.POSITIVE_INFINITY);
        XYPlot plot = chart.getXYPlot();
        ValueMarker one = new ValueMarker(1, new Color(120, 120, 120), dashed(1.2f));
        label(one, "1.0: one full copy online", RectangleAnchor.TOP_RIGHT, TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(one, Layer.BACKGROUND);
        int g = 0;
        boolean labelled = false;
        for (String key : groups.keySet()) {
            double[] d = deaths.getOrDefault(key, new double[0]);
            for (double t : d) {
                ValueMarker m = new ValueMarker(t, colour(g), dashed(1.5f));
                if (!labelled) {
                    labelled = true;
                    label(m, "swarm died", RectangleAnchor.TOP_LEFT, TextAnchor.TOP_RIGHT);
                }
                plot.addDomainMarker(m, Layer.FOREGROUND);
            }
            g++;
        }
        return chart;
    }

    /**
     * The empirical distribution of download times per group: the fraction of a group's leechers that had finished
     * within a given time. NaN values are leechers that never finished: they count in the denominator, so such a
     * curve ends below 1.
     */
    public static JFreeChart downloadCdf(Map<String, double[]> downloadSeconds) {
        XYSeriesCollection data = new XYSeriesCollection();
        double max = 0;
        for (Map.Entry<String, double[]> e : downloadSeconds.entrySet()) {
            double[] all = e.getValue();
            double[] done = Arrays.stream(all).filter(d -> !Double.isNaN(d)).sorted().toArray();
            XYSeries s = new XYSeries(e.getKey() + " (" + done.length + " of " + all.length + ")", false, true);
            if (done.length > 0) {
                s.add(done[0], 0.0);
            }
            for (int i = 0; i < done.length; i++) {
                s.add(done[i], (double) (i + 1) / all.length);
                max = Math.max(max, done[i]);
            }
            data.addSeries(s);
        }
        XYStepRenderer renderer = new XYStepRenderer();
        for (int i = 0; i < downloadSeconds.size(); i++) {
            renderer.setSeriesPaint(i, colour(i));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        NumberAxis y = Axes.value("fraction of leechers finished", 1);
        y.setRange(0, 1.02);
        y.setTickUnit(new NumberTickUnit(0.1));
        XYPlot plot = new XYPlot(data, Axes.time("download time", max), y, renderer);
        return finish("Download time distribution by peer class and client",
                "Each curve: leechers of one group, pooled over replications (finished of all in brackets); "
                    + "a curve ending below 1: some never finished", plot);
    }

    /**
     * How many pieces are held by exactly k online peers, at chosen moments. Pieces at the left edge are the ones
     * the swarm is closest to losing; a piece with 0 copies is lost to the online peers.
     *
     * @param piecesByCopies per moment label, element k = number of pieces with exactly k online copies
     */
    public static JFreeChart pieceCopies(String title, Map<String, double[]> piecesByCopies) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, double[]> e : piecesByCopies.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), true, false);
            double[] v = e.getValue();
            for (int k = 0; k < v.length; k++) {
                s.add(k, v[k]);
            }
            data.addSeries(s);
        }
        data.setIntervalWidth(0.9);
        ClusteredXYBarRenderer renderer = new ClusteredXYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        for (int i = 0; i < piecesByCopies.size(); i++) {
            Color c = colour(i);
            renderer.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), 190));
        }
        NumberAxis x = Axes.value("online peers holding the piece (copies)", 1);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(true);
        x.setLowerMargin(0.01);
        NumberAxis y = Axes.value("pieces", 1);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, x, y, renderer);
        IntervalMarker risk = new IntervalMarker(-0.5, 1.5, new Color(213, 94, 0, 40));
        label(risk, "0-1 copies: lost, or one departure from lost", RectangleAnchor.TOP_LEFT, TextAnchor.TOP_LEFT);
        plot.addDomainMarker(risk, Layer.BACKGROUND);
        return finish(title, "Bars: one colour per moment of the run, side by side; bars far from the left edge mean a healthy swarm",
                plot);
    }

    /**
     * Kaplan-Meier curves of swarm lifetime (the time until the swarm lost the file), each group with its
     * confidence band shaded and its censored lifetimes (runs that ended with the swarm alive) marked with a cross.
     */
    public static JFreeChart survival(Map<String, SurvivalCurve> groups) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYSeriesCollection censored = new XYSeriesCollection();
        double max = 0;
        int subjects = 0;
        int deaths = 0;
        for (Map.Entry<String, SurvivalCurve> e : groups.entrySet()) {
            SurvivalCurve c = e.getValue();
            YIntervalSeries s = new YIntervalSeries(e.getKey(), false, true);
            s.add(0, 1, 1, 1);
            double prev = 1;
            double prevLo = 1;
            double prevHi = 1;
            for (int i = 0; i < c.times().length; i++) {
                s.add(c.times()[i], prev, prevLo, prevHi);
                s.add(c.times()[i], c.survival()[i], c.lower()[i], c.upper()[i]);
                prev = c.survival()[i];
                prevLo = c.lower()[i];
                prevHi = c.upper()[i];
            }
            if (c.end() > (c.times().length == 0 ? 0 : c.times()[c.times().length - 1])) {
                s.add(c.end(), prev, prevLo, prevHi);
            }
            data.addSeries(s);
            XYSeries marks = new XYSeries(e.getKey() + ": censored", false, true);
            for (double t : c.censored()) {
                marks.add(t, c.at(t));
            }
            censored.addSeries(marks);
            max = Math.max(max, c.end());
            subjects += c.subjects();
            for (int d : c.events()) {
                deaths += d;
            }
        }
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(0.2f);
        XYLineAndShapeRenderer marks = new XYLineAndShapeRenderer(false, true);
        marks.setDefaultShapesFilled(false);
        marks.setDrawOutlines(true);
        marks.setUseOutlinePaint(false);
        for (int i = 0; i < groups.size(); i++) {
            renderer.setSeriesPaint(i, colour(i));
            renderer.setSeriesFillPaint(i, colour(i));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            marks.setSeriesPaint(i, colour(i));
            marks.setSeriesShape(i, cross(5));
            marks.setSeriesOutlineStroke(i, new BasicStroke(1.5f));
            marks.setSeriesVisibleInLegend(i, false);
        }
        NumberAxis y = Axes.value("probability the swarm still has the file", 1);
        y.setRange(0, 1.05);
        y.setTickUnit(new NumberTickUnit(0.1));
        XYPlot plot = new XYPlot(data, Axes.time("swarm lifetime", max), y, renderer);
        plot.setDataset(1, censored);
        plot.setRenderer(1, marks);
        String subtitle = "Kaplan-Meier estimate over " + subjects + " replications, " + deaths + " swarm death"
                + (deaths == 1 ? "" : "s") + "; shaded: 95 % confidence band (log-log); "
                + "+: run ended with the swarm alive (censored)";
        return finish("Swarm survival: time until the swarm lost the file", subtitle, plot);
    }

    private static JFreeChart finish(String title, String subtitle, XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlinePaint(new Color(160, 160, 160));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (NumberAxis a : List.of((NumberAxis) plot.getDomainAxis(), (NumberAxis) plot.getRangeAxis())) {
            a.setLabelFont(AXIS);
            a.setTickLabelFont(TICKS);
        }
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 6, 12));
        TextTitle sub = new TextTitle(subtitle, SUBTITLE);
        sub.setPaint(new Color(70, 70, 70));
        sub.setPadding(new RectangleInsets(2, 4, 6, 4));
        chart.addSubtitle(sub);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        legend.setItemFont(TICKS);
        return chart;
    }

    private static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    private static Shape cross(double r) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(-r, 0);
        p.lineTo(r, 0);
        p.moveTo(0, -r);
        p.lineTo(0, r);
        return p;
    }

    /** Labels a marker in the tick font on a transparent background, placed by the two anchors. */
    private static void label(Marker m, String text, RectangleAnchor anchor, TextAnchor textAnchor) {
        m.setLabel(text);
        m.setLabelFont(TICKS);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        m.setLabelAnchor(anchor);
        m.setLabelTextAnchor(textAnchor);
    }
}
