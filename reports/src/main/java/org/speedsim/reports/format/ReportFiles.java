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

    /**
     * One row of {@code tables/world-request-success-SCENARIO.csv}: the requests made in one time bin for torrents of
     * one popularity decile.
     */
    public record RequestSuccessRow(double from, double to, int decile, long requests, long completed,
                                    int replications, double mean, double low, double high) {
    }

    /** Columns of {@code tables/world-request-success-SCENARIO.csv}. */
    public static final List<Column<RequestSuccessRow>> WORLD_REQUEST_SUCCESS = List.of(
            Column.of("bin_start_s", "s", NUMBER, "requests made at or after this time", RequestSuccessRow::from),
            Column.of("bin_end_s", "s", NUMBER, "and before this one (the last bin includes the end)",
                    RequestSuccessRow::to),
            Column.of("decile", "", INTEGER, "popularity decile of the requested torrent, from its rank",
                    RequestSuccessRow::decile),
            Column.of("requests", "", INTEGER, "requests, all replications", RequestSuccessRow::requests),
            Column.of("completed", "", INTEGER, "of which completed, all replications", RequestSuccessRow::completed),
            Column.of("replications", "", INTEGER, "replications with a request in this cell",
                    RequestSuccessRow::replications),
            Column.of("success_mean", "", NUMBER, "mean over those replications of the share completed",
                    RequestSuccessRow::mean),
            Column.of("ci_low", "", NUMBER, "lower end of its 95 % interval (Student t, cut to [0, 1])",
                    RequestSuccessRow::low),
            Column.of("ci_high", "", NUMBER, "upper end of its 95 % interval", RequestSuccessRow::high));

    /** One row of {@code tables/world-survival-SCENARIO.csv}: one decile's Kaplan-Meier curve at one time. */
    public record TorrentSurvivalRow(int decile, double time, int atRisk, int events, double survival, double low,
                                     double high) {
    }

    /** Columns of {@code tables/world-survival-SCENARIO.csv}. */
    public static final List<Column<TorrentSurvivalRow>> WORLD_SURVIVAL = List.of(
            Column.of("decile", "", INTEGER, "popularity decile", TorrentSurvivalRow::decile),
            Column.of("time_s", "s", NUMBER, "time since the torrent's release", TorrentSurvivalRow::time),
            Column.of("at_risk", "", INTEGER, "torrents still available just before", TorrentSurvivalRow::atRisk),
            Column.of("events", "", INTEGER, "torrents that became unavailable at this age",
                    TorrentSurvivalRow::events),
            Column.of("survival", "", NUMBER, "Kaplan-Meier share of torrents still available",
                    TorrentSurvivalRow::survival),
            Column.of("ci_low", "", NUMBER, "lower end of its 95 % interval (log-log)", TorrentSurvivalRow::low),
            Column.of("ci_high", "", NUMBER, "upper end of its 95 % interval", TorrentSurvivalRow::high));

    /** One row of {@code tables/world-lorenz-SCENARIO.csv}: one point of the Lorenz curve at one sample time. */
    public record LorenzRow(double time, double population, int n, double mean, double low, double high) {
    }

    /** Columns of {@code tables/world-lorenz-SCENARIO.csv}. */
    public static final List<Column<LorenzRow>> WORLD_LORENZ = List.of(
            Column.of("time_s", "s", NUMBER, "sample time", LorenzRow::time),
            Column.of("population_share", "", NUMBER, "the poorest share of the Speed users who arrived",
                    LorenzRow::population),
            Column.of("n", "", INTEGER, "replications with a value", LorenzRow::n),
            Column.of("token_share_mean", "", NUMBER, "share of all their tokens those users hold, mean over the "
                    + "replications", LorenzRow::mean),
            Column.of("ci_low", "", NUMBER, "lower end of its 95 % interval (Student t, cut to [0, 1])",
                    LorenzRow::low),
            Column.of("ci_high", "", NUMBER, "upper end of its 95 % interval", LorenzRow::high));

    /** One row of {@code tables/world-tokens-SCENARIO.csv}: one token flow across replications. */
    public record TokenFlowRow(String field, String unit, String meaning, int n, double mean, double low,
                               double high) {
    }

    /** Columns of {@code tables/world-tokens-SCENARIO.csv}. */
    public static final List<Column<TokenFlowRow>> WORLD_TOKENS = List.of(
            Column.of("field", "", TEXT, "the summary.json field", TokenFlowRow::field),
            Column.of("unit", "", TEXT, "its unit", TokenFlowRow::unit),
            Column.of("meaning", "", TEXT, "what it measures", TokenFlowRow::meaning),
            Column.of("n", "", INTEGER, "replications with a value", TokenFlowRow::n),
            Column.of("mean", "field's", NUMBER, "mean over those replications", TokenFlowRow::mean),
            Column.of("ci_low", "field's", NUMBER, "lower end of the 95 % interval (Student t, clipped to the "
                    + "field's range)", TokenFlowRow::low),
            Column.of("ci_high", "field's", NUMBER, "upper end of the 95 % interval", TokenFlowRow::high));

    private ReportFiles() {
    }
}
