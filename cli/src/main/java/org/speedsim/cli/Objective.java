package org.speedsim.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.speedsim.reports.format.RunFiles;

/**
 * What {@code tune} optimises: a metric of {@link RunMetrics}, averaged over replications, and whether more or less
 * of it is better. The metrics of {@link #NAMED} carry their direction; any other metric needs one. An objective is
 * named by its metric, as {@code runs.csv} names it.
 */
record Objective(String name, String metric, Goal goal) {

    /** Whether more or less is better. */
    enum Goal {
        MAX, MIN;

        boolean better(double a, double b) {
            return this == MAX ? a > b : a < b;
        }
    }

    /** The objectives known by a short name. */
    static final Map<String, Objective> NAMED = named();

    private static Map<String, Objective> named() {
        Map<String, Objective> m = new LinkedHashMap<>();
        for (Objective o : List.of(new Objective(RunMetrics.LIFETIME, RunMetrics.LIFETIME, Goal.MAX),
                new Objective("download_time_mean_s", "download_time_mean_s", Goal.MIN),
                new Objective("download_time_p50_s", "download_time_p50_s", Goal.MIN),
                new Objective("download_time_p90_s", "download_time_p90_s", Goal.MIN),
                new Objective(RunMetrics.COMPLETED_FRACTION, RunMetrics.COMPLETED_FRACTION, Goal.MAX),
                new Objective(RunFiles.PEERS_COMPLETED, RunFiles.PEERS_COMPLETED, Goal.MAX),
                new Objective(RunFiles.SWARM_DIED, RunFiles.SWARM_DIED, Goal.MIN))) {
            m.put(o.name(), o);
        }
        return m;
    }

    /** The direction in which a metric is better, when it is one of the named objectives' metrics, else null. */
    static Goal goalOf(String metric) {
        Objective known = NAMED.get(metric);
        return known == null ? null : known.goal();
    }

    /** The objective called {@code name} (a named one or a metric), with {@code goal} if given. */
    static Objective of(String name, Goal goal) throws UserInputException {
        Objective known = NAMED.get(name);
        if (known != null) {
            return goal == null ? known : new Objective(name, known.metric(), goal);
        }
        if (goal == null) {
            goal = goalOf(name);
        }
        if (goal == null) {
            String suggestion = org.speedsim.scenarios.Suggest.didYouMean(name, NAMED.keySet());
            throw new UserInputException("--objective " + Sanitize.printable(name, 80) + ": not one of "
                    + String.join(", ", NAMED.keySet()) + (suggestion.isEmpty() ? "" : suggestion.substring(1))
                    + "; for another summary field (such as tokens_paid) say --goal max or --goal min");
        }
        return new Objective(name, name, goal);
    }

    /**
     * Refuses an objective whose metric is not among {@code fields} (the numeric metrics the scenario's runs produce,
     * {@link SummaryFields}), suggesting the closest name and listing the known ones.
     */
    void requireIn(java.util.Set<String> fields, String scenario) throws UserInputException {
        if (fields.contains(metric)) {
            return;
        }
        java.util.List<String> known = new java.util.ArrayList<>(NAMED.keySet());
        fields.stream().filter(f -> !known.contains(f)).forEach(known::add);
        throw new UserInputException("--objective " + Sanitize.printable(name, 80) + ": not a numeric field of "
                + "the summary.json of " + scenario + org.speedsim.scenarios.Suggest.didYouMean(name, known)
                + " (known: " + String.join(", ", known) + ")");
    }
}
