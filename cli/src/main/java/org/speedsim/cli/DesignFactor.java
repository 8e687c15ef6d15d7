package org.speedsim.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A factor of a space-filling design: a scenario path and its range [lo, hi] with the unit the values carry. An
 * integer factor takes each of the hi - lo + 1 integers on an equal share of [0, 1); any other factor takes
 * {@code lo + u (hi - lo)}, u rounded to six decimals so the value written into the scenario is short and exact, then
 * (when {@code quantum} is not null) rounded to a multiple of {@code quantum} above lo: the finest step in the unit
 * the scenario accepts (prices are whole nano-BTT per KiB, token amounts whole micro-BTT).
 *
 * <p>Invariant: every value lies in [lo, hi] and is a function of u alone.
 */
record DesignFactor(String path, BigDecimal lo, BigDecimal hi, String unit, boolean integer, BigDecimal quantum) {

    DesignFactor(String path, BigDecimal lo, BigDecimal hi, String unit, boolean integer) {
        this(path, lo, hi, unit, integer, null);
    }

    /** The factor of a parsed {@code PATH=LO:HI}. */
    static DesignFactor of(ValueList.Parameter range, boolean integer, BigDecimal quantum) {
        return new DesignFactor(range.path(), range.numbers().get(0), range.numbers().get(1), range.unit(), integer,
                quantum);
    }

    /** Whether both ends are whole numbers without a unit (a candidate for an integer factor). */
    static boolean wholeEnds(ValueList.Parameter range) {
        return range.unit().isEmpty() && range.numbers().stream().allMatch(n -> n.stripTrailingZeros().scale() <= 0);
    }

    /** The value at position {@code u} in [0, 1) of the range, as written into the scenario. */
    String value(double u) {
        if (integer) {
            long levels = hi.subtract(lo).longValueExact() + 1;
            long k = Math.min(levels - 1, (long) Math.floor(u * levels));
            return ValueList.canonical(lo.add(BigDecimal.valueOf(k)));
        }
        BigDecimal fraction = BigDecimal.valueOf(u).setScale(6, RoundingMode.HALF_EVEN);
        BigDecimal offset = hi.subtract(lo).multiply(fraction);
        if (quantum != null) {
            offset = offset.divide(quantum, 0, RoundingMode.HALF_EVEN).multiply(quantum);
        }
        return ValueList.canonical(lo.add(offset).min(hi)) + unit;
    }
}
