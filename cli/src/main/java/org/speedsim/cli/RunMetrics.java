package org.speedsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.speedsim.reports.SummaryJson;

/**
 * The numbers of one replication's {@code summary.json}, flattened to {@code name -> value} in file order (nested
 * objects as {@code downloadTimeSeconds.p50}, {@code tokens.paid}; booleans as 0 and 1; null as NaN), plus derived
 * fields: {@value #LIFETIME} (the swarm's death time, or the simulated time when it was still alive: a lower bound),
 * {@value #CENSORED} (1 when the swarm was still alive at the end) and {@value #COMPLETED_FRACTION}. {@code yesNo}
 * names the fields that are yes/no outcomes (booleans in the file, and {@value #CENSORED}).
 *
 * <p>Invariant: holds only fields that depend on the simulation, never the wall-clock time or the identity fields
 * ({@value #EXCLUDED_NOTE}), so the same runs always give the same metrics.
 */
public record RunMetrics(Map<String, Double> values, Set<String> yesNo) {

    /** Swarm lifetime in seconds: censored at the simulated time when the swarm survived the run. */
    public static final String LIFETIME = "swarmLifetimeSeconds";
    /** 1 when the lifetime is censored (the swarm was alive at the end), else 0. */
    public static final String CENSORED = "lifetimeCensored";
    /** Completed downloads over arrived peers. */
    public static final String COMPLETED_FRACTION = "completedFraction";
    static final String EXCLUDED_NOTE = "wallSeconds, seed, replication, scenario";
    private static final Set<String> EXCLUDED = Set.of("wallSeconds", "seed", "replication", "scenario");
    private static final ObjectMapper JSON = new ObjectMapper();

    public RunMetrics {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        yesNo = Set.copyOf(yesNo);
    }

    /** Reads {@code summary.json}. */
    public static RunMetrics read(Path summaryJson) throws IOException {
        JsonNode root = JSON.readTree(summaryJson.toFile());
        if (root == null || !root.isObject()) {
            throw new IOException(summaryJson + ": not a JSON object");
        }
        return of(root);
    }

    /** The metrics of a summary already parsed (a JSON object). */
    public static RunMetrics of(JsonNode root) {
        Map<String, Double> m = new LinkedHashMap<>();
        JsonNode death = root.get("swarmDeathSeconds");
        JsonNode simulated = root.get("simulatedSeconds");
        boolean alive = death == null || death.isNull();
        m.put(LIFETIME, alive ? number(simulated) : death.asDouble());
        m.put(CENSORED, alive ? 1.0 : 0.0);
        double arrived = number(root.get("peersArrived"));
        m.put(COMPLETED_FRACTION, arrived > 0 ? number(root.get("peersCompleted")) / arrived : Double.NaN);
        SummaryJson.numbers(root, EXCLUDED).forEach(m::putIfAbsent);
        Set<String> yesNo = new HashSet<>(SummaryJson.booleans(root, EXCLUDED));
        yesNo.add(CENSORED);
        return new RunMetrics(m, yesNo);
    }

    private static double number(JsonNode v) {
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? 1 : 0;
        }
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    /** The value of a metric, NaN when absent. */
    public double get(String name) {
        Double v = values.get(name);
        return v == null ? Double.NaN : v;
    }
}
