package org.speedsim.reports.format;

import static org.speedsim.reports.format.Column.Type.FLAG;
import static org.speedsim.reports.format.Column.Type.INTEGER;
import static org.speedsim.reports.format.Column.Type.NUMBER;
import static org.speedsim.reports.format.Column.Type.TEXT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * The tidy tables of an experiment (and of a run): {@value #RUNS}, one row per run, and {@value #PEERS}, one row per
 * peer of every run.
 *
 * <p>{@value #RUNS}: {@link #RUN_KEY} columns around one column per varied parameter (named by its scenario path,
 * holding the value as given), then {@link #DERIVED} metrics and every numeric {@value RunFiles#SUMMARY} field except
 * {@link #NOT_METRICS} (flags as 1 and 0). {@value #PEERS}: {@code variant}, the parameter columns, {@code replication},
 * then {@link RunFiles#PEERS_COLUMNS}.
 */
public final class ExperimentFiles {

    public static final String RUNS = "runs.csv";
    public static final String PEERS = "peers.csv";

    /** What identifies one run of an experiment. */
    public record RunKey(String variant, int replication, String directory) {
    }

    /** Columns of {@value #RUNS} that identify a run; the parameter columns come between the first and the others. */
    public static final List<Column<RunKey>> RUN_KEY = List.of(
            Column.of("variant", "", TEXT, "the variant's label, the sweep point's PATH=VALUE..., the tune "
                    + "evaluation's value, or for run the scenario's name", RunKey::variant),
            Column.of("replication", "", INTEGER, "replication index", RunKey::replication),
            Column.of("directory", "", TEXT, "the run's directory, relative to the table", RunKey::directory));

    /** {@value RunFiles#SUMMARY} fields that identify a run or measure the machine: never metrics. */
    public static final Set<String> NOT_METRICS = Set.of("scenario", "seed", "replication", RunFiles.WALL);

    /** Swarm lifetime: the death time, or the simulated time when the swarm survived (censored). */
    public static final String LIFETIME = "swarm_lifetime_s";
    /** 1 when the lifetime is censored (the swarm was alive at the end), else 0. */
    public static final String CENSORED = "lifetime_censored";
    /** Completed leechers over arrived leechers. */
    public static final String COMPLETED_FRACTION = "completed_fraction";

    /** Metrics derived from a {@value RunFiles#SUMMARY} (its parsed tree), first among a run's metrics. */
    public static final List<Column<JsonNode>> DERIVED = List.of(
            Column.of(LIFETIME, "s", NUMBER, "the swarm's death time, or the simulated time when it was alive at "
                    + "the end (a lower bound, censored)",
                    s -> alive(s) ? number(s.get(RunFiles.SIMULATED)) : number(s.get(RunFiles.SWARM_DEATH))),
            Column.of(CENSORED, "", FLAG, "whether the swarm was alive at the end (its lifetime censored)",
                    ExperimentFiles::alive),
            Column.of(COMPLETED_FRACTION, "", NUMBER, "peers_completed over peers_arrived", s -> {
                double arrived = number(s.get(RunFiles.PEERS_ARRIVED));
                return arrived > 0 ? number(s.get(RunFiles.PEERS_COMPLETED)) / arrived : Double.NaN;
            }));

    private ExperimentFiles() {
    }

    private static boolean alive(JsonNode summary) {
        JsonNode death = summary.get(RunFiles.SWARM_DEATH);
        return death == null || death.isNull();
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
}
