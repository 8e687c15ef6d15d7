package org.speedsim.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.speedsim.reports.format.Column;
import org.speedsim.reports.format.RunFiles;

/**
 * Checks that a replication's files are as speedsim writes them before anything reads them into tables: UTF-8
 * text without control characters, ending with a newline (a truncated file ends mid-line), CSV rows as wide as their
 * header with the columns the report needs, and a {@code summary.json} that is one JSON object whose standard
 * fields have their types. Problems are reported as {@link DamagedResultException}, naming the file and never
 * echoing its bytes.
 */
public final class ResultFiles {

    /** Columns the report reads from each CSV file. */
    static final Map<String, List<String>> REQUIRED_COLUMNS = Map.of(
            Replication.TIMESERIES, List.of("time_s"),
            Replication.PEERS, List.of("peer", "class", "client", "arrival_s", "completion_s", "departure_s"),
            Replication.PIECE_COPIES, List.of("time_s", "copies", "pieces"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultFiles() {
    }

    /** Reads and checks {@code summary.json}: one JSON object with its standard fields typed as speedsim writes. */
    public static JsonNode summary(Path file) throws IOException {
        return summary(file, RunFiles.SUMMARY_FIELDS);
    }

    /**
     * Reads and checks a {@code summary.json} whose fields are declared by {@code fields}: one JSON object with
     * {@value RunFiles#SIMULATED} and each declared field it has typed as declared.
     */
    public static JsonNode summary(Path file, List<? extends Column<?>> fields) throws IOException {
        String text = text(file);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new DamagedResultException(file, "not valid JSON (truncated or edited?) at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        if (root == null || !root.isObject()) {
            throw new DamagedResultException(file, "not a JSON object");
        }
        if (!root.has(RunFiles.SIMULATED)) {
            throw new DamagedResultException(file, "no field " + RunFiles.SIMULATED + (root.has("simulatedSeconds")
                    ? " (written by an earlier speedsim, whose field names were camelCase: run it again)" : ""));
        }
        for (Column<?> field : fields) {
            JsonNode v = root.get(field.name());
            if (v == null) {
                continue;
            }
            String expected = switch (field.type()) {
                case TEXT -> v.isTextual() ? null : "a string";
                case FLAG -> v.isBoolean() ? null : "true or false";
                case INTEGER -> v.isNumber() ? null : "a number";
                case NUMBER -> v.isNumber() || v.isNull() ? null : "a number or null";
            };
            if (expected != null) {
                throw new DamagedResultException(file, "field " + field.name() + " should be " + expected + ", not "
                        + describe(v));
            }
        }
        return root;
    }

    /**
     * Checks a CSV file speedsim wrote: text, complete last line, every row as wide as the header (quotes
     * respected) and the columns the report reads.
     */
    public static void csv(Path file) throws IOException {
        csv(file, REQUIRED_COLUMNS.getOrDefault(file.getFileName().toString(), List.of()));
    }

    /**
     * Checks a CSV file speedsim wrote as {@link #csv(Path)} does, with the columns {@code required} in its header.
     */
    public static void csv(Path file, List<String> required) throws IOException {
        String text = text(file);
        if (text.isEmpty()) {
            throw new DamagedResultException(file, "empty (no header row)");
        }
        int width = -1;
        int fields = 1;
        int line = 1;
        boolean quoted = false;
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (width < 0) {
                header.append(c);
            }
            if (quoted) {
                if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields++;
            } else if (c == '\n') {
                if (width < 0) {
                    width = fields;
                } else if (fields != width) {
                    throw new DamagedResultException(file, "line " + line + " has " + fields + " fields, the header "
                            + width);
                }
                fields = 1;
                line++;
            }
        }
        if (quoted || text.charAt(text.length() - 1) != '\n') {
            throw new DamagedResultException(file, "line " + line + " is cut off (the file is truncated)");
        }
        List<String> columns = List.of(header.toString().strip().split(",", -1));
        for (String column : required) {
            if (!columns.contains(column)) {
                throw new DamagedResultException(file, "no " + column + " column in its header");
            }
        }
    }

    /** The file as UTF-8 text without control characters other than newlines and tabs. */
    private static String text(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DamagedResultException(file, "not UTF-8 text (binary data?)");
        }
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (Character.isISOControl(c) && c != '\t' && c != '\r') {
                throw new DamagedResultException(file, "line " + line + " holds a control character (binary data?)");
            }
        }
        return text;
    }

    /** A problem message made printable: control characters become '?', at most 200 characters. */
    static String printable(String message) {
        String m = message == null ? "" : message;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < m.length() && b.length() < 200; i++) {
            char c = m.charAt(i);
            b.append(Character.isISOControl(c) || c == '\uFFFD' || Character.isSurrogate(c) ? '?' : c);
        }
        return b.toString();
    }

    private static String describe(JsonNode v) {
        return v.isTextual() ? "a string" : v.isObject() ? "an object" : v.isArray() ? "an array"
                : v.isBoolean() ? "a boolean" : v.isNull() ? "null" : "a " + v.getNodeType().name().toLowerCase(
                        java.util.Locale.ROOT);
    }
}
