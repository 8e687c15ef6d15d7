package org.speedsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeanCiTest {

    /** 1..5: mean 3, sd sqrt(2.5) = 1.58114, t(0.975, 4) = 2.776445, half width 1.963243. */
    @Test
    void matchesHandComputedStudentInterval() {
        MeanCi ci = MeanCi.of(new double[] {5, 1, 4, 2, 3}, 0.95);
        assertEquals(5, ci.n());
        assertEquals(3, ci.mean(), 1e-12);
        assertEquals(Math.sqrt(2.5), ci.sd(), 1e-12);
        assertEquals(3 - 1.963243, ci.lower(), 1e-6);
        assertEquals(3 + 1.963243, ci.upper(), 1e-6);
    }

    @Test
    void nanValuesAreLeftOut() {
        MeanCi ci = MeanCi.of(new double[] {Double.NaN, 2, 4, Double.NaN}, 0.95);
        assertEquals(2, ci.n());
        assertEquals(3, ci.mean(), 1e-12);
        // t(0.975, 1) = 12.7062, sd = sqrt(2), half = 12.7062 * sqrt(2) / sqrt(2)
        assertEquals(3 - 12.706205, ci.lower(), 1e-5);
    }

    @Test
    void oneValueHasAMeanButNoInterval() {
        MeanCi ci = MeanCi.of(new double[] {7}, 0.95);
        assertEquals(1, ci.n());
        assertEquals(7, ci.mean());
        assertTrue(Double.isNaN(ci.sd()) && Double.isNaN(ci.lower()) && Double.isNaN(ci.upper()));
        MeanCi none = MeanCi.of(new double[] {Double.NaN}, 0.95);
        assertEquals(0, none.n());
        assertTrue(Double.isNaN(none.mean()));
    }

    @Test
    void equalValuesGiveAZeroWidthInterval() {
        MeanCi ci = MeanCi.of(new double[] {4, 4, 4}, 0.95);
        assertEquals(4, ci.lower());
        assertEquals(4, ci.upper());
    }

    @Test
    void rejectsLevelsOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> MeanCi.of(new double[] {1, 2}, 1.0));
        assertThrows(IllegalArgumentException.class, () -> MeanCi.of(new double[] {1, 2}, 0));
    }
}
