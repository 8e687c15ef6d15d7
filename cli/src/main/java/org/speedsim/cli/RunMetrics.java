package org.speedsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.speedsim.reports.SummaryJson;
import org.speedsim.reports.format.Column;
import org.speedsim.reports.format.ExperimentFiles;
import org.speedsim.reports.format.WorldFiles;

/**
 * The numbers of one replication's {@code summary.json}, as {@code name -> value} in file order (booleans as 0 and 1;
 * null as NaN), after the derived fields of {@link ExperimentFiles#DERIVED}: {@value #LIFETIME} (the swarm's death time, or the simulated time when it was still alive: a lower bound),
 * {@value #CENSORED} (1 when the swarm was still alive at the end) and {@value #COMPLETED_FRACTION}. {@code yesNo}
 * names the fields that are yes/no outcomes (booleans in the file, and {@value #CENSORED}). A world's summary
 * ({@code kind: world} scenarios) has no derived fields: its numbers are its metrics.
 *
 * <p>Invariant: holds only fields that depend on the simulation, never the wall-clock time or the identity fields
 * ({@value #EXCLUDED_NOTE}), so the same runs always give the same metrics.
 */
public record RunMetrics(Map<String, Double> values, Set<String> yesNo) {

    /** Swarm lifetime in seconds: censored at the simulated time when the swarm survived the run. */
    public static final String LIFETIME = ExperimentFiles.LIFETIME;
    /** 1 when the lifetime is censored (the swarm was alive at the end), else 0. */
    public static final String CENSORED = ExperimentFiles.CENSORED;
    /** Completed downloads over arrived peers. */
    public static final String COMPLETED_FRACTION = ExperimentFiles.COMPLETED_FRACTION;
    static final String EXCLUDED_NOTE = "wall_s, seed, replication, scenario";
    private static final Set<String> EXCLUDED = ExperimentFiles.NOT_METRICS;
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
        boolean world = root.has(WorldFiles.REQUEST_SUCCESS);
        for (Column<JsonNode> derived : world ? List.<Column<JsonNode>>of() : ExperimentFiles.DERIVED) {
            m.put(derived.name(), number(derived.value(root)));
        }
        SummaryJson.numbers(root, EXCLUDED).forEach(m::putIfAbsent);
        Set<String> yesNo = new HashSet<>(SummaryJson.booleans(root, EXCLUDED));
        if (!world) {
            yesNo.add(CENSORED);
        }
        return new RunMetrics(m, yesNo);
    }

    private static double number(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** The value of a metric, NaN when absent. */
    public double get(String name) {
        Double v = values.get(name);
        return v == null ? Double.NaN : v;
    }
}
