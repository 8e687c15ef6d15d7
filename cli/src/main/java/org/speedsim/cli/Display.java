package org.speedsim.cli;

import java.util.List;
import org.speedsim.reports.Numbers;

/** Numbers and tables for people: four significant digits, "n/a" for a missing value, aligned columns. */
final class Display {

    private Display() {
    }

    /** {@code x} to four significant digits (integers below 10^6 in full); NaN as {@code n/a}. */
    static String num(double x) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        if (Double.isInfinite(x) || (x == Math.rint(x) && Math.abs(x) < 1e6)) {
            return Numbers.format(x);
        }
        return Numbers.format(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.4g", x)));
    }

    /** {@code [low, high]}, or {@code n/a} when either is missing. */
    static String interval(double low, double high) {
        return Double.isNaN(low) || Double.isNaN(high) ? "n/a" : "[" + num(low) + ", " + num(high) + "]";
    }

    /** A p-value: {@code <0.0001} below that, else four significant digits. */
    static String p(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        return p < 1e-4 ? "<0.0001" : num(p);
    }

    /** Rows of cells as left-aligned columns separated by two spaces, the first row a header. */
    static String table(List<List<String>> rows, String indent) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < row.size(); c++) {
                line.append(row.get(c));
                if (c < row.size() - 1) {
                    line.append(" ".repeat(width[c] - row.get(c).length() + 2));
                }
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }
}
