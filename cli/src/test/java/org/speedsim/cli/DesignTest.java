package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.rng.RandomStreams;
import org.speedsim.reports.SobolIndices;

/** The designs of {@code sweep} and the Sobol indices estimated from Saltelli's design, against theory. */
class DesignTest {

    /**
     * The Ishigami function (a = 7, b = 0.1) over [-pi, pi]^3 has the analytic indices S = (0.3139, 0.4424, 0) and
     * ST = (0.5576, 0.4424, 0.2437) (Ishigami and Homma 1990; Saltelli et al., Global Sensitivity Analysis, 2008):
     * each lies inside the 95 % bootstrap interval of its estimate from 2^13 base rows, and the intervals are
     * narrow enough to tell the factors apart.
     */
    @Test
    void ishigamiIndicesLieInTheirIntervals() {
        int n = 8192;
        int d = 3;
        double[][] x = Design.saltelli(n, d);
        double[] f = Arrays.stream(x).mapToDouble(DesignTest::ishigami).toArray();
        double[][] fAB = new double[d][];
        for (int i = 0; i < d; i++) {
            fAB[i] = Arrays.copyOfRange(f, (2 + i) * n, (3 + i) * n);
        }
        List<SobolIndices.Factor> s = SobolIndices.estimate(Arrays.copyOfRange(f, 0, n),
                Arrays.copyOfRange(f, n, 2 * n), fAB, 1000, 0.95, new RandomStreams(18, 0).stream("bootstrap"));
        double[] first = {0.3139, 0.4424, 0};
        double[] total = {0.5576, 0.4424, 0.2437};
        for (int i = 0; i < d; i++) {
            SobolIndices.Index fi = s.get(i).firstOrder();
            SobolIndices.Index ti = s.get(i).total();
            assertTrue(fi.lower() <= first[i] && first[i] <= fi.upper(), "S" + (i + 1) + " " + fi);
            assertTrue(ti.lower() <= total[i] && total[i] <= ti.upper(), "ST" + (i + 1) + " " + ti);
            assertTrue(fi.upper() - fi.lower() < 0.1 && ti.upper() - ti.lower() < 0.1, "narrow: " + s.get(i));
        }
    }

    private static double ishigami(double[] u) {
        double x1 = -Math.PI + 2 * Math.PI * u[0];
        double x2 = -Math.PI + 2 * Math.PI * u[1];
        double x3 = -Math.PI + 2 * Math.PI * u[2];
        return Math.sin(x1) + 7 * Math.pow(Math.sin(x2), 2) + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
    }

    /** In a Latin hypercube each factor's N strata [k/N, (k+1)/N) hold exactly one point, over many seeds and sizes. */
    @Test
    void eachStratumOfALatinHypercubeHoldsOnePoint() {
        for (long seed = 1; seed <= 200; seed++) {
            int n = 1 + (int) (seed * 7 % 50);
            int d = 1 + (int) (seed % 6);
            double[][] x = Design.latinHypercube(n, d, new RandomStreams(seed, 0).stream("design"));
            assertEquals(n, x.length);
            for (int i = 0; i < d; i++) {
                int[] count = new int[n];
                for (double[] point : x) {
                    assertEquals(d, point.length);
                    assertTrue(point[i] >= 0 && point[i] < 1, "in the unit interval: " + point[i]);
                    count[(int) Math.floor(point[i] * n)]++;
                }
                int[] one = new int[n];
                Arrays.fill(one, 1);
                assertArrayEquals(one, count, "seed " + seed + ", factor " + i);
            }
        }
    }

    /**
     * The Sobol sequence starts (after the skipped origin) at (1/2, 1/2), (3/4, 1/4), (1/4, 3/4); and with the origin,
     * its first 2^k points put one point in each of the 2^k dyadic intervals of every coordinate, so the 2^k - 1
     * points drawn leave only [0, 2^-k) empty.
     */
    @Test
    void sobolPointsAreTheSequenceAfterTheOrigin() {
        assertTrue(Arrays.deepEquals(new double[][] {{0.5, 0.5}, {0.75, 0.25}, {0.25, 0.75}}, Design.sobol(3, 2)));
        for (int k = 1; k <= 10; k++) {
            int cells = 1 << k;
            double[][] x = Design.sobol(cells - 1, 6);
            for (int i = 0; i < 6; i++) {
                int[] count = new int[cells];
                for (double[] point : x) {
                    count[(int) Math.floor(point[i] * cells)]++;
                }
                int[] expected = new int[cells];
                Arrays.fill(expected, 1);
                expected[0] = 0;
                assertArrayEquals(expected, count, "k " + k + ", coordinate " + i);
            }
        }
    }

    /** The same seed draws the same hypercube; another seed another one. */
    @Test
    void aLatinHypercubeDependsOnlyOnItsStream() {
        double[][] a = Design.latinHypercube(20, 4, new RandomStreams(5, 0).stream("design"));
        double[][] b = Design.latinHypercube(20, 4, new RandomStreams(5, 0).stream("design"));
        double[][] c = Design.latinHypercube(20, 4, new RandomStreams(6, 0).stream("design"));
        assertTrue(Arrays.deepEquals(a, b));
        assertTrue(!Arrays.deepEquals(a, c));
    }

    /** Saltelli's AB_i equals A except in column i, where it equals B. */
    @Test
    void saltelliMatricesShareTheirColumnsAsDefined() {
        int n = 16;
        int d = 4;
        double[][] x = Design.saltelli(n, d);
        assertEquals(n * (d + 2), x.length);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < n; j++) {
                for (int c = 0; c < d; c++) {
                    double expected = c == i ? x[n + j][c] : x[j][c];
                    assertEquals(expected, x[(2 + i) * n + j][c], "AB_" + i + " row " + j + " column " + c);
                }
            }
        }
    }

    /** An integer factor takes each of its values on an equal share of [0, 1); a continuous one is linear. */
    @Test
    void factorsMapTheUnitIntervalOntoTheirRange() {
        DesignFactor slots = new DesignFactor("s", BigDecimal.valueOf(2), BigDecimal.valueOf(6), "", true);
        assertEquals(List.of("2", "2", "3", "4", "5", "6", "6"),
                List.of(0.0, 0.199, 0.2, 0.5, 0.79, 0.8, 0.999999).stream().map(slots::value).toList());
        DesignFactor leave = new DesignFactor("t", BigDecimal.valueOf(5), BigDecimal.valueOf(30), "min", false);
        assertEquals("5min", leave.value(0));
        assertEquals("17.5min", leave.value(0.5));
        assertEquals("29.999975min", leave.value(0.999999));
        DesignFactor price = new DesignFactor("p", BigDecimal.valueOf(50), BigDecimal.valueOf(200), "uBTT/KiB", false,
                new BigDecimal("0.001"));
        assertEquals("130.012uBTT/KiB", price.value(0.53341));
        assertEquals("200uBTT/KiB", price.value(0.9999999));
    }
}
