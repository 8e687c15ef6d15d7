package org.speedsim.reports;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The restricted mean survival time (RMST) up to a horizon {@code tau}: the area under the Kaplan-Meier curve from 0
 * to tau, the expected time alive within [0, tau]. Unlike a mean of censored times it is unbiased under censoring at
 * or after tau, and unlike the median it exists when fewer than half the subjects have the event.
 *
 * <p>Variance (the Greenwood-type estimator, Klein and Moeschberger, Survival Analysis, section 4.5):
 * {@code sum over event times t_j <= tau of A_j^2 d_j / (n_j (n_j - d_j))}, with {@code A_j} the area under the
 * curve from t_j to tau; a term with {@code n_j == d_j} has {@code A_j == 0} (the curve is 0 after it) and adds 0.
 * The interval is {@code estimate +- z se}, clipped to [0, tau]. Beyond the largest observed time the curve holds its
 * last value: with every censored time at the end of a run and tau the run's length, nothing is extrapolated.
 *
 * <p>Invariant: {@code 0 <= lower <= estimate <= upper <= horizon} when {@code n > 0}; NaN with no subject; with one
 * subject the interval is NaN (one replication says nothing about the spread).
 */
public record RestrictedMean(int n, double horizon, double estimate, double se, double lower, double upper) {

    /** The RMST of the times ({@code observed[i]} false where censored) up to {@code horizon}, with its interval. */
    public static RestrictedMean of(double[] times, boolean[] observed, double horizon, double level) {
        if (!(horizon > 0) || Double.isInfinite(horizon)) {
            throw new IllegalArgumentException("the horizon must be positive and finite: " + horizon);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1): " + level);
        }
        int n = times.length;
        if (n == 0) {
            return new RestrictedMean(0, horizon, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        SurvivalCurve curve = KaplanMeier.estimate(times, observed, level);
        double[] t = curve.times();
        double[] s = curve.survival();
        int k = 0;
        while (k < t.length && t[k] <= horizon) {
            k++;
        }
        // tail[j]: area from t[j] to the horizon; the curve is s[j] on [t[j], t[j+1])
        double[] tail = new double[k + 1];
        for (int j = k - 1; j >= 0; j--) {
            double next = j + 1 < k ? t[j + 1] : horizon;
            tail[j] = tail[j + 1] + s[j] * (next - t[j]);
        }
        double estimate = (k == 0 ? horizon : t[0]) + (k == 0 ? 0 : tail[0]);
        double variance = 0;
        int[] atRisk = curve.atRisk();
        int[] events = curve.events();
        for (int j = 0; j < k; j++) {
            if (atRisk[j] > events[j] && tail[j] > 0) {
                variance += tail[j] * tail[j] * events[j] / ((double) atRisk[j] * (atRisk[j] - events[j]));
            }
        }
        double se = Math.sqrt(variance);
        if (n == 1) {
            return new RestrictedMean(1, horizon, estimate, Double.NaN, Double.NaN, Double.NaN);
        }
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.5 + level / 2);
        return new RestrictedMean(n, horizon, estimate, se, Math.max(0, estimate - z * se),
                Math.min(horizon, estimate + z * se));
    }
}
