package org.speedsim.reports;

import java.util.TreeSet;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * The log-rank (Mantel-Cox) test that two samples of right-censored times come from the same survival function.
 *
 * <p>At each distinct time t with events in either sample, with {@code n1}, {@code n2} subjects at risk (time
 * &ge; t, so a time censored at t is at risk at t) and {@code d1}, {@code d2} events: the first sample expects
 * {@code d n1 / n} of the {@code d = d1 + d2} events, with hypergeometric variance
 * {@code d (n1 / n) (n2 / n) (n - d) / (n - 1)}. The statistic {@code (O1 - E1)^2 / V} is chi-square on one degree
 * of freedom under the null.
 *
 * <p>{@link #of} treats the samples as independent. {@link #stratified} sums {@code O1 - E1} and the variance over
 * strata (each stratum with its own risk sets), for samples matched within strata: runs of two variants on the same
 * replication (common random numbers) form a stratum of two, where only the pair's first death informs the test.
 *
 * <p>Invariant: {@code observedFirst + observedSecond == expectedFirst + expectedSecond} (up to rounding); when
 * the variance is 0 (no events, or no subject of one sample at risk at any event) the statistic is 0 and the
 * p-value 1: no comparison is possible, so there is no evidence of a difference.
 */
public record LogRank(int observedFirst, double expectedFirst, int observedSecond, double expectedSecond,
                      double variance, double chiSquare, double pValue) {

    /**
     * The log-rank test stratified by {@code k}: stratum k holds {@code times1[k]} of sample 1 and {@code times2[k]}
     * of sample 2; observed, expected and variance are the sums over strata.
     */
    public static LogRank stratified(double[][] times1, boolean[][] observed1, double[][] times2,
                                     boolean[][] observed2) {
        if (times1.length != times2.length || observed1.length != times1.length
                || observed2.length != times2.length) {
            throw new IllegalArgumentException("each stratum needs both samples");
        }
        int o1 = 0;
        int o2 = 0;
        double e1 = 0;
        double e2 = 0;
        double v = 0;
        for (int k = 0; k < times1.length; k++) {
            LogRank s = of(times1[k], observed1[k], times2[k], observed2[k]);
            o1 += s.observedFirst();
            o2 += s.observedSecond();
            e1 += s.expectedFirst();
            e2 += s.expectedSecond();
            v += s.variance();
        }
        return test(o1, e1, o2, e2, v);
    }

    /** The test of sample 1 ({@code times1}, {@code observed1}: false where censored) against sample 2. */
    public static LogRank of(double[] times1, boolean[] observed1, double[] times2, boolean[] observed2) {
        if (times1.length != observed1.length || times2.length != observed2.length) {
            throw new IllegalArgumentException("each time needs its observed flag");
        }
        TreeSet<Double> eventTimes = new TreeSet<>();
        collect(times1, observed1, eventTimes);
        collect(times2, observed2, eventTimes);
        int o1 = 0;
        int o2 = 0;
        double e1 = 0;
        double e2 = 0;
        double v = 0;
        for (double t : eventTimes) {
            int n1 = atRisk(times1, t);
            int n2 = atRisk(times2, t);
            int d1 = events(times1, observed1, t);
            int d2 = events(times2, observed2, t);
            double n = n1 + n2;
            double d = d1 + d2;
            o1 += d1;
            o2 += d2;
            e1 += d * n1 / n;
            e2 += d * n2 / n;
            if (n > 1) {
                v += d * (n1 / n) * (n2 / n) * (n - d) / (n - 1);
            }
        }
        return test(o1, e1, o2, e2, v);
    }

    private static LogRank test(int o1, double e1, int o2, double e2, double v) {
        if (!(v > 0)) {
            return new LogRank(o1, e1, o2, e2, 0, 0, 1);
        }
        double chi = (o1 - e1) * (o1 - e1) / v;
        double p = 1 - new ChiSquaredDistribution(null, 1).cumulativeProbability(chi);
        return new LogRank(o1, e1, o2, e2, v, chi, p);
    }

    private static void collect(double[] times, boolean[] observed, TreeSet<Double> into) {
        for (int i = 0; i < times.length; i++) {
            if (!(times[i] >= 0) || Double.isInfinite(times[i])) {
                throw new IllegalArgumentException("survival times must be finite and non-negative: " + times[i]);
            }
            if (observed[i]) {
                into.add(times[i]);
            }
        }
    }

    private static int atRisk(double[] times, double t) {
        int n = 0;
        for (double x : times) {
            n += x >= t ? 1 : 0;
        }
        return n;
    }

    private static int events(double[] times, boolean[] observed, double t) {
        int d = 0;
        for (int i = 0; i < times.length; i++) {
            d += observed[i] && times[i] == t ? 1 : 0;
        }
        return d;
    }
}
