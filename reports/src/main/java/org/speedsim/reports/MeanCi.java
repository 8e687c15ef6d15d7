package org.speedsim.reports;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of a sample with its standard deviation and a two-sided Student-t confidence interval for the mean.
 *
 * <p>Invariant: {@code lower <= mean <= upper} whenever they are numbers. NaN inputs (a field that was null in
 * some replication) are left out and {@code n} counts the rest. With {@code n == 0} everything is NaN; with
 * {@code n == 1} the mean is the value and the standard deviation and both interval ends are NaN (one replication
 * says nothing about the spread).
 *
 * @param sd sample standard deviation (denominator n - 1)
 */
public record MeanCi(int n, double mean, double sd, double lower, double upper) {

    /** The statistics of {@code values} with a confidence interval at {@code level} (for example 0.95). */
    public static MeanCi of(double[] values, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1): " + level);
        }
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new MeanCi(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        if (n == 1) {
            return new MeanCi(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double ss = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(ss / (n - 1));
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + level / 2);
        double half = t * sd / Math.sqrt(n);
        return new MeanCi(n, mean, sd, mean - half, mean + half);
    }

    /** The 95 % interval. */
    public static MeanCi of(double[] values) {
        return of(values, 0.95);
    }
}
