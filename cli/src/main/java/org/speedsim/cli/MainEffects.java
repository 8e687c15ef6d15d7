package org.speedsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.speedsim.reports.ChartFiles;
import org.speedsim.reports.FactorCharts;

/**
 * The main-effect charts of a sweep with more than two parameters or a space-filling design, written as
 * {@code charts/main-effects-<metric>.png} and {@code .svg}: per headline metric one panel per parameter, with every
 * point's estimate over replications as a dot and, as a line, their average per value of the parameter (when it has
 * at most {@value #LEVELS} values) or per tenth of its range.
 *
 * <p>Invariant: drawn from the points table alone, so it shows the same runs as the tables.
 */
final class MainEffects {

    static final int LEVELS = 10;
    private static final Pattern NUMBER = Pattern.compile("([-+]?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)(\\S*)");

    private MainEffects() {
    }

    static void write(Path dir, PointTable table, List<String> metrics) throws IOException {
        for (String metric : metrics) {
            List<PointTable.Row> rows = table.rows().stream().filter(r -> r.metric().equals(metric)).toList();
            if (rows.isEmpty()) {
                continue;
            }
            List<FactorCharts.Panel> panels = new ArrayList<>();
            for (String factor : table.parameters()) {
                panels.add(panel(factor, rows));
            }
            String subtitle = "dots: each point's " + rows.get(0).mean().kind().estimate() + " over replications; "
                    + "line: their average per value of the parameter (or per tenth of its range)";
            ChartFiles.write(FactorCharts.mainEffects("Main effects on " + metric, subtitle, metric, panels),
                    dir.resolve(ExperimentCharts.DIR), "main-effects-" + metric.replaceAll("[^A-Za-z0-9._-]", "_"),
                    Math.max(900, 300 * panels.size()), 560);
        }
    }

    /** One parameter's panel: the points and their average per level or per bin. */
    static FactorCharts.Panel panel(String factor, List<PointTable.Row> rows) {
        List<String> values = rows.stream().map(r -> r.variant().parameters().get(factor)).toList();
        double[] y = rows.stream().mapToDouble(r -> r.mean().value()).toArray();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(values));
        String unit = null;
        boolean numeric = true;
        for (String v : distinct) {
            Matcher m = NUMBER.matcher(v);
            if (!m.matches() || (unit != null && !unit.equals(m.group(2)))) {
                numeric = false;
                break;
            }
            unit = m.group(2);
        }
        double[] x = new double[values.size()];
        for (int i = 0; i < x.length; i++) {
            if (numeric) {
                Matcher m = NUMBER.matcher(values.get(i));
                m.matches();
                x[i] = Double.parseDouble(m.group(1));
            } else {
                x[i] = distinct.indexOf(values.get(i));
            }
        }
        String label = factor + (numeric && unit != null && !unit.isEmpty() ? " (" + unit + ")" : "");
        List<String> xLabels = numeric ? null : distinct;
        double[] levels;
        if (!numeric || distinct.size() <= LEVELS) {
            levels = java.util.Arrays.stream(x).distinct().sorted().toArray();
            double[] effect = new double[levels.length];
            for (int l = 0; l < levels.length; l++) {
                effect[l] = average(x, y, levels[l], levels[l]);
            }
            return new FactorCharts.Panel(label, xLabels, x, y, levels, effect);
        }
        double lo = java.util.Arrays.stream(x).min().getAsDouble();
        double hi = java.util.Arrays.stream(x).max().getAsDouble();
        double width = (hi - lo) / LEVELS;
        double[] centres = new double[LEVELS];
        double[] effect = new double[LEVELS];
        for (int b = 0; b < LEVELS; b++) {
            double from = lo + b * width;
            double to = b == LEVELS - 1 ? hi : lo + (b + 1) * width;
            centres[b] = (from + to) / 2;
            effect[b] = average(x, y, from, b == LEVELS - 1 ? to : Math.nextDown(to));
        }
        return new FactorCharts.Panel(label, null, x, y, centres, effect);
    }

    /** The mean of the non-NaN y whose x lies in [from, to]; NaN when there is none. */
    private static double average(double[] x, double[] y, double from, double to) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= from && x[i] <= to && !Double.isNaN(y[i])) {
                sum += y[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
