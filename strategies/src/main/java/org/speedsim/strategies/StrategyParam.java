package org.speedsim.strategies;

import java.util.List;
import java.util.Objects;

/**
 * One parameter of a named strategy, as a scenario file writes it ({@code mean: 30min}). The type says which unit
 * family the value is written in and which Java type {@link StrategyArgs} hands the factory.
 *
 * @param name         key in the scenario file (camelCase)
 * @param type         unit family of the value
 * @param zeroAllowed  whether 0 is accepted; negative values never are
 * @param defaultValue value as a scenario file would write it, or null when the parameter is required
 * @param description  one line for the JSON Schema and error messages
 * @param max          largest accepted value in base units (inclusive); infinity when unbounded
 * @param choices      the accepted words of a {@link Type#CHOICE}; empty for every other type
 */
public record StrategyParam(String name, Type type, boolean zeroAllowed, String defaultValue, String description,
                            double max, List<String> choices) {

    /** Unit family of a parameter and the Java type its value arrives as. */
    public enum Type {
        /** {@code 30min}: a {@code Long} of microseconds. */
        DURATION,
        /** {@code 256KiB}: a {@code Long} of bytes. */
        DATA,
        /** {@code 8Mbit/s}: a {@code Double} of bytes per second. */
        BANDWIDTH,
        /** {@code 0.25BTT}: a {@code Long} of micro-BTT. */
        TOKENS,
        /** {@code 2/min}: a {@code Double} per second. */
        RATE,
        /** A plain {@code Double}. */
        NUMBER,
        /** A plain {@code Long}. */
        INTEGER,
        /** A {@code Boolean}. */
        BOOLEAN,
        /** {@code 200nBTT/KiB}: a {@code Long} of nano-BTT per KiB (the unit of Speed bids). */
        PRICE,
        /** One of the words of {@link StrategyParam#choices()}: a {@code String}. */
        CHOICE
    }

    public StrategyParam {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (!(max >= 0)) {
            throw new IllegalArgumentException("max must be >= 0: " + max);
        }
        choices = List.copyOf(choices);
        if ((type == Type.CHOICE) == choices.isEmpty()) {
            throw new IllegalArgumentException("a choice parameter, and only it, lists its choices: " + name);
        }
    }

    /** A parameter of a numeric, boolean or unit type, accepted up to {@code max}. */
    public StrategyParam(String name, Type type, boolean zeroAllowed, String defaultValue, String description,
                         double max) {
        this(name, type, zeroAllowed, defaultValue, description, max, List.of());
    }

    /** An unbounded parameter. */
    public StrategyParam(String name, Type type, boolean zeroAllowed, String defaultValue, String description) {
        this(name, type, zeroAllowed, defaultValue, description, Double.POSITIVE_INFINITY);
    }

    /** A number in {@code [0, max]} with a default ({@code null}: required). */
    public static StrategyParam number(String name, double max, String defaultValue, String description) {
        return new StrategyParam(name, Type.NUMBER, true, defaultValue, description, max);
    }

    /** A required duration. */
    public static StrategyParam duration(String name, boolean zeroAllowed, String description) {
        return new StrategyParam(name, Type.DURATION, zeroAllowed, null, description);
    }

    /** One of {@code choices}, with a default ({@code null}: required). */
    public static StrategyParam choice(String name, List<String> choices, String defaultValue, String description) {
        return new StrategyParam(name, Type.CHOICE, true, defaultValue, description, Double.POSITIVE_INFINITY,
                choices);
    }

    public boolean required() {
        return defaultValue == null;
    }
}
