package org.speedsim.reports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one number format of every output file (run, experiment and report CSV files), independent of locale and JDK
 * version: integers without a fraction ({@code 30}, never {@code 30.0}); other values rounded to
 * {@value #SIGNIFICANT_DIGITS} significant digits, then written with the fewest digits that parse back to the rounded
 * value, so double arithmetic noise disappears ({@code 0.7999999999999999} is written {@code 0.8},
 * {@code 28.425300599999996} {@code 28.4253006}); seconds from microseconds are written exactly.
 *
 * <p>Invariant: {@code Double.parseDouble(format(d))} equals {@code d} rounded to {@value #SIGNIFICANT_DIGITS}
 * significant digits (exactly {@code d} for integers below 1e15 and for every double of at most that many digits), and
 * the text has the fewest significant digits with that property.
 */
public final class Numbers {

    /** Significant digits kept of a value that is not an integer. */
    public static final int SIGNIFICANT_DIGITS = 12;

    private static final MathContext ROUNDING = new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);
    private static final double EXACT_INTEGER_LIMIT = 1e15;

    private Numbers() {
    }

    /**
     * {@code d} rounded to {@value #SIGNIFICANT_DIGITS} significant digits, as the shortest decimal that parses back to
     * that: integers without a fraction ({@code 42}), plain notation
     * for magnitudes in [1e-6, 1e15), scientific otherwise ({@code 1.5E-9}); {@code NaN} gives the empty string
     * (a missing value in CSV), infinities {@code Infinity} and {@code -Infinity}.
     */
    public static String format(double d) {
        if (Double.isNaN(d)) {
            return "";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < EXACT_INTEGER_LIMIT) {
            return Long.toString((long) d);
        }
        d = new BigDecimal(d).round(ROUNDING).doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < EXACT_INTEGER_LIMIT) {
            return Long.toString((long) d);
        }
        BigDecimal shortest = shortest(d);
        shortest = shortest.stripTrailingZeros();
        int exponent = shortest.precision() - shortest.scale() - 1;
        return exponent >= -6 && exponent < 15 ? shortest.toPlainString() : shortest.toString();
    }

    /** The value a file holds for {@code d}: {@code Double.parseDouble(format(d))} (NaN for NaN). */
    public static double asWritten(double d) {
        return Double.isNaN(d) ? d : Double.parseDouble(format(d));
    }

    /**
     * The decimal with the fewest significant digits that parses back to {@code d}. Double.toString is round-trip
     * safe but on JDK 17 sometimes one digit too long; a shorter decimal exists exactly when one of the two
     * neighbours of its digits with one digit less round-trips (both it and the exact value lie in the interval of
     * decimals that parse to {@code d}), and then the exact value is rounded to the least number of digits that
     * round-trips (the test is monotone in the number of digits).
     */
    private static BigDecimal shortest(double d) {
        BigDecimal printed = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int n = printed.precision();
        if (n == 1 || !(roundTrips(printed, n - 1, RoundingMode.DOWN, d)
                || roundTrips(printed, n - 1, RoundingMode.UP, d))) {
            return printed;
        }
        BigDecimal exact = new BigDecimal(d);
        int p = n - 1;
        while (p > 1 && roundTrips(exact, p - 1, RoundingMode.HALF_EVEN, d)) {
            p--;
        }
        return exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
    }

    private static boolean roundTrips(BigDecimal value, int digits, RoundingMode mode, double d) {
        return value.round(new MathContext(digits, mode)).doubleValue() == d;
    }

    /** Microseconds as exact decimal seconds ({@code 1500000} gives {@code 1.5}, {@code 1} gives {@code 0.000001}). */
    public static String seconds(long micros) {
        long whole = micros / 1_000_000;
        long fraction = Math.abs(micros % 1_000_000);
        StringBuilder b = new StringBuilder(24);
        if (micros < 0 && whole == 0) {
            b.append('-');
        }
        b.append(whole);
        if (fraction != 0) {
            String digits = Long.toString(1_000_000 + fraction).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            b.append('.').append(digits, 0, end);
        }
        return b.toString();
    }
}
