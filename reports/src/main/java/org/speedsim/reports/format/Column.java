package org.speedsim.reports.format;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.speedsim.reports.Numbers;

/**
 * One column of an output file (or one field of {@code summary.json}): its name, its unit, its value type, what it
 * means, and how its value is taken from the object a row describes.
 *
 * <p>Values are {@link String}, {@link Boolean}, {@link Long} or {@link Integer}, {@link Double}, or null (missing:
 * an empty CSV cell, a JSON null); a {@link Double} that is NaN or infinite is missing too. {@link #text} is the only
 * place a value becomes CSV text.
 *
 * @param <R> what one row describes (a peer's record, a run's result...)
 */
public record Column<R>(String name, String unit, Type type, String meaning, Function<R, Object> getter) {

    /** How a value is written and read back. */
    public enum Type {
        /** Free text. */
        TEXT,
        /** {@code true} or {@code false}. */
        FLAG,
        /** A whole number. */
        INTEGER,
        /** A real number, in {@link Numbers#format}. */
        NUMBER
    }

    public Column {
        Objects.requireNonNull(name);
        Objects.requireNonNull(unit);
        Objects.requireNonNull(type);
        Objects.requireNonNull(meaning);
        Objects.requireNonNull(getter);
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("column " + name + " is not snake_case");
        }
    }

    /** A column. */
    public static <R> Column<R> of(String name, String unit, Type type, String meaning, Function<R, Object> getter) {
        return new Column<>(name, unit, type, meaning, getter);
    }

    /** The value of this column for {@code row} (see the class comment for the types). */
    public Object value(R row) {
        return getter.apply(row);
    }

    /** The CSV text of this column for {@code row}. */
    public String cell(R row) {
        return text(value(row));
    }

    /** The CSV text of a value: empty when missing, numbers in {@link Numbers#format}. */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return Numbers.format(d);
        }
        if (value instanceof Float f) {
            return Numbers.format(f);
        }
        return value.toString();
    }

    /** The names of {@code columns}, in order. */
    public static List<String> names(List<? extends Column<?>> columns) {
        return columns.stream().map(Column::name).toList();
    }
}
