package org.speedsim.engine.swarm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Samples of a run taken at a fixed interval: named columns of doubles, the first being {@code time_s}.
 *
 * <p>Invariant: every row has one value per column; rows are in increasing time.
 */
public final class TimeSeries {

    private final List<String> columns;
    private final List<double[]> rows = new ArrayList<>();

    public TimeSeries(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    public List<String> columns() {
        return columns;
    }

    public int column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        return i;
    }

    public void add(double[] row) {
        if (row.length != columns.size()) {
            throw new IllegalArgumentException("row has " + row.length + " values for " + columns.size() + " columns");
        }
        rows.add(row.clone());
    }

    public int size() {
        return rows.size();
    }

    public double get(int row, int column) {
        return rows.get(row)[column];
    }

    public double get(int row, String column) {
        return rows.get(row)[column(column)];
    }

    public double[] column(int column, double[] into) {
        double[] out = into != null && into.length == rows.size() ? into : new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            out[r] = rows.get(r)[column];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TimeSeries t) || !t.columns.equals(columns) || t.rows.size() != rows.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!Arrays.equals(rows.get(i), t.rows.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = columns.hashCode();
        for (double[] r : rows) {
            h = 31 * h + Arrays.hashCode(r);
        }
        return h;
    }
}
