package org.speedsim.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Charts of designs with many factors: main-effect plots (one panel per factor, sharing the metric's axis: every
 * point's value as a dot and the average per level as a line) and the ranking of factors by their Sobol indices
 * (horizontal bars, first-order and total side by side, the most influential factor on top).
 *
 * <p>Invariant: a chart shows exactly the values it is given; NaN values are left out rather than drawn as zero.
 */
public final class FactorCharts {

    /**
     * One factor's panel: the points ({@code x}, {@code y}) and the main effect ({@code effectX}, {@code effectY});
     * {@code xLabels} name the positions 0, 1, ... when the factor is not numeric, else null.
     */
    public record Panel(String factor, List<String> xLabels, double[] x, double[] y, double[] effectX,
                        double[] effectY) {
    }

    /** A factor's indices as drawn: first-order and total, each with its interval (shown in the label). */
    public record Ranked(String factor, SobolIndices.Factor indices) {
    }

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color GRID = new Color(225, 225, 225);
    private static final Color DOTS = new Color(120, 120, 120, 110);

    private FactorCharts() {
    }

    /** The main-effect plot of one metric over every factor of a design. */
    public static JFreeChart mainEffects(String title, String subtitle, String yLabel, List<Panel> panels) {
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        y.setLabelFont(SMALL);
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(y);
        combined.setGap(12);
        for (Panel p : panels) {
            XYSeries dots = new XYSeries("point means", false, true);
            for (int i = 0; i < p.x().length; i++) {
                if (!Double.isNaN(p.y()[i])) {
                    dots.add(p.x()[i], p.y()[i]);
                }
            }
            XYSeries effect = new XYSeries("main effect", false, true);
            for (int i = 0; i < p.effectX().length; i++) {
                if (!Double.isNaN(p.effectY()[i])) {
                    effect.add(p.effectX()[i], p.effectY()[i]);
                }
            }
            XYLineAndShapeRenderer dotRenderer = new XYLineAndShapeRenderer(false, true);
            dotRenderer.setSeriesPaint(0, DOTS);
            dotRenderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            dotRenderer.setSeriesVisibleInLegend(0, false);
            XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, true);
            lineRenderer.setSeriesPaint(0, Charts.colour(0));
            lineRenderer.setSeriesStroke(0, new BasicStroke(2.5f));
            lineRenderer.setSeriesVisibleInLegend(0, false);
            ValueAxis x;
            if (p.xLabels() != null) {
                x = new SymbolAxis(p.factor(), p.xLabels().toArray(String[]::new));
            } else {
                NumberAxis n = new NumberAxis(p.factor());
                n.setAutoRangeIncludesZero(false);
                x = n;
            }
            x.setLabelFont(SMALL);
            XYPlot plot = new XYPlot(new XYSeriesCollection(effect), x, null, lineRenderer);
            plot.setDataset(1, new XYSeriesCollection(dots));
            plot.setRenderer(1, dotRenderer);
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(GRID);
            plot.setRangeGridlinePaint(GRID);
            combined.add(plot, 1);
        }
        JFreeChart chart = new JFreeChart(title, TITLE, combined, false);
        return finish(chart, subtitle);
    }

    /** Factors ranked by their total index (largest on top), first-order and total bars side by side. */
    public static JFreeChart sensitivity(String title, String subtitle, List<Ranked> factors) {
        List<Ranked> sorted = factors.stream()
                .sorted((a, b) -> Double.compare(orZero(b.indices().total().value()),
                        orZero(a.indices().total().value())))
                .toList();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Ranked r : sorted) {
            String label = r.factor() + "  (total " + interval(r.indices().total()) + ", first " + interval(
                    r.indices().firstOrder()) + ")";
            data.addValue(orZero(r.indices().firstOrder().value()), "first-order index", label);
            data.addValue(orZero(r.indices().total().value()), "total index", label);
        }
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, Charts.colour(0));
        bars.setSeriesPaint(1, Charts.colour(1));
        bars.setItemMargin(0.05);
        CategoryAxis categories = new CategoryAxis();
        categories.setTickLabelFont(SMALL);
        categories.setMaximumCategoryLabelWidthRatio(0.6f);
        NumberAxis value = new NumberAxis("Sobol index (share of the output's variance)");
        value.setLabelFont(SMALL);
        CategoryPlot plot = new CategoryPlot(data, categories, value, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setFrame(BlockBorder.NONE);
        return finish(chart, subtitle);
    }

    private static String interval(SobolIndices.Index index) {
        return Double.isNaN(index.value()) ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f [%.2f, %.2f]",
                index.value(), index.lower(), index.upper());
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static JFreeChart finish(JFreeChart chart, String subtitle) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 6, 12));
        TextTitle sub = new TextTitle(subtitle, SMALL);
        sub.setPaint(new Color(70, 70, 70));
        sub.setPadding(new RectangleInsets(2, 4, 6, 4));
        chart.addSubtitle(sub);
        return chart;
    }
}
