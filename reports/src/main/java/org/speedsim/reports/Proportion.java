package org.speedsim.reports;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A proportion of yes/no outcomes with its Wilson (score) confidence interval (Wilson 1927; method 3 of Newcombe
 * 1998): the set of p whose score test does not reject, which stays inside [0, 1], is never empty or of zero width
 * at 0 or n successes, and covers close to the nominal level for small n, where the Wald (normal) interval fails.
 *
 * <p>Invariant: {@code 0 <= lower <= estimate <= upper <= 1} whenever {@code n > 0}; {@code lower} is exactly 0 at 0
 * successes and {@code upper} exactly 1 at n; with {@code n == 0} everything is NaN.
 */
public record Proportion(int n, int successes, double estimate, double lower, double upper) {

    /** The Wilson interval of {@code successes} out of {@code n} at {@code level} (for example 0.95). */
    public static Proportion wilson(int successes, int n, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1): " + level);
        }
        if (successes < 0 || successes > n) {
            throw new IllegalArgumentException(successes + " successes out of " + n);
        }
        if (n == 0) {
            return new Proportion(0, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.5 + level / 2);
        double p = (double) successes / n;
        double z2 = z * z;
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        double lower = successes == 0 ? 0 : Math.max(0, centre - half);
        double upper = successes == n ? 1 : Math.min(1, centre + half);
        return new Proportion(n, successes, p, Math.min(lower, p), Math.max(upper, p));
    }

    /**
     * The proportion of 1s among yes/no values (1 yes, 0 no); NaN values (no outcome) are left out.
     *
     * @throws IllegalArgumentException when a value is neither 0, 1 nor NaN
     */
    public static Proportion of(double[] values, double level) {
        int n = 0;
        int yes = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException("a yes/no outcome must be 0 or 1: " + v);
            }
            n++;
            yes += v == 1 ? 1 : 0;
        }
        return wilson(yes, n, level);
    }
}
