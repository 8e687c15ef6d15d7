package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.reports.Csv;
import org.speedsim.reports.Estimate;
import org.speedsim.reports.MetricKind;

/**
 * The statistics that fit each kind of metric, end to end through {@code compare} and {@code sweep} on a synthetic
 * scenario whose lifetimes are set per replication, and the clipping of intervals to each metric's range.
 *
 * <p>Lifetimes in seconds by replication (runs last 7200 s; 7200 means the swarm outlived the run: censored):
 * x = 0: 1000, 2000, 7200, 3000, 7200, 1500, 2500, 7200, 500, 4000 (7 deaths); x = 1: 7200, 7200, 7200, 5000, then
 * 7200 six times (1 death). Computed by hand from these:
 * <ul>
 *   <li>swarm_died: 0.7 and 0.1. Wilson 95 % intervals [0.3968, 0.8922] and [0.01788, 0.4042] (Newcombe's method 3;
 *       scipy's binomtest(..).proportion_ci('wilson') agrees); Student t would give [-0.126, 0.326] for 0.1.
 *       McNemar: 6 replications die only under x = 0, none only under x = 1: difference -0.6, exact p = 2 / 2^6
 *       = 0.03125, Wald interval -0.6 -+ 1.96 sqrt(6 - 36/10) / 10 = [-0.9036, -0.2964].</li>
 *   <li>swarm_lifetime_s: every censored time is at the run's end, so the RMST up to 7200 s is the mean of the
 *       times: 3610 and 6980; difference 3370 with the paired Student-t interval of the differences [1438.4, 5301.6]
 *       (scipy). Kaplan-Meier median of x = 0: the curve falls to 0.5 at the fifth death, 2500; x = 1 has none.
 *       Log-rank by replication: in 7 pairs the x = 0 swarm dies first (replication 3: 3000 before 5000), in none
 *       the other way, 3 pairs survive together: exact p = 2 / 2^7 = 0.015625. Censored: 3 and 9.</li>
 *   <li>x = 1's Student-t interval would reach 7477.7 s, beyond the run's 7200 s; its RMST interval stops at 7200.</li>
 * </ul>
 */
class FittingStatisticsTest {

    static final double[][] LIFETIMES = {
        {1000, 2000, 7200, 3000, 7200, 1500, 2500, 7200, 500, 4000},
        {7200, 7200, 7200, 5000, 7200, 7200, 7200, 7200, 7200, 7200}};

    @TempDir
    Path tmp;

    private static Synthetic synthetic() {
        return new Synthetic((x, seed, r) -> LIFETIMES[(int) x][r]);
    }

    private Path file() throws IOException {
        return Files.writeString(tmp.resolve("synthetic.yaml"), "x: 0\n");
    }

    private static List<String> row(List<List<String>> table, String metric, String variant) {
        for (List<String> row : table) {
            if (row.get(0).equals(metric) && row.get(1).equals(variant)) {
                return row;
            }
        }
        throw new AssertionError(metric + " " + variant);
    }

    private static double number(List<String> header, List<String> row, String column) {
        return Double.parseDouble(row.get(header.indexOf(column)));
    }

    @Test
    void compareUsesWilsonAndMcNemarForYesNoAndSurvivalStatisticsForCensoredLifetimes() throws IOException {
        Path out = tmp.resolve("out");
        Cli c = Cli.execute(synthetic().services(), "compare", file().toString(), "--vary", "x=0,1",
                "--replications", "10", "--out", out.toString(), "--no-charts");
        assertEquals(0, c.exit(), c::toString);
        List<List<String>> table = Csv.read(out.resolve("synthetic/compare.csv"));
        List<String> h = table.get(0);

        List<String> diedBase = row(table, "swarm_died", "0");
        List<String> died = row(table, "swarm_died", "1");
        assertEquals(0.7, number(h, diedBase, "mean"), 1e-12);
        assertEquals(0.39678, number(h, diedBase, "ci_low"), 1e-5);
        assertEquals(0.89221, number(h, diedBase, "ci_high"), 1e-5);
        assertEquals(0.1, number(h, died, "mean"), 1e-12);
        assertEquals(0.017876, number(h, died, "ci_low"), 1e-5, "Wilson, not the t interval below 0: " + died);
        assertEquals(0.404150, number(h, died, "ci_high"), 1e-5);
        assertEquals("proportion", died.get(h.indexOf("estimate")));
        assertEquals("Wilson", died.get(h.indexOf("interval")));
        assertEquals("McNemar exact", died.get(h.indexOf("test")));
        assertEquals(-0.6, number(h, died, "diff_vs_0"), 1e-12);
        assertEquals(0.03125, number(h, died, "p_value"), 1e-12);
        assertEquals(-0.9036, number(h, died, "diff_ci_low"), 1e-4);
        assertEquals(-0.2964, number(h, died, "diff_ci_high"), 1e-4);

        List<String> lifeBase = row(table, RunMetrics.LIFETIME, "0");
        List<String> life = row(table, RunMetrics.LIFETIME, "1");
        assertEquals(3610, number(h, lifeBase, "mean"), 1e-9);
        assertEquals(6980, number(h, life, "mean"), 1e-9);
        assertEquals("RMST to 7200 s", life.get(h.indexOf("estimate")));
        assertEquals("Greenwood", life.get(h.indexOf("interval")));
        assertEquals("log-rank by replication, exact", life.get(h.indexOf("test")));
        assertEquals(7200, number(h, life, "ci_high"), "clipped at the run's length: " + life);
        assertEquals(2500, number(h, lifeBase, "km_median"));
        assertEquals("", life.get(h.indexOf("km_median")), "no median while over half are alive");
        assertEquals(3370, number(h, life, "diff_vs_0"), 1e-9);
        assertEquals(1438.374, number(h, life, "diff_ci_low"), 1e-3);
        assertEquals(5301.626, number(h, life, "diff_ci_high"), 1e-3);
        assertEquals(0.015625, number(h, life, "p_value"), 1e-12);
        assertEquals(3, number(h, lifeBase, "censored"));
        assertEquals(9, number(h, life, "censored"));

        for (List<String> r : table.subList(1, table.size())) {
            if (!r.get(h.indexOf("ci_low")).isEmpty()) {
                assertTrue(number(h, r, "ci_low") <= number(h, r, "mean")
                        && number(h, r, "mean") <= number(h, r, "ci_high"), r::toString);
                assertTrue(number(h, r, "ci_low") >= 0, "every summary metric here is at least 0: " + r);
            }
        }
        assertTrue(c.out().contains("McNemar exact") && c.out().contains("log-rank by replication, exact"),
                c::toString);
        assertTrue(c.out().contains("swarm_died (yes/no: proportion of yes, Wilson interval)"), c::toString);
        String md = Files.readString(out.resolve("synthetic/compare.md"));
        assertTrue(md.contains("| variant | n | proportion | 95 % CI (Wilson) | difference | 95 % CI | p | test |"),
                md);
        assertTrue(md.contains("Restricted mean survival time up to the run's length, 7200 s"), md);
    }

    @Test
    void sweepBandsStayInsideEachMetricsRange() throws IOException {
        Path out = tmp.resolve("sweep");
        Cli c = Cli.execute(synthetic().services(), "sweep", file().toString(), "--param", "x=0,1",
                "--replications", "10", "--out", out.toString(), "--no-charts", "--quiet");
        assertEquals(0, c.exit(), c::toString);
        List<List<String>> points = Csv.read(out.resolve("synthetic-sweep").resolve(SweepCommand.POINTS));
        List<String> h = points.get(0);
        int metric = h.indexOf("metric");
        boolean sawLifetime = false;
        for (List<String> r : points.subList(1, points.size())) {
            if (r.get(h.indexOf("ci_low")).isEmpty()) {
                continue;
            }
            double low = number(h, r, "ci_low");
            double high = number(h, r, "ci_high");
            assertTrue(low >= 0, r::toString);
            if (r.get(metric).equals("swarm_died")) {
                assertTrue(high <= 1, r::toString);
                assertEquals("Wilson", r.get(h.indexOf("interval")));
            }
            if (r.get(metric).equals(RunMetrics.LIFETIME)) {
                sawLifetime = true;
                assertTrue(high <= 7200, "a lifetime never exceeds the run's length: " + r);
                assertEquals("Greenwood", r.get(h.indexOf("interval")));
            }
        }
        assertTrue(sawLifetime);
    }

    @Test
    void meansOfCountsFractionsAndAmountsAreClippedToTheirRange() {
        // tokens paid in four runs 0, 0, 0, 10: mean 2.5, t interval 2.5 -+ 3.18245 * 5 / 2 = [-5.45612, 10.45612]
        Estimate tokens = MetricStatistics.estimate(Sample.of(MetricKind.AMOUNT, new double[] {0, 0, 0, 10}, 3600),
                0.95);
        assertEquals(2.5, tokens.value(), 1e-12);
        assertEquals(0, tokens.lower(), "an amount is never negative");
        assertEquals(10.45612, tokens.upper(), 1e-5);
        Estimate fraction = MetricStatistics.estimate(Sample.of(MetricKind.FRACTION, new double[] {1, 1, 1, 0.6},
                3600), 0.95);
        assertEquals(1, fraction.upper());
        Estimate real = MetricStatistics.estimate(Sample.of(MetricKind.REAL, new double[] {0, 0, 0, 10}, 3600), 0.95);
        assertEquals(-5.45612, real.lower(), 1e-5, "a metric that may be negative keeps its t interval");
    }

    /**
     * Tune compares restricted mean lifetimes by a z-test. By hand (the RMST case of SurvivalStatisticsTest): times
     * 2, 3+, 5, 8 up to 10 have RMST 5.375 with variance 1.58203125. Times 10+, 10+, 10+, 4: the curve drops to 3/4
     * at 4, RMST 4 + 0.75 * 6 = 8.5, variance (0.75 * 6)^2 / (4 * 3) = 1.6875. Difference -3.125, se
     * sqrt(3.26953125) = 1.808185, z -1.72825, two-sided p 0.083943, interval [-6.66898, 0.41898] (scipy agrees).
     * The log-rank test by replication sees 2 pairs where the shorter dies first, 1 the other way (4 before 8) and
     * one without an event: exact p 2 P(X <= 1), X ~ Binomial(3, 1/2), = 1.
     */
    @Test
    void tuneComparesRestrictedMeansByAZTest() {
        Sample shorter = new Sample(MetricKind.LIFETIME, new double[] {2, 3, 5, 8},
                new boolean[] {false, true, false, false}, 10);
        Sample longer = new Sample(MetricKind.LIFETIME, new double[] {10, 10, 10, 4},
                new boolean[] {true, true, true, false}, 10);
        Comparison z = MetricStatistics.compareEstimates(longer, shorter, 0.95);
        assertEquals(Comparison.RMST_Z, z.test());
        assertEquals(-3.125, z.difference(), 1e-12);
        assertEquals(0.0839429, z.pValue(), 1e-6);
        assertEquals(-3.125 - 1.959964 * Math.sqrt(3.26953125), z.low(), 1e-5);
        assertEquals(-3.125 + 1.959964 * Math.sqrt(3.26953125), z.high(), 1e-5);
        Comparison logRank = MetricStatistics.compare(longer, shorter, 0.95);
        assertEquals(Comparison.LOG_RANK_EXACT, logRank.test());
        assertEquals(1, logRank.pValue(), 1e-12);
    }

    /** Booleans of summary.json are yes/no; other fields are amounts unless a run reports a negative value. */
    @Test
    void theKindOfAMetricComesFromWhatItIs() {
        RunMetrics one = new RunMetrics(java.util.Map.of("swarm_died", 1.0, "tokens_paid", 0.0, "balance", 3.0,
                RunMetrics.LIFETIME, 70.0, RunMetrics.COMPLETED_FRACTION, 0.5), java.util.Set.of("swarm_died"));
        RunMetrics two = new RunMetrics(java.util.Map.of("swarm_died", 0.0, "tokens_paid", 5.0, "balance", -2.0,
                RunMetrics.LIFETIME, 80.0, RunMetrics.COMPLETED_FRACTION, 1.0), java.util.Set.of("swarm_died"));
        RunMetrics[][] runs = {{one, null}, {two, one}};
        assertEquals(MetricKind.YES_NO, MetricStatistics.kind("swarm_died", runs));
        assertEquals(MetricKind.AMOUNT, MetricStatistics.kind("tokens_paid", runs));
        assertEquals(MetricKind.REAL, MetricStatistics.kind("balance", runs));
        assertEquals(MetricKind.LIFETIME, MetricStatistics.kind(RunMetrics.LIFETIME, runs));
        assertEquals(MetricKind.FRACTION, MetricStatistics.kind(RunMetrics.COMPLETED_FRACTION, runs));
    }

    /**
     * Tune's interval in one dimension never holds a value it flags as significantly worse than the best. Objective
     * {@code -1000 (x - 0.5)^2} plus a replication effect shared by every x (sd 10) and a small own noise (sd 1): the
     * grid 0, 0.2, ..., 1 puts 0.4 and 0.6 (10 below the best) far outside the paired noise, so both are flagged,
     * while the refinement evaluates values near 0.5 that are not.
     */
    @Test
    void tunesIntervalExcludesEveryValueFlaggedAsWorse() throws Exception {
        int replications = 8;
        Tuner tuner = new Tuner(new BigDecimal[] {BigDecimal.ZERO}, new BigDecimal[] {BigDecimal.ONE},
                Objective.Goal.MAX, 12, 0.95, points -> {
                    List<Sample> samples = new ArrayList<>();
                    for (BigDecimal[] p : points) {
                        double x = p[0].doubleValue();
                        double[] v = new double[replications];
                        for (int r = 0; r < replications; r++) {
                            v[r] = -1000 * (x - 0.5) * (x - 0.5) + 10 * Synthetic.normal(1, r, "shared")
                                    + Synthetic.normal(1, r, "own-" + x);
                        }
                        samples.add(Sample.of(MetricKind.REAL, v, Double.NaN));
                    }
                    return samples;
                });
        Tuner.Result result = tuner.run();
        BigDecimal lo = result.interval()[0][0];
        BigDecimal hi = result.interval()[0][1];
        int flagged = 0;
        for (Tuner.Versus v : result.versus()) {
            BigDecimal x = v.evaluation().point()[0];
            if (!v.indistinguishable()) {
                flagged++;
                assertTrue(x.compareTo(lo) < 0 || x.compareTo(hi) > 0,
                        "flagged " + x + " inside [" + lo + ", " + hi + "]");
            } else if (x.compareTo(result.bracket()[0][0]) > 0 && x.compareTo(result.bracket()[0][1]) < 0) {
                assertTrue(x.compareTo(lo) >= 0 && x.compareTo(hi) <= 0, x + " not worse, inside the bracket");
            }
        }
        assertTrue(flagged >= 4, "0, 0.2, 0.8 and 1 at least are flagged: " + flagged);
        BigDecimal best = result.best().point()[0];
        assertTrue(lo.compareTo(best) <= 0 && best.compareTo(hi) <= 0);
        assertTrue(result.bracket()[0][0].compareTo(lo) < 0 && hi.compareTo(result.bracket()[0][1]) < 0,
                "the bracket's ends are the flagged neighbours, outside the interval");
        assertTrue(lo.doubleValue() > 0.4 && hi.doubleValue() < 0.6, lo + " " + hi);
    }
}
