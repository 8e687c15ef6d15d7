package org.speedsim.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.reports.format.RunFiles;

/**
 * The content of a replication's {@code summary.json}, built from an engine result by {@link RunFiles#summary} (its
 * fields are declared there), and read back as numbers.
 *
 * <p>Invariant: the file the run command writes and {@link Replication#of} in memory hold the same fields, because
 * both come from {@link #map}.
 */
public final class SummaryJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SummaryJson() {
    }

    /**
     * The numeric fields of a summary in file order, a nested object's fields (none in files of this version) as
     * {@code <object>_<field>}: numbers as they are, booleans as 1 or 0, null as NaN; strings are left out, and so are the
     * top-level fields named in {@code skip}.
     */
    public static Map<String, Double> numbers(JsonNode summary, Set<String> skip) {
        Map<String, Double> out = new LinkedHashMap<>();
        flatten("", summary, skip, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Set<String> skip, Map<String, Double> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (prefix.isEmpty() && skip.contains(key)) {
                continue;
            }
            if (v.isObject()) {
                flatten(key + "_", v, skip, out);
            } else if (v.isNumber()) {
                out.put(key, v.asDouble());
            } else if (v.isBoolean()) {
                out.put(key, v.asBoolean() ? 1.0 : 0.0);
            } else if (v.isNull()) {
                out.put(key, Double.NaN);
            }
        }
    }

    /**
     * The names of the boolean fields of a summary (yes/no outcomes such as {@code swarm_died}), nested ones
     * named as in {@link #numbers}; the top-level fields named in {@code skip} are left out.
     */
    public static Set<String> booleans(JsonNode summary, Set<String> skip) {
        Set<String> out = new java.util.LinkedHashSet<>();
        booleans("", summary, skip, out);
        return out;
    }

    private static void booleans(String prefix, JsonNode node, Set<String> skip, Set<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            if (prefix.isEmpty() && skip.contains(key)) {
                continue;
            }
            if (e.getValue().isObject()) {
                booleans(key + "_", e.getValue(), skip, out);
            } else if (e.getValue().isBoolean()) {
                out.add(key);
            }
        }
    }

    /** The summary as an ordered map of JSON values: {@link RunFiles#summary}. */
    public static Map<String, Object> map(RunResult result) {
        return RunFiles.summary(result);
    }

    /**
     * The summary as a JSON tree equal to what reading the written {@code summary.json} gives (it goes through the
     * JSON text, so numbers get the node types a parser gives them).
     */
    public static JsonNode node(RunResult result) {
        try {
            return JSON.readTree(JSON.writeValueAsBytes(map(result)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
