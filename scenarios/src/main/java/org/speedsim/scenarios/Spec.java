package org.speedsim.scenarios;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * The shape of a scenario value: the single description from which both validation ({@link Validator}) and the
 * JSON Schema ({@link SchemaGenerator}) are derived, so they cannot disagree. {@link ScenarioModel} writes the
 * scenario format in these terms.
 */
sealed interface Spec {

    String description();

    /**
     * A key of an object. {@code defaultYaml} is YAML text used when the key is absent (null: the key is
     * required when {@code required}, else simply optional). A field with a {@code onlyIf} condition exists only
     * when its sibling key {@code onlyIf.key} has the value {@code onlyIf.value} (given or by default): then it is
     * checked and defaulted as usual, otherwise it must be absent and gets no default.
     */
    record Field(String name, Spec spec, boolean required, String defaultYaml, String description, Condition onlyIf) {
        public Field {
            Objects.requireNonNull(name);
            Objects.requireNonNull(spec);
        }

        Field(String name, Spec spec, boolean required, String defaultYaml, String description) {
            this(name, spec, required, defaultYaml, description, null);
        }

        Field onlyIf(String key, String value) {
            return new Field(name, spec, required, defaultYaml, description, new Condition(key, value));
        }
    }

    /** A sibling key and the value it must have for a conditional {@link Field} to apply. */
    record Condition(String key, String value) {
    }

    /** A map with a closed set of keys. */
    record ObjectSpec(String description, List<Field> fields) implements Spec {
        public ObjectSpec {
            fields = List.copyOf(fields);
        }

        Field field(String name) {
            for (Field f : fields) {
                if (f.name().equals(name)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** A list of items of one shape. */
    record ListSpec(Spec items, int minItems, int maxItems, String description) implements Spec {
    }

    /**
     * A map whose {@code discriminator} key picks one of several shapes ({@code process: poisson}); when
     * {@code scalarForm} is set, a plain scalar is accepted too: a shape's name when {@code scalarNamesVariant},
     * else a value of that scalar spec ({@code upload: 8Mbit/s} for a fixed distribution).
     */
    record OneOfSpec(String discriminator, String label, LinkedHashMap<String, ObjectSpec> variants,
                     ScalarSpec scalarForm, boolean scalarNamesVariant, String description) implements Spec {
        public OneOfSpec {
            variants = new LinkedHashMap<>(variants);
        }

        String unknownMessage(String name) {
            return "unknown " + label + " '" + name + "'; known: " + String.join(", ", variants.keySet())
                    + (label.endsWith(" strategy") ? " (a plug-in's? name its folder with --plugins DIR)" : "");
        }
    }

    /** Scalar types and how they are written. */
    enum ScalarType {
        STRING("a text"), NAME("a name (letters, digits, '_', '-', '.')"), INTEGER("an integer"),
        NUMBER("a number"), BOOLEAN("true or false"), CHOICE("one of"),
        DURATION("a duration such as 30min"), DATA("a data size such as 256KiB"),
        BANDWIDTH("a bandwidth such as 8Mbit/s"), RATE("a rate such as 2/min"), TOKENS("a token amount such as 0.25BTT"),
        PRICE("a price such as 200nBTT/KiB"), RATE_OR_UNLIMITED("a rate such as 1000/s, or 'unlimited'"),
        COUNT_OR_ALL("a count or 'all'"), DURATION_OR_NEVER("a duration such as 30min, or 'never'");

        final String expected;

        ScalarType(String expected) {
            this.expected = expected;
        }

        Units.Kind unitKind() {
            return switch (this) {
                case DURATION -> Units.Kind.DURATION;
                case DATA -> Units.Kind.DATA;
                case BANDWIDTH -> Units.Kind.BANDWIDTH;
                case RATE -> Units.Kind.RATE;
                case TOKENS -> Units.Kind.TOKENS;
                case PRICE -> Units.Kind.PRICE;
                case RATE_OR_UNLIMITED -> Units.Kind.RATE;
                case DURATION_OR_NEVER -> Units.Kind.DURATION;
                default -> null;
            };
        }
    }

    /**
     * A scalar of a type with an inclusive range {@code [min, max]} in base units ({@code minExclusive}: min itself
     * is out); {@code choices} for {@link ScalarType#CHOICE}.
     */
    record ScalarSpec(ScalarType type, double min, boolean minExclusive, double max, List<String> choices,
                      String description) implements Spec {

        /** The word a {@link ScalarType#DURATION_OR_NEVER} takes for "no such duration" (-1 when converted). */
        static final String NEVER = "never";
        public ScalarSpec {
            choices = List.copyOf(choices);
        }

        ScalarSpec describedAs(String text) {
            return new ScalarSpec(type, min, minExclusive, max, choices, text);
        }

        /**
         * The value of a scalar in base units: Long (integers, durations, sizes, tokens, counts; -1 for 'all'),
         * Double (numbers, bandwidths, rates; 0 for 'unlimited'), Boolean or String; prices are Long nano-BTT per KiB.
         *
         * @throws IllegalArgumentException with a message for the user
         */
        Object convert(YNode.Scalar s) {
            if (s.isNull()) {
                throw new IllegalArgumentException("expected " + expected() + ", got nothing");
            }
            String t = s.text();
            Object v = switch (type) {
                case STRING -> requireType(s, YNode.Scalar.Type.STRING);
                case NAME -> {
                    String n = requireType(s, YNode.Scalar.Type.STRING);
                    if (!n.matches("[A-Za-z0-9_.-]{1,64}")) {
                        throw new IllegalArgumentException("'" + n + "' is not " + type.expected);
                    }
                    yield n;
                }
                case CHOICE -> {
                    if (!choices.contains(t) || s.type() == YNode.Scalar.Type.NULL) {
                        throw new IllegalArgumentException("expected one of " + String.join(", ", choices) + ", got "
                                + YNode.describe(s) + Suggest.didYouMean(t, choices));
                    }
                    yield t;
                }
                case BOOLEAN -> {
                    if (s.type() != YNode.Scalar.Type.BOOL) {
                        throw new IllegalArgumentException("expected true or false, got " + YNode.describe(s));
                    }
                    yield Boolean.valueOf(t);
                }
                case INTEGER -> integer(s);
                case COUNT_OR_ALL -> s.type() == YNode.Scalar.Type.STRING && t.equals("all") ? Long.valueOf(-1)
                        : integer(s);
                case NUMBER -> {
                    if (s.type() != YNode.Scalar.Type.INT && s.type() != YNode.Scalar.Type.FLOAT) {
                        throw new IllegalArgumentException("expected a number, got " + YNode.describe(s));
                    }
                    double d;
                    try {
                        d = new BigDecimal(t.replace("_", "")).doubleValue();
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("expected a number, got " + t);
                    }
                    if (!Double.isFinite(d)) {
                        throw new IllegalArgumentException(t + " is not a finite number");
                    }
                    yield d;
                }
                case DURATION -> unitScalar(s, () -> Units.micros(t));
                case DATA -> unitScalar(s, () -> Units.bytes(t));
                case TOKENS -> unitScalar(s, () -> Units.microBtt(t));
                case BANDWIDTH -> unitScalar(s, () -> Units.bytesPerSecond(t));
                case RATE -> unitScalar(s, () -> Units.perSecond(t));
                case PRICE -> unitScalar(s, () -> Units.nanoBttPerKiB(t));
                case RATE_OR_UNLIMITED -> s.type() == YNode.Scalar.Type.STRING && t.equals("unlimited")
                        ? Double.valueOf(0) : unitScalar(s, () -> Units.perSecond(t));
                case DURATION_OR_NEVER -> s.type() == YNode.Scalar.Type.STRING && t.equals(NEVER)
                        ? Long.valueOf(-1) : unitScalar(s, () -> Units.micros(t));
            };
            checkRange(s, v);
            return v;
        }

        String expected() {
            return type == ScalarType.CHOICE ? "one of " + String.join(", ", choices) : type.expected;
        }

        private String requireType(YNode.Scalar s, YNode.Scalar.Type want) {
            if (s.type() != want) {
                throw new IllegalArgumentException("expected " + expected() + ", got " + YNode.describe(s));
            }
            return s.text();
        }

        private static Long integer(YNode.Scalar s) {
            if (s.type() != YNode.Scalar.Type.INT) {
                throw new IllegalArgumentException(Problem.NOT_AN_INTEGER + ", got " + YNode.describe(s));
            }
            try {
                return new BigDecimal(s.text().replace("_", "")).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException(s.text() + " is not an integer that fits 64 bits");
            }
        }

        private Object unitScalar(YNode.Scalar s, java.util.function.Supplier<Object> parse) {
            if (s.type() == YNode.Scalar.Type.BOOL || (s.type() != YNode.Scalar.Type.STRING && !isZero(s))) {
                if (s.type() == YNode.Scalar.Type.INT || s.type() == YNode.Scalar.Type.FLOAT) {
                    throw new IllegalArgumentException(s.text() + " needs a unit; accepted: "
                            + String.join(", ", type.unitKind().units()));
                }
                throw new IllegalArgumentException("expected " + type.expected + ", got " + YNode.describe(s));
            }
            return parse.get();
        }

        private static boolean isZero(YNode.Scalar s) {
            return (s.type() == YNode.Scalar.Type.INT || s.type() == YNode.Scalar.Type.FLOAT)
                    && s.text().matches("[-+]?0*\\.?0*");
        }

        private void checkRange(YNode.Scalar s, Object v) {
            if (!(v instanceof Number n) || (type == ScalarType.COUNT_OR_ALL && n.longValue() == -1)
                    || (type == ScalarType.DURATION_OR_NEVER && s.text().equals(NEVER))) {
                return;
            }
            double d = n.doubleValue();
            boolean low = minExclusive ? !(d > min) : !(d >= min);
            if (low || d > max) {
                throw new IllegalArgumentException(s.text() + " " + rangeText());
            }
        }

        /** {@code must be positive}, {@code must be between 0 and 1}, ... */
        String rangeText() {
            boolean unbounded = max == Double.POSITIVE_INFINITY || max >= Long.MAX_VALUE;
            if (min == 0 && unbounded) {
                return minExclusive ? "must be positive" : "must not be negative";
            }
            if (unbounded) {
                return "must be " + (minExclusive ? "greater than " : "at least ") + num(min);
            }
            return "must be between " + num(min) + " and " + num(max);
        }

        private static String num(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
    }
}
