package org.speedsim.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.speedsim.reports.format.ExperimentFiles;
import org.speedsim.reports.format.ReportFiles;
import org.speedsim.reports.format.Tables;
import tech.tablesaw.api.Table;

/**
 * Every numeric {@code summary.json} field across replications: one row per field with n, mean, standard deviation
 * and the 95 % confidence interval of the mean, named in the column {@code interval}: for a yes/no field (a boolean)
 * the Wilson interval of the proportion ({@link Proportion}), inside [0, 1]; for every other field, a count, an
 * amount or a time, the Student-t interval ({@link MeanCi}) clipped at 0, unless a replication reports a negative
 * value.
 *
 * <p>Nested fields are flattened with dots ({@code download_time_p50_s}, {@code tokens_paid}); booleans count as
 * 0 and 1, so the mean of {@code swarm_died} is the fraction of swarms that died; null values (a statistic of an empty
 * set, a swarm still alive) are left out and {@code n} says how many replications had a value. The identifiers
 * {@code seed} and {@code replication}, the wall clock {@code wall_s} and the text fields are not statistics
 * of the model and are omitted. Rows are in the
 * order the fields first appear.
 */
public final class SummaryTable {

    /**
     * Fields that identify a run or measure the machine rather than the model: with {@code wall_s} in it, the
     * table (and the report) would differ between two runs of the same scenario and seed.
     */
    private static final Set<String> IDENTIFIERS = ExperimentFiles.NOT_METRICS;

    private SummaryTable() {
    }

    /** The table ({@link ReportFiles#SUMMARY}) over the replications' summaries. */
    public static Table of(List<Replication> replications) {
        return ofSummaries(replications.stream().map(Replication::summary).toList());
    }

    /** The table ({@link ReportFiles#SUMMARY}) over parsed {@code summary.json} trees (a world run's too). */
    public static Table ofSummaries(List<com.fasterxml.jackson.databind.JsonNode> summaries) {
        Map<String, double[]> values = new LinkedHashMap<>();
        Set<String> yesNo = new java.util.HashSet<>();
        for (int r = 0; r < summaries.size(); r++) {
            yesNo.addAll(SummaryJson.booleans(summaries.get(r), IDENTIFIERS));
            Map<String, Double> flat = SummaryJson.numbers(summaries.get(r), IDENTIFIERS);
            for (Map.Entry<String, Double> e : flat.entrySet()) {
                double[] v = values.computeIfAbsent(e.getKey(), k -> nans(summaries.size()));
                v[r] = e.getValue();
            }
        }
        List<ReportFiles.SummaryRow> rows = new ArrayList<>();
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            MeanCi ci = MeanCi.of(e.getValue(), 0.95);
            Estimate estimate;
            if (yesNo.contains(e.getKey())) {
                estimate = Estimate.of(Proportion.of(e.getValue(), 0.95));
            } else {
                boolean negative = java.util.Arrays.stream(e.getValue()).anyMatch(v -> v < 0);
                MetricKind kind = negative ? MetricKind.REAL : MetricKind.AMOUNT;
                estimate = Estimate.clipped(kind, ci, kind.min(), kind.max(Double.NaN));
            }
            rows.add(new ReportFiles.SummaryRow(e.getKey(), ci.n(), ci.mean(), ci.sd(), estimate.lower(),
                    estimate.upper(), estimate.kind().interval()));
        }
        return Tables.of("summary", ReportFiles.SUMMARY, rows);
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }
}
