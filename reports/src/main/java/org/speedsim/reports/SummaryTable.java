package org.speedsim.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Every numeric {@code summary.json} field across replications: one row per field with n, mean, standard deviation
 * and the 95 % confidence interval of the mean ({@link MeanCi}).
 *
 * <p>Nested fields are flattened with dots ({@code downloadTimeSeconds.p50}, {@code tokens.paid}); booleans count as
 * 0 and 1, so the mean of {@code swarmDied} is the fraction of swarms that died; null values (a statistic of an empty
 * set, a swarm still alive) are left out and {@code n} says how many replications had a value. The identifiers
 * {@code seed} and {@code replication} and the text fields are not statistics and are omitted. Rows are in the
 * order the fields first appear.
 */
public final class SummaryTable {

    /** Fields that identify a run rather than measure it. */
    private static final Set<String> IDENTIFIERS = Set.of("seed", "replication");

    private SummaryTable() {
    }

    /** The table (columns field, n, mean, sd, ci_lower, ci_upper) over the replications' summaries. */
    public static Table of(List<Replication> replications) {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (int r = 0; r < replications.size(); r++) {
            Map<String, Double> flat = SummaryJson.numbers(replications.get(r).summary(), IDENTIFIERS);
            for (Map.Entry<String, Double> e : flat.entrySet()) {
                double[] v = values.computeIfAbsent(e.getKey(), k -> nans(replications.size()));
                v[r] = e.getValue();
            }
        }
        List<String> field = new ArrayList<>();
        List<Integer> n = new ArrayList<>();
        DoubleColumn mean = DoubleColumn.create("mean");
        DoubleColumn sd = DoubleColumn.create("sd");
        DoubleColumn lower = DoubleColumn.create("ci_lower");
        DoubleColumn upper = DoubleColumn.create("ci_upper");
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            MeanCi ci = MeanCi.of(e.getValue(), 0.95);
            field.add(e.getKey());
            n.add(ci.n());
            mean.append(ci.mean());
            sd.append(ci.sd());
            lower.append(ci.lower());
            upper.append(ci.upper());
        }
        return Table.create("summary", StringColumn.create("field", field),
                IntColumn.create("n", n.stream().mapToInt(Integer::intValue).toArray()), mean, sd, lower, upper);
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }
}
