package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Means, paired differences and the parsing of parameter values, against hand-computed (scipy) figures. */
class ExperimentStatisticsTest {

    @Test
    void meanIntervalIsTheStudentTInterval() {
        // x = 3 5 4 6 5: mean 4.6, sd 1.1402, t(0.975, 4) = 2.7764, half width 1.41571 (scipy)
        MeanInterval m = MeanInterval.of(new double[] {3, 5, 4, 6, 5}, 0.95);
        assertEquals(5, m.n());
        assertEquals(4.6, m.mean(), 1e-12);
        assertEquals(4.6 - 1.4157147769822718, m.low(), 1e-9);
        assertEquals(4.6 + 1.4157147769822718, m.high(), 1e-9);
    }

    @Test
    void meanIntervalLeavesOutMissingValuesAndNeverInventsAnInterval() {
        MeanInterval m = MeanInterval.of(new double[] {Double.NaN, 2, Double.NaN}, 0.95);
        assertEquals(1, m.n());
        assertEquals(2, m.mean());
        assertTrue(Double.isNaN(m.low()) && Double.isNaN(m.high()));
        assertEquals(0, MeanInterval.of(new double[] {Double.NaN}, 0.95).n());
        MeanInterval constant = MeanInterval.of(new double[] {7, 7, 7}, 0.95);
        assertEquals(7, constant.low());
        assertEquals(7, constant.high());
    }

    @Test
    void pairedDifferenceMatchesThePairedTTest() {
        // d = b - a = 1 2 2 4: mean 2.25, t = 3.57624 on 3 df, p = 0.0373861, half width 2.00225 (scipy)
        PairedDifference d = PairedDifference.of(new double[] {1, 2, 3, 4}, new double[] {2, 4, 5, 8}, 0.95);
        assertEquals(4, d.n());
        assertEquals(2.25, d.mean(), 1e-12);
        assertEquals(0.037386073468498635, d.pValue(), 1e-9);
        assertEquals(2.25 - 2.0022452253359253, d.low(), 1e-9);
        assertEquals(2.25 + 2.0022452253359253, d.high(), 1e-9);
        assertTrue(d.significant(0.05));
        assertFalse(d.significant(0.01));
    }

    @Test
    void pairedDifferenceHandlesZeroVarianceAndMissingPairs() {
        PairedDifference same = PairedDifference.of(new double[] {1, 5, 9}, new double[] {1, 5, 9}, 0.95);
        assertEquals(1.0, same.pValue());
        assertEquals(0, same.low());
        assertEquals(0, same.high());
        PairedDifference shifted = PairedDifference.of(new double[] {1, 5, 9}, new double[] {3, 7, 11}, 0.95);
        assertEquals(0.0, shifted.pValue());
        assertEquals(2, shifted.low());
        PairedDifference partial = PairedDifference.of(new double[] {1, Double.NaN, 3, 4},
                new double[] {2, 4, Double.NaN, 8}, 0.95);
        assertEquals(2, partial.n(), "only replications with both values pair");
        assertEquals(2.5, partial.mean(), 1e-12);
        PairedDifference one = PairedDifference.of(new double[] {1}, new double[] {2}, 0.95);
        assertTrue(Double.isNaN(one.pValue()) && !one.significant(0.05));
    }

    @Test
    void pairedSignificanceFollowsTheNominalLevelUnderTheNull() {
        // property: with no true difference, about 5 % of comparisons are significant at 0.05
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        int significant = 0;
        int trials = 2000;
        for (int t = 0; t < trials; t++) {
            double[] a = new double[10];
            double[] b = new double[10];
            for (int r = 0; r < 10; r++) {
                double common = rng.nextDouble() * 100;
                a[r] = common + gaussian(rng);
                b[r] = common + gaussian(rng);
            }
            significant += PairedDifference.of(a, b, 0.95).significant(0.05) ? 1 : 0;
        }
        double rate = significant / (double) trials;
        assertTrue(rate > 0.035 && rate < 0.065, "false positive rate " + rate);
    }

    private static double gaussian(java.util.SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Test
    void gridsAreExactDecimalsWithBothEnds() throws UserInputException {
        ValueList.Parameter p = ValueList.grid("--param", "clients[1].bidding.spendingRate=0:1:0.1");
        assertEquals("clients[1].bidding.spendingRate", p.path());
        assertEquals(List.of("0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1"), p.values());
        assertEquals(List.of("100", "250", "400"), ValueList.grid("--param", "arrivals.peers=100:400:150").values());
        assertEquals(List.of("1", "3"), ValueList.grid("--param", "x=1:4:2").values(), "TO need not be on the grid");
        assertEquals(List.of("vcg", "first-price"), ValueList.grid("--param", "a=vcg,first-price").values());
        assertEquals(List.of("10min", "20min", "30min"), ValueList.grid("--param", "d=10min:30min:10min").values());
        ValueList.Parameter priced = ValueList.range("--param", "p=0:50uBTT/KiB");
        assertEquals(List.of("0uBTT/KiB", "50uBTT/KiB"), priced.values());
        assertEquals(List.of(BigDecimal.ZERO, new BigDecimal("50")), priced.numbers());
        for (String bad : List.of("x", "x=", "=1:2:1", "x=1:2:0", "x=2:1:1", "x=a:2:1", "x=1:2:3:4", "x=0:1e9:1",
                "x=1h:30min:10min")) {
            try {
                ValueList.grid("--param", bad);
                throw new AssertionError("accepted " + bad);
            } catch (UserInputException e) {
                assertTrue(e.getMessage().startsWith("--param " + bad), e.getMessage());
            }
        }
    }

    @Test
    void valueListsSplitOnlyOnTopLevelCommas() throws UserInputException {
        assertEquals(List.of("{strategy: fixed, price: 1uBTT/KiB}", "{strategy: auto}", "'a,b'"),
                ValueList.list("--vary", "c.bidding={strategy: fixed, price: 1uBTT/KiB}, {strategy: auto},'a,b'", 2)
                        .values());
        assertEquals(List.of(new BigDecimal("0").toPlainString(), "1"), ValueList.range("--param", "x=0:1").values());
    }
}
