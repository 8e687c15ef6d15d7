package org.speedsim.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The charts of a world report that the swarm report has no equivalent of: a share in [0, 1] over time per popularity
 * decile, and Lorenz curves of balances at a few moments. Deciles are drawn in a sequential colour scale, dark for
 * the most popular, so that their order reads without the legend.
 *
 * <p>Invariant: plotted values are the tables' values unchanged; a point without a value (NaN mean) is left out.
 */
final class WorldCharts {

    private WorldCharts() {
    }

    /** Colour of decile {@code d} (1..10): from dark blue (most popular) to light orange. */
    static Color decileColour(int d) {
        float t = (d - 1) / 9f;
        Color a = new Color(8, 48, 107);
        Color b = new Color(253, 174, 97);
        return new Color(Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }

    /** The colours of the deciles that are keys of {@code byDecile}, in its order. */
    static List<Color> decileColours(Iterable<Integer> deciles) {
        List<Color> colours = new ArrayList<>();
        for (int d : deciles) {
            colours.add(decileColour(d));
        }
        return colours;
    }

    /**
     * A share over time per decile: each decile's mean line with its 95 % band shaded where at least
     * {@value Charts#MIN_BAND_RUNS} replications have a value.
     */
    static JFreeChart deciles(String title, String yLabel, Map<Integer, Bands> byDecile, String note) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        double maxTime = 0;
        int maxN = 0;
        for (Map.Entry<Integer, Bands> e : byDecile.entrySet()) {
            Bands b = e.getValue();
            YIntervalSeries s = new YIntervalSeries(label(e.getKey()), false, true);
            for (int i = 0; i < b.size(); i++) {
                if (Double.isNaN(b.mean()[i])) {
                    continue;
                }
                boolean band = b.n()[i] >= Charts.MIN_BAND_RUNS && !Double.isNaN(b.lower()[i]);
                s.add(b.time()[i], b.mean()[i], band ? Math.max(0, b.lower()[i]) : b.mean()[i],
                        band ? Math.min(1, b.upper()[i]) : b.mean()[i]);
                maxTime = Math.max(maxTime, b.time()[i]);
                maxN = Math.max(maxN, b.n()[i]);
            }
            data.addSeries(s);
        }
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(0.12f);
        int i = 0;
        for (int d : byDecile.keySet()) {
            renderer.setSeriesPaint(i, decileColour(d));
            renderer.setSeriesFillPaint(i, decileColour(d));
            renderer.setSeriesStroke(i, new BasicStroke(d == 1 || d == 10 ? 2.6f : 1.6f));
            i++;
        }
        NumberAxis y = Axes.value(yLabel, 1);
        y.setRange(0, 1.02);
        y.setTickUnit(new NumberTickUnit(0.1));
        XYPlot plot = new XYPlot(data, Axes.time("time since start", maxTime), y, renderer);
        String subtitle = (maxN > 1 ? "Lines: mean over " + maxN + " replications; shaded: 95 % confidence interval "
                + "(where at least " + Charts.MIN_BAND_RUNS + " have a value), cut to [0, 1]" : "One replication")
                + "; decile 1 = the most popular tenth of the catalogue (dark)" + note;
        return Charts.finish(title, subtitle, plot);
    }

    /**
     * Lorenz curves: per moment, the mean share of tokens held by the poorest share of users, with the line of
     * equality dashed.
     *
     * @param curves per label, {x, y} arrays from (0, 0) to (1, 1)
     */
    static JFreeChart lorenz(String title, Map<String, double[][]> curves, int replications) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries equality = new XYSeries("equality (Gini 0)", false, true);
        equality.add(0, 0);
        equality.add(1, 1);
        for (Map.Entry<String, double[][]> e : curves.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), false, true);
            double[] x = e.getValue()[0];
            double[] y = e.getValue()[1];
            for (int i = 0; i < x.length; i++) {
                if (!Double.isNaN(y[i])) {
                    s.add(x[i], y[i]);
                }
            }
            data.addSeries(s);
        }
        data.addSeries(equality);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int n = curves.size();
        for (int i = 0; i < n; i++) {
            renderer.setSeriesPaint(i, Charts.colour(i));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        renderer.setSeriesPaint(n, new Color(120, 120, 120));
        renderer.setSeriesStroke(n, Charts.dashed(1.2f));
        renderer.setSeriesShapesVisible(n, false);
        NumberAxis x = Axes.value("share of Speed users, poorest first", 1);
        x.setRange(0, 1);
        x.setTickUnit(new NumberTickUnit(0.1));
        NumberAxis y = Axes.value("share of their tokens held", 1);
        y.setRange(0, 1.02);
        y.setTickUnit(new NumberTickUnit(0.1));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        return Charts.finish(title, (replications > 1 ? "Mean over " + replications + " replications" : "One "
                + "replication") + " at each moment; the further below the dashed line of equality, the more "
                + "unequal (Gini from the plotted points in the legend)", plot);
    }

    /** The legend label of decile {@code d}. */
    static String label(int d) {
        return "decile " + d + (d == 1 ? " (most popular)" : d == 10 ? " (least popular)" : "");
    }
}
