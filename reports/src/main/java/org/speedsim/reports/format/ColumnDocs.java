package org.speedsim.reports.format;

import java.util.List;

/**
 * The column tables of {@code docs/run-directory.md}, generated from the declarations ({@link RunFiles},
 * {@link ExperimentFiles}, {@link StatisticsFiles}, {@link ReportFiles}) so the documentation cannot drift from
 * what is written; {@code RunDirectoryDocTest} checks the file holds exactly {@link #markdown()} between
 * {@value #BEGIN} and {@value #END}.
 */
public final class ColumnDocs {

    /** The line before the generated text. */
    public static final String BEGIN = "<!-- generated from org.speedsim.reports.format: begin -->";
    /** The line after the generated text. */
    public static final String END = "<!-- generated from org.speedsim.reports.format: end -->";

    private ColumnDocs() {
    }

    /** The generated Markdown: one table per file, in the order a run writes them, then the experiment tables. */
    public static String markdown() {
        StringBuilder b = new StringBuilder();
        section(b, "`" + RunFiles.TIMESERIES + "`", "One row per sample. The first " + RunFiles.TIMESERIES_BASE
                + " columns are in every run; the Speed and ledger columns when the scenario has Speed clients; a "
                + "plug-in extension's columns after them.", RunFiles.TIMESERIES_COLUMNS);
        section(b, "`" + RunFiles.PIECE_COPIES + "`", "At each sample time, one row per copy count present.",
                RunFiles.PIECE_COPIES_COLUMNS);
        section(b, "`" + RunFiles.PEERS + "`", "One row per peer that arrived, in peer order. An empty time: it did "
                + "not happen before the run ended.", RunFiles.PEERS_COLUMNS);
        section(b, "`" + RunFiles.SUMMARY + "`", "One JSON object, these fields first; then the extensions' fields "
                + "in key order, each named `<group>_<field>` in snake_case (Speed's `tokens_*` amounts in µBTT, its "
                + "counts such as `tokens_bids_sent` counts; `speed_messages_*`: message counts, `*_bytes` in bytes, "
                + "`*_micros` in µs), and `bad_piece_bytes`. Null: did not happen, or a statistic of an empty set.",
                RunFiles.SUMMARY_FIELDS);
        section(b, "`" + ExperimentFiles.RUNS + "` (experiments and runs)", "One row per run: `variant`, one column "
                + "per varied parameter (named by its scenario path, holding the value as given), `replication`, "
                + "`directory`; then the derived metrics below and every numeric `" + RunFiles.SUMMARY + "` field "
                + "except " + String.join(", ", ExperimentFiles.NOT_METRICS.stream().sorted().map(n -> "`" + n + "`")
                        .toList()) + " (flags as 1 and 0).", ExperimentFiles.RUN_KEY);
        b.append("The derived metrics, first among a run's metrics:\n\n");
        table(b, ExperimentFiles.DERIVED);
        b.append("### `").append(ExperimentFiles.PEERS).append("` (experiments and runs)\n\n`variant`, the parameter "
                + "columns and `replication` as in `").append(ExperimentFiles.RUNS).append("`, then the columns of a "
                + "run's `").append(RunFiles.PEERS).append("`; one row per peer of every complete run.\n\n");
        b.append("### `compare.csv`, `points.csv`, `evaluations.csv` (statistics)\n\nPer metric and variant, point "
                + "or evaluation: these columns of the estimate, then (compare, tune) the difference `diff_vs_<other>` "
                + "with `").append(String.join("`, `", StatisticsFiles.DIFFERENCE)).append("`, and the method:\n\n");
        table(b, StatisticsFiles.ESTIMATE);
        table(b, StatisticsFiles.METHOD);
        b.append("## A world replication directory\n\nA world run (many torrents, persistent users) writes, in order: `"
                + RunFiles.SCENARIO + "`, `" + WorldFiles.TIMESERIES + "`, `" + WorldFiles.TORRENTS + "`, `"
                + WorldFiles.USERS + "`, `" + WorldFiles.REQUESTS + "`, and last `" + WorldFiles.SUMMARY + "`. "
                + "Popularity deciles: decile 1 is the most popular tenth of the catalogue by rank.\n\n");
        section(b, "`" + WorldFiles.TIMESERIES + "` (world)", "One row per sample, these columns in this order.",
                WorldFiles.TIMESERIES_COLUMNS);
        section(b, "`" + WorldFiles.TORRENTS + "`", "One row per torrent of the catalogue, by id. An empty time: it "
                + "did not happen before the run ended.", WorldFiles.TORRENTS_COLUMNS);
        section(b, "`" + WorldFiles.USERS + "`", "One row per persistent user, by id.", WorldFiles.USERS_COLUMNS);
        section(b, "`" + WorldFiles.REQUESTS + "`", "One row per download request, in the order they were made.",
                WorldFiles.REQUESTS_COLUMNS);
        section(b, "`" + WorldFiles.SUMMARY + "` (world)", "One JSON object, these fields in this order. Null: a "
                + "statistic of an empty set.", WorldFiles.SUMMARY_FIELDS);
        b.append("## A report directory: `tables/`\n\n");
        section(b, "`tables/summary-SCENARIO.csv`", "One row per numeric `" + RunFiles.SUMMARY + "` field (except "
                + "`seed`, `replication`, `wall_s`), across the replications; units are the field's.",
                ReportFiles.SUMMARY);
        section(b, "`tables/survival-SCENARIO.csv`", "The Kaplan-Meier curve of the swarm's lifetime.",
                ReportFiles.SURVIVAL);
        b.append("### `tables/timeseries-SCENARIO.csv`\n\n`time_s`, `n` (replications still running), then for "
                + "each time-series column `<column>").append(String.join("`, `<column>", ReportFiles.BAND_SUFFIXES))
                .append("`: the mean over the running replications and its 95 % interval.\n\n");
        worldReport(b);
        return b.toString();
    }

    private static void worldReport(StringBuilder b) {
        b.append("## A world report directory: `tables/`\n\n");
        section(b, "`tables/world-summary-SCENARIO.csv`", "As `tables/summary-SCENARIO.csv`, over the world "
                + "replications' `" + WorldFiles.SUMMARY + "` fields.", ReportFiles.SUMMARY);
        section(b, "`tables/world-request-success-SCENARIO.csv`", "Requests binned by the time they were made and "
                + "by the popularity decile of the requested torrent.", ReportFiles.WORLD_REQUEST_SUCCESS);
        section(b, "`tables/world-survival-SCENARIO.csv`", "The Kaplan-Meier curve of torrent lifetime (release to "
                + "first unavailability) per popularity decile, torrents of every replication pooled.",
                ReportFiles.WORLD_SURVIVAL);
        section(b, "`tables/world-lorenz-SCENARIO.csv`", "The Lorenz curve of the Speed users' balances at a few "
                + "sample times, from the time series' `lorenz_p*` columns, across replications.",
                ReportFiles.WORLD_LORENZ);
        section(b, "`tables/world-tokens-SCENARIO.csv`", "Where tokens came from and went, across replications.",
                ReportFiles.WORLD_TOKENS);
        b.append("### `tables/world-timeseries-SCENARIO.csv`\n\nAs `tables/timeseries-SCENARIO.csv`, over the "
                + "world time series, with the cumulative `tokens_airdropped_cum_ubtt` and `tokens_moved_cum_ubtt` "
                + "added.\n\n");
    }

    private static void section(StringBuilder b, String title, String text, List<? extends Column<?>> columns) {
        b.append("### ").append(title).append("\n\n").append(text).append("\n\n");
        table(b, columns);
    }

    private static void table(StringBuilder b, List<? extends Column<?>> columns) {
        b.append("| column | unit | type | meaning |\n|---|---|---|---|\n");
        for (Column<?> c : columns) {
            b.append("| `").append(c.name()).append("` | ").append(c.unit()).append(" | ")
                    .append(c.type().name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
                    .append(c.meaning().replace("|", "\\|")).append(" |\n");
        }
        b.append('\n');
    }
}
