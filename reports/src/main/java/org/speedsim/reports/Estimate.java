package org.speedsim.reports;

/**
 * A metric's estimate over replications with its confidence interval, the interval inside the metric's range: a
 * mean, a proportion or a restricted mean survival time, as {@link MetricKind} says.
 *
 * <p>Invariant: {@code lower <= value <= upper} whenever they are numbers; a NaN interval means none can be
 * computed (fewer than two replications).
 *
 * @param n      replications with a value
 * @param kind   what the metric is, which says what {@code value} is and how the interval is computed
 */
public record Estimate(MetricKind kind, int n, double value, double lower, double upper) {

    /**
     * The mean with its Student-t interval clipped to {@code [min, max]} (a bound can only shrink the interval
     * toward the mean, which always lies inside the range).
     */
    public static Estimate clipped(MetricKind kind, MeanCi ci, double min, double max) {
        double lower = Double.isNaN(ci.lower()) ? Double.NaN : Math.max(min, ci.lower());
        double upper = Double.isNaN(ci.upper()) ? Double.NaN : Math.min(max, ci.upper());
        return new Estimate(kind, ci.n(), ci.mean(), lower, upper);
    }

    /** A proportion with its Wilson interval. */
    public static Estimate of(Proportion p) {
        return new Estimate(MetricKind.YES_NO, p.n(), p.estimate(), p.lower(), p.upper());
    }

    /** A restricted mean survival time with its interval. */
    public static Estimate of(RestrictedMean m) {
        return new Estimate(MetricKind.LIFETIME, m.n(), m.estimate(), m.lower(), m.upper());
    }
}
