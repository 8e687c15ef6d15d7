package org.speedsim.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KaplanMeierTest {

    /**
     * Times 1, 2, 2+, 3, 4+, 5 (+ = censored). By hand: at 1, 6 at risk, 1 dies: S = 5/6; at 2, 5 at risk (the
     * censored 2 counts), 1 dies: S = 5/6 * 4/5 = 2/3; at 3, 3 at risk, 1 dies: S = 2/3 * 2/3 = 4/9; at 5, 1 at risk,
     * 1 dies: S = 0. Greenwood sums 1/30, 1/30 + 1/20 = 1/12, 1/12 + 1/6 = 1/4. Log-log band at 3:
     * se = sqrt(1/4) / |ln 4/9| = 0.61658, exp(1.95996 * se) = 3.34826, band (4/9)^3.34826 = 0.066187 to
     * (4/9)^(1/3.34826) = 0.784908.
     */
    @Test
    void matchesHandComputedValuesOnACensoredSample() {
        SurvivalCurve c = KaplanMeier.estimate(new double[] {3, 2, 5, 1, 4, 2},
                new boolean[] {true, false, true, true, false, true});
        assertArrayEquals(new double[] {1, 2, 3, 5}, c.times());
        assertArrayEquals(new double[] {5.0 / 6, 2.0 / 3, 4.0 / 9, 0}, c.survival(), 1e-12);
        assertArrayEquals(new int[] {6, 5, 3, 1}, c.atRisk());
        assertArrayEquals(new int[] {1, 1, 1, 1}, c.events());
        assertArrayEquals(new double[] {2, 4}, c.censored());
        assertEquals(5, c.end());
        assertEquals(3, c.median());
        assertEquals(0.066187, c.lower()[2], 1e-5);
        assertEquals(0.784908, c.upper()[2], 1e-5);
        // at 1: se = sqrt(1/30) / |ln 5/6|
        assertEquals(0.273123, c.lower()[0], 1e-5);
        assertEquals(0.974712, c.upper()[0], 1e-5);
        assertEquals(0.194617, c.lower()[1], 1e-5);
        assertEquals(0.904434, c.upper()[1], 1e-5);
        assertEquals(0, c.lower()[3]);
        assertEquals(0, c.upper()[3]);
        assertEquals(1, c.at(0.5));
        assertEquals(2.0 / 3, c.at(2.5), 1e-12);
        assertEquals(6, c.subjects());
    }

    /** Ties of events: 4 subjects, two die at 10, one censored at 10, one dies at 20: S = 1/2 then 0. */
    @Test
    void tiedEventsAndCensoringAtTheSameTime() {
        SurvivalCurve c = KaplanMeier.estimate(new double[] {10, 10, 10, 20},
                new boolean[] {true, true, false, true});
        assertArrayEquals(new double[] {10, 20}, c.times());
        assertArrayEquals(new double[] {0.5, 0}, c.survival(), 1e-12);
        assertArrayEquals(new int[] {4, 1}, c.atRisk());
        assertArrayEquals(new int[] {2, 1}, c.events());
        assertEquals(10, c.median());
    }

    @Test
    void allCensoredStaysAtOneWithNoMedian() {
        SurvivalCurve c = KaplanMeier.estimate(new double[] {7200, 7200, 3600}, new boolean[] {false, false, false});
        assertEquals(0, c.times().length);
        assertTrue(Double.isNaN(c.median()));
        assertEquals(1, c.at(1e9));
        assertEquals(7200, c.end());
        assertEquals(3, c.censored().length);
    }

    /** Without censoring the estimate is the empirical survival function 1 - F(t). */
    @Test
    void withoutCensoringEqualsTheEmpiricalSurvivalFunction() {
        for (long seed = 1; seed <= 30; seed++) {
            Random rng = new Random(seed);
            int n = 2 + rng.nextInt(40);
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = rng.nextInt(20);
            }
            boolean[] all = new boolean[n];
            Arrays.fill(all, true);
            SurvivalCurve c = KaplanMeier.estimate(t, all);
            for (int k = 0; k < c.times().length; k++) {
                double tk = c.times()[k];
                long alive = Arrays.stream(t).filter(x -> x > tk).count();
                assertEquals((double) alive / n, c.survival()[k], 1e-12, "seed " + seed);
            }
        }
    }

    /** On random censored samples the band contains the estimate, stays in [0, 1], and the curve never rises. */
    @Test
    void bandContainsTheEstimateAndStaysInTheUnitInterval() {
        for (long seed = 1; seed <= 50; seed++) {
            Random rng = new Random(seed);
            int n = 1 + rng.nextInt(60);
            double[] t = new double[n];
            boolean[] observed = new boolean[n];
            for (int i = 0; i < n; i++) {
                t[i] = rng.nextInt(100) * 30.0;
                observed[i] = rng.nextDouble() < 0.6;
            }
            SurvivalCurve c = KaplanMeier.estimate(t, observed);
            double previous = 1;
            for (int k = 0; k < c.times().length; k++) {
                double s = c.survival()[k];
                assertTrue(s <= previous, "non-increasing, seed " + seed);
                assertTrue(0 <= c.lower()[k] && c.lower()[k] <= s && s <= c.upper()[k] && c.upper()[k] <= 1,
                        "seed " + seed + " at " + c.times()[k] + ": " + c.lower()[k] + " " + s + " " + c.upper()[k]);
                if (s > 0 && s < 1) {
                    assertTrue(c.lower()[k] < s && s < c.upper()[k], "a real interval, seed " + seed);
                }
                previous = s;
            }
            assertEquals(n, c.subjects());
        }
    }

    @Test
    void aWiderLevelGivesAWiderBand() {
        double[] t = {1, 2, 3, 4, 5, 6, 7, 8};
        boolean[] o = {true, false, true, true, false, true, true, false};
        SurvivalCurve c90 = KaplanMeier.estimate(t, o, 0.90);
        SurvivalCurve c99 = KaplanMeier.estimate(t, o, 0.99);
        for (int k = 0; k < c90.times().length - 1; k++) {
            assertTrue(c99.lower()[k] < c90.lower()[k] && c99.upper()[k] > c90.upper()[k]);
        }
    }

    @Test
    void rejectsMismatchedAndNegativeInput() {
        assertThrows(IllegalArgumentException.class, () -> KaplanMeier.estimate(new double[2], new boolean[3]));
        assertThrows(IllegalArgumentException.class,
                () -> KaplanMeier.estimate(new double[] {-1}, new boolean[] {true}));
    }
}
