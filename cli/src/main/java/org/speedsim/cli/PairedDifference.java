package org.speedsim.cli;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The paired difference {@code b - a} of two variants run on the same replications (common random numbers): its
 * mean, Student-t confidence interval and the two-sided p-value of the paired t-test that the mean difference is 0.
 *
 * <p>Invariant: only replications where both values are finite are paired ({@code n} counts them). With
 * {@code n < 2} the interval and p-value are NaN. When every difference is the same (zero variance, e.g. two identical
 * variants), the interval is that difference and the p-value is 1 if it is 0 and 0 otherwise: a difference that
 * recurs exactly in every replication is certain under the model, an absent one is no evidence of a difference.
 */
public record PairedDifference(int n, double mean, double low, double high, double pValue) {

    /** The difference {@code b[r] - a[r]} over the replications r where both are finite. */
    public static PairedDifference of(double[] a, double[] b, double level) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + a.length + " and " + b.length);
        }
        List<double[]> pairs = new ArrayList<>();
        SummaryStatistics d = new SummaryStatistics();
        for (int r = 0; r < a.length; r++) {
            if (Double.isFinite(a[r]) && Double.isFinite(b[r])) {
                pairs.add(new double[] {a[r], b[r]});
                d.addValue(b[r] - a[r]);
            }
        }
        int n = pairs.size();
        if (n == 0) {
            return new PairedDifference(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = d.getMean();
        if (n == 1) {
            return new PairedDifference(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        if (d.getVariance() == 0) {
            return new PairedDifference(n, mean, mean, mean, mean == 0 ? 1.0 : 0.0);
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = pairs.get(i)[1];
            y[i] = pairs.get(i)[0];
        }
        double half = MeanInterval.halfWidth(d.getStandardDeviation(), n, level);
        double p = new TTest().pairedTTest(x, y);
        return new PairedDifference(n, mean, mean - half, mean + half, p);
    }

    /** Whether the difference is significant at {@code alpha} (false when there is no p-value). */
    public boolean significant(double alpha) {
        return pValue < alpha;
    }
}
