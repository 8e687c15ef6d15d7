package org.speedsim.cli;

import org.speedsim.reports.MetricKind;

/**
 * One variant's values of one metric by replication (NaN where a run lacks it), with what the metric is; for a
 * {@link MetricKind#LIFETIME} also which values are censored (the swarm was alive when the run ended) and the run's
 * length in seconds, the horizon of the restricted mean and the top of the metric's range.
 *
 * @param censored by replication, true where the value is censored; all false for other kinds
 */
record Sample(MetricKind kind, double[] values, boolean[] censored, double horizon) {

    Sample {
        if (censored.length != values.length) {
            throw new IllegalArgumentException(values.length + " values but " + censored.length + " flags");
        }
    }

    /** A sample of a metric that is not censored. */
    static Sample of(MetricKind kind, double[] values, double horizon) {
        return new Sample(kind, values, new boolean[values.length], horizon);
    }
}
