package org.speedsim.reports;

/**
 * What a summary metric is, which decides its range and the statistics that fit it.
 *
 * <ul>
 *   <li>{@link #YES_NO}: an outcome that happened or not in each run ({@code swarm_died}, {@code invariants_ok}): its
 *       mean is a proportion in [0, 1] with a Wilson interval; paired runs are compared with McNemar's test.</li>
 *   <li>{@link #LIFETIME}: a time to an event, right-censored at the end of a run when the event did not happen
 *       (the swarm's lifetime): the restricted mean up to the run's length with its Greenwood-type interval, the
 *       Kaplan-Meier median, and the log-rank test; it lies in [0, run's length].</li>
 *   <li>{@link #FRACTION}: a ratio in [0, 1] measured in each run ({@code completed_fraction}): mean, Student-t
 *       interval clipped to [0, 1], paired t-test.</li>
 *   <li>{@link #AMOUNT}: a count, an amount of bytes or tokens, or a time, never negative: mean, Student-t interval
 *       clipped at 0, paired t-test.</li>
 *   <li>{@link #REAL}: any other number: mean, Student-t interval, paired t-test.</li>
 * </ul>
 */
public enum MetricKind {
    YES_NO("proportion", "Wilson"),
    LIFETIME("RMST", "Greenwood"),
    FRACTION("mean", "Student t"),
    AMOUNT("mean", "Student t"),
    REAL("mean", "Student t");

    private final String estimate;
    private final String interval;

    MetricKind(String estimate, String interval) {
        this.estimate = estimate;
        this.interval = interval;
    }

    /** What the estimate of a sample of this kind is: {@code mean}, {@code proportion} or {@code RMST}. */
    public String estimate() {
        return estimate;
    }

    /** How its confidence interval is computed. */
    public String interval() {
        return interval;
    }

    /** The smallest value a metric of this kind can take. */
    public double min() {
        return this == REAL ? Double.NEGATIVE_INFINITY : 0;
    }

    /** The largest value a metric of this kind can take; {@code horizon} is the run's length in seconds. */
    public double max(double horizon) {
        return switch (this) {
            case YES_NO, FRACTION -> 1;
            case LIFETIME -> horizon;
            case AMOUNT, REAL -> Double.POSITIVE_INFINITY;
        };
    }
}
