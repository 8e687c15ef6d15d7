package org.speedsim.reports;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * McNemar's test of paired yes/no outcomes (the same replication under a first and a second variant), with the
 * difference of the two proportions and its interval.
 *
 * <p>Only the discordant pairs carry information: {@code firstOnly} pairs are yes under the first variant and no
 * under the second, {@code secondOnly} the other way round. Under no difference each discordant pair is either kind
 * with probability 1/2. With fewer than {@value #EXACT_BELOW} discordant pairs the p-value is the exact two-sided
 * binomial one, {@code min(1, 2 P(X <= min(b, c)))} with X ~ Binomial(b + c, 1/2); otherwise it is the chi-square
 * statistic {@code (b - c)^2 / (b + c)} on one degree of freedom, without continuity correction (Agresti,
 * Categorical Data Analysis, section 10.1). The difference {@code (c - b) / n} (second minus first) gets the Wald
 * interval for dependent proportions, {@code +- z sqrt((b + c) - (b - c)^2 / n) / n} (Agresti, same section),
 * clipped to [-1, 1].
 *
 * <p>Invariant: with no discordant pair the difference and its interval are 0 and the p-value is 1 (the outcomes
 * agree in every replication, no evidence of a difference); with {@code n == 0} everything is NaN.
 *
 * @param statistic the chi-square statistic (also reported when the p-value is exact); NaN without discordant pairs
 */
public record McNemar(int n, int firstOnly, int secondOnly, double difference, double lower, double upper,
                      double statistic, double pValue, boolean exact) {

    /** Discordant pairs below this count get the exact binomial p-value. */
    public static final int EXACT_BELOW = 25;

    /** The test over the replications r where both {@code first[r]} and {@code second[r]} are 0 or 1. */
    public static McNemar of(double[] first, double[] second, double level) {
        if (first.length != second.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + first.length + " and "
                    + second.length);
        }
        int n = 0;
        int b = 0;
        int c = 0;
        for (int r = 0; r < first.length; r++) {
            if (Double.isNaN(first[r]) || Double.isNaN(second[r])) {
                continue;
            }
            requireYesNo(first[r]);
            requireYesNo(second[r]);
            n++;
            b += first[r] == 1 && second[r] == 0 ? 1 : 0;
            c += first[r] == 0 && second[r] == 1 ? 1 : 0;
        }
        return of(n, b, c, level);
    }

    /** The test of {@code n} pairs of which {@code firstOnly} and {@code secondOnly} are discordant. */
    public static McNemar of(int n, int firstOnly, int secondOnly, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1): " + level);
        }
        if (firstOnly < 0 || secondOnly < 0 || firstOnly + secondOnly > n) {
            throw new IllegalArgumentException("discordant pairs " + firstOnly + " and " + secondOnly + " of " + n);
        }
        if (n == 0) {
            return new McNemar(0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, true);
        }
        int discordant = firstOnly + secondOnly;
        double difference = (double) (secondOnly - firstOnly) / n;
        if (discordant == 0) {
            return new McNemar(n, 0, 0, 0, 0, 0, Double.NaN, 1, true);
        }
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.5 + level / 2);
        double skew = (double) (firstOnly - secondOnly);
        double se = Math.sqrt(Math.max(0, discordant - skew * skew / n)) / n;
        double lower = Math.max(-1, difference - z * se);
        double upper = Math.min(1, difference + z * se);
        double statistic = skew * skew / discordant;
        boolean exact = discordant < EXACT_BELOW;
        double p;
        if (exact) {
            double tail = new BinomialDistribution(null, discordant, 0.5)
                    .cumulativeProbability(Math.min(firstOnly, secondOnly));
            p = Math.min(1, 2 * tail);
        } else {
            p = statistic == 0 ? 1 : 1 - new ChiSquaredDistribution(null, 1).cumulativeProbability(statistic);
        }
        return new McNemar(n, firstOnly, secondOnly, difference, lower, upper, statistic, p, exact);
    }

    private static void requireYesNo(double v) {
        if (v != 0 && v != 1) {
            throw new IllegalArgumentException("a yes/no outcome must be 0 or 1: " + v);
        }
    }
}
