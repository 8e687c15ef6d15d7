package org.speedsim.reports.format;

import static org.speedsim.reports.format.Column.Type.INTEGER;
import static org.speedsim.reports.format.Column.Type.NUMBER;
import static org.speedsim.reports.format.Column.Type.TEXT;

import java.util.List;

/**
 * The tables of a report directory ({@code tables/*.csv}): the summary of every numeric {@code summary.json} field
 * across replications, the Kaplan-Meier curve of the swarm's lifetime, and the time-series bands.
 */
public final class ReportFiles {

    /** One row of {@code tables/summary-SCENARIO.csv}: a summary field across replications. */
    public record SummaryRow(String field, int n, double mean, double sd, double low, double high,
                             String interval) {
    }

    /** Columns of {@code tables/summary-SCENARIO.csv}. */
    public static final List<Column<SummaryRow>> SUMMARY = List.of(
            Column.of("field", "", TEXT, "the summary.json field", SummaryRow::field),
            Column.of("n", "", INTEGER, "replications with a value", SummaryRow::n),
            Column.of("mean", "field's", NUMBER, "mean over those replications (a share for a flag)",
                    SummaryRow::mean),
            Column.of("sd", "field's", NUMBER, "sample standard deviation", SummaryRow::sd),
            Column.of("ci_low", "field's", NUMBER, "lower end of the 95 % interval", SummaryRow::low),
            Column.of("ci_high", "field's", NUMBER, "upper end of the 95 % interval", SummaryRow::high),
            Column.of("interval", "", TEXT, "the interval's method (Student t, or Wilson for a flag)",
                    SummaryRow::interval));

    /** One row of {@code tables/survival-SCENARIO.csv}: the Kaplan-Meier curve at one time. */
    public record SurvivalRow(double time, int atRisk, int events, double survival, double low, double high) {
    }

    /** Columns of {@code tables/survival-SCENARIO.csv}. */
    public static final List<Column<SurvivalRow>> SURVIVAL = List.of(
            Column.of("time_s", "s", NUMBER, "time since the start", SurvivalRow::time),
            Column.of("at_risk", "", INTEGER, "swarms alive just before", SurvivalRow::atRisk),
            Column.of("events", "", INTEGER, "swarms that died at this time", SurvivalRow::events),
            Column.of("survival", "", NUMBER, "Kaplan-Meier share of swarms alive", SurvivalRow::survival),
            Column.of("ci_low", "", NUMBER, "lower end of its 95 % interval", SurvivalRow::low),
            Column.of("ci_high", "", NUMBER, "upper end of its 95 % interval", SurvivalRow::high));

    /** Suffixes of the three columns {@code tables/timeseries-SCENARIO.csv} has per time-series column. */
    public static final List<String> BAND_SUFFIXES = List.of("_mean", "_ci_low", "_ci_high");

    private ReportFiles() {
    }
}
