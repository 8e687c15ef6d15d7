package org.speedsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void formatsTypicalValuesReadably() {
        assertEquals("0", Numbers.format(0.0));
        assertEquals("42", Numbers.format(42.0));
        assertEquals("-3", Numbers.format(-3.0));
        assertEquals("0.1", Numbers.format(0.1));
        assertEquals("0.333333333333", Numbers.format(1.0 / 3));
        assertEquals("0.8", Numbers.format(0.1 + 0.7), "0.7999999999999999 is float noise");
        assertEquals("28.4253006", Numbers.format(28.425300599999996));
        assertEquals("3", Numbers.format(2.9999999999999996), "rounds to an integer, written without .0");
        assertEquals("30", Numbers.format(30.0));
        assertEquals("123456789012345", Numbers.format(123456789012345.0), "integers stay exact");
        assertEquals("123.456", Numbers.format(123.456));
        assertEquals("0.000001", Numbers.format(1e-6));
        assertEquals("1E-7", Numbers.format(1e-7));
        assertEquals("1.5E-9", Numbers.format(1.5e-9));
        assertEquals("1E+15", Numbers.format(1e15));
        assertEquals("", Numbers.format(Double.NaN));
        assertEquals("Infinity", Numbers.format(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", Numbers.format(Double.NEGATIVE_INFINITY));
    }

    @Test
    void everyFiniteDoubleIsWrittenAsItsValueToTwelveDigitsWithTheShortestDecimal() {
        for (long seed = 0; seed < 8; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            for (int i = 0; i < 2000; i++) {
                double d = switch (i % 4) {
                    case 0 -> Double.longBitsToDouble(rng.nextLong());
                    case 1 -> rng.nextDouble() * Math.pow(10, rng.nextInt(-12, 20));
                    case 2 -> Math.round(rng.nextDouble() * 1e6) / 1e3;
                    default -> -rng.nextDouble(1e9);
                };
                if (!Double.isFinite(d)) {
                    continue;
                }
                String s = Numbers.format(d);
                double rounded = d == Math.rint(d) && Math.abs(d) < 1e15 ? d
                        : new BigDecimal(d).round(new java.math.MathContext(12)).doubleValue();
                assertEquals(rounded, Double.parseDouble(s), () -> s);
                assertFalse(s.contains(",") || s.contains(" "), s);
                assertTrue(significantDigits(s) <= 12 || rounded == Math.rint(rounded), s);
                int digits = significantDigits(s);
                if (digits > 1) {
                    BigDecimal shorter = new BigDecimal(rounded).round(new java.math.MathContext(digits - 1));
                    assertTrue(shorter.doubleValue() != rounded, () -> s + " is not the shortest");
                }
            }
        }
    }

    private static int significantDigits(String s) {
        BigDecimal b = new BigDecimal(s).stripTrailingZeros();
        return b.signum() == 0 ? 1 : b.precision();
    }

    @Test
    void secondsFromMicrosAreExact() {
        assertEquals("0", Numbers.seconds(0));
        assertEquals("1.5", Numbers.seconds(1_500_000));
        assertEquals("0.000001", Numbers.seconds(1));
        assertEquals("-0.5", Numbers.seconds(-500_000));
        assertEquals("-2.25", Numbers.seconds(-2_250_000));
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            long micros = rng.nextLong(-(1L << 52), 1L << 52);
            String s = Numbers.seconds(micros);
            assertEquals(BigDecimal.valueOf(micros, 6).stripTrailingZeros().compareTo(new BigDecimal(s)), 0, s);
            assertEquals(micros / 1e6, Double.parseDouble(s), s);
        }
    }
}
