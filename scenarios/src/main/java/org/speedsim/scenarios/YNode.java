package org.speedsim.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A YAML value that remembers where it was written, so that a problem found after {@code extends} and
 * {@code --set} have been merged still points at the file, line and column that supplied the value. Immutable;
 * updates return new nodes.
 */
sealed interface YNode {

    Origin origin();

    /** Where a node was written: file (or {@code --set ...} / {@code <default>}), 1-based line and column (0: none). */
    record Origin(String file, int line, int column) {
        static Origin of(String file) {
            return new Origin(file, 0, 0);
        }
    }

    /** A scalar with its YAML type as the parser resolved it and its text as written. */
    record Scalar(Origin origin, Type type, String text) implements YNode {
        /** YAML scalar types. */
        enum Type { STRING, INT, FLOAT, BOOL, NULL }

        public Scalar {
            Objects.requireNonNull(type);
            Objects.requireNonNull(text);
        }

        boolean isNull() {
            return type == Type.NULL;
        }

        /** How messages quote the value. */
        String shown() {
            return type == Type.NULL ? "null" : text;
        }
    }

    /** A sequence. */
    record Seq(Origin origin, List<YNode> items) implements YNode {
        public Seq {
            items = List.copyOf(items);
        }
    }

    /** One key of a map with the origin of the key itself. */
    record Entry(String key, Origin keyOrigin, YNode value) {
    }

    /** A map with keys in written order. */
    record Map(Origin origin, List<Entry> entries) implements YNode {
        public Map {
            entries = List.copyOf(entries);
        }

        Entry entry(String key) {
            for (Entry e : entries) {
                if (e.key().equals(key)) {
                    return e;
                }
            }
            return null;
        }

        YNode get(String key) {
            Entry e = entry(key);
            return e == null ? null : e.value();
        }

        /** This map with {@code key} set (replacing in place, or appended). */
        Map with(String key, Origin keyOrigin, YNode value) {
            List<Entry> out = new ArrayList<>(entries);
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).key().equals(key)) {
                    out.set(i, new Entry(key, keyOrigin, value));
                    return new Map(origin, out);
                }
            }
            out.add(new Entry(key, keyOrigin, value));
            return new Map(origin, out);
        }

        Map without(String key) {
            List<Entry> out = new ArrayList<>(entries);
            out.removeIf(e -> e.key().equals(key));
            return new Map(origin, out);
        }
    }

    /** Human name of a node's kind for "expected ..., got ..." messages. */
    static String describe(YNode n) {
        if (n instanceof Map) {
            return "a map";
        }
        if (n instanceof Seq) {
            return "a list";
        }
        Scalar s = (Scalar) n;
        return switch (s.type()) {
            case NULL -> "nothing (null)";
            case BOOL -> s.text();
            case STRING -> "'" + excerpt(s.text()) + "'";
            default -> excerpt(s.text());
        };
    }

    /** The longest text of a value quoted in a message; a whole file read as one string is not repeated. */
    static final int MAX_EXCERPT = 60;

    /**
     * {@code text} as a short, printable excerpt for a message: control characters and line breaks become spaces,
     * and after {@value #MAX_EXCERPT} characters it is cut, saying how long it was.
     */
    static String excerpt(String text) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), MAX_EXCERPT));
        for (int i = 0; i < text.length() && b.length() < MAX_EXCERPT; i++) {
            char c = text.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        return text.length() <= MAX_EXCERPT ? b.toString()
                : b + "... (" + text.length() + " characters)";
    }
}
