package org.speedsim.scenarios;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes {@link YNode}s as block-style YAML that reads back to the same values: scalars keep their text, strings
 * are quoted whenever plain text would read as something else.
 *
 * <p>Invariant: reading the output with {@link YamlReader} gives nodes equal in type and text to the input.
 */
final class YamlWriter {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.µ/+][A-Za-z0-9_.µ/+-]*");
    private static final Pattern NUMBERISH = Pattern.compile(
            "[-+]?(0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?"
                    + "|\\.[0-9_]+([eE][-+]?[0-9]+)?|\\.(inf|Inf|INF|nan|NaN|NAN))");
    private static final Set<String> WORDS = Set.of("true", "false", "True", "False", "TRUE", "FALSE", "yes", "no",
            "Yes", "No", "YES", "NO", "on", "off", "On", "Off", "ON", "OFF", "y", "n", "Y", "N", "null", "Null",
            "NULL", "~");

    private YamlWriter() {
    }

    static String write(YNode root) {
        StringBuilder b = new StringBuilder();
        if (root instanceof YNode.Map m && !m.entries().isEmpty()) {
            writeMap(b, m, 0);
        } else if (root instanceof YNode.Seq s && !s.items().isEmpty()) {
            writeSeq(b, s, 0);
        } else {
            b.append(inline(root)).append('\n');
        }
        return b.toString();
    }

    private static void writeMap(StringBuilder b, YNode.Map m, int indent) {
        boolean first = true;
        for (YNode.Entry e : m.entries()) {
            if (!first) {
                b.append(" ".repeat(indent));
            }
            first = false;
            b.append(scalarText(YNode.Scalar.Type.STRING, e.key())).append(':');
            writeValue(b, e.value(), indent);
        }
    }

    private static void writeSeq(StringBuilder b, YNode.Seq s, int indent) {
        boolean first = true;
        for (YNode item : s.items()) {
            if (!first) {
                b.append(" ".repeat(indent));
            }
            first = false;
            b.append("- ");
            if (item instanceof YNode.Map m && !m.entries().isEmpty()) {
                writeMap(b, m, indent + 2);
            } else if (item instanceof YNode.Seq q && !q.items().isEmpty()) {
                writeSeq(b, q, indent + 2);
            } else {
                b.append(inline(item)).append('\n');
            }
        }
    }

    private static void writeValue(StringBuilder b, YNode v, int indent) {
        if (v instanceof YNode.Map m && !m.entries().isEmpty()) {
            b.append('\n').append(" ".repeat(indent + 2));
            writeMap(b, m, indent + 2);
        } else if (v instanceof YNode.Seq s && !s.items().isEmpty()) {
            b.append('\n').append(" ".repeat(indent + 2));
            writeSeq(b, s, indent + 2);
        } else {
            b.append(' ').append(inline(v)).append('\n');
        }
    }

    private static String inline(YNode v) {
        if (v instanceof YNode.Map) {
            return "{}";
        }
        if (v instanceof YNode.Seq) {
            return "[]";
        }
        YNode.Scalar s = (YNode.Scalar) v;
        return scalarText(s.type(), s.text());
    }

    private static String scalarText(YNode.Scalar.Type type, String text) {
        return switch (type) {
            case NULL -> "null";
            case BOOL, INT, FLOAT -> text;
            case STRING -> PLAIN.matcher(text).matches() && !NUMBERISH.matcher(text).matches() && !WORDS.contains(text)
                    ? text : quote(text);
        };
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
