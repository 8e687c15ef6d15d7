package org.speedsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The log-rank test and the restricted mean survival time against textbook and hand-computed figures. */
class SurvivalStatisticsTest {

    /**
     * Freireich et al. (1963), remission times in weeks of leukaemia patients on 6-mercaptopurine and on placebo,
     * + censored (Cox and Oakes 1984, Table 1.1; Kleinbaum and Klein, Survival Analysis, chapter 2). The classic
     * log-rank result: observed 9 against 19.25 expected on 6-MP, 21 against 10.75 on placebo, chi-square 16.79 on
     * one degree of freedom, p = 4.17e-5 (R's survdiff: "Chisq= 16.8 on 1 degrees of freedom, p= 4e-05"; scipy's
     * logrank gives 16.7929, 4.1688e-5).
     */
    static final double[] SIX_MP = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35};
    static final boolean[] SIX_MP_RELAPSED = {true, true, true, false, true, false, true, false, false, true, true,
        false, false, false, true, true, false, false, false, false, false};
    static final double[] PLACEBO = {1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23};

    private static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }

    @Test
    void logRankOfTheFreireichLeukaemiaData() {
        LogRank t = LogRank.of(SIX_MP, SIX_MP_RELAPSED, PLACEBO, all(21));
        assertEquals(9, t.observedFirst());
        assertEquals(21, t.observedSecond());
        assertEquals(19.25, t.expectedFirst(), 0.01);
        assertEquals(10.75, t.expectedSecond(), 0.01);
        assertEquals(16.7929, t.chiSquare(), 1e-3);
        assertEquals(4.1688e-5, t.pValue(), 1e-8);
        LogRank swapped = LogRank.of(PLACEBO, all(21), SIX_MP, SIX_MP_RELAPSED);
        assertEquals(t.chiSquare(), swapped.chiSquare(), 1e-9, "symmetric in the samples");
    }

    /** One stratum is the plain test; strata add their observed, expected and variance. */
    @Test
    void stratifiedLogRankSumsTheStrata() {
        LogRank one = LogRank.stratified(new double[][] {SIX_MP}, new boolean[][] {SIX_MP_RELAPSED},
                new double[][] {PLACEBO}, new boolean[][] {all(21)});
        assertEquals(16.7929, one.chiSquare(), 1e-3);
        // by hand, four pairs (first, second): (10, 20) the first dies first: O1 - E1 = 1 - 1/2, V = 1/4;
        // (30, 5) the second first: -1/2, 1/4; (40, 15) the same; (50+, 50+) no event: 0, 0; (7, 7) both die
        // together: O1 = E1 = 1, V = 2 (1/2)(1/2)(0)/1 = 0. Sum O1 - E1 = -1/2, V = 3/4, chi-square = 1/3.
        LogRank pairs = LogRank.stratified(
                new double[][] {{10}, {30}, {40}, {50}, {7}}, new boolean[][] {{true}, {true}, {true}, {false}, {true}},
                new double[][] {{20}, {5}, {15}, {50}, {7}}, new boolean[][] {{true}, {true}, {true}, {false}, {true}});
        assertEquals(4, pairs.observedFirst());
        assertEquals(4.5, pairs.expectedFirst(), 1e-12);
        assertEquals(0.75, pairs.variance(), 1e-12);
        assertEquals(1.0 / 3, pairs.chiSquare(), 1e-12);
    }

    @Test
    void logRankWithoutEventsOrWithIdenticalSamplesFindsNoDifference() {
        LogRank none = LogRank.of(new double[] {3600, 3600}, new boolean[2], new double[] {3600, 3600},
                new boolean[2]);
        assertEquals(1, none.pValue());
        assertEquals(0, none.chiSquare());
        LogRank same = LogRank.of(PLACEBO, all(21), PLACEBO, all(21));
        assertEquals(0, same.chiSquare(), 1e-12);
        assertEquals(1, same.pValue(), 1e-12);
    }

    @Test
    void logRankHoldsItsLevelUnderTheNull() {
        // property: two samples of the same censored exponential law are significant at 0.05 about 5 % of the time
        SplittableRandom rng = new SplittableRandom(7);
        int significant = 0;
        int trials = 2000;
        for (int k = 0; k < trials; k++) {
            double[][] t = new double[2][20];
            boolean[][] e = new boolean[2][20];
            for (int g = 0; g < 2; g++) {
                for (int i = 0; i < 20; i++) {
                    double x = -Math.log(1 - rng.nextDouble()) * 1000;
                    e[g][i] = x < 1500;
                    t[g][i] = Math.min(x, 1500);
                }
            }
            significant += LogRank.of(t[0], e[0], t[1], e[1]).pValue() < 0.05 ? 1 : 0;
        }
        double rate = significant / (double) trials;
        assertTrue(rate > 0.035 && rate < 0.065, "false positive rate " + rate);
    }

    /**
     * By hand: times 2, 3+, 5, 8 up to tau = 10. Kaplan-Meier: 1 until 2, then 3/4; at 5 two at risk, one dies:
     * 3/8; at 8 the last dies: 0. RMST = 2 * 1 + 3 * 3/4 + 3 * 3/8 = 5.375. Areas after each event time up to 10:
     * A(2) = 2.25 + 1.125 = 3.375, A(5) = 1.125, A(8) = 0. Variance = 3.375^2 / (4 * 3) + 1.125^2 / (2 * 1) + 0
     * = 0.94921875 + 0.6328125 = 1.58203125, se = 1.257788, 95 % interval 5.375 -+ 1.959964 * 1.257788
     * = [2.909780, 7.840220].
     */
    @Test
    void restrictedMeanMatchesTheHandComputedCase() {
        RestrictedMean m = RestrictedMean.of(new double[] {8, 3, 5, 2}, new boolean[] {true, false, true, true}, 10,
                0.95);
        assertEquals(4, m.n());
        assertEquals(5.375, m.estimate(), 1e-12);
        assertEquals(Math.sqrt(1.58203125), m.se(), 1e-12);
        assertEquals(2.909780, m.lower(), 1e-5);
        assertEquals(7.840220, m.upper(), 1e-5);
    }

    /**
     * With every censored time at the horizon (runs that end alive at the run's length), the RMST is the plain mean
     * of min(time, tau); a horizon before some events cuts the area there.
     */
    @Test
    void restrictedMeanIsTheMeanOfTimesCutAtTheHorizonWhenCensoringIsAtTheEnd() {
        double[] t = {1200, 3600, 2500, 3600, 900};
        boolean[] died = {true, false, true, false, true};
        RestrictedMean m = RestrictedMean.of(t, died, 3600, 0.95);
        assertEquals((1200 + 3600 + 2500 + 3600 + 900) / 5.0, m.estimate(), 1e-9);
        assertTrue(m.upper() <= 3600 && m.lower() >= 0, m::toString);
        RestrictedMean cut = RestrictedMean.of(t, died, 2000, 0.95);
        assertEquals((1200 + 2000 + 2000 + 2000 + 900) / 5.0, cut.estimate(), 1e-9);
    }

    @Test
    void restrictedMeanOfSurvivorsIsTheHorizonAndStaysInsideIt() {
        RestrictedMean alive = RestrictedMean.of(new double[] {3600, 3600, 3600}, new boolean[3], 3600, 0.95);
        assertEquals(3600, alive.estimate());
        assertEquals(3600, alive.upper());
        assertEquals(3600, alive.lower());
        // nine survivors and one early death: the symmetric normal interval would pass the horizon; it is clipped
        double[] t = {3600, 3600, 3600, 3600, 3600, 3600, 3600, 3600, 3600, 100};
        boolean[] died = new boolean[10];
        died[9] = true;
        RestrictedMean m = RestrictedMean.of(t, died, 3600, 0.95);
        assertEquals(3250, m.estimate(), 1e-9);
        assertEquals(3600, m.upper());
        assertTrue(m.lower() < 3250);
        RestrictedMean one = RestrictedMean.of(new double[] {50}, new boolean[] {true}, 3600, 0.95);
        assertEquals(50, one.estimate());
        assertTrue(Double.isNaN(one.lower()));
        assertThrows(IllegalArgumentException.class, () -> RestrictedMean.of(t, died, 0, 0.95));
        assertFalse(Double.isNaN(m.se()));
    }
}
