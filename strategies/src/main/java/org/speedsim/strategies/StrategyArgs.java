package org.speedsim.strategies;

import java.util.Map;
import java.util.TreeMap;

/**
 * The parameter values a strategy is built from, already converted to base units (see {@link StrategyParam.Type}).
 * A value: two argument sets are equal when they hold the same values, which makes two strategies built from the
 * same name and arguments equal.
 */
public record StrategyArgs(Map<String, Object> values) {

    public static final StrategyArgs NONE = new StrategyArgs(Map.of());

    public StrategyArgs {
        values = Map.copyOf(new TreeMap<>(values));
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing strategy parameter " + name);
        }
        return v;
    }

    /** A duration in microseconds, a size in bytes, tokens in micro-BTT or an integer. */
    public long longValue(String name) {
        return ((Number) get(name)).longValue();
    }

    /** A bandwidth in bytes per second, a rate per second or a number. */
    public double doubleValue(String name) {
        return ((Number) get(name)).doubleValue();
    }

    /** The word of a {@link StrategyParam.Type#CHOICE} parameter. */
    public String text(String name) {
        return (String) get(name);
    }

    public boolean booleanValue(String name) {
        return (Boolean) get(name);
    }
}
