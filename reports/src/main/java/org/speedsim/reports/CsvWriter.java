package org.speedsim.reports;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.speedsim.reports.format.Column;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Writes RFC 4180 CSV rows: fields separated by commas, rows ended by {@code \n}, a field quoted (with inner quotes
 * doubled) only when it holds a comma, a quote or a line break.
 *
 * Numbers are written in {@link Numbers#format} (the one number format of every output file); this is the one CSV
 * writer of run, experiment and report files.
 *
 * <p>Invariant: every row written has the number of fields of the header (checked in {@link #endRow}).
 */
public final class CsvWriter {

    private final Writer out;
    private final int columns;
    private int field;

    /** Starts a CSV text with this header row. */
    public CsvWriter(Writer out, String... header) throws IOException {
        this.out = out;
        this.columns = header.length;
        for (String h : header) {
            add(h);
        }
        endRow();
    }

    /** Appends a field to the current row. */
    public CsvWriter add(String value) throws IOException {
        if (field > 0) {
            out.write(',');
        }
        field++;
        if (needsQuotes(value)) {
            out.write('"');
            out.write(value.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(value);
        }
        return this;
    }

    /** Appends an integer field. */
    public CsvWriter add(long value) throws IOException {
        return add(Long.toString(value));
    }

    /** Appends a number field in {@link Numbers#format} (NaN: empty). */
    public CsvWriter add(double value) throws IOException {
        return add(Numbers.format(value));
    }

    /** Appends the cells of {@code columns} for {@code row}. */
    public <R> CsvWriter add(List<Column<R>> columns, R row) throws IOException {
        for (Column<R> c : columns) {
            add(c.cell(row));
        }
        return this;
    }

    /** Ends the current row. */
    public void endRow() throws IOException {
        if (field != columns) {
            throw new IllegalStateException("CSV row has " + field + " fields for " + columns + " columns");
        }
        out.write('\n');
        field = 0;
    }

    /** Writes {@code rows} under the header of {@code columns}, each cell in {@link Column#cell}. */
    public static <R> void write(Writer out, List<Column<R>> columns, Iterable<? extends R> rows) throws IOException {
        CsvWriter csv = new CsvWriter(out, Column.names(columns).toArray(String[]::new));
        for (R row : rows) {
            for (Column<R> c : columns) {
                csv.add(c.cell(row));
            }
            csv.endRow();
        }
    }

    /**
     * Writes a whole table: its column names as header, numbers in {@link Numbers#format} (a missing value empty),
     * booleans {@code true}/{@code false} (missing empty), anything else as its text.
     */
    public static void write(Writer out, Table table) throws IOException {
        CsvWriter csv = new CsvWriter(out, table.columnNames().toArray(String[]::new));
        for (int row = 0; row < table.rowCount(); row++) {
            for (tech.tablesaw.columns.Column<?> c : table.columns()) {
                if (c.isMissing(row)) {
                    csv.add("");
                } else if (c instanceof NumericColumn<?> n) {
                    csv.add(n.getDouble(row));
                } else if (c instanceof BooleanColumn b) {
                    csv.add(Boolean.toString(b.get(row)));
                } else {
                    csv.add(c.getString(row));
                }
            }
            csv.endRow();
        }
    }

    private static boolean needsQuotes(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
