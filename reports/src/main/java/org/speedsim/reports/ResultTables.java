package org.speedsim.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.speedsim.reports.format.Column;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads a result CSV file, already checked by {@link ResultFiles#csv}, as a table whose columns have their declared
 * types; shared by {@link Replication} and {@link WorldReplication}.
 */
final class ResultTables {

    private ResultTables() {
    }

    /**
     * The table of {@code file} named {@code name}: an empty cell is missing, text columns as strings, flags as
     * booleans, numbers and undeclared columns as doubles, a column's type taken from the first of {@code declared}
     * that names it.
     *
     * @throws DamagedResultException when tablesaw cannot read it
     */
    static Table read(Path file, String name, List<? extends List<? extends Column<?>>> declared) throws IOException {
        CsvReadOptions options = CsvReadOptions.builder(file.toFile()).tableName(name).locale(Locale.ROOT)
                .missingValueIndicator("").columnTypes(column -> columnType(column, declared)).build();
        try {
            return Table.read().csv(options);
        } catch (RuntimeException e) {
            throw new DamagedResultException(file, "cannot be read as a table: "
                    + ResultFiles.printable(e.getMessage()));
        }
    }

    private static ColumnType columnType(String column, List<? extends List<? extends Column<?>>> declared) {
        for (List<? extends Column<?>> file : declared) {
            for (Column<?> c : file) {
                if (c.name().equals(column)) {
                    return switch (c.type()) {
                        case TEXT -> ColumnType.STRING;
                        case FLAG -> ColumnType.BOOLEAN;
                        case INTEGER, NUMBER -> ColumnType.DOUBLE;
                    };
                }
            }
        }
        return ColumnType.DOUBLE;
    }
}
