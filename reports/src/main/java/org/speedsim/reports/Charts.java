package org.speedsim.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
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
 * labels are scaled to minutes, hours or BTT (the one exception: piece-copy bars past {@link #MAX_BARS} copy counts
 * sum a range of counts and sit at the bar's index). Dataset 0 of every chart holds the groups in the map's order;
 * a time series of several replications has dataset 1, the number of replications still running, on a second axis.
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

    /** Fewer replications than this at a time point: no confidence band is drawn there. */
    public static final int MIN_BAND_RUNS = 3;

    /** How a group's line is drawn: its colour, and dashed or solid. */
    private record Look(Color colour, boolean dashed) {
    }

    /**
     * Quantities over time, each group drawn as its mean line with its 95 % confidence band shaded.
     *
     * @param yDivisor tick labels show y divided by this (1e6 turns micro-BTT into BTT)
     */
    public static JFreeChart timeSeries(String title, String yLabel, double yDivisor, Map<String, Bands> groups) {
        return timeSeries(title, yLabel, yDivisor, groups, "", Double.POSITIVE_INFINITY, defaultLooks(groups.size()));
    }

    /** A time-series column as {@link #timeSeries(String, String, double, Map)}, labelled from {@link Quantities}. */
    public static JFreeChart timeSeries(String title, Quantities.Quantity quantity, Map<String, Bands> groups) {
        return timeSeries(title, quantity.label(), quantity.divisor(), groups);
    }

    /**
     * Leechers and seeds online over time. With one scenario the two are two colours; with several, each scenario
     * has one colour, its seeds drawn solid and its leechers dashed.
     *
     * @param leechers per scenario, the bands of the leechers column
     * @param seeds    per scenario (the same keys in the same order), the bands of the seeds column
     */
    public static JFreeChart population(Map<String, Bands> leechers, Map<String, Bands> seeds) {
        Map<String, Bands> groups = new LinkedHashMap<>();
        List<Look> looks = new ArrayList<>();
        boolean several = leechers.size() > 1;
        int k = 0;
        for (String scenario : leechers.keySet()) {
            String prefix = several ? scenario + ": " : "";
            groups.put(prefix + "seeds", seeds.get(scenario));
            looks.add(new Look(colour(k), false));
            groups.put(prefix + "leechers", leechers.get(scenario));
            looks.add(several ? new Look(colour(k), true) : new Look(colour(k + 1), false));
            k++;
        }
        return timeSeries("Peers online: seeds and leechers", "peers online", 1, groups,
                several ? "; one colour per scenario: seeds solid, leechers dashed" : "", Double.POSITIVE_INFINITY,
                looks);
    }

    /**
     * A quantity between 0 and 1 over time (a utilisation, a Gini coefficient): as {@link #timeSeries}, with the
     * confidence band cut to [0, 1] and the axis from 0 to 1.
     */
    public static JFreeChart fraction(String title, String yLabel, Map<String, Bands> groups) {
        JFreeChart chart = timeSeries(title, yLabel, 1, groups, "", 1, defaultLooks(groups.size()));
        chart.getXYPlot().getRangeAxis().setRange(0, 1.02);
        return chart;
    }

    private static List<Look> defaultLooks(int n) {
        List<Look> looks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            looks.add(new Look(colour(i), false));
        }
        return looks;
    }

    /**
     * Dataset 0: each group's mean with its band (no band where fewer than {@value #MIN_BAND_RUNS} replications are
     * running); with more than one replication, dataset 1 on a second axis at the right: how many are running.
     */
    private static JFreeChart timeSeries(String title, String yLabel, double yDivisor, Map<String, Bands> groups,
                                         String note, double ceiling, List<Look> looks) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYSeriesCollection running = new XYSeriesCollection();
        double maxTime = 0;
        double maxY = 0;
        int maxN = 0;
        boolean thinned = false;
        boolean nonNegative = groups.values().stream().allMatch(b -> !(b.min() < 0));
        for (Map.Entry<String, Bands> e : groups.entrySet()) {
            Bands b = e.getValue();
            YIntervalSeries s = new YIntervalSeries(e.getKey(), false, true);
            XYSeries n = new XYSeries(e.getKey() + ": replications running", false, true);
            for (int i = 0; i < b.size(); i++) {
                double lower = nonNegative ? Math.max(0, b.lower()[i]) : b.lower()[i];
                double upper = Math.min(ceiling, b.upper()[i]);
                if (b.n()[i] < MIN_BAND_RUNS) {
                    thinned |= b.n()[i] > 1;
                    lower = b.mean()[i];
                    upper = b.mean()[i];
                }
                s.add(b.time()[i], b.mean()[i], lower, upper);
                n.add(b.time()[i], b.n()[i]);
                maxTime = Math.max(maxTime, b.time()[i]);
                maxY = Math.max(maxY, Math.abs(b.upper()[i]));
                maxN = Math.max(maxN, b.n()[i]);
            }
            data.addSeries(s);
            running.addSeries(n);
        }
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(0.22f);
        for (int i = 0; i < groups.size(); i++) {
            Look look = looks.get(i);
            renderer.setSeriesPaint(i, look.colour());
            renderer.setSeriesFillPaint(i, look.colour());
            renderer.setSeriesStroke(i, look.dashed() ? dashed(2f) : new BasicStroke(2f));
        }
        NumberAxis y = Axes.value(yLabel, yDivisor);
        if (nonNegative) {
            y.setRangeType(RangeType.POSITIVE);
        }
        if (maxY == 0) {
            y.setRange(-0.03, 1);
        }
        XYPlot plot = new XYPlot(data, Axes.time("time since start", maxTime), y, renderer);
        String subtitle;
        if (maxN > 1) {
            XYStepRenderer steps = new XYStepRenderer();
            for (int i = 0; i < groups.size(); i++) {
                Color c = looks.get(i).colour();
                steps.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), 140));
                steps.setSeriesStroke(i, dotted());
                steps.setSeriesVisibleInLegend(i, false);
            }
            NumberAxis n = Axes.value("replications still running (dotted)", 1);
            n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            n.setRange(0, maxN * 1.05);
            plot.setRangeAxis(1, n);
            plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
            plot.setDataset(1, running);
            plot.mapDatasetToRangeAxis(1, 1);
            plot.setRenderer(1, steps);
            subtitle = "Lines: mean over the replications still running (dotted, right axis: how many of " + maxN
                    + "); shaded: 95 % confidence interval of the mean"
                    + (ceiling == 1 ? ", cut to [0, 1]" : nonNegative ? ", cut at 0" : "")
                    + (thinned ? ", not drawn where fewer than " + MIN_BAND_RUNS + " runs remain" : "");
        } else {
            subtitle = "One replication";
        }
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
                Double.POSITIVE_INFINITY, defaultLooks(groups.size()));
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
     * At most this many bars in a piece-copies chart (copy counts times moments): more copy counts are binned, so
     * that every bar stays several pixels wide.
     */
    public static final int MAX_BARS = 60;

    /**
     * The copy counts of a piece-copies chart: bar {@code i} counts the pieces held by {@code from[i]} to {@code to[i]}
     * online peers. 0 and 1 copies keep a bar each (lost, one departure from lost); above them, when there are more
     * than {@code maxBars} counts, bars cover a round number of counts (1, 2, 5, 10, 20, 50, ...).
     */
    record CopyBins(int[] from, int[] to, int width) {

        static CopyBins of(int counts, int maxBars) {
            int width = 1;
            int[] steps = {1, 2, 5};
            for (int scale = 1, i = 0; counts > 2 && 2 + (counts - 2 + width - 1) / width > maxBars; i++) {
                if (i == steps.length) {
                    i = 0;
                    scale *= 10;
                }
                width = steps[i] * scale;
            }
            int bars = counts <= 2 || width == 1 ? counts : 2 + (counts - 2 + width - 1) / width;
            int[] from = new int[bars];
            int[] to = new int[bars];
            for (int k = 0; k < bars; k++) {
                from[k] = k < 2 || width == 1 ? k : 2 + (k - 2) * width;
                to[k] = k < 2 || width == 1 ? k : Math.min(counts - 1, from[k] + width - 1);
            }
            return new CopyBins(from, to, width);
        }

        String label(int bar) {
            return from[bar] == to[bar] ? Integer.toString(from[bar]) : from[bar] + "-" + to[bar];
        }
    }

    /**
     * How many pieces are held by exactly k online peers, at chosen moments, as side-by-side bars. Pieces at the left
     * edge are the ones the swarm is closest to losing; a piece with 0 copies is lost to the online peers. Past
     * {@link #MAX_BARS} bars (copy counts times moments) the bars cover ranges of counts (see {@link CopyBins}) and
     * the x axis is labelled with the ranges.
     *
     * @param piecesByCopies per moment label, element k = number of pieces with exactly k online copies
     */
    public static JFreeChart pieceCopies(String title, Map<String, double[]> piecesByCopies) {
        int counts = piecesByCopies.values().stream().mapToInt(v -> v.length).max().orElse(0);
        CopyBins bins = CopyBins.of(counts, Math.max(8, MAX_BARS / Math.max(1, piecesByCopies.size())));
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, double[]> e : piecesByCopies.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), true, false);
            double[] v = e.getValue();
            for (int bar = 0; bar < bins.from().length; bar++) {
                double sum = 0;
                for (int k = bins.from()[bar]; k <= bins.to()[bar] && k < v.length; k++) {
                    sum += v[k];
                }
                s.add(bar, sum);
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
        String xLabel = "online peers holding the piece (copies" + (bins.width() > 1 ? ", from 2 in bins of "
                + bins.width() : "") + ")";
        NumberAxis x;
        if (bins.width() > 1) {
            String[] labels = new String[bins.from().length];
            for (int bar = 0; bar < labels.length; bar++) {
                labels[bar] = bins.label(bar);
            }
            SymbolAxis symbols = new SymbolAxis(xLabel, labels);
            symbols.setGridBandsVisible(false);
            symbols.setVerticalTickLabels(labels.length > 12);
            x = symbols;
        } else {
            x = Axes.value(xLabel, 1);
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        x.setAutoRangeIncludesZero(true);
        x.setLowerMargin(0.01);
        NumberAxis y = Axes.value("pieces", 1);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, x, y, renderer);
        IntervalMarker risk = new IntervalMarker(-0.5, 1.5, new Color(213, 94, 0, 40));
        label(risk, "0-1 copies: lost, or one departure from lost", RectangleAnchor.TOP_LEFT, TextAnchor.TOP_LEFT);
        plot.addDomainMarker(risk, Layer.BACKGROUND);
        return finish(title, "Bars: one colour per moment of the run, side by side"
                + (bins.width() > 1 ? "; 0 and 1 copies one bar each, then a bar per " + bins.width() + " counts" : "")
                + "; bars far from the left edge mean a healthy swarm", plot);
    }

    /**
     * Kaplan-Meier curves of swarm lifetime (the time until the swarm lost the file), each group with its
     * confidence band shaded and its censored lifetimes (runs that ended with the swarm alive) marked with a cross.
     */
    public static JFreeChart survival(Map<String, SurvivalCurve> groups) {
        return survival(groups, "Swarm survival: time until the swarm lost the file",
                "probability the swarm still has the file", "swarm lifetime",
                (subjects, deaths) -> "Kaplan-Meier estimate over " + subjects + " replications, " + deaths
                        + " swarm death" + (deaths == 1 ? "" : "s") + "; shaded: 95 % confidence band (log-log); "
                        + "+: run ended with the swarm alive (censored)", defaultColours(groups.size()));
    }

    /** The subtitle of a survival chart from its numbers of subjects and events. */
    @FunctionalInterface
    interface SurvivalSubtitle {
        String of(int subjects, int events);
    }

    /** The first {@code n} colours of the palette, repeating. */
    static List<Color> defaultColours(int n) {
        List<Color> colours = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            colours.add(colour(i));
        }
        return colours;
    }

    /**
     * Kaplan-Meier curves as {@link #survival(Map)}, with its own title, axis labels, subtitle and one colour per
     * group.
     */
    static JFreeChart survival(Map<String, SurvivalCurve> groups, String title, String yLabel, String xLabel,
                               SurvivalSubtitle subtitleOf, List<Color> colours) {
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
            renderer.setSeriesPaint(i, colours.get(i));
            renderer.setSeriesFillPaint(i, colours.get(i));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            marks.setSeriesPaint(i, colours.get(i));
            marks.setSeriesShape(i, cross(5));
            marks.setSeriesOutlineStroke(i, new BasicStroke(1.5f));
            marks.setSeriesVisibleInLegend(i, false);
        }
        NumberAxis y = Axes.value(yLabel, 1);
        y.setRange(0, 1.05);
        y.setTickUnit(new NumberTickUnit(0.1));
        XYPlot plot = new XYPlot(data, Axes.time(xLabel, max), y, renderer);
        plot.setDataset(1, censored);
        plot.setRenderer(1, marks);
        return finish(title, subtitleOf.of(subjects, deaths), plot);
    }

    /** Styles a plot and wraps it in a chart with its title, subtitle and a legend at the bottom. */
    static JFreeChart finish(String title, String subtitle, XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlinePaint(new Color(160, 160, 160));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        List<ValueAxis> axes = new ArrayList<>(List.of(plot.getDomainAxis()));
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            axes.add(plot.getRangeAxis(i));
        }
        for (ValueAxis a : axes) {
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

    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    private static BasicStroke dotted() {
        return new BasicStroke(1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1f, 3f}, 0f);
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
