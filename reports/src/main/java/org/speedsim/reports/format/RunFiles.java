package org.speedsim.reports.format;

import static org.speedsim.reports.format.Column.Type.FLAG;
import static org.speedsim.reports.format.Column.Type.INTEGER;
import static org.speedsim.reports.format.Column.Type.NUMBER;
import static org.speedsim.reports.format.Column.Type.TEXT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.speedsim.engine.swarm.PeerRecord;
import org.speedsim.engine.swarm.PieceCopyDistribution;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.RunSummary;
import org.speedsim.reports.Numbers;

/**
 * The files of one replication directory and their columns: {@value #SCENARIO}, {@value #TIMESERIES},
 * {@value #PIECE_COPIES}, {@value #PEERS} and, written last, {@value #SUMMARY}.
 *
 * <p>Invariant: every name here follows the naming rule of this package; {@link #summary} is the only map from an
 * engine result to {@value #SUMMARY} keys, and {@link #PEERS} the only list of {@value #PEERS} columns.
 */
public final class RunFiles {

    public static final String SCENARIO = "scenario.yaml";
    public static final String TIMESERIES = "timeseries.csv";
    public static final String PIECE_COPIES = "piececopies.csv";
    public static final String PEERS = "peers.csv";
    public static final String SUMMARY = "summary.json";

    /** {@value #SUMMARY} keys that code reads by name (declared with the others in {@link #SUMMARY_FIELDS}). */
    public static final String SIMULATED = "simulated_s";
    public static final String WALL = "wall_s";
    public static final String PEERS_ARRIVED = "peers_arrived";
    public static final String PEERS_COMPLETED = "peers_completed";
    public static final String SWARM_DEATH = "swarm_death_s";
    public static final String SWARM_DIED = "swarm_died";

    /** Every file a replication directory holds, in the order they are written. */
    public static final List<String> FILES = List.of(SCENARIO, TIMESERIES, PIECE_COPIES, PEERS, SUMMARY);

    private static final String SECONDS = "s";
    private static final String BYTES = "bytes";
    private static final String MICRO_BTT = "µBTT";

    /** Columns of {@value #PEERS}: one row per peer that arrived, in peer order. */
    public static final List<Column<PeerRecord>> PEERS_COLUMNS = List.of(
            Column.of("peer", "", INTEGER, "peer index", PeerRecord::peer),
            Column.of("class", "", TEXT, "its peer class", PeerRecord::peerClass),
            Column.of("client", "", TEXT, "its client (legacy or speed)", PeerRecord::client),
            Column.of("arrival_s", SECONDS, NUMBER, "when it arrived (exact)", r -> time(r.arrivalMicros())),
            Column.of("completion_s", SECONDS, NUMBER, "when it completed the file; empty if it did not",
                    r -> time(r.completionMicros())),
            Column.of("departure_s", SECONDS, NUMBER, "when it left; empty if it stayed",
                    r -> time(r.departureMicros())),
            Column.of("uploaded_bytes", BYTES, INTEGER, "piece data it uploaded", PeerRecord::bytesUp),
            Column.of("downloaded_bytes", BYTES, INTEGER, "piece data it downloaded", PeerRecord::bytesDown),
            Column.of("tokens_spent_ubtt", MICRO_BTT, INTEGER, "tokens it paid (accepted by the providers)",
                    PeerRecord::tokensSpent),
            Column.of("tokens_earned_ubtt", MICRO_BTT, INTEGER,
                    "tokens it accepted as a provider (signed payment states)", PeerRecord::tokensEarned),
            Column.of("initial_seed", "", FLAG, "whether it started as a seed", PeerRecord::initialSeed),
            Column.of("upload_bytes_per_s", "bytes/s", NUMBER, "its upload capacity",
                    PeerRecord::uploadBytesPerSecond),
            Column.of("download_bytes_per_s", "bytes/s", NUMBER, "its download capacity",
                    PeerRecord::downloadBytesPerSecond),
            Column.of("duplicate_bytes", BYTES, INTEGER, "bytes it downloaded twice (end game)",
                    PeerRecord::duplicateBytes),
            Column.of("tokens_settled_ubtt", MICRO_BTT, INTEGER,
                    "tokens channel closes on the ledger paid it before the run ended", PeerRecord::tokensEarnedSettled),
            Column.of("speed_message_bytes", BYTES, INTEGER, "encoded Speed messages it sent",
                    PeerRecord::messageBytes));

    /** One row of {@value #PIECE_COPIES}: at a sample time, how many pieces exactly {@code copies} online peers hold. */
    public record PieceCopies(long timeMicros, int copies, int pieces) {

        /** The rows of a distribution, in order. */
        public static List<PieceCopies> of(PieceCopyDistribution d) {
            List<PieceCopies> rows = new ArrayList<>(d.size());
            for (int i = 0; i < d.size(); i++) {
                rows.add(new PieceCopies(d.timeMicros(i), d.copies(i), d.pieces(i)));
            }
            return rows;
        }
    }

    /** Columns of {@value #PIECE_COPIES}. */
    public static final List<Column<PieceCopies>> PIECE_COPIES_COLUMNS = List.of(
            Column.of("time_s", SECONDS, NUMBER, "sample time (exact)", r -> Numbers.seconds(r.timeMicros())),
            Column.of("copies", "", INTEGER, "number of online peers holding a piece", PieceCopies::copies),
            Column.of("pieces", "", INTEGER, "pieces held by exactly that many online peers", PieceCopies::pieces));

    /** One sample of a time series: the value of column {@code column} is {@code values[column]}. */
    public record Sample(List<String> columns, double[] values) {
    }

    /**
     * Columns of {@value #TIMESERIES} the engine and the built-in extensions sample (the engine decides which a run
     * has: the base columns always, in this order; the Speed columns when the scenario has Speed clients). A plug-in
     * extension may add columns of its own, written as it names them.
     */
    public static final List<Column<Sample>> TIMESERIES_COLUMNS = List.of(
            sampled("time_s", SECONDS, "sample time"),
            sampled("leechers", "", "online peers without the whole file"),
            sampled("seeds", "", "online peers with the whole file"),
            sampled("distributed_copies", "", "copies of the rarest piece among online peers plus the share of "
                    + "pieces held by more than that (BitTorrent's 'distributed copies')"),
            sampled("min_piece_copies", "", "online copies of the rarest piece"),
            sampled("mean_piece_copies", "", "mean online copies of a piece"),
            sampled("upload_utilisation", "", "used share of the online peers' upload capacity"),
            sampled("clearing_price_nano_per_kib", "nano-BTT/KiB", "mean price of the slots sold since the last "
                    + "sample (Speed)"),
            sampled("slots_sold", "", "auction slots sold since the last sample (Speed)"),
            sampled("bids_sent", "", "bids sent since the last sample (Speed)"),
            sampled("tokens_accepted_ubtt", MICRO_BTT, "tokens accepted by providers so far (Speed)"),
            sampled("payment_failures", "", "payments that failed so far (Speed)"),
            sampled("balance_gini", "", "Gini coefficient of the online Speed peers' spendable balances (Speed)"),
            sampled("escrow_locked_ubtt", MICRO_BTT, "tokens locked in open channels (ledger)"),
            sampled("open_channels", "", "open payment channels (ledger)"),
            sampled("ledger_queue", "", "ledger transactions waiting (ledger)"),
            sampled("ledger_in_flight", "", "ledger transactions being confirmed (ledger)"),
            sampled("ledger_tps", "1/s", "transactions confirmed per second since the last sample (ledger)"),
            sampled("tokens_paid_ubtt", MICRO_BTT, "tokens paid to payees by channel closes so far (ledger)"));

    /** The number of {@link #TIMESERIES_COLUMNS} every run has, first and in order. */
    public static final int TIMESERIES_BASE = 7;

    private static Column<Sample> sampled(String name, String unit, String meaning) {
        return Column.of(name, unit, NUMBER, meaning, s -> {
            int i = s.columns().indexOf(name);
            return i < 0 ? null : s.values()[i];
        });
    }

    /**
     * The standard fields of {@value #SUMMARY}, in file order; the extensions' fields ({@link RunSummary#extra}) follow,
     * named by {@link #extraName}.
     */
    public static final List<Column<RunResult>> SUMMARY_FIELDS = List.of(
            Column.of("scenario", "", TEXT, "scenario name", r -> r.summary().scenario()),
            Column.of("seed", "", INTEGER, "random seed", r -> r.summary().seed()),
            Column.of("replication", "", INTEGER, "replication index", r -> r.summary().replication()),
            Column.of(SIMULATED, SECONDS, NUMBER, "simulated time at the end of the run",
                    r -> r.summary().simulatedMicros() / 1e6),
            Column.of(WALL, SECONDS, NUMBER, "wall-clock time the run took (the only field that is not "
                    + "reproducible)", RunResult::wallSeconds),
            Column.of("events", "", INTEGER, "simulator events processed", r -> r.summary().events()),
            Column.of(PEERS_ARRIVED, "", INTEGER, "leechers that arrived", r -> r.summary().peersArrived()),
            Column.of(PEERS_COMPLETED, "", INTEGER, "leechers that completed the file",
                    r -> r.summary().peersCompleted()),
            Column.of("download_time_p50_s", SECONDS, NUMBER, "median download time of the completed leechers",
                    r -> r.summary().downloadP50Seconds()),
            Column.of("download_time_p90_s", SECONDS, NUMBER, "90th percentile of download time",
                    r -> r.summary().downloadP90Seconds()),
            Column.of("download_time_mean_s", SECONDS, NUMBER, "mean download time",
                    r -> r.summary().downloadMeanSeconds()),
            Column.of(SWARM_DEATH, SECONDS, NUMBER, "when no seed was online and the online peers together "
                    + "lacked a piece; null if the swarm was alive at the end",
                    r -> r.summary().swarmDied() ? r.summary().swarmDeathMicros() / 1e6 : null),
            Column.of(SWARM_DIED, "", FLAG, "whether the swarm died", r -> r.summary().swarmDied()),
            Column.of("uploaded_bytes", BYTES, INTEGER, "piece data uploaded", r -> r.summary().bytesUploaded()),
            Column.of("downloaded_bytes", BYTES, INTEGER, "piece data downloaded",
                    r -> r.summary().bytesDownloaded()),
            Column.of("duplicate_bytes", BYTES, INTEGER, "piece data downloaded twice",
                    r -> r.summary().duplicateBytes()),
            Column.of("piece_transfers", "", INTEGER, "pieces transferred", r -> r.summary().pieceTransfers()),
            Column.of("overhead_bytes", BYTES, INTEGER, "protocol overhead", r -> r.summary().overheadBytes()),
            Column.of("invariants_ok", "", FLAG, "whether every conservation check of the run held",
                    r -> r.summary().invariantsOk()));

    private RunFiles() {
    }

    /**
     * The content of {@value #SUMMARY}: {@link #SUMMARY_FIELDS}, then the extensions' fields in key order, a nested
     * map flattened into one field per entry ({@link #extraName}); an extra field that would repeat a standard name is
     * kept as {@code extra_<name>}. Missing numbers (NaN, "did not happen") are null.
     */
    public static Map<String, Object> summary(RunResult result) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Column<RunResult> field : SUMMARY_FIELDS) {
            m.put(field.name(), json(field.value(result)));
        }
        for (Map.Entry<String, Object> e : new TreeMap<>(result.summary().extra()).entrySet()) {
            putExtra(m, extraName("", e.getKey()), e.getValue());
        }
        return m;
    }

    private static void putExtra(Map<String, Object> m, String name, Object value) {
        if (value instanceof Map<?, ?> nested) {
            for (Map.Entry<?, ?> e : nested.entrySet()) {
                putExtra(m, extraName(name, String.valueOf(e.getKey())), e.getValue());
            }
            return;
        }
        m.put(m.containsKey(name) ? "extra_" + name : name, json(value));
    }

    /**
     * The {@value #SUMMARY} name of an extension's field {@code key} inside its group {@code prefix} (empty at the top):
     * the key in snake_case, after the group's name ({@code tokens} and {@code refundedAtClose} give
     * {@code tokens_refunded_at_close}; {@code bad_piece_bytes} gives {@code bad_piece_bytes}).
     */
    public static String extraName(String prefix, String key) {
        String snake = snake(key);
        return prefix.isEmpty() ? snake : prefix + "_" + snake;
    }

    /** {@code camelCase} as {@code camel_case}; a name already in snake_case stays as it is. */
    public static String snake(String name) {
        StringBuilder b = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && b.charAt(b.length() - 1) != '_') {
                    b.append('_');
                }
                b.append(Character.toLowerCase(c));
            } else if (c == '.' || c == '-' || c == ' ') {
                b.append('_');
            } else {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static Object json(Object v) {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        return v;
    }

    private static String time(long micros) {
        return micros < 0 ? null : Numbers.seconds(micros);
    }
}
