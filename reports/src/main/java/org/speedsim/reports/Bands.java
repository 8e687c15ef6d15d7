package org.speedsim.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.NumericColumn;

/**
 * One time-series column across replications: at each sample time, the mean and its 95 % confidence interval over
 * the replications that have a sample at that time.
 *
 * <p>Replications are aligned on {@code time_s} (every replication samples at the same interval, so equal times
 * coincide exactly). A replication that ended earlier (a run that stops when every leecher is done) contributes
 * nothing after its last sample: later points average the replications still running, and {@code n} says how many.
 * With one replication at a time, lower and upper equal the mean there (no interval can be computed). NaN values
 * are left out like missing samples.
 *
 * <p>Invariant: {@code time} is strictly increasing, all arrays have its length, and {@code lower <= mean <= upper}.
 *
 * @param min the smallest value of any replication at any time (NaN when there is none): charts of a quantity that
 *            is never negative clip the interval at 0
 */
public record Bands(String column, double[] time, double[] mean, double[] lower, double[] upper, int[] n,
                    double min) {

    /** The bands of {@code column} over {@code replications} (those without the column are left out). */
    public static Bands of(List<Replication> replications, String column) {
        TreeMap<Double, List<Double>> byTime = new TreeMap<>();
        double min = Double.NaN;
        for (Replication r : replications) {
            Table t = r.timeseries();
            if (!t.columnNames().contains(column)) {
                continue;
            }
            NumericColumn<?> time = t.numberColumn("time_s");
            NumericColumn<?> values = t.numberColumn(column);
            for (int i = 0; i < t.rowCount(); i++) {
                double v = values.getDouble(i);
                if (!Double.isNaN(v)) {
                    min = Double.isNaN(min) ? v : Math.min(min, v);
                    byTime.computeIfAbsent(time.getDouble(i), k -> new ArrayList<>()).add(v);
                }
            }
        }
        int size = byTime.size();
        double[] time = new double[size];
        double[] mean = new double[size];
        double[] lower = new double[size];
        double[] upper = new double[size];
        int[] n = new int[size];
        int i = 0;
        for (var e : byTime.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            MeanCi ci = MeanCi.of(v, 0.95);
            time[i] = e.getKey();
            mean[i] = ci.mean();
            lower[i] = ci.n() > 1 ? ci.lower() : ci.mean();
            upper[i] = ci.n() > 1 ? ci.upper() : ci.mean();
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
