package org.speedsim.reports.format;

import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Tablesaw tables built from declared columns, for the reports that compute a table before writing it. */
public final class Tables {

    private Tables() {
    }

    /**
     * A table of {@code rows} under {@code columns}: text as strings, flags as booleans, integers as ints, numbers as
     * doubles (a missing or non-finite value missing).
     */
    public static <R> Table of(String name, List<Column<R>> columns, List<R> rows) {
        Table t = Table.create(name);
        for (Column<R> c : columns) {
            switch (c.type()) {
                case TEXT -> t.addColumns(StringColumn.create(c.name(), rows.stream().map(r -> {
                    Object v = c.value(r);
                    return v == null ? "" : v.toString();
                })));
                case FLAG -> {
                    BooleanColumn b = BooleanColumn.create(c.name());
                    rows.forEach(r -> b.append((Boolean) c.value(r)));
                    t.addColumns(b);
                }
                case INTEGER -> t.addColumns(IntColumn.create(c.name(),
                        rows.stream().mapToInt(r -> ((Number) c.value(r)).intValue()).toArray()));
                case NUMBER -> t.addColumns(DoubleColumn.create(c.name(), rows.stream().mapToDouble(r -> {
                    Object v = c.value(r);
                    return v instanceof Number n ? n.doubleValue() : Double.NaN;
                })));
            }
        }
        return t;
    }
}
