package org.speedsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Wilson intervals and McNemar's test against the published examples. */
class ProportionTest {

    /**
     * Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of seven methods",
     * Statistics in Medicine 17, Table I, method 3 (Wilson 1927 score interval without continuity correction):
     * 81/263: 0.2553 to 0.3662; 15/148: 0.0624 to 0.1605; 0/20: 0 to 0.1611; 1/29: 0.0061 to 0.1718.
     */
    @Test
    void wilsonIntervalsOfNewcombesExamples() {
        check(81, 263, 0.2553, 0.3662);
        check(15, 148, 0.0624, 0.1605);
        check(0, 20, 0.0000, 0.1611);
        check(1, 29, 0.0061, 0.1718);
    }

    private static void check(int x, int n, double lower, double upper) {
        Proportion p = Proportion.wilson(x, n, 0.95);
        assertEquals((double) x / n, p.estimate(), 1e-12);
        assertEquals(lower, p.lower(), 5e-5, x + "/" + n);
        assertEquals(upper, p.upper(), 5e-5, x + "/" + n);
    }

    @Test
    void wilsonIntervalsStayInsideZeroAndOneWhereStudentsTDoesNot() {
        // swarm_died over ten replications, one death: the t interval is [-0.126, 0.326]; Wilson's is [0.0179, 0.404]
        double[] died = {0, 0, 0, 1, 0, 0, 0, 0, 0, 0};
        MeanCi t = MeanCi.of(died, 0.95);
        assertTrue(t.lower() < 0, "the defect: " + t);
        Proportion p = Proportion.of(died, 0.95);
        assertEquals(0.1, p.estimate(), 1e-12);
        assertEquals(0.017875, p.lower(), 1e-5);
        assertEquals(0.404155, p.upper(), 1e-5);
        Proportion all = Proportion.of(new double[] {1, 1, 1, Double.NaN}, 0.95);
        assertEquals(3, all.n());
        assertEquals(1, all.upper());
        assertTrue(all.lower() > 0.4 && all.lower() < 1);
        assertThrows(IllegalArgumentException.class, () -> Proportion.of(new double[] {0.5}, 0.95));
        assertTrue(Double.isNaN(Proportion.of(new double[0], 0.95).estimate()));
    }

    /**
     * Agresti, An Introduction to Categorical Data Analysis (2nd ed., 2007), Table 8.1: approval of the President's
     * performance by 1600 people in two surveys a month apart: 794 approve both times, 150 approve then disapprove,
     * 86 disapprove then approve, 570 disapprove both. McNemar z = (86 - 150) / sqrt(236) = -4.17, z^2 = 17.36,
     * p < 0.001 (3.10e-5); the change in approval 0.55 - 0.59 = -0.04 with 95 % interval (-0.06, -0.02)
     * (-0.0587 to -0.0213 before rounding).
     */
    @Test
    void mcNemarOfAgrestisPresidentialApprovalSurvey() {
        McNemar m = McNemar.of(1600, 150, 86, 0.95);
        assertFalse(m.exact(), "236 discordant pairs: the chi-square test");
        assertEquals(17.356, m.statistic(), 1e-3);
        assertEquals(3.0993e-5, m.pValue(), 1e-8);
        assertEquals(-0.04, m.difference(), 1e-12);
        assertEquals(-0.0587, m.lower(), 1e-4);
        assertEquals(-0.0213, m.upper(), 1e-4);
    }

    /**
     * Small discordant counts get the exact binomial test. By hand: 1 pair yes only under the first variant and 6
     * only under the second: P(X <= 1) for X ~ Binomial(7, 1/2) = (1 + 7) / 128 = 0.0625, two-sided p = 0.125 (the
     * chi-square approximation would say (6 - 1)^2 / 7 = 3.571, p = 0.0588). 0 against 5: p = 2 / 32 = 0.0625.
     */
    @Test
    void mcNemarIsExactForFewDiscordantPairs() {
        double[] first = {1, 0, 0, 0, 0, 0, 0, 1, 1, 0};
        double[] second = {0, 1, 1, 1, 1, 1, 1, 1, 1, 0};
        McNemar m = McNemar.of(first, second, 0.95);
        assertEquals(10, m.n());
        assertEquals(1, m.firstOnly());
        assertEquals(6, m.secondOnly());
        assertTrue(m.exact());
        assertEquals(0.125, m.pValue(), 1e-12);
        assertEquals(0.5, m.difference(), 1e-12);
        assertEquals(0.0625, McNemar.of(20, 0, 5, 0.95).pValue(), 1e-12);
        McNemar same = McNemar.of(new double[] {1, 0, 1}, new double[] {1, 0, 1}, 0.95);
        assertEquals(1, same.pValue());
        assertEquals(0, same.lower());
        assertEquals(0, same.upper());
        McNemar wide = McNemar.of(new double[] {0, 0}, new double[] {1, 1}, 0.95);
        assertTrue(wide.upper() <= 1 && wide.lower() >= -1, wide::toString);
    }
}
