package org.speedsim.scenarios;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where quantities written by people ({@code 256KiB}, {@code 8Mbit/s}, {@code 30min}, {@code 2/min},
 * {@code 0.25BTT}, {@code 200nBTT/KiB}) become numbers in the simulator's base units: bytes, bytes per second,
 * microseconds, events per second, micro-BTT and nano-BTT per KiB. A number is followed by a unit, optionally after a space; only {@code 0} may go without one.
 *
 * <p>Invariant: integer results are exact (the text is read as a decimal, scaled exactly and rejected when it is not
 * a whole number of the base unit or does not fit a {@code long}); signs are kept, callers check ranges.
 */
public final class Units {

    /** A quantity family: its name in messages and its units with their size in base units (for rates: seconds). */
    public enum Kind {
        DATA("data size", table("B", "1", "KB", "1e3", "MB", "1e6", "GB", "1e9", "TB", "1e12",
                "KiB", "1024", "MiB", "1048576", "GiB", "1073741824", "TiB", "1099511627776"), "bytes"),
        BANDWIDTH("bandwidth", table("bit/s", "0.125", "kbit/s", "125", "Mbit/s", "125e3", "Gbit/s", "125e6",
                "B/s", "1", "KB/s", "1e3", "MB/s", "1e6", "GB/s", "1e9",
                "KiB/s", "1024", "MiB/s", "1048576", "GiB/s", "1073741824"), "bytes per second"),
        DURATION("duration", table("us", "1", "µs", "1", "ms", "1e3", "s", "1e6", "min", "60e6", "h", "3600e6",
                "d", "86400e6"), "microseconds"),
        RATE("rate", table("/us", "1e-6", "/ms", "1e-3", "/s", "1", "/min", "60", "/h", "3600", "/d", "86400",
                "/day", "86400", "/week", "604800"),
                "per second"),
        TOKENS("token amount", table("BTT", "1e6", "mBTT", "1e3", "uBTT", "1", "µBTT", "1"), "micro-BTT"),
        PRICE("price", table("nBTT/KiB", "1", "uBTT/KiB", "1e3", "µBTT/KiB", "1e3", "mBTT/KiB", "1e6",
                "BTT/KiB", "1e9"), "nano-BTT per KiB");

        private final String label;
        private final Map<String, BigDecimal> units;
        private final String base;

        Kind(String label, Map<String, BigDecimal> units, String base) {
            this.label = label;
            this.units = units;
            this.base = base;
        }

        /** {@code duration}, {@code bandwidth}, ... as messages say it. */
        public String label() {
            return label;
        }

        /** The accepted unit symbols, in the order messages list them. */
        public java.util.Set<String> units() {
            return units.keySet();
        }

        /** The base unit results are expressed in. */
        public String baseUnit() {
            return base;
        }

        String accepted() {
            return String.join(", ", units.keySet());
        }
    }

    /** A quantity that cannot be read; the message says why and lists the accepted units where that helps. */
    public static final class UnitException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public UnitException(String message) {
            super(message);
        }
    }

    private static final Pattern QUANTITY =
            Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?) ?(.*)");

    private static final int MAX_TEXT = 64;

    private Units() {
    }

    private static Map<String, BigDecimal> table(String... pairs) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], new BigDecimal(pairs[i + 1]));
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The quantity in base units, exactly (rates carry 34 significant digits). */
    public static BigDecimal parse(Kind kind, String text) {
        if (text == null) {
            throw new UnitException("a " + kind.label + " is missing");
        }
        String t = text.strip();
        if (t.length() > MAX_TEXT) {
            throw new UnitException("a " + kind.label + " of " + t.length() + " characters is too long");
        }
        Matcher m = QUANTITY.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            throw new UnitException("'" + text + "' is not a " + kind.label + "; write a number and a unit, one of: "
                    + kind.accepted());
        }
        BigDecimal number;
        try {
            number = new BigDecimal(m.group(1));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UnitException("'" + text + "' is not a number");
        }
        if (number.abs().compareTo(new BigDecimal("1e30")) > 0) {
            throw new UnitException("'" + text + "' is too large");
        }
        String unit = m.group(2);
        if (unit.isEmpty()) {
            if (number.signum() == 0) {
                return BigDecimal.ZERO;
            }
            throw new UnitException("'" + text + "' needs a unit; accepted: " + kind.accepted());
        }
        BigDecimal factor = kind.units.get(unit);
        if (factor == null) {
            throw new UnitException("'" + text + "' has unknown unit '" + unit + "'; accepted: " + kind.accepted());
        }
        return kind == Kind.RATE ? number.divide(factor, MathContext.DECIMAL128)
                : number.multiply(factor, MathContext.DECIMAL128);
    }

    private static long exactLong(Kind kind, String text) {
        BigDecimal v = parse(kind, text);
        try {
            return v.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            if (v.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                throw new UnitException("'" + text + "' is too large");
            }
            throw new UnitException("'" + text + "' is not a whole number of " + kind.base);
        }
    }

    /** A data size in bytes: {@code 256KiB}, {@code 1GiB}, {@code 16MB}. */
    public static long bytes(String text) {
        return exactLong(Kind.DATA, text);
    }

    /** A bandwidth in bytes per second: {@code 8Mbit/s}, {@code 512KiB/s}. */
    public static double bytesPerSecond(String text) {
        return parse(Kind.BANDWIDTH, text).doubleValue();
    }

    /** A duration in microseconds: {@code 90s}, {@code 30min}, {@code 2h}, {@code 1.5ms}. */
    public static long micros(String text) {
        return exactLong(Kind.DURATION, text);
    }

    /** Events per second: {@code 2/min}, {@code 0.5/s}, {@code 30/h}, {@code 4/day}, {@code 20/week}. */
    public static double perSecond(String text) {
        return parse(Kind.RATE, text).doubleValue();
    }

    /** Tokens in micro-BTT: {@code 0.25BTT}, {@code 5mBTT}, {@code 3uBTT}. */
    public static long microBtt(String text) {
        return exactLong(Kind.TOKENS, text);
    }

    /** A Speed price in nano-BTT per KiB: {@code 200nBTT/KiB}, {@code 0.2uBTT/KiB}, {@code 0.0002mBTT/KiB}. */
    public static long nanoBttPerKiB(String text) {
        return exactLong(Kind.PRICE, text);
    }

    /** Microseconds written with the largest unit that divides them exactly ({@code 7200000000} is {@code 2h}). */
    public static String formatMicros(long micros) {
        String[] names = {"d", "h", "min", "s", "ms"};
        long[] sizes = {86_400_000_000L, 3_600_000_000L, 60_000_000L, 1_000_000L, 1_000L};
        if (micros != 0) {
            for (int i = 0; i < names.length; i++) {
                if (micros % sizes[i] == 0) {
                    return micros / sizes[i] + names[i];
                }
            }
        }
        return micros + "us";
    }
}
