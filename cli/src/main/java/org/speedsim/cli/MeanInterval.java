package org.speedsim.cli;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The mean of a sample of replications with its two-sided Student-t confidence interval.
 *
 * <p>Invariant: NaN values (a field that did not happen in a replication) are left out and {@code n} counts the rest;
 * with {@code n < 2} the bounds are NaN (no interval from one value); with zero variance the interval is the mean
 * itself, never NaN.
 */
public record MeanInterval(int n, double mean, double low, double high) {

    /** The mean of the finite {@code values} with its {@code level} (e.g. 0.95) confidence interval. */
    public static MeanInterval of(double[] values, double level) {
        SummaryStatistics s = new SummaryStatistics();
        Arrays.stream(values).filter(Double::isFinite).forEach(s::addValue);
        int n = (int) s.getN();
        if (n == 0) {
            return new MeanInterval(0, Double.NaN, Double.NaN, Double.NaN);
        }
        if (n == 1) {
            return new MeanInterval(1, s.getMean(), Double.NaN, Double.NaN);
        }
        double half = halfWidth(s.getStandardDeviation(), n, level);
        return new MeanInterval(n, s.getMean(), s.getMean() - half, s.getMean() + half);
    }

    /** Half the width of the t interval of a mean of {@code n} values with standard deviation {@code sd}. */
    static double halfWidth(double sd, int n, double level) {
        if (sd == 0) {
            return 0;
        }
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.5 + level / 2);
        return t * sd / Math.sqrt(n);
    }
}
