package org.speedsim.reports;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Kaplan-Meier (product-limit) estimator of a survival function from right-censored times, with Greenwood's
 * variance and a log-log ("exponential Greenwood") confidence band, which stays inside [0, 1].
 *
 * <p>At each distinct event time t with d events among n subjects at risk (time &ge; t), the estimate is multiplied
 * by (1 - d/n); a censored time at t counts as at risk at t (censoring after events at the same time). The band at
 * level 1 - a is S^exp(&plusmn;z se) with se = sqrt(sum d/(n(n-d))) / |ln S| and z the normal 1 - a/2 quantile.
 * Where S is 1 the band is [1, 1]; where S is 0 it is [0, 0].
 */
public final class KaplanMeier {

    private KaplanMeier() {
    }

    /** The curve with a 95 % band; {@code observed[i]} is false when {@code times[i]} is censored. */
    public static SurvivalCurve estimate(double[] times, boolean[] observed) {
        return estimate(times, observed, 0.95);
    }

    /** The curve with a band at {@code level}. */
    public static SurvivalCurve estimate(double[] times, boolean[] observed, double level) {
        if (times.length != observed.length) {
            throw new IllegalArgumentException(times.length + " times but " + observed.length + " observed flags");
        }
        for (double t : times) {
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException("survival times must be finite and non-negative: " + t);
            }
        }
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.5 + level / 2);
        Integer[] order = IntStream.range(0, times.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(times[a], times[b]));
        int m = times.length;
        double[] eventTimes = new double[m];
        double[] s = new double[m];
        double[] lo = new double[m];
        double[] hi = new double[m];
        int[] atRisk = new int[m];
        int[] events = new int[m];
        double[] censored = new double[m];
        int k = 0;
        int c = 0;
        double surv = 1;
        double greenwood = 0;
        double median = Double.NaN;
        double end = 0;
        int i = 0;
        while (i < m) {
            double t = times[order[i]];
            int n = m - i;
            int d = 0;
            int j = i;
            for (; j < m && times[order[j]] == t; j++) {
                if (observed[order[j]]) {
                    d++;
                } else {
                    censored[c++] = t;
                }
            }
            end = t;
            if (d > 0) {
                surv *= 1 - (double) d / n;
                greenwood = n == d ? Double.POSITIVE_INFINITY : greenwood + (double) d / ((double) n * (n - d));
                eventTimes[k] = t;
                s[k] = surv;
                atRisk[k] = n;
                events[k] = d;
                if (surv <= 0) {
                    lo[k] = 0;
                    hi[k] = 0;
                } else {
                    double se = Math.sqrt(greenwood) / Math.abs(Math.log(surv));
                    lo[k] = Math.pow(surv, Math.exp(z * se));
                    hi[k] = Math.pow(surv, Math.exp(-z * se));
                }
                if (Double.isNaN(median) && surv <= 0.5) {
                    median = t;
                }
                k++;
            }
            i = j;
        }
        return new SurvivalCurve(Arrays.copyOf(eventTimes, k), Arrays.copyOf(s, k), Arrays.copyOf(lo, k),
                Arrays.copyOf(hi, k), Arrays.copyOf(atRisk, k), Arrays.copyOf(events, k), Arrays.copyOf(censored, c),
                end, median, level);
    }

    /**
     * Swarm lifetimes of replications: the death time where the swarm died (an event), else the simulated time
     * (censored: alive at the run's end).
     */
    public static SurvivalCurve swarmLifetime(java.util.List<Replication> replications) {
        double[] t = new double[replications.size()];
        boolean[] died = new boolean[t.length];
        for (int i = 0; i < t.length; i++) {
            Replication r = replications.get(i);
            double death = r.deathSeconds();
            died[i] = !Double.isNaN(death);
            t[i] = died[i] ? death : r.simulatedSeconds();
        }
        return estimate(t, died);
    }
}
