package org.speedsim.reports;

/**
 * A Kaplan-Meier survival curve: a right-continuous step function that starts at 1 at time 0 and drops at each
 * time when at least one event was observed.
 *
 * <p>Invariant: {@code times} is strictly increasing and holds exactly the observed event times; after
 * {@code times[i]} (inclusive) the estimate is {@code survival[i]} with confidence band
 * {@code lower[i] <= survival[i] <= upper[i]}, all in [0, 1]; {@code atRisk[i]} subjects were at risk just before
 * {@code times[i]} and {@code events[i]} of them had the event then.
 *
 * @param censored  times of the censored observations (subjects still alive when observation stopped)
 * @param end       the largest time observed (event or censored), where the curve's drawing ends
 * @param median    the smallest time at which the estimate is at most 1/2, or NaN when it never falls that far
 * @param level     the confidence level of the band
 */
public record SurvivalCurve(double[] times, double[] survival, double[] lower, double[] upper, int[] atRisk,
                            int[] events, double[] censored, double end, double median, double level) {

    /** The estimate at time {@code t} (1 before the first event). */
    public double at(double t) {
        double s = 1;
        for (int i = 0; i < times.length && times[i] <= t; i++) {
            s = survival[i];
        }
        return s;
    }

    /** Number of subjects. */
    public int subjects() {
        int events = 0;
        for (int e : this.events) {
            events += e;
        }
        return events + censored.length;
    }
}
