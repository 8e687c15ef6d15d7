package org.speedsim.reports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers and durations as a reader wants them in tables and labels, independent of locale.
 *
 * <p>Invariant: NaN reads as an en dash; integers are printed whole; other values with four significant digits.
 */
final class Text {

    private Text() {
    }

    /** A number for a table cell. */
    static String number(double d) {
        if (Double.isNaN(d)) {
            return "\u2013";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "\u221e" : "-\u221e";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        BigDecimal b = new BigDecimal(d).round(new MathContext(4, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        int exponent = b.precision() - b.scale() - 1;
        return exponent >= -4 && exponent < 15 ? b.toPlainString() : b.toString();
    }

    /** Seconds as "45 s", "12 min", "1 h 05 min" (rounded to the unit shown). */
    static String duration(double seconds) {
        if (Double.isNaN(seconds)) {
            return "\u2013";
        }
        if (seconds < 120) {
            return number(Math.round(seconds * 10) / 10.0) + " s";
        }
        long minutes = Math.round(seconds / 60);
        if (minutes < 120) {
            return minutes + " min";
        }
        return minutes / 60 + " h " + String.format(java.util.Locale.ROOT, "%02d", minutes % 60) + " min";
    }

    /** Text safe inside XML/HTML elements and attribute values. */
    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Text safe inside a Markdown table cell. */
    static String markdownCell(String s) {
        return Markdown.inline(s);
    }

    /** A file-name-safe form of a label. */
    static String slug(String s) {
        String t = s.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return t.isEmpty() ? "scenario" : t;
    }
}
