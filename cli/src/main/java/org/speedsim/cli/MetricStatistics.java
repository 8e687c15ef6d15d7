package org.speedsim.cli;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.speedsim.reports.Estimate;
import org.speedsim.reports.KaplanMeier;
import org.speedsim.reports.LogRank;
import org.speedsim.reports.McNemar;
import org.speedsim.reports.MeanCi;
import org.speedsim.reports.MetricKind;
import org.speedsim.reports.Proportion;
import org.speedsim.reports.RestrictedMean;

/**
 * The statistics that fit each kind of metric ({@link MetricKind}), for every table of the experiments:
 *
 * <ul>
 *   <li>yes/no outcomes: the proportion with its Wilson interval; against a reference, the difference of the paired
 *       proportions with its interval and McNemar's test (exact binomial for few discordant pairs);</li>
 *   <li>swarm lifetimes, censored at the run's end: the restricted mean survival time (RMST) up to the run's length
 *       with its Greenwood-type interval, and the Kaplan-Meier median; against a reference, the difference of the
 *       RMSTs up to the shorter of the two runs' lengths and the log-rank test stratified by replication
 *       ({@link #logRankByReplication}). When every censored lifetime is censored at the horizon (the swarm outlived
 *       the whole run), each run's restricted lifetime {@code min(T, tau)} is observed, the RMST difference is the
 *       mean of the paired differences of restricted lifetimes, and its interval is their Student-t interval, which
 *       keeps the precision of common random numbers; otherwise (a run stopped early with its swarm alive) the
 *       interval uses the standard error {@code sqrt(se1^2 + se2^2)}, which ignores that correlation and errs
 *       wide;</li>
 *   <li>every other metric: the mean with its Student-t interval, clipped to the metric's range; against a reference,
 *       the paired difference with its interval and the paired t-test.</li>
 * </ul>
 *
 * <p>Invariant: comparisons use only the replications where both samples have a value; every interval of an estimate
 * lies inside the metric's range.
 */
final class MetricStatistics {

    private MetricStatistics() {
    }

    /**
     * What {@code metric} is, from the runs: the lifetime is {@link MetricKind#LIFETIME}; a field that is a boolean in
     * {@code summary.json} is yes/no; {@link RunMetrics#COMPLETED_FRACTION} is a fraction; every other field of a
     * summary is a count, an amount of bytes or tokens or a time ({@link MetricKind#AMOUNT}) unless a run reports a
     * negative value ({@link MetricKind#REAL}).
     */
    static MetricKind kind(String metric, RunMetrics[][] runs) {
        if (metric.equals(RunMetrics.LIFETIME)) {
            return MetricKind.LIFETIME;
        }
        boolean yesNo = false;
        boolean negative = false;
        for (RunMetrics[] variant : runs) {
            for (RunMetrics m : variant) {
                if (m != null) {
                    yesNo |= m.yesNo().contains(metric);
                    negative |= m.get(metric) < 0;
                }
            }
        }
        if (yesNo) {
            return MetricKind.YES_NO;
        }
        if (metric.equals(RunMetrics.COMPLETED_FRACTION)) {
            return MetricKind.FRACTION;
        }
        return negative ? MetricKind.REAL : MetricKind.AMOUNT;
    }

    /** The estimate of a sample with its interval at {@code level}. */
    static Estimate estimate(Sample s, double level) {
        MetricKind kind = s.kind();
        return switch (kind) {
            case YES_NO -> Estimate.of(Proportion.of(s.values(), level));
            case LIFETIME -> Estimate.of(restrictedMean(s, s.horizon(), level));
            default -> Estimate.clipped(kind, MeanCi.of(s.values(), level), kind.min(), kind.max(s.horizon()));
        };
    }

    /** The Kaplan-Meier median of a lifetime sample; NaN for other kinds and while more than half are alive. */
    static double median(Sample s) {
        if (s.kind() != MetricKind.LIFETIME) {
            return Double.NaN;
        }
        Survival v = survival(s, new boolean[s.values().length]);
        return v.times().length == 0 ? Double.NaN : KaplanMeier.estimate(v.times(), v.observed()).median();
    }

    /** {@code variant} against {@code reference}, replication by replication. */
    static Comparison compare(Sample reference, Sample variant, double level) {
        double[] a = reference.values();
        double[] b = variant.values();
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + a.length + " and " + b.length);
        }
        boolean[] unpaired = new boolean[a.length];
        int n = 0;
        for (int r = 0; r < a.length; r++) {
            unpaired[r] = !(Double.isFinite(a[r]) && Double.isFinite(b[r]));
            n += unpaired[r] ? 0 : 1;
        }
        switch (variant.kind()) {
            case YES_NO -> {
                McNemar m = McNemar.of(only(a, unpaired), only(b, unpaired), level);
                return new Comparison(m.n(), m.difference(), m.lower(), m.upper(), m.pValue(),
                        m.exact() ? Comparison.MCNEMAR_EXACT : Comparison.MCNEMAR_CHI2);
            }
            case LIFETIME -> {
                return lifetimes(reference, variant, unpaired, n, level);
            }
            default -> {
                PairedDifference d = PairedDifference.of(a, b, level);
                double bound = variant.kind().max(variant.horizon()) - variant.kind().min();
                return new Comparison(d.n(), d.mean(), Math.max(-bound, d.low()), Math.min(bound, d.high()),
                        d.pValue(), Comparison.PAIRED_T);
            }
        }
    }

    /**
     * {@code variant} against {@code reference} on the estimate itself, for {@code tune}, which optimises the
     * estimate: as {@link #compare}, except that lifetimes are compared by their restricted means, the difference
     * over its standard error {@code sqrt(se1^2 + se2^2)} from both Greenwood-type variances, a z-test (test
     * {@value Comparison#RMST_Z}) whose interval and verdict agree. It uses the size of the difference, where the
     * log-rank test by replication uses only which swarm dies first and cannot reach tune's Bonferroni-corrected
     * levels with a handful of replications; ignoring the positive correlation of common random numbers makes it
     * conservative.
     */
    static Comparison compareEstimates(Sample reference, Sample variant, double level) {
        if (variant.kind() != MetricKind.LIFETIME) {
            return compare(reference, variant, level);
        }
        double[] a = reference.values();
        double[] b = variant.values();
        boolean[] unpaired = new boolean[a.length];
        int n = 0;
        for (int r = 0; r < a.length; r++) {
            unpaired[r] = !(Double.isFinite(a[r]) && Double.isFinite(b[r]));
            n += unpaired[r] ? 0 : 1;
        }
        double horizon = Math.min(reference.horizon(), variant.horizon());
        if (n < 2) {
            return new Comparison(n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Comparison.RMST_Z);
        }
        RestrictedMean ra = restrictedMean(reference, unpaired, horizon, level);
        RestrictedMean rb = restrictedMean(variant, unpaired, horizon, level);
        double difference = rb.estimate() - ra.estimate();
        double se = Math.sqrt(ra.se() * ra.se() + rb.se() * rb.se());
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        double z = normal.inverseCumulativeProbability(0.5 + level / 2);
        double p = se > 0 ? 2 * normal.cumulativeProbability(-Math.abs(difference) / se) : difference == 0 ? 1 : 0;
        return new Comparison(n, difference, Math.max(-horizon, difference - z * se),
                Math.min(horizon, difference + z * se), p, Comparison.RMST_Z);
    }

    private static Comparison lifetimes(Sample reference, Sample variant, boolean[] unpaired, int n, double level) {
        if (n == 0) {
            return new Comparison(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Comparison.LOG_RANK);
        }
        double horizon = Math.min(reference.horizon(), variant.horizon());
        RestrictedMean ra = restrictedMean(reference, unpaired, horizon, level);
        RestrictedMean rb = restrictedMean(variant, unpaired, horizon, level);
        double difference = rb.estimate() - ra.estimate();
        if (n < 2) {
            return new Comparison(n, difference, Double.NaN, Double.NaN, Double.NaN, Comparison.LOG_RANK);
        }
        double p = logRankByReplication(reference, variant, unpaired);
        boolean exact = informativePairs(reference, variant, unpaired)[2] < McNemar.EXACT_BELOW;
        String test = exact ? Comparison.LOG_RANK_EXACT : Comparison.LOG_RANK;
        if (censoredOnlyAtHorizon(reference, unpaired, horizon) && censoredOnlyAtHorizon(variant, unpaired, horizon)) {
            double[] da = restricted(reference, unpaired, horizon);
            double[] db = restricted(variant, unpaired, horizon);
            PairedDifference d = PairedDifference.of(da, db, level);
            return new Comparison(n, difference, Math.max(-horizon, d.low()), Math.min(horizon, d.high()), p, test);
        }
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.5 + level / 2);
        double se = Math.sqrt(ra.se() * ra.se() + rb.se() * rb.se());
        return new Comparison(n, difference, Math.max(-horizon, difference - z * se),
                Math.min(horizon, difference + z * se), p, test);
    }

    /** Whether every censored lifetime of the sample (not skipped) is censored at or after the horizon. */
    private static boolean censoredOnlyAtHorizon(Sample s, boolean[] skip, double horizon) {
        for (int r = 0; r < skip.length; r++) {
            if (!skip[r] && s.censored()[r] && s.values()[r] < horizon) {
                return false;
            }
        }
        return true;
    }

    /** The restricted lifetimes {@code min(T, horizon)} by replication, NaN where skipped. */
    private static double[] restricted(Sample s, boolean[] skip, double horizon) {
        double[] x = new double[skip.length];
        for (int r = 0; r < x.length; r++) {
            x[r] = skip[r] ? Double.NaN : Math.min(s.values()[r], horizon);
        }
        return x;
    }

    /**
     * The log-rank test stratified by replication: each replication's two runs share their random numbers and form a
     * stratum, where only the pair's first death informs the test ({@code O - E} is +-1/2 with variance 1/4; a pair
     * that dies together or survives together adds nothing). Under no difference either run of an informative pair
     * dies first with probability 1/2, so with fewer than {@value McNemar#EXACT_BELOW} informative pairs the p-value
     * is the exact binomial (sign test) one; otherwise the stratified chi-square.
     */
    private static double logRankByReplication(Sample reference, Sample variant, boolean[] skip) {
        int[] pairs = informativePairs(reference, variant, skip);
        if (pairs[2] < McNemar.EXACT_BELOW) {
            return McNemar.of(pairs[3], pairs[0], pairs[1], 0.95).pValue();
        }
        int n = pairs[3];
        double[][] t1 = new double[n][];
        double[][] t2 = new double[n][];
        boolean[][] e1 = new boolean[n][];
        boolean[][] e2 = new boolean[n][];
        int k = 0;
        for (int r = 0; r < skip.length; r++) {
            if (!skip[r]) {
                t1[k] = new double[] {reference.values()[r]};
                e1[k] = new boolean[] {!reference.censored()[r]};
                t2[k] = new double[] {variant.values()[r]};
                e2[k++] = new boolean[] {!variant.censored()[r]};
            }
        }
        return LogRank.stratified(t1, e1, t2, e2).pValue();
    }

    /** Pairs where the reference dies first, where the variant does, their sum, and all pairs compared. */
    private static int[] informativePairs(Sample reference, Sample variant, boolean[] skip) {
        int referenceFirst = 0;
        int variantFirst = 0;
        int pairs = 0;
        for (int r = 0; r < skip.length; r++) {
            if (skip[r]) {
                continue;
            }
            pairs++;
            LogRank one = LogRank.of(new double[] {reference.values()[r]}, new boolean[] {!reference.censored()[r]},
                    new double[] {variant.values()[r]}, new boolean[] {!variant.censored()[r]});
            double excess = one.observedFirst() - one.expectedFirst();
            referenceFirst += excess > 0 ? 1 : 0;
            variantFirst += excess < 0 ? 1 : 0;
        }
        return new int[] {referenceFirst, variantFirst, referenceFirst + variantFirst, pairs};
    }

    private static RestrictedMean restrictedMean(Sample s, double horizon, double level) {
        return restrictedMean(s, new boolean[s.values().length], horizon, level);
    }

    private static RestrictedMean restrictedMean(Sample s, boolean[] skip, double horizon, double level) {
        Survival v = survival(s, skip);
        if (!(horizon > 0) || Double.isInfinite(horizon)) {
            horizon = 0;
            for (double t : v.times()) {
                horizon = Math.max(horizon, t);
            }
        }
        if (v.times().length == 0 || horizon == 0) {
            return new RestrictedMean(v.times().length, horizon, v.times().length == 0 ? Double.NaN : 0,
                    Double.NaN, Double.NaN, Double.NaN);
        }
        return RestrictedMean.of(v.times(), v.observed(), horizon, level);
    }

    /** Lifetimes with a value (and not skipped), each observed (the swarm died) or censored. */
    private record Survival(double[] times, boolean[] observed) {
    }

    private static Survival survival(Sample s, boolean[] skip) {
        double[] v = s.values();
        int n = 0;
        for (int r = 0; r < v.length; r++) {
            n += !skip[r] && Double.isFinite(v[r]) ? 1 : 0;
        }
        double[] times = new double[n];
        boolean[] observed = new boolean[n];
        int i = 0;
        for (int r = 0; r < v.length; r++) {
            if (!skip[r] && Double.isFinite(v[r])) {
                times[i] = v[r];
                observed[i++] = !s.censored()[r];
            }
        }
        return new Survival(times, observed);
    }

    private static double[] only(double[] x, boolean[] skip) {
        double[] out = x.clone();
        for (int r = 0; r < out.length; r++) {
            if (skip[r]) {
                out[r] = Double.NaN;
            }
        }
        return out;
    }
}
