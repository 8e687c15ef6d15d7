package org.speedsim.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.NumericColumn;

/**
 * One time-series column across replications: at each sample time, the mean and its 95 % confidence interval over
 * the replications that have a sample at that time.
 *
 * <p>Replications are aligned on {@code time_s}: the points are the union of all replications' sample times (they
 * share the sampling interval, so most coincide; a run's final sample at its end may fall between them), and at each
 * point every replication still running contributes its latest sample at or before it (sample-and-hold). A
 * replication that ended earlier (a run that stops when every leecher is done) contributes nothing after its last
 * sample: later points average the replications still running, and {@code n} says how many. With one replication
 * at a point, lower and upper equal the mean there (no interval can be computed). NaN values are left out.
 *
 * <p>The interval stays inside the column's range: every column of {@code timeseries.csv} is a count, an amount, a
 * price or a time, never negative, and {@value #UTILISATION} is a fraction in [0, 1]; a column where some
 * replication reports a negative value is left unclipped.
 *
 * <p>Invariant: {@code time} is strictly increasing, all arrays have its length, and {@code lower <= mean <= upper}.
 *
 * @param min the smallest value of any replication at any time (NaN when there is none): charts of a quantity that
 *            is never negative clip the interval at 0
 */
public record Bands(String column, double[] time, double[] mean, double[] lower, double[] upper, int[] n,
                    double min) {

    /** The time-series column that is a fraction of capacity. */
    public static final String UTILISATION = "upload_utilisation";

    /** The bands of {@code column} over {@code replications} (those without the column are left out). */
    public static Bands of(List<Replication> replications, String column) {
        return of(replications.stream().map(Replication::timeseries).toList(), column, column.equals(UTILISATION));
    }

    /**
     * The bands of {@code column} over time-series tables (each with {@code time_s}; those without the column are
     * left out); {@code fraction}: the column is a share in [0, 1] and its interval is cut to that range.
     */
    public static Bands of(List<Table> series, String column, boolean fraction) {
        List<double[]> times = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        TreeSet<Double> union = new TreeSet<>();
        double min = Double.NaN;
        for (Table t : series) {
            if (!t.columnNames().contains(column) || t.rowCount() == 0) {
                continue;
            }
            double[] time = t.numberColumn("time_s").asDoubleArray();
            double[] value = t.numberColumn(column).asDoubleArray();
            times.add(time);
            values.add(value);
            for (int i = 0; i < time.length; i++) {
                union.add(time[i]);
                if (!Double.isNaN(value[i])) {
                    min = Double.isNaN(min) ? value[i] : Math.min(min, value[i]);
                }
            }
        }
        MetricKind kind = min < 0 ? MetricKind.REAL : fraction ? MetricKind.FRACTION : MetricKind.AMOUNT;
        int size = union.size();
        double[] time = new double[size];
        double[] mean = new double[size];
        double[] lower = new double[size];
        double[] upper = new double[size];
        int[] n = new int[size];
        int[] cursor = new int[times.size()];
        double[] at = new double[times.size()];
        int i = 0;
        for (double t : union) {
            for (int r = 0; r < times.size(); r++) {
                double[] rt = times.get(r);
                while (cursor[r] + 1 < rt.length && rt[cursor[r] + 1] <= t) {
                    cursor[r]++;
                }
                boolean running = rt[0] <= t && t <= rt[rt.length - 1];
                at[r] = running ? values.get(r)[cursor[r]] : Double.NaN;
            }
            MeanCi ci = MeanCi.of(at, 0.95);
            time[i] = t;
            mean[i] = ci.mean();
            lower[i] = ci.n() > 1 ? Math.max(kind.min(), ci.lower()) : ci.mean();
            upper[i] = ci.n() > 1 ? Math.min(kind.max(Double.NaN), ci.upper()) : ci.mean();
            n[i] = ci.n();
            i++;
        }
        return new Bands(column, time, mean, lower, upper, n, min);
    }

    /** Number of time points. */
    public int size() {
        return time.length;
    }

    /** Whether any point averages more than one replication (so there is an interval to draw). */
    public boolean hasInterval() {
        for (int k : n) {
            if (k > 1) {
                return true;
            }
        }
        return false;
    }
}
