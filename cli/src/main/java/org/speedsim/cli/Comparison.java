package org.speedsim.cli;

/**
 * A variant against a reference on the same replications: the difference of their estimates ({@code variant -
 * reference}: of means, proportions or restricted mean survival times), its confidence interval, and the p-value of
 * the test that fits the metric, named by {@code test} ({@value #PAIRED_T}, {@value #MCNEMAR_EXACT},
 * {@value #MCNEMAR_CHI2}, {@value #LOG_RANK}, {@value #LOG_RANK_EXACT} or {@value #RMST_Z}).
 *
 * <p>Invariant: NaN p-value and interval when too few replications pair up to say anything.
 */
record Comparison(int n, double difference, double low, double high, double pValue, String test) {

    static final String PAIRED_T = "paired t";
    static final String MCNEMAR_EXACT = "McNemar exact";
    static final String MCNEMAR_CHI2 = "McNemar chi-square";
    static final String LOG_RANK = "log-rank by replication";
    static final String LOG_RANK_EXACT = "log-rank by replication, exact";
    static final String RMST_Z = "RMST difference z";

    /** Whether the difference is significant at {@code alpha} (false when there is no p-value). */
    boolean significant(double alpha) {
        return pValue < alpha;
    }
}
