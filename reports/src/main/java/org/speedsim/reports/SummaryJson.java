package org.speedsim.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.RunSummary;

/**
 * The content of a replication's {@code summary.json}, built from an engine result: the run's headline figures with
 * seconds instead of microseconds, NaN and "did not happen" as null, then the extensions' {@code extra} fields in key
 * order (an extra field never replaces a standard one; a clash is kept as {@code extra.<name>}).
 *
 * <p>Invariant: the file the run command writes and {@link Replication#of} in memory hold the same fields, because
 * both come from {@link #map}.
 */
public final class SummaryJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SummaryJson() {
    }

    /**
     * The numeric fields of a summary in file order, nested ones flattened with dots ({@code downloadTimeSeconds.p50},
     * {@code tokens.paid}): numbers as they are, booleans as 1 or 0, null as NaN; strings are left out, and so are the
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
                flatten(key + ".", v, skip, out);
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
     * The names of the boolean fields of a summary (yes/no outcomes such as {@code swarmDied}), nested ones flattened
     * with dots as in {@link #numbers}; the top-level fields named in {@code skip} are left out.
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
                booleans(key + ".", e.getValue(), skip, out);
            } else if (e.getValue().isBoolean()) {
                out.add(key);
            }
        }
    }

    /** The summary as an ordered map of JSON values (numbers, booleans, strings, nested maps, null). */
    public static Map<String, Object> map(RunResult result) {
        RunSummary s = result.summary();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", s.scenario());
        m.put("seed", s.seed());
        m.put("replication", s.replication());
        m.put("simulatedSeconds", seconds(s.simulatedMicros()));
        m.put("wallSeconds", orNull(result.wallSeconds()));
        m.put("events", s.events());
        m.put("peersArrived", s.peersArrived());
        m.put("peersCompleted", s.peersCompleted());
        Map<String, Object> download = new LinkedHashMap<>();
        download.put("p50", orNull(s.downloadP50Seconds()));
        download.put("p90", orNull(s.downloadP90Seconds()));
        download.put("mean", orNull(s.downloadMeanSeconds()));
        m.put("downloadTimeSeconds", download);
        m.put("swarmDeathSeconds", s.swarmDied() ? seconds(s.swarmDeathMicros()) : null);
        m.put("swarmDied", s.swarmDied());
        m.put("bytesUploaded", s.bytesUploaded());
        m.put("bytesDownloaded", s.bytesDownloaded());
        m.put("duplicateBytes", s.duplicateBytes());
        m.put("pieceTransfers", s.pieceTransfers());
        m.put("overheadBytes", s.overheadBytes());
        m.put("invariantsOk", s.invariantsOk());
        for (Map.Entry<String, Object> e : new TreeMap<>(s.extra()).entrySet()) {
            String key = m.containsKey(e.getKey()) ? "extra." + e.getKey() : e.getKey();
            Object v = e.getValue();
            m.put(key, v instanceof Double || v instanceof Float ? orNull(((Number) v).doubleValue()) : v);
        }
        return m;
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

    /** Microseconds as seconds in a double. */
    static double seconds(long micros) {
        return micros / 1e6;
    }

    private static Double orNull(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
